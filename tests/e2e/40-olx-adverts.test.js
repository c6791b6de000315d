'use strict';
// OLX adverts: create, read, list and page, replace, delete; every response
// is checked against the published schema by the harness.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { DATA, advertBody, jobBody, seller, create } = require('./lib/adverts');

let s, a;
test.before(async () => {
	// The job runner is held back: moderation between a create and the read
	// that compares with it would change the status under the test.
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	a = await seller(s);
});
test.after(() => s && s.stop());

test('create answers 200 with the whole advert in data', async () => {
	const r = await s.req('POST', '/api/partner/adverts', { token: a.token, json: advertBody({ external_id: 'SKU-1' }) });
	assert.strictEqual(r.status, 200, r.text);
	const ad = r.json.data;
	assert.ok(Number.isInteger(ad.id));
	assert.strictEqual(ad.status, 'new');
	assert.strictEqual(ad.title, 'Bluzka damska bawełniana rozmiar M');
	assert.strictEqual(ad.category_id, DATA.leaf);
	assert.strictEqual(ad.external_id, 'SKU-1');
	assert.deepStrictEqual(ad.price, { value: 49.99, currency: 'PLN', negotiable: true, trade: false, budget: false });
	assert.deepStrictEqual(ad.location, { city_id: DATA.warsaw, district_id: DATA.warsawDistrict, latitude: 52.2546, longitude: 20.9084 });
	assert.deepStrictEqual(ad.attributes, [{ code: 'state', value: 'used' }, { code: 'size', value: 'm' }]);
	assert.match(ad.url, new RegExp(`/oferta/${ad.id}$`));
	assert.match(ad.created_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	const g = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(g.status, 200);
	assert.deepStrictEqual(g.json.data, ad);
	// One event records who created it: the seller, through the app.
	assert.match(sql(s, `SELECT type || ' ' || actor_kind || ' ' || actor_user_id || ' ' || actor_app_id || ' ' || to_status
		FROM events WHERE listing_id = ${ad.id} ORDER BY seq LIMIT 1`),
		/^listing\.created user \d+ \d+ new$/);
});

test('a job advert carries its salary; numbers as strings are read as numbers', async () => {
	const ad = await create(s, a.token, jobBody({ category_id: String(DATA.job) }));
	assert.deepStrictEqual(ad.salary, { value_from: 9000, value_to: 12000, currency: 'PLN', negotiable: false, type: 'monthly' });
	assert.strictEqual(ad.price, undefined);
	assert.strictEqual(ad.category_id, DATA.job);
});

test('list pages with offset and limit, metadata and links', async () => {
	const u = await seller(s);
	for (let i = 0; i < 5; i++)
		await create(s, u.token, advertBody({ title: `Bluzka damska numer ${i} rozmiar M`, external_id: `X${i % 2}` }));
	let r = await s.req('GET', '/api/partner/adverts?offset=0&limit=2', { token: u.token });
	assert.strictEqual(r.status, 200);
	assert.strictEqual(r.json.data.length, 2);
	assert.strictEqual(r.json.metadata.total_elements, 5);
	assert.match(r.json.links.next.href, /offset=2&limit=2/);
	assert.strictEqual(r.json.links.previous, undefined);
	r = await s.req('GET', '/api/partner/adverts?offset=4&limit=2', { token: u.token });
	assert.strictEqual(r.json.data.length, 1);
	assert.strictEqual(r.json.links.next, undefined);
	assert.match(r.json.links.previous.href, /offset=2&limit=2/);
	r = await s.req('GET', '/api/partner/adverts?external_id=X1', { token: u.token });
	assert.strictEqual(r.json.metadata.total_elements, 2);
	assert.ok(r.json.data.every((x) => x.external_id === 'X1'));
	r = await s.req('GET', `/api/partner/adverts?category_ids=${DATA.job},999`, { token: u.token });
	assert.strictEqual(r.json.metadata.total_elements, 0);
	r = await s.req('GET', `/api/partner/adverts?category_ids=${DATA.leaf}`, { token: u.token });
	assert.strictEqual(r.json.metadata.total_elements, 5);
	for (const q of ['offset=-1', 'limit=0', 'limit=abc', 'category_ids=1;DROP']) {
		r = await s.req('GET', `/api/partner/adverts?${q}`, { token: u.token });
		assert.strictEqual(r.status, 400, q);
		assert.strictEqual(r.json.error.validation.length, 1, q);
	}
});

test('PUT replaces the advert under the same rules as create', async () => {
	const ad = await create(s, a.token, advertBody({ title: 'Bluzka damska do zmiany rozmiar M', external_id: 'keep?' }));
	const body = advertBody({ title: 'Bluzka damska po zmianie rozmiar L',
		attributes: [{ code: 'state', value: 'new' }, { code: 'size', value: 'l' }], price: { value: 60, currency: 'PLN' } });
	let r = await s.req('PUT', `/api/partner/adverts/${ad.id}`, { token: a.token, json: body });
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.data.title, 'Bluzka damska po zmianie rozmiar L');
	assert.strictEqual(r.json.data.external_id, undefined, 'a full replace drops fields not sent');
	assert.strictEqual(r.json.data.created_at, ad.created_at);
	assert.deepStrictEqual(r.json.data.price, { value: 60, currency: 'PLN', negotiable: false, trade: false, budget: false });
	r = await s.req('PUT', `/api/partner/adverts/${ad.id}`, { token: a.token, json: { ...body, title: 'KRÓTKI' } });
	assert.strictEqual(r.status, 400);
	const g = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(g.json.data.title, 'Bluzka damska po zmianie rozmiar L', 'a refused PUT changes nothing');
});

