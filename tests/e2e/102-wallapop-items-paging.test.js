'use strict';
// GET /items pages the seller's items 40 at a time behind the `since`
// cursor of meta.pagination.next, which is absent after the last page:
// every item once, in order, also while items come and go between pages.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { setting } = require('./lib/adverts');
const { wallapopSeller, itemBody, createItem, assertError } = require('./lib/wallapop-items');

let s, a;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	// Many creates in a row: the per-seller limit has its own test.
	await setting(s, 'ratelimit.wallapop.seller', '100000/1');
	await setting(s, 'adverts.free_limit', 100000);
	a = await wallapopSeller(s);
});
test.after(() => s && s.stop());

async function allPages(token, query = '') {
	const pages = [];
	let next;
	do {
		const sep = query ? '&' : '';
		const path = `/items?${query}${next !== undefined ? `${sep}since=${encodeURIComponent(next)}` : ''}`;
		const r = await s.req('GET', path, { token });
		assert.strictEqual(r.status, 200, r.text);
		pages.push(r.json.data.map((i) => i.id));
		next = r.json.meta.pagination.next;
		assert.ok(pages.length < 10, 'the cursor does not end');
	} while (next !== undefined);
	return pages;
}

test('85 items come in pages of 40, 40 and 5, each once and in order; no next after the last', async () => {
	const ids = [];
	for (let i = 0; i < 85; i++)
		ids.push(await createItem(s, a.token, itemBody({ item: { title: `Bluzka numer ${i}` } })));
	const pages = await allPages(a.token);
	assert.deepStrictEqual(pages.map((p) => p.length), [40, 40, 5]);
	assert.deepStrictEqual(pages.flat(), ids);
});

test('exactly 40 items are one page, without a next', async () => {
	const u = await wallapopSeller(s);
	for (let i = 0; i < 40; i++) await createItem(s, u.token);
	assert.deepStrictEqual((await allPages(u.token)).map((p) => p.length), [40]);
});

test('a seller without items gets an empty page', async () => {
	const u = await wallapopSeller(s);
	const r = await s.req('GET', '/items', { token: u.token });
	assert.deepStrictEqual(r.json, { data: [], meta: { pagination: {} } });
});

test('items deleted and created between pages: none seen twice, none skipped that stayed', async () => {
	const u = await wallapopSeller(s);
	const ids = [];
	for (let i = 0; i < 50; i++) ids.push(await createItem(s, u.token));
	const first = await s.req('GET', '/items', { token: u.token });
	const seen = first.json.data.map((i) => i.id);
	// One of the page seen and one of the next page go; one comes.
	for (const id of [ids[3], ids[45]]) assert.strictEqual((await s.req('DELETE', `/items/${id}`, { token: u.token })).status, 204);
	const added = await createItem(s, u.token);
	const second = await s.req('GET', `/items?since=${first.json.meta.pagination.next}`, { token: u.token });
	const rest = second.json.data.map((i) => i.id);
	assert.deepStrictEqual(rest, [...ids.slice(40, 45), ...ids.slice(46), added]);
	assert.strictEqual(new Set([...seen, ...rest]).size, seen.length + rest.length);
});

test('a since that is no cursor of this list: 400 INVALID_BODY_REQUEST', async () => {
	for (const since of ['abc', '-1', '0', '1.5', '', '12abc'])
		assertError(await s.req('GET', `/items?since=${encodeURIComponent(since)}`, { token: a.token }), 400,
			'INVALID_BODY_REQUEST', /since/);
});

test('external_id filters the list (an extension): one or several, repeated', async () => {
	const u = await wallapopSeller(s);
	const x = await createItem(s, u.token, itemBody({ attributes: { external_id: 'SKU-X' } }));
	const y = await createItem(s, u.token, itemBody({ attributes: { external_id: 'SKU-Y' } }));
	await createItem(s, u.token);
	const one = await s.req('GET', '/items?external_id=SKU-X', { token: u.token });
	assert.deepStrictEqual(one.json.data.map((i) => i.id), [x]);
	const two = await s.req('GET', '/items?external_id=SKU-X&external_id=SKU-Y', { token: u.token });
	assert.deepStrictEqual(two.json.data.map((i) => i.id), [x, y]);
	const none = await s.req('GET', '/items?external_id=SKU-Z', { token: u.token });
	assert.deepStrictEqual(none.json.data, []);
	// Another seller's SKU is not found through the filter.
	const other = await s.req('GET', '/items?external_id=SKU-X', { token: a.token });
	assert.deepStrictEqual(other.json.data, []);
});
