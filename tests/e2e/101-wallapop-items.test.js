'use strict';
// Wallapop items (the document's Items tag): create, read, update and
// delete, every answer checked against wallapop-items.yaml by the harness
// and every refusal against its Error component. An item is a listing of
// the core; another seller's is a 404.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp, makeUser, codeGrant, sql } = require('./lib/oauth-flow');
const { DATA } = require('./lib/adverts');
const { wallapopSeller, itemBody, createItem, getItem, assertError, setPlace } = require('./lib/wallapop-items');

let s, a, b;
test.before(async () => {
	// No moderation between a write and the read that compares with it, and
	// no image fetched (the image tests fetch theirs).
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	a = await wallapopSeller(s);
	b = await wallapopSeller(s);
});
test.after(() => s && s.stop());

test('POST /items answers 201 with the id; GET gives the item as it was sent, at the seller\'s place', async () => {
	const id = await createItem(s, a.token, itemBody({ attributes: { external_id: 'SKU-1' },
		item: { delivery: { allowed_by_user: true } } }));
	const item = await getItem(s, a.token, id);
	assert.strictEqual(item.id, id);
	assert.strictEqual(item.category_leaf_id, String(DATA.leaf));
	assert.strictEqual(item.title, 'Bluzka damska bawełniana rozmiar M');
	assert.match(item.description, /^Bluzka w bardzo dobrym stanie/);
	assert.deepStrictEqual(item.price, { cash_amount: 25.5, currency: 'EUR' });
	assert.deepStrictEqual(item.attributes, { external_id: 'SKU-1', state: 'used', size: 'm' });
	assert.deepStrictEqual(item.delivery, { allowed_by_user: true });
	// The main image is fetched in the background (e2e 107, 119):
	// images.test does not exist, so this item never shows one.
	assert.deepStrictEqual(item.images, []);
	// Flags appear only when true: a new item is none of them.
	for (const f of ['reserved', 'inactive', 'expired', 'sold']) assert.strictEqual(item[f], undefined, f);
	// The listing is where the seller is, and sold in the seller's name.
	assert.strictEqual(sql(s, `SELECT city_id FROM adverts WHERE id = ${id}`), String(DATA.warsaw));
	assert.strictEqual(sql(s, `SELECT status FROM adverts WHERE id = ${id}`), 'new');
});

test('GET /items lists the seller\'s items only', async () => {
	const u = await wallapopSeller(s);
	const ids = [await createItem(s, u.token), await createItem(s, u.token)];
	const r = await s.req('GET', '/items', { token: u.token });
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual(r.json.data.map((i) => i.id), ids);
	assert.strictEqual(r.json.meta.pagination.next, undefined);
	assert.deepStrictEqual(r.json.data[0].price, { cash_amount: 25.5, currency: 'EUR' });
});

test('PUT /items/{id} replaces the item\'s fields (204); what it does not name stays', async () => {
	const id = await createItem(s, a.token, itemBody({ attributes: { external_id: 'SKU-2' } }));
	const r = await s.req('PUT', `/items/${id}`, { token: a.token, json: { item: {
		category_leaf_id: String(DATA.leaf), title: 'Bluzka lniana biała rozmiar L',
		description: 'Lniana bluzka, biała, noszona raz. Bez plam.', price: { cash_amount: 30, currency: 'EUR' },
	} } });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual(r.text, '');
	const item = await getItem(s, a.token, id);
	assert.strictEqual(item.title, 'Bluzka lniana biała rozmiar L');
	assert.deepStrictEqual(item.price, { cash_amount: 30, currency: 'EUR' });
	// Attributes not sent stay.
	assert.deepStrictEqual(item.attributes, { external_id: 'SKU-2', state: 'used', size: 'm' });
	// Attributes sent replace them all.
	const r2 = await s.req('PUT', `/items/${id}`, { token: a.token, json: itemBody({ attributes: { size: 'l' } }) });
	assert.strictEqual(r2.status, 204, r2.text);
	assert.deepStrictEqual((await getItem(s, a.token, id)).attributes, { state: 'used', size: 'l' });
});