test('DELETE answers 204 and the advert is gone for its seller', async () => {
	const ad = await create(s, a.token, advertBody({ title: 'Bluzka damska do usunięcia M' }));
	const d = await s.req('DELETE', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(d.status, 204);
	assert.strictEqual(d.text, '');
	const g = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(g.status, 404);
	const again = await s.req('DELETE', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(again.status, 404);
});

test('logos: add, list, delete; URLs are checked; only the owner', async () => {
	const ad = await create(s, a.token, advertBody({ title: 'Bluzka damska z logo sklepu M' }));
	let r = await s.req('POST', `/api/partner/adverts/${ad.id}/logos`, { token: a.token, json: { url: 'https://shop.test/logo.png' } });
	assert.strictEqual(r.status, 200, r.text);
	const logo = r.json.data;
	assert.deepStrictEqual(logo, { id: logo.id, url: 'https://shop.test/logo.png' });
	r = await s.req('GET', `/api/partner/adverts/${ad.id}/logos`, { token: a.token });
	assert.deepStrictEqual(r.json.data, [logo]);
	r = await s.req('POST', `/api/partner/adverts/${ad.id}/logos`, { token: a.token, json: { url: 'ftp://x' } });
	assert.deepStrictEqual(r.json, { error: { status: 400, title: 'Bad Request', detail: 'Image error: Remote file not exists' } });
	r = await s.req('POST', `/api/partner/adverts/${ad.id}/logos`, { token: a.token, json: { href: 'https://x.test/a.png' } });
	assert.strictEqual(r.status, 400);
	const other = await seller(s);
	r = await s.req('GET', `/api/partner/adverts/${ad.id}/logos`, { token: other.token });
	assert.strictEqual(r.json.error.validation[0].title, 'You are not the owner of this ad');
	r = await s.req('DELETE', `/api/partner/adverts/${ad.id}/logos/${logo.id}`, { token: other.token });
	assert.strictEqual(r.status, 400);
	r = await s.req('DELETE', `/api/partner/adverts/${ad.id}/logos/${logo.id}`, { token: a.token });
	assert.strictEqual(r.status, 204);
	r = await s.req('DELETE', `/api/partner/adverts/${ad.id}/logos/${logo.id}`, { token: a.token });
	assert.strictEqual(r.status, 404);
	assert.strictEqual(r.json.error.detail, 'Logo not found');
	r = await s.req('GET', `/api/partner/adverts/${ad.id}/logos`, { token: a.token });
	assert.deepStrictEqual(r.json.data, []);
	// the core refuses a sixth logo with a code; OLX says it in the images' words
	for (let k = 0; k < 5; k++) {
		r = await s.req('POST', `/api/partner/adverts/${ad.id}/logos`, { token: a.token, json: { url: `https://shop.test/logo${k}.png` } });
		assert.strictEqual(r.status, 200, r.text);
	}
	r = await s.req('POST', `/api/partner/adverts/${ad.id}/logos`, { token: a.token, json: { url: 'https://shop.test/logo5.png' } });
	assert.deepStrictEqual(r.json, { error: { status: 400, title: 'Bad Request', detail: 'Image error: Image limit exceeded' } });
});
