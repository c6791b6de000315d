'use strict';
// One marketplace, three dialects: an item is the listing the OLX face calls
// an advert and the Allegro face an offer. Made in one face, it is read,
// changed and ended in the others; the license plate of a car (seed 000) is
// one of its category's attributes and, like external_id, a filter of
// GET /items (an extension).

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp, codeGrant } = require('./lib/oauth-flow');
const { DATA, advertBody, setting, operator } = require('./lib/adverts');
const { makeAllegroApp, allegroCodeGrant, ALLEGRO_MEDIA } = require('./lib/allegro');
const { wallapopSeller, itemBody, createItem, getItem, publishItem, assertError } = require('./lib/wallapop-items');

let s, w, olx, allegro;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	await setting(s, 'moderation.manual', 1);
	// One seller, signed in through an app of each face.
	w = await wallapopSeller(s);
	olx = (await codeGrant(s, makeApp(s), w.user)).access_token;
	allegro = (await allegroCodeGrant(s, makeAllegroApp(s), w.user)).access_token;
});
test.after(() => s && s.stop());

// The item's own fields as an update sends them back.
async function getItemBody(id) {
	const i = await getItem(s, w.token, id);
	return { category_leaf_id: i.category_leaf_id, title: i.title, description: i.description,
		price: { cash_amount: i.price.cash_amount, currency: 'EUR' } };
}

const olxAdvert = async (id) => {
	const r = await s.req('GET', `/api/partner/adverts/${id}`, { token: olx });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data;
};

test('an item made through Wallapop is the OLX advert and the Allegro offer', async () => {
	const id = await createItem(s, w.token, itemBody({ attributes: { external_id: 'SKU-W1' } }));
	const ad = await olxAdvert(id);
	assert.strictEqual(ad.title, 'Bluzka damska bawełniana rozmiar M');
	assert.deepStrictEqual(ad.price.value, 25.5);
	assert.strictEqual(ad.price.currency, 'EUR');
	assert.strictEqual(ad.external_id, 'SKU-W1');
	assert.strictEqual(ad.location.city_id, DATA.warsaw);
	assert.strictEqual(ad.contact.name, 'Test Seller');
	// its main image is on its way (fetched in the background, e2e 107)
	assert.deepStrictEqual(ad.images, []);
	const offer = await s.req('GET', `/sale/offers/${id}`, { token: allegro, headers: { Accept: ALLEGRO_MEDIA } });
	assert.strictEqual(offer.status, 200, offer.text);
	assert.strictEqual(offer.json.name, 'Bluzka damska bawełniana rozmiar M');
	assert.strictEqual(offer.json.external.id, 'SKU-W1');
});

test('an OLX advert is an item: read, listed, updated and sold through Wallapop, seen so in OLX', async () => {
	const r = await s.req('POST', '/api/partner/adverts', { token: olx, json: advertBody({ external_id: 'OLX-1' }) });
	assert.strictEqual(r.status, 200, r.text);
	const id = String(r.json.data.id);
	const item = await getItem(s, w.token, id);
	assert.strictEqual(item.title, 'Bluzka damska bawełniana rozmiar M');
	assert.deepStrictEqual(item.price, { cash_amount: 49.99, currency: 'PLN' });
	assert.deepStrictEqual(item.attributes, { external_id: 'OLX-1', state: 'used', size: 'm' });
	const listed = await s.req('GET', '/items?external_id=OLX-1', { token: w.token });
	assert.deepStrictEqual(listed.json.data.map((i) => i.id), [id]);
	// Wallapop's update keeps what OLX set that an item has no field for,
	// and OLX's update what only Wallapop has (the stock).
	const u = await s.req('PUT', `/items/${id}`, { token: w.token, json: itemBody({ item: { title: 'Bluzka z OLX zmieniona' },
		attributes: { external_id: 'OLX-1' } }) });
	assert.strictEqual(u.status, 204, u.text);
	const ad = await olxAdvert(id);
	assert.strictEqual(ad.title, 'Bluzka z OLX zmieniona');
	assert.strictEqual(ad.contact.name, 'Anna');
	assert.deepStrictEqual(ad.location, { city_id: DATA.warsaw, district_id: DATA.warsawDistrict, latitude: 52.2546,
		longitude: 20.9084 });
	const stocked = await s.req('PUT', `/items/${id}`, { token: w.token, json: { item: (await getItemBody(id)), stock: { units: 3 } } });
	assert.strictEqual(stocked.status, 204, stocked.text);
	const o = await s.req('PUT', `/api/partner/adverts/${id}`, { token: olx, json: advertBody({ external_id: 'OLX-1',
		title: 'Bluzka z OLX zmieniona w OLX rozmiar M' }) });
	assert.strictEqual(o.status, 200, o.text);
	const after = await getItem(s, w.token, id);
	assert.strictEqual(after.title, 'Bluzka z OLX zmieniona w OLX rozmiar M');
	assert.deepStrictEqual(after.stock, { units: 3 });
	const ok = await s.req('POST', `/api/admin/adverts/${id}/moderation`, { token: operator(s), json: { decision: 'accept' } });
	assert.strictEqual(ok.status, 200, ok.text);
	assert.strictEqual((await s.req('PUT', `/items/${id}/sold`, { token: w.token })).status, 204);
	assert.strictEqual((await olxAdvert(id)).status, 'removed_by_user');
	assert.deepStrictEqual((await getItem(s, w.token, id)).sold, { flag: true });
});