test('stock and delivery are kept: sent on create, replaced when sent again, left as they are when not', async () => {
	const id = await createItem(s, a.token, itemBody({ stock: { units: 7 },
		item: { delivery: { allowed_by_user: true, max_weight_kg: 10, free_shipping: true } } }));
	let item = await getItem(s, a.token, id);
	assert.deepStrictEqual(item.stock, { units: 7 });
	assert.deepStrictEqual(item.delivery, { allowed_by_user: true, max_weight_kg: 10, free_shipping: true });
	// An update without them keeps them; with them, replaces them.
	assert.strictEqual((await s.req('PUT', `/items/${id}`, { token: a.token, json: { item: itemBody().item } })).status, 204);
	item = await getItem(s, a.token, id);
	assert.deepStrictEqual(item.stock, { units: 7 });
	assert.deepStrictEqual(item.delivery, { allowed_by_user: true, max_weight_kg: 10, free_shipping: true });
	const r = await s.req('PUT', `/items/${id}`, { token: a.token, json: { item: itemBody({ item: {
		delivery: { allowed_by_user: false } } }).item, stock: { units: 0 } } });
	assert.strictEqual(r.status, 204, r.text);
	item = await getItem(s, a.token, id);
	assert.deepStrictEqual(item.stock, { units: 0 });
	assert.deepStrictEqual(item.delivery, { allowed_by_user: false });
});

test('DELETE /items/{id} answers 204; the item is gone (404), from the list too', async () => {
	const u = await wallapopSeller(s);
	const id = await createItem(s, u.token);
	const r = await s.req('DELETE', `/items/${id}`, { token: u.token });
	assert.strictEqual(r.status, 204, r.text);
	assertError(await s.req('GET', `/items/${id}`, { token: u.token }), 404, 'INVALID_ITEM_ID');
	assertError(await s.req('DELETE', `/items/${id}`, { token: u.token }), 404, 'INVALID_ITEM_ID');
	assert.deepStrictEqual((await s.req('GET', '/items', { token: u.token })).json.data, []);
});

test('a running item is deleted too: it ends and is deleted in one step', async () => {
	const id = await createItem(s, a.token);
	sql(s, `UPDATE adverts SET status = 'active' WHERE id = ${id}`);
	const r = await s.req('DELETE', `/items/${id}`, { token: a.token });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual(sql(s, `SELECT status FROM adverts WHERE id = ${id}`), 'deleted');
});

test('another seller\'s item does not exist: GET, PUT and DELETE answer 404 and change nothing', async () => {
	const id = await createItem(s, a.token);
	assertError(await s.req('GET', `/items/${id}`, { token: b.token }), 404, 'INVALID_ITEM_ID');
	assertError(await s.req('PUT', `/items/${id}`, { token: b.token, json: itemBody({ item: { title: 'Przejęta bluzka' } }) }),
		404, 'INVALID_ITEM_ID');
	assertError(await s.req('DELETE', `/items/${id}`, { token: b.token }), 404, 'INVALID_ITEM_ID');
	const item = await getItem(s, a.token, id);
	assert.strictEqual(item.title, 'Bluzka damska bawełniana rozmiar M');
	assert.ok(!(await s.req('GET', '/items', { token: b.token })).json.data.some((i) => i.id === id));
});

test('ids that are no item: 404 INVALID_ITEM_ID', async () => {
	for (const p of ['/items/0', '/items/abc', '/items/99999999', '/items/1e3', '/items/-1'])
		assertError(await s.req('GET', p, { token: a.token }), 404, 'INVALID_ITEM_ID');
});

test('the dispatcher\'s refusals speak the document\'s Error: 401, 403, 404, 405, 415, 400', async () => {
	assertError(await s.req('GET', '/items'), 401, 'USER_UNAUTHORIZED');
	assertError(await s.req('GET', '/items', { token: 'not-a-token' }), 401, 'USER_UNAUTHORIZED');
	// A token of another face's app.
	const olx = await codeGrant(s, makeApp(s), makeUser(s));
	assertError(await s.req('GET', '/items', { token: olx.access_token }), 403, 'USER_UNAUTHORIZED');
	assertError(await s.req('POST', '/items', { token: olx.access_token, json: itemBody() }), 403, 'USER_UNAUTHORIZED');
	assertError(await s.req('GET', '/items/1/nothing/here', { token: a.token }), 404, 'INVALID_ITEM_ID');
	const m = await s.req('PATCH', '/items', { token: a.token, json: {} });
	assertError(m, 405, 'INVALID_BODY_REQUEST');
	assert.match(m.headers.allow, /GET/);
	assertError(await s.req('POST', '/items', { token: a.token, body: 'x=1', headers: { 'Content-Type': 'text/plain' } }),
		415, 'INVALID_BODY_REQUEST');
	assertError(await s.req('POST', '/items', { token: a.token, body: '{"item": ',
		headers: { 'Content-Type': 'application/json' } }), 400, 'INVALID_BODY_REQUEST');
});

