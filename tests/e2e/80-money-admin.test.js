'use strict';
// The operator's money controls: top-ups retried under one Idempotency-Key
// credit once, a key reused for another amount is refused, postpaid is
// switched per seller, every movement is listed with the balance it left,
// and prices are set per category with the default below them. Racing
// retries of one top-up credit once.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');

let s, key, seller;
test.before(async () => {
	s = await startSouk();
	key = s.cli(['operator', 'create', '--name', 'money']).token;
	seller = s.cli(['user', 'create', '--email', 'money@souk.test', '--password', 'money money money']).id;
});
test.after(() => s && s.stop());

const money = (path, opts = {}) => s.req(opts.method || 'GET', `/api/admin/users/${seller}/money${path}`,
	{ token: key, ...opts });

test('a new seller has no money and no postpaid', async () => {
	const r = await money('');
	assert.strictEqual(r.status, 200);
	assert.deepStrictEqual(r.json, { user_id: seller, sum: 0, wallet: 0, bonus: 0, refund: 0, postpaid: 0,
		currency: 'PLN', postpaid_enabled: false });
	assert.strictEqual((await s.req('GET', '/api/admin/users/999999/money', { token: key })).status, 404);
	assert.strictEqual((await s.req('GET', `/api/admin/users/${seller}/money`)).status, 401);
});

test('a top-up retried under its key credits once; the key for another amount is refused', async () => {
	const headers = { 'Idempotency-Key': 'top-up-1' };
	const first = await money('/top-ups', { method: 'POST', headers, json: { amount: 100.5 } });
	assert.strictEqual(first.status, 201);
	assert.strictEqual(first.json.operation.amount, 100.5);
	assert.strictEqual(first.json.operation.method, 'wallet');
	assert.strictEqual(first.json.replayed, false);
	const again = await money('/top-ups', { method: 'POST', headers, json: { amount: 100.5 } });
	assert.strictEqual(again.status, 200);
	assert.strictEqual(again.json.replayed, true);
	assert.strictEqual(again.json.operation.id, first.json.operation.id);
	const other = await money('/top-ups', { method: 'POST', headers, json: { amount: 5 } });
	assert.strictEqual(other.status, 409);
	// Exact decimals: 0.1 + 0.2 is 0.30, never 0.30000000000000004.
	await money('/top-ups', { method: 'POST', json: { amount: 0.1, pocket: 'bonus' } });
	await money('/top-ups', { method: 'POST', json: { amount: '0.2', pocket: 'bonus' } });
	const b = await money('');
	assert.strictEqual(b.json.wallet, 100.5);
	assert.strictEqual(b.json.bonus, 0.3);
	assert.strictEqual(b.json.sum, 100.8);
});

test('top-ups racing under one key credit once', async () => {
	const before = (await money('')).json.wallet;
	const headers = { 'Idempotency-Key': 'racing-top-up' };
	const all = await Promise.all(Array.from({ length: 8 },
		() => money('/top-ups', { method: 'POST', headers, json: { amount: 7 } })));
	assert.strictEqual(all.filter((r) => r.status === 201).length, 1);
	assert.ok(all.every((r) => r.status === 201 || r.status === 200));
	assert.strictEqual(new Set(all.map((r) => r.json.operation.id)).size, 1);
	assert.strictEqual((await money('')).json.wallet, before + 7);
});

test('bad top-ups are refused in the operator format', async () => {
	for (const json of [{}, { amount: 0 }, { amount: -5 }, { amount: 'ten' }, { amount: 5, pocket: 'postpaid' },
		{ amount: 5, pocket: 'gold' }, { amount: 1e20 }, [1]]) {
		const r = await money('/top-ups', { method: 'POST', json });
		assert.strictEqual(r.status, 400, JSON.stringify(json));
		assert.strictEqual(r.json.error.status, 400);
	}
	const long = await money('/top-ups', { method: 'POST', headers: { 'Idempotency-Key': 'k'.repeat(256) },
		json: { amount: 1 } });
	assert.strictEqual(long.status, 400);
	const nobody = await s.req('POST', '/api/admin/users/999999/money/top-ups', { token: key, json: { amount: 1 } });
	assert.strictEqual(nobody.status, 404);
});

test('postpaid is switched per seller', async () => {
	const on = await money('/postpaid', { method: 'PUT', json: { enabled: true } });
	assert.strictEqual(on.status, 200);
	assert.strictEqual(on.json.postpaid_enabled, true);
	assert.strictEqual((await money('')).json.postpaid_enabled, true);
	assert.strictEqual((await money('/postpaid', { method: 'PUT', json: { enabled: 'yes' } })).status, 400);
	const off = await money('/postpaid', { method: 'PUT', json: { enabled: false } });
	assert.strictEqual(off.json.postpaid_enabled, false);
});

test('every movement is an entry, newest first, with the balance it left', async () => {
	const r = await money('/entries?limit=100');
	assert.strictEqual(r.status, 200);
	assert.strictEqual(r.json.total, r.json.entries.length);
	const byPocket = {};
	for (const e of [...r.json.entries].reverse()) {
		assert.strictEqual(e.direction, 'credit');
		const cents = Math.round(e.amount * 100);
		byPocket[e.pocket] = (byPocket[e.pocket] || 0) + cents;
		assert.strictEqual(Math.round(e.balance_after * 100), byPocket[e.pocket]);
		assert.strictEqual(e.operation.kind, 'top_up');
		assert.strictEqual(e.operation.face, 'admin');
	}
	const b = (await money('')).json;
	assert.strictEqual(Math.round(b.wallet * 100), byPocket.wallet);
	assert.strictEqual(Math.round(b.bonus * 100), byPocket.bonus);
	const page = await money('/entries?limit=1&offset=1');
	assert.deepStrictEqual(page.json.entries[0], r.json.entries[1]);
	assert.strictEqual((await money('/entries?limit=0')).status, 400);
});

test('prices are set per category, the default beneath them', async () => {
	const price = async (category) => {
		const r = await s.req('GET', `/api/admin/prices?category_id=${category}`, { token: key });
		assert.strictEqual(r.status, 200);
		return Object.fromEntries(r.json.prices.map((p) => [p.product, p.amount]));
	};
	const catalogue = await price(0);
	assert.ok(catalogue.promoted_ad_7 > 0 && catalogue.packet_base_10 > 0 && 'package_basic' in catalogue);
	const put = (json) => s.req('PUT', '/api/admin/prices', { token: key, json });
	assert.strictEqual((await put({ category_id: 0, product: 'promoted_ad_7', amount: 31 })).status, 200);
	assert.strictEqual((await put({ category_id: 642, product: 'promoted_ad_7', amount: '35.50' })).status, 200);
	assert.strictEqual((await price(1581)).promoted_ad_7, 35.5);	// from its parent
	assert.strictEqual((await price(87)).promoted_ad_7, 31);	// the default
	assert.strictEqual((await put({ category_id: 999999, product: 'bump_up', amount: 1 })).status, 404);
	assert.strictEqual((await put({ category_id: 0, product: 'gold', amount: 1 })).status, 404);
	assert.strictEqual((await put({ category_id: 0, product: 'bump_up', amount: -1 })).status, 400);
	assert.strictEqual((await put({ category_id: 'x', product: 'bump_up', amount: 1 })).status, 400);
	assert.strictEqual((await s.req('GET', '/api/admin/prices?category_id=999999', { token: key })).status, 404);
});
