'use strict';
// The core reports every rule an advert breaks, as codes; the OLX face words
// them. Regressions: the photo cap is counted before any image is fetched,
// in every category; amounts travel as decimal digits, never through a
// double, in and out.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { DATA, advertBody, jobBody, seller, create, imageServer } = require('./lib/adverts');

let s, a, images;
test.before(async () => {
	s = await startSouk();
	a = await seller(s);
	images = await imageServer(s);
});
test.after(async () => { images && images.close(); await (s && s.stop()); });

const post = (body) => s.req('POST', '/api/partner/adverts', { token: a.token, json: body });
const postRaw = (text) => s.req('POST', '/api/partner/adverts', { token: a.token, body: text,
	headers: { 'content-type': 'application/json' } });
const fields = (r) => r.json.error.validation.map((v) => v.field);
const urls = (n) => Array.from({ length: n }, (_, i) => ({ url: images.url(i) }));

test('photo cap counted before fetching: 200 images in a category that is not a leaf fetch nothing', async () => {
	const before = images.hits();
	const r = await post(advertBody({ category_id: DATA.parent, attributes: [], images: urls(200) }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(fields(r), ['category_id']);
	assert.strictEqual(images.hits(), before);
});

test('photo cap counted before fetching: 9 images in a leaf of 8 fetch nothing', async () => {
	const before = images.hits();
	const r = await post(advertBody({ images: urls(9) }));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, { error: { status: 400, title: 'Bad Request', detail: 'Image error: Image limit exceeded' } });
	assert.strictEqual(images.hits(), before);
});

test('an advert refused for its text fetches none of its images', async () => {
	const before = images.hits();
	const r = await post(advertBody({ title: 'SPRZEDAM BLUZKĘ DAMSKĄ', images: urls(3) }));
	assert.deepStrictEqual(fields(r), ['title']);
	assert.strictEqual(images.hits(), before);
	const ok = await create(s, a.token, advertBody({ title: 'Bluzka damska z falbanką rozmiar M', images: urls(3) }));
	assert.strictEqual(ok.images.length, 3);
	assert.ok(images.hits() >= before + 3);
});

test('every problem at once: text, contact, district, coordinates and parameters in one answer', async () => {
	const r = await post(advertBody({
		title: 'BLUZKA DAMSKA NOWA TANIO!!!',
		description: 'Za krótki opis.',
		contact: { name: 'Anna', phone: 'call me maybe' },
		location: { city_id: DATA.warsaw, district_id: DATA.otherCityDistrict, latitude: 50.06, longitude: 19.94 },
		attributes: [{ code: 'state', value: 'broken' }],
	}));
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json.error.validation, [
		{ field: 'title', title: 'Too many capital letters' },
		{ field: 'title', title: 'Field contains to much punctuation' },
		{ field: 'description', title: 'The description has to be at least 80 characters long and cannot be longer than 9000 characters' },
		{ field: 'phone', title: 'Invalid phone format' },
		{ field: 'district_id', title: 'Invalid value' },
		{ field: 'district/city_id', title: 'Your coordinates are too far from picked location.' },
		{ field: 'params.state', title: 'Invalid value' },
		{ field: 'params.size', title: 'This value should not be blank.' },
	]);
});

