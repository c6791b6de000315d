'use strict';
// Every publishing error of seed 001 ("Troubleshooting > Publishing errors"),
// with the exact body the seed shows.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp } = require('./lib/oauth-flow');
const { DATA, advertBody, jobBody, seller, create, imageServer } = require('./lib/adverts');

let s, a, b, images;
test.before(async () => {
	s = await startSouk();
	a = await seller(s);
	b = await seller(s);
	images = await imageServer(s);
});
test.after(async () => { images && images.close(); await (s && s.stop()); });

const post = (body, token = a.token) => s.req('POST', '/api/partner/adverts', { token, json: body });
const validation = (...items) => ({ error: { status: 400, title: 'Invalid request',
	detail: 'Data validation error occurred', validation: items } });
const bad = (detail) => ({ error: { status: 400, title: 'Bad Request', detail } });

test('1. Category with given ID doesn\'t exists', async () => {
	const r = await post(advertBody({ category_id: 999999 }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, bad("Category with given ID doesn't exists"));
});

test('2. Fix the category (not a leaf)', async () => {
	const r = await post(advertBody({ category_id: DATA.parent, attributes: [] }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation({ field: 'category_id', title: 'Fix the category', detail: 'Fix the category' }));
});

test('3. Error while decoding JSON data: Syntax error (unknown field, malformed JSON)', async () => {
	const want = { data: { error: { status: 400, title: 'Bad Request', detail: 'Error while decoding JSON data: Syntax error' } } };
	let r = await post(advertBody({ titel: 'typo' }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, want);
	r = await post(advertBody({ contact: { name: 'Anna', email: 'a@b.pl' } }));
	assert.deepStrictEqual(r.json, want);
	r = await s.req('POST', '/api/partner/adverts', { token: a.token, body: '{"title": ', headers: { 'content-type': 'application/json' } });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, want);
});

test('4. Partner is not allowed to use external URL; an allowed app may', async () => {
	let r = await post(advertBody({ external_url: 'https://shop.test/a/1' }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, bad('Partner is not allowed to use external URL'));
	const allowed = s.cli(['app', 'create', '--name', 'Jobs board', '--redirect-uri', 'http://client.test/cb', '--external-url']);
	const c = await seller(s, { app: { ...allowed, redirectUris: ['http://client.test/cb'] } });
	const ad = await create(s, c.token, jobBody({ external_url: 'https://jobs.test/offer/7' }));
	assert.strictEqual(ad.external_url, 'https://jobs.test/offer/7');
});

test('5. Invalid value: district_id (another city\'s district); null means none', async () => {
	const r = await post(advertBody({ location: { city_id: DATA.warsaw, district_id: DATA.otherCityDistrict } }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation({ field: 'district_id', title: 'Invalid value' }));
	const ad = await create(s, a.token, advertBody({ title: 'Bluzka damska z koronką rozmiar M',
		location: { city_id: DATA.warsaw, district_id: null, latitude: null, longitude: null } }));
	assert.strictEqual(ad.location.district_id, undefined);
});

test('6. Your coordinates are too far from picked location', async () => {
	const r = await post(advertBody({ location: { city_id: DATA.warsaw, latitude: 50.06, longitude: 19.94 } }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation({ field: 'district/city_id', title: 'Your coordinates are too far from picked location.' }));
});

test('7. This value is not valid: attributes (keys other than code and value)', async () => {
	const r = await post(advertBody({ attributes: [{ code: 'state', value: 'used', label: 'Używane' }, { code: 'size', value: 'm' }] }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, { error: { status: 400, code: 400, title: 'Invalid request',
		detail: 'Data validation error occurred', validation: [{ field: 'attributes', title: 'This value is not valid.' }] } });
});

test('8. Invalid value: params.state', async () => {
	const r = await post(advertBody({ attributes: [{ code: 'state', value: 'broken' }, { code: 'size', value: 'm' }] }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation({ field: 'params.state', title: 'Invalid value' }));
});

test('9. Image error: Remote file not exists', async () => {
	let r = await post(advertBody({ images: [{ url: images.url(1) }, { url: `${images.base}/missing.jpg` }] }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, bad('Image error: Remote file not exists'));
	r = await post(advertBody({ images: [{ url: 'not a url' }] }));
	assert.deepStrictEqual(r.json, bad('Image error: Remote file not exists'));
	const ad = await create(s, a.token, advertBody({ title: 'Bluzka damska w paski rozmiar M',
		images: [{ url: images.url(1) }, { url: images.url(2) }] }));
	assert.deepStrictEqual(ad.images, [{ url: images.url(1) }, { url: images.url(2) }]);
});

test('10. Image error: Image limit exceeded (photos_limit 8)', async () => {
	const nine = Array.from({ length: 9 }, (_, i) => ({ url: images.url(i) }));
	const r = await post(advertBody({ images: nine }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, bad('Image error: Image limit exceeded'));
});

test('12. Advert not found', async () => {
	for (const path of ['/api/partner/adverts/987654', '/api/partner/adverts/abc']) {
		const r = await s.req('GET', path, { token: a.token });
		assert.strictEqual(r.status, 404);
		assert.deepStrictEqual(r.json, { error: { status: 404, title: 'Not Found', detail: 'Advert not found' } });
	}
});

test('13. You are not the owner of this ad: read, replace, command, delete, statistics', async () => {
	const ad = await create(s, a.token, advertBody({ title: 'Bluzka damska lniana rozmiar M' }));
	const want = validation({ field: 'ad', title: 'You are not the owner of this ad' });
	const calls = [
		['GET', `/api/partner/adverts/${ad.id}`],
		['PUT', `/api/partner/adverts/${ad.id}`, advertBody()],
		['POST', `/api/partner/adverts/${ad.id}/commands`, { command: 'activate' }],
		['DELETE', `/api/partner/adverts/${ad.id}`],
		['GET', `/api/partner/adverts/${ad.id}/statistics`],
		['DELETE', `/api/partner/adverts/${ad.id}/statistics/advert-views`],
		['GET', `/api/partner/adverts/${ad.id}/moderation-reason`],
	];
	for (const [method, path, json] of calls) {
		const r = await s.req(method, path, { token: b.token, json });
		assert.strictEqual(r.status, 400, `${method} ${path}`);
		assert.deepStrictEqual(r.json, want, `${method} ${path}`);
	}
	const mine = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(mine.json.data.title, 'Bluzka damska lniana rozmiar M');
	const list = await s.req('GET', '/api/partner/adverts', { token: b.token });
	assert.ok(list.json.data.every((x) => x.id !== ad.id));
});

test('14-17. Text rules, every violation in one answer', async () => {
	let r = await post(advertBody({ title: 'BLUZKA DAMSKA NOWA TANIO!!!' }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation(
		{ field: 'title', title: 'Too many capital letters' },
		{ field: 'title', title: 'Field contains to much punctuation' }));
	r = await post(advertBody({ description: 'Piszcie na jan.kowalski@example.com albo www.sklep.pl, bluzka w bardzo dobrym stanie, rozmiar M, kolor czarny.' }));
	assert.deepStrictEqual(r.json, validation({ field: 'description', title: 'Field is not valid. Emails and www addresses are not allowed' }));
	r = await post(advertBody({ description: 'Dzwońcie pod numer 600 700 800 po godzinie 16, bluzka w bardzo dobrym stanie, rozmiar M, kolor czarny, bawełna.' }));
	assert.deepStrictEqual(r.json, validation({ field: 'description', title: 'Field is not valid. Phone numbers are not allowed' }));
	// Ukrainian and Polish capitals count as letters.
	r = await post(advertBody({ title: 'ПРОДАМ БЛУЗКУ ŻÓŁTĄ rozmiar' }));
	assert.deepStrictEqual(r.json, validation({ field: 'title', title: 'Too many capital letters' }));
});

test('required fields and lengths are reported together', async () => {
	const r = await post({ category_id: DATA.leaf, advertiser_type: 'private', contact: { name: 'A' },
		location: { city_id: DATA.warsaw }, attributes: [{ code: 'state', value: 'new' }, { code: 'size', value: 's' }],
		price: { value: 10 } });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json.error.validation.map((v) => v.field), ['title', 'description']);
	assert.strictEqual(r.json.error.validation[0].title, 'Musisz podać tytuł');
	const short = await post(advertBody({ title: 'Za krótki', description: 'Też za krótki opis.' }));
	assert.deepStrictEqual(short.json.error.validation.map((v) => v.field), ['title', 'description']);
});

test('salary: currency in upper case, values at most 99999999999999', async () => {
	let r = await post(jobBody({ salary: { value_from: 1000, value_to: 2000, currency: 'pln', type: 'monthly' } }));
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.error.validation[0].field, 'salary.currency');
	r = await post(jobBody({ salary: { value_from: 1000, value_to: 100000000000000, currency: 'PLN', type: 'monthly' } }));
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.error.validation[0].field, 'salary.value_to');
});

test('21. City with given ID doesn\'t exists', async () => {
	const r = await post(advertBody({ location: { city_id: 9999999 } }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, bad("City with given ID doesn't exists"));
});

test('22. Invalid phone format', async () => {
	const r = await post(advertBody({ contact: { name: 'Anna', phone: 'call me maybe' } }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation({ field: 'phone', title: 'Invalid phone format' }));
});

test('23. Missing required Version header', async () => {
	const r = await s.req('POST', '/api/partner/adverts', { token: a.token, json: advertBody(), version: false });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, { data: { error: { status: 400, title: 'Bad Request', detail: "Missing required 'Version' header!" } } });
});

test('an app token without a user cannot reach adverts (Invalid owner in token)', async () => {
	const app = makeApp(s);
	const t = await s.req('POST', '/api/open/oauth/token', { form: { grant_type: 'client_credentials',
		client_id: app.client_id, client_secret: app.client_secret, scope: 'v2 read write' } });
	const r = await s.req('GET', '/api/partner/adverts', { token: t.json.access_token });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, bad('Invalid owner in token'));
});

test('read-only scope cannot create (insufficient_scope)', async () => {
	const app = makeApp(s, { scopes: 'v2 read' });
	const c = await seller(s, { app, scope: 'v2 read' });
	const r = await s.req('POST', '/api/partner/adverts', { token: c.token, json: advertBody() });
	assert.strictEqual(r.status, 401);
	assert.strictEqual(r.json.error, 'insufficient_scope');
});