test('deactivated through OLX, the item is inactive; activated through Wallapop, OLX sees it active', async () => {
	const id = await publishItem(s, w.token);
	const c = await s.req('POST', `/api/partner/adverts/${id}/commands`, { token: olx,
		json: { command: 'deactivate', is_success: false } });
	assert.strictEqual(c.status, 204, c.text);
	assert.deepStrictEqual((await getItem(s, w.token, id)).inactive, { flag: true });
	assert.strictEqual((await s.req('PUT', `/items/${id}/activate`, { token: w.token })).status, 204);
	assert.strictEqual((await olxAdvert(id)).status, 'active');
});

test('an Allegro draft is no item: not listed, a 404 by id', async () => {
	const d = await s.req('POST', '/sale/offers', { token: allegro, headers: { 'Content-Type': ALLEGRO_MEDIA, Accept: ALLEGRO_MEDIA },
		json: { name: 'Szkic bluzki', category: { id: String(DATA.leaf) } } });
	assert.strictEqual(d.status, 201, d.text);
	assertError(await s.req('GET', `/items/${d.json.id}`, { token: w.token }), 404, 'INVALID_ITEM_ID');
	const all = await s.req('GET', '/items', { token: w.token });
	assert.ok(!all.json.data.some((i) => i.id === d.json.id));
});

const car = (plate, over = {}) => itemBody({
	item: { category_leaf_id: '84', title: 'Audi A4 Avant 2.0 TDI', description: 'Zadbane auto, serwisowane w ASO.',
		price: { cash_amount: 15500, currency: 'EUR' },
		attributes: { state: 'used', make: 'audi', model: 'A4', year: '2015', mileage: '150000', fuel_type: 'diesel',
			...(plate ? { license_plate: plate } : {}) } }, ...over });

test('a car carries its license plate; GET /items?license_plate= finds it (an extension)', async () => {
	const u = await wallapopSeller(s);
	const id = await createItem(s, u.token, car('1234 ABC'));
	const other = await createItem(s, u.token, car('9876 XYZ'));
	await createItem(s, u.token, car(null));
	assert.strictEqual((await getItem(s, u.token, id)).attributes.license_plate, '1234 ABC');
	const r = await s.req('GET', `/items?license_plate=${encodeURIComponent('1234 ABC')}`, { token: u.token });
	assert.deepStrictEqual(r.json.data.map((i) => i.id), [id]);
	const none = await s.req('GET', '/items?license_plate=0000', { token: u.token });
	assert.deepStrictEqual(none.json.data, []);
	// Another seller's plate is not found through the filter.
	const theirs = await s.req('GET', `/items?license_plate=${encodeURIComponent('9876 XYZ')}`, { token: w.token });
	assert.deepStrictEqual(theirs.json.data, []);
	assert.ok(other);
	// A plate on a blouse: the category has no such attribute.
	assertError(await s.req('POST', '/items', { token: u.token, json: itemBody({ attributes: { license_plate: '1' } }) }),
		400, 'INVALID_ATTRIBUTE', /license_plate/);
	// Both filters at once.
	const both = await s.req('GET', `/items?license_plate=${encodeURIComponent('1234 ABC')}&external_id=nope`, { token: u.token });
	assert.deepStrictEqual(both.json.data, []);
});