// Each bad body is refused with its code, and nothing is stored.
const bad = [
	['not an object', [1, 2], 'INVALID_BODY_REQUEST', /body/i],
	['no item', { main_image: { url: 'http://images.test/a.jpg' } }, 'INVALID_BODY_REQUEST', /item is required/],
	['item not an object', { item: 'x', main_image: { url: 'http://images.test/a.jpg' } }, 'INVALID_BODY_REQUEST',
		/item must be an object/],
	['title missing', itemBody({ item: { title: undefined } }), 'INVALID_BODY_REQUEST', /item\.title is required/],
	['title a number', itemBody({ item: { title: 12 } }), 'INVALID_BODY_REQUEST', /item\.title must be a string/],
	['description missing', itemBody({ item: { description: undefined } }), 'INVALID_BODY_REQUEST', /item\.description/],
	['price missing', itemBody({ item: { price: undefined } }), 'INVALID_BODY_REQUEST', /item\.price is required/],
	['price a string', itemBody({ item: { price: { cash_amount: '12', currency: 'EUR' } } }), 'INVALID_BODY_REQUEST',
		/cash_amount/],
	['price negative', itemBody({ item: { price: { cash_amount: -1, currency: 'EUR' } } }), 'INVALID_BODY_REQUEST',
		/cash_amount/],
	['currency missing', itemBody({ item: { price: { cash_amount: 1 } } }), 'INVALID_BODY_REQUEST', /currency/],
	['currency PLN', itemBody({ item: { price: { cash_amount: 1, currency: 'PLN' } } }), 'INVALID_BODY_REQUEST', /EUR/],
	['price too large', itemBody({ item: { price: { cash_amount: 1000000, currency: 'EUR' } } }), 'INVALID_BODY_REQUEST',
		/cash_amount is too large/],
	['title too long', itemBody({ item: { title: 'B'.repeat(10) + 'luzka'.repeat(9) } }), 'INVALID_BODY_REQUEST',
		/item\.title is too long: 55 characters where at most 50/],
	['empty title', itemBody({ item: { title: '' } }), 'INVALID_BODY_REQUEST', /item\.title/],
	['description too long', itemBody({ item: { description: 'Ładna bluzka. '.repeat(50) } }), 'INVALID_BODY_REQUEST',
		/item\.description is too long/],
	['category missing', itemBody({ item: { category_leaf_id: undefined } }), 'INVALID_BODY_REQUEST', /category_leaf_id/],
	['category not a number', itemBody({ item: { category_leaf_id: 'shoes' } }), 'INVALID_CATEGORY_LEAF', /category/],
	['category unknown', itemBody({ item: { category_leaf_id: '999999' } }), 'INVALID_CATEGORY_LEAF',
		/category_leaf_id does not exist/],
	['category not a leaf', itemBody({ item: { category_leaf_id: String(DATA.parent) } }), 'INVALID_CATEGORY_LEAF',
		/not assignable/],
	['attribute unknown', itemBody({ attributes: { horsepower: '300' } }), 'INVALID_ATTRIBUTE', /attributes\.horsepower/],
	['attribute value not allowed', itemBody({ attributes: { size: 'gigantic' } }), 'INVALID_ATTRIBUTE', /attributes\.size/],
	['required attribute missing', itemBody({ item: { attributes: { state: 'used' } } }), 'INVALID_ATTRIBUTE',
		/attributes\.size is required/],
	['attributes an array', itemBody({ item: { attributes: ['a'] } }), 'INVALID_BODY_REQUEST', /attributes must be an object/],
	['attribute an object', itemBody({ attributes: { size: { v: 1 } } }), 'INVALID_BODY_REQUEST', /attributes\.size/],
	['external_id an object', itemBody({ attributes: { external_id: {} } }), 'INVALID_BODY_REQUEST', /external_id/],
	['delivery without allowed_by_user', itemBody({ item: { delivery: {} } }), 'INVALID_BODY_REQUEST', /allowed_by_user/],
	['delivery weight off the steps', itemBody({ item: { delivery: { allowed_by_user: true, max_weight_kg: 7 } } }),
		'INVALID_BODY_REQUEST', /max_weight_kg/],
	['hashtags not strings', itemBody({ item: { hashtags: [1] } }), 'INVALID_BODY_REQUEST', /hashtags/],
	['stock negative', itemBody({ stock: { units: -2 } }), 'INVALID_BODY_REQUEST', /stock\.units/],
	['no main image', itemBody({ main_image: undefined }), 'MISSING_MAIN_IMAGE', /main_image/],
	['main image without url', itemBody({ main_image: {} }), 'MISSING_MAIN_IMAGE', /main_image/],
	['main image url a number', itemBody({ main_image: { url: 5 } }), 'INVALID_BODY_REQUEST', /main_image\.url/],
	['main image not http', itemBody({ image: 'ftp://images.test/a.jpg' }), 'INVALID_IMAGE', /main_image\.url/],
	['title with a phone number', itemBody({ item: { title: 'Bluzka dzwoń 600 100 200' } }), 'INVALID_BODY_REQUEST',
		/item\.title contains a phone number/],
];
for (const [name, body, code, message] of bad) {
	test(`POST /items refuses ${name}: 400 ${code}, nothing stored`, async () => {
		const before = sql(s, 'SELECT count(*) FROM adverts');
		assertError(await s.req('POST', '/items', { token: a.token, json: body }), 400, code, message);
		assert.strictEqual(sql(s, 'SELECT count(*) FROM adverts'), before);
	});
}