test('missing parts are named the way OLX names them', async () => {
	let r = await post({ title: 'Bluzka damska bawełniana rozmiar M', description: advertBody().description,
		category_id: DATA.leaf, advertiser_type: 'private', attributes: [{ code: 'state', value: 'new' }, { code: 'size', value: 's' }],
		price: { value: 10 } });
	assert.deepStrictEqual(r.json.error.validation, [
		{ field: 'contact', title: 'To pole jest wymagane', detail: 'To pole jest wymagane' },
		{ field: 'location', title: 'To pole jest wymagane', detail: 'To pole jest wymagane' },
	]);
	r = await post(advertBody({ contact: {}, location: {} }));
	assert.deepStrictEqual(fields(r), ['contact.name', 'city_id']);
	// A wrong type is reported once, not also as missing.
	r = await post(advertBody({ title: 42, location: { city_id: 'Warszawa' } }));
	assert.deepStrictEqual(fields(r), ['title', 'city_id']);
	assert.strictEqual(r.json.error.validation[0].title, 'Nieprawidłowa wartość');
	r = await s.req('POST', '/api/partner/adverts', { token: a.token, json: advertBody({ title: undefined }),
		headers: { 'accept-language': 'en' } });
	assert.deepStrictEqual(r.json.error.validation, [{ field: 'title', title: 'Title is required', detail: 'Title is required' }]);
});

test('money: the largest prices keep their cents, in and out (2^53 minor units and above)', async () => {
	const body = JSON.stringify(advertBody({ title: 'Bluzka damska jedwabna rozmiar M' })).replace('"value":49.99', '"value":99999999999998.99');
	const r = await postRaw(body);
	assert.strictEqual(r.status, 200, r.text);
	assert.match(r.text, /"price":\{"value":99999999999998\.99,/);
	const got = await s.req('GET', `/api/partner/adverts/${r.json.data.id}`, { token: a.token });
	assert.match(got.text, /"value":99999999999998\.99,/);
	const top = await postRaw(body.replace('99999999999998.99', '99999999999999').replace('jedwabna', 'lniana'));
	assert.strictEqual(top.status, 200, top.text);
	assert.match(top.text, /"value":99999999999999,/);
});

test('money: over the maximum, negative or not a number is an invalid price.value', async () => {
	for (const v of ['99999999999999.01', '1e400', '-1', '100000000000000']) {
		const r = await postRaw(JSON.stringify(advertBody()).replace('"value":49.99', `"value":${v}`));
		assert.strictEqual(r.status, 400, v);
		assert.deepStrictEqual(r.json.error.validation, [{ field: 'price.value', title: 'Nieprawidłowa wartość' }], v);
	}
});

test('money: binary fractions, exponents and many decimals are read as decimals', async () => {
	const cases = [['0.30000000000000004', '0.3'], ['1.005', '1.01'], ['49.999', '50'], ['1e3', '1000'],
		['12.30', '12.3'], ['1.5E+1', '15']];
	let i = 0;
	for (const [sent, back] of cases) {
		const title = `Bluzka damska wzór numer ${++i} rozmiar M`;
		const r = await postRaw(JSON.stringify(advertBody({ title })).replace('"value":49.99', `"value":${sent}`));
		assert.strictEqual(r.status, 200, `${sent}: ${r.text}`);
		assert.ok(r.text.includes(`"price":{"value":${back},`), `${sent} -> ${r.text}`);
	}
});

test('money: salaries near the maximum keep their cents too', async () => {
	const body = JSON.stringify(jobBody()).replace('"value_to":12000', '"value_to":99999999999998.99');
	const r = await postRaw(body);
	assert.strictEqual(r.status, 200, r.text);
	assert.match(r.text, /"value_to":99999999999998\.99,/);
});

test('contact: a name is required, and fits every face (at most 250 characters)', async () => {
	let r = await post(advertBody({ contact: { name: '', phone: '600100200' } }));
	assert.deepStrictEqual(r.json.error.validation, [{ field: 'contact.name', title: 'To pole jest wymagane', detail: 'To pole jest wymagane' }]);
	r = await post(advertBody({ contact: { name: 'ż'.repeat(251) } }));
	assert.deepStrictEqual(r.json.error.validation, [{ field: 'contact.name', title: 'Nieprawidłowa wartość' }]);
	const ad = await create(s, a.token, advertBody({ title: 'Bluzka damska z kołnierzykiem M', contact: { name: 'ż'.repeat(250) } }));
	assert.strictEqual(ad.contact.name, 'ż'.repeat(250));
});
