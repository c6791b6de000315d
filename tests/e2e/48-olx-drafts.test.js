'use strict';
// A draft saved through another face (Allegro's offers: status draft, maybe
// without description, price or city) is not an OLX advert: OLX's status list
// has no draft, and an incomplete advert cannot be written in the document's
// shape. Every OLX route answers for it as for an advert that does not exist
// (404 "Advert not found"), the list leaves it out of its items and its
// total, and nothing an OLX client sends changes it. The draft is written
// straight into the database, as the Allegro face's save stores it.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { advertBody, seller, create } = require('./lib/adverts');

const NOT_FOUND = { error: { status: 404, title: 'Not Found', detail: 'Advert not found' } };
let s, a, draftId, listed;

test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	a = await seller(s);
	listed = await create(s, a.token, advertBody());
	// incomplete: a title only, no description, category, price or city
	draftId = Number(sql(s, `INSERT INTO adverts(item_id, user_id, status, title, created_at, updated_at)
		VALUES ('d0d0d0d0d0d0d0d0', ${a.user.id}, 'draft', 'Szkic bez opisu', 1700000000, 1700000000);
		SELECT last_insert_rowid();`));
	assert.ok(draftId > listed.id);
});
test.after(() => s && s.stop());

const stored = () => sql(s, `SELECT status || '|' || title || '|' || ifnull(description, '-') FROM adverts WHERE id = ${draftId}`);

test('GET answers 404 as for an advert that does not exist', async () => {
	for (const p of ['', '/moderation-reason', '/statistics', '/logos']) {
		const r = await s.req('GET', `/api/partner/adverts/${draftId}${p}`, { token: a.token });
		assert.strictEqual(r.status, 404, p);
		assert.deepStrictEqual(r.json, NOT_FOUND, p);
	}
});

test('the list leaves it out, items and total', async () => {
	const r = await s.req('GET', '/api/partner/adverts?limit=100', { token: a.token });
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual(r.json.data.map((x) => x.id), [listed.id]);
	assert.strictEqual(r.json.metadata.total_elements, 1);
});

test('PUT, DELETE, commands, logos and statistics cannot reach it, and it stays as it was', async () => {
	const before = stored();
	assert.strictEqual(before, 'draft|Szkic bez opisu|-');
	const calls = [
		['PUT', '', { json: advertBody() }],
		['DELETE', '', {}],
		['POST', '/commands', { json: { command: 'activate' } }],
		['POST', '/commands', { json: { command: 'deactivate', is_success: true } }],
		['POST', '/commands', { json: { command: 'finish' } }],
		['POST', '/commands', { json: { command: 'extend' } }],
		['POST', '/logos', { json: { url: 'https://shop.test/logo.png' } }],
		['DELETE', '/statistics/advert-views', {}],
	];
	for (const [method, p, opts] of calls) {
		const r = await s.req(method, `/api/partner/adverts/${draftId}${p}`, { token: a.token, ...opts });
		assert.strictEqual(r.status, 404, `${method} ${p}: ${r.text}`);
		assert.deepStrictEqual(r.json, NOT_FOUND, `${method} ${p}`);
	}
	assert.strictEqual(stored(), before);
	assert.strictEqual(Number(sql(s, `SELECT count(*) FROM events WHERE listing_id = ${draftId}`)), 0);
});

test('another seller gets the same 404, not "not the owner"', async () => {
	const b = await seller(s);
	const r = await s.req('GET', `/api/partner/adverts/${draftId}`, { token: b.token });
	assert.strictEqual(r.status, 404);
	assert.deepStrictEqual(r.json, NOT_FOUND);
});