test('the message names every problem; the code is the gravest one\'s', async () => {
	const r = await s.req('POST', '/items', { token: a.token, json: itemBody({ item: { title: 'B'.repeat(60) },
		attributes: { size: 'gigantic' } }) });
	assertError(r, 400, 'INVALID_ATTRIBUTE', /item\.title is too long.*; item\.attributes\.size|item\.attributes\.size.*item\.title/);
});

test('a seller without a place: 400 USER_LOCATION_MISSING; once the operator sets one the item is created', async () => {
	const u = await wallapopSeller(s, { place: false });
	assertError(await s.req('POST', '/items', { token: u.token, json: itemBody() }), 400, 'USER_LOCATION_MISSING',
		/User without location set/);
	await setPlace(s, u.user.id, DATA.warsaw, DATA.warsawDistrict);
	const id = await createItem(s, u.token);
	assert.strictEqual(sql(s, `SELECT city_id || ' ' || district_id FROM adverts WHERE id = ${id}`),
		`${DATA.warsaw} ${DATA.warsawDistrict}`);
});

test('the operator\'s place must be a city, and a district of it', async () => {
	const u = makeUser(s);
	const key = require('./lib/adverts').operator(s);
	const put = (json) => s.req('PUT', `/api/admin/users/${u.id}/place`, { token: key, json });
	assert.strictEqual((await put({ city_id: 99999999 })).status, 400);
	assert.strictEqual((await put({ city_id: DATA.warsaw, district_id: DATA.otherCityDistrict })).status, 400);
	assert.strictEqual((await put({ city_id: 'x' })).status, 400);
	assert.strictEqual((await put({})).status, 400);
	assert.strictEqual((await s.req('PUT', '/api/admin/users/99999999/place', { token: key, json: { city_id: DATA.warsaw } })).status,
		404);
	const ok = await put({ city_id: DATA.krakow });
	assert.deepStrictEqual(ok.json, { id: u.id, city_id: DATA.krakow, district_id: null });
});

test('PUT refuses bad bodies with the same codes and leaves the item as it was', async () => {
	const id = await createItem(s, a.token);
	const before = await getItem(s, a.token, id);
	assertError(await s.req('PUT', `/items/${id}`, { token: a.token, json: { title: 'x' } }), 400, 'INVALID_BODY_REQUEST',
		/item is required/);
	assertError(await s.req('PUT', `/items/${id}`, { token: a.token, json: itemBody({ item: { category_leaf_id: String(DATA.parent) } }) }),
		400, 'INVALID_CATEGORY_LEAF');
	assertError(await s.req('PUT', `/items/${id}`, { token: a.token, json: itemBody({ attributes: { size: 'xxxl-huge' } }) }),
		400, 'INVALID_ATTRIBUTE');
	assertError(await s.req('PUT', `/items/${id}`, { token: a.token, body: '[', headers: { 'Content-Type': 'application/json' } }),
		400, 'INVALID_BODY_REQUEST');
	assert.deepStrictEqual(await getItem(s, a.token, id), before);
});

test('a category id sent as a number is read as the document\'s string', async () => {
	const id = await createItem(s, a.token, itemBody({ item: { category_leaf_id: DATA.leaf } }));
	assert.strictEqual((await getItem(s, a.token, id)).category_leaf_id, String(DATA.leaf));
});
