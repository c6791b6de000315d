'use strict';
// Requests racing on one item: concurrent updates leave one whole update
// (never a title of one with the price of another), concurrent commands
// move the item once, and none of them fails with a server error.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { setting } = require('./lib/adverts');
const { wallapopSeller, itemBody, createItem, getItem, publishItem, assertError } = require('./lib/wallapop-items');

let s, a;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	await setting(s, 'moderation.manual', 1);
	await setting(s, 'ratelimit.wallapop.seller', '100000/1');
	a = await wallapopSeller(s);
});
test.after(() => s && s.stop());

test('twelve PUTs racing on one item: each answers 204 or 409, and the item is one of them whole', async () => {
	const id = await createItem(s, a.token);
	const bodies = Array.from({ length: 12 }, (_, i) => itemBody({
		item: { title: `Bluzka wersja ${i}`, price: { cash_amount: 10 + i, currency: 'EUR' } },
		attributes: { external_id: `V-${i}`, size: i % 2 ? 'l' : 's' } }));
	const rs = await Promise.all(bodies.map((json) => s.req('PUT', `/items/${id}`, { token: a.token, json })));
	for (const r of rs) {
		if (r.status === 409) assertError(r, 409, 'INVALID_STATUS', /concurrent/);
		else assert.strictEqual(r.status, 204, r.text);
	}
	assert.ok(rs.some((r) => r.status === 204));
	const item = await getItem(s, a.token, id);
	const i = Number(item.title.replace('Bluzka wersja ', ''));
	assert.deepStrictEqual(item.price, { cash_amount: 10 + i, currency: 'EUR' });
	assert.deepStrictEqual(item.attributes, { external_id: `V-${i}`, state: 'used', size: i % 2 ? 'l' : 's' });
	// One row of each parameter: no update left another's behind.
	assert.strictEqual(sql(s, `SELECT count(*) FROM advert_params WHERE advert_id = ${id}`), '2');
});

test('sold and inactivate racing on one published item: one wins, the other is refused, the item is one or the other', async () => {
	for (let round = 0; round < 5; round++) {
		const id = await publishItem(s, a.token);
		const [sold, hidden] = await Promise.all(['sold', 'inactivate'].map((c) =>
			s.req('PUT', `/items/${id}/${c}`, { token: a.token })));
		const won = [sold, hidden].filter((r) => r.status === 204);
		assert.strictEqual(won.length, 1, `${sold.status} ${sold.text} / ${hidden.status} ${hidden.text}`);
		const lost = sold.status === 204 ? hidden : sold;
		assert.ok(lost.status === 403 || lost.status === 409, lost.text);
		assert.match(lost.json.code, /^INVALID_STATUS$/);
		const item = await getItem(s, a.token, id);
		assert.deepStrictEqual([!!item.sold, !!item.inactive], sold.status === 204 ? [true, false] : [false, true]);
		assert.strictEqual(sql(s, `SELECT count(*) FROM events WHERE listing_id = ${id} AND type = 'listing.status_changed'
			AND to_status = 'removed_by_user'`), '1');
	}
});

test('five reserves racing: exactly one 204, the others INVALID_STATUS', async () => {
	const id = await publishItem(s, a.token);
	const rs = await Promise.all(Array.from({ length: 5 }, () => s.req('PUT', `/items/${id}/reserve`, { token: a.token })));
	assert.strictEqual(rs.filter((r) => r.status === 204).length, 1, rs.map((r) => r.status).join(' '));
	for (const r of rs.filter((x) => x.status !== 204)) assert.strictEqual(r.json.code, 'INVALID_STATUS', r.text);
	assert.deepStrictEqual((await getItem(s, a.token, id)).reserved, { flag: true });
});

test('a PUT racing a DELETE: the item is either deleted or updated, never half of each', async () => {
	for (let round = 0; round < 5; round++) {
		const id = await createItem(s, a.token);
		const [put, del] = await Promise.all([
			s.req('PUT', `/items/${id}`, { token: a.token, json: itemBody({ item: { title: 'Bluzka po zmianie' } }) }),
			s.req('DELETE', `/items/${id}`, { token: a.token })]);
		assert.strictEqual(del.status, 204, del.text);
		assert.ok([204, 404, 409].includes(put.status), put.text);
		assert.strictEqual(sql(s, `SELECT status FROM adverts WHERE id = ${id}`), 'deleted');
		assertError(await s.req('GET', `/items/${id}`, { token: a.token }), 404, 'INVALID_ITEM_ID');
	}
});
