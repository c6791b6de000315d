'use strict';
// OLX's inline contact ({name, phone}) against the offer contacts' limit of
// 50: OLX has no such limit, so an OLX create never fails for it. The same
// contact is one record however many adverts name it; the 51st distinct one
// is a create like any other. Every answer is checked against the OLX
// document by the harness.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { advertBody, seller, create } = require('./lib/adverts');

const LIMIT = 50;
let s, a;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	a = await seller(s);
});
test.after(() => s && s.stop());

const contacts = (userId) => Number(sql(s, `SELECT count(*) FROM offer_contacts WHERE user_id = ${userId}`));

test('many adverts with the same inline contact share one record', async () => {
	for (let k = 0; k < 5; k++) {
		const ad = await create(s, a.token, advertBody({ contact: { name: 'Anna', phone: '600100200' } }));
		assert.deepStrictEqual(ad.contact, { name: 'Anna', phone: '600100200' });
	}
	assert.strictEqual(contacts(a.user.id), 1);
});

test(`more than ${LIMIT} distinct inline contacts: every create succeeds`, async () => {
	const b = await seller(s);
	const ids = [];
	for (let k = 0; k < LIMIT + 5; k++) {
		const contact = { name: `Kontakt ${k}`, phone: `600100${String(k).padStart(3, '0')}` };
		const r = await s.req('POST', '/api/partner/adverts', { token: b.token, json: advertBody({ contact }) });
		assert.strictEqual(r.status, 200, `create ${k + 1}: ${r.text}`);
		assert.deepStrictEqual(r.json.data.contact, contact);
		ids.push(r.json.data.id);
	}
	assert.strictEqual(contacts(b.user.id), LIMIT + 5);
	// none of them counts against the limit of contacts a seller keeps on its own
	assert.strictEqual(Number(sql(s, `SELECT count(*) FROM offer_contacts WHERE user_id = ${b.user.id} AND implicit = 0`)), 0);
	// a replace naming yet another contact succeeds too, and reads back
	const contact = { name: 'Kontakt po zmianie', phone: '600999999' };
	const r = await s.req('PUT', `/api/partner/adverts/${ids[0]}`, { token: b.token, json: advertBody({ contact }) });
	assert.strictEqual(r.status, 200, r.text);
	const g = await s.req('GET', `/api/partner/adverts/${ids[0]}`, { token: b.token });
	assert.deepStrictEqual(g.json.data.contact, contact);
});
