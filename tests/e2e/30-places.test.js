'use strict';
// OLX places: regions, cities (paging), districts, and /locations answered
// from the nearest-point index. Every body is also checked against the OLX
// document by the request function.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { appToken, userToken } = require('./lib/tokens');

const P = '/api/partner';
let s, token;
test.before(async () => {
	s = await startSouk();
	token = await appToken(s);
});
test.after(() => s && s.stop());

const get = (path, opts = {}) => s.req('GET', P + path, { token, ...opts });

function assertNotFound(r, detail) {
	assert.strictEqual(r.status, 404, r.text);
	assert.deepStrictEqual(r.json, { error: { status: 404, title: 'Not Found', detail } });
}

test('every places endpoint needs a token with v2 read', async () => {
	for (const path of ['/regions', '/cities', '/cities/1394', '/districts', '/locations?latitude=52&longitude=21']) {
		const r = await s.req('GET', P + path);
		assert.strictEqual(r.status, 401, path);
	}
});

test('regions: the 16 voivodeships, by id; one by id; 404', async () => {
	const r = await get('/regions');
	assert.strictEqual(r.status, 200);
	assert.strictEqual(r.json.data.length, 16);
	assert.deepStrictEqual(r.json.data[6], { id: 7, name: 'Mazowieckie' });
	const ids = r.json.data.map((x) => x.id);
	assert.deepStrictEqual(ids, [...ids].sort((a, b) => a - b));
	assert.deepStrictEqual((await get('/regions/3')).json, { data: { id: 3, name: 'Łódzkie' } });
	assertNotFound(await get('/regions/99'), 'Region not found');
	assertNotFound(await get('/regions/abc'), 'Region not found');
});

test('city: fields of the OLX document; user tokens work too', async () => {
	const user = s.cli(['user', 'create', '--email', 'places@souk.test', '--password', 'correct horse battery']);
	const r = await get('/cities/1394', { token: userToken(s, user.id) });
	assert.strictEqual(r.status, 200);
	assert.deepStrictEqual(r.json.data, {
		id: 1394, region_id: 7, name: 'Warszawa', county: 'Warszawa', municipality: 'Warszawa',
		latitude: 52.22977, longitude: 21.01178, longtitude: 21.01178,
	});
	const small = (await get('/cities/173')).json.data;
	assert.strictEqual(small.name, 'Aleksandrów Kujawski');
	assert.strictEqual(small.county, 'aleksandrowski');
	assert.strictEqual(small.municipality, '');
});

test('city not found: the seed\'s body', async () => {
	assertNotFound(await get('/cities/999999'), 'City not found');
	assertNotFound(await get('/cities/0'), 'City not found');
	assertNotFound(await get('/cities/x1'), 'City not found');
	assertNotFound(await get('/cities/999999/districts'), 'City not found');
});

test('cities: 1000 by default, ordered by id, paged by offset and limit', async () => {
	const first = await get('/cities');
	assert.strictEqual(first.status, 200);
	assert.strictEqual(first.json.data.length, 1000);
	assert.strictEqual(first.json.data[0].id, 1);
	const ids = first.json.data.map((c) => c.id);
	assert.deepStrictEqual(ids, [...ids].sort((a, b) => a - b));

	const page = await get('/cities?offset=1000&limit=5');
	assert.deepStrictEqual(page.json.data.map((c) => c.id), [1001, 1002, 1003, 1004, 1005]);
	const all = await get('/cities?limit=100000');
	assert.strictEqual(all.json.data.length, 2834);
	const tail = await get('/cities?offset=2830');
	assert.strictEqual(tail.json.data.length, 4);
	assert.deepStrictEqual((await get('/cities?offset=5000')).json, { data: [] });
	assert.deepStrictEqual((await get('/cities?limit=0')).json, { data: [] });
});

test('cities: bad offset or limit is a 400 naming the parameter', async () => {
	for (const [q, field] of [['offset=-1', 'offset'], ['offset=abc', 'offset'], ['limit=-5', 'limit'],
		['limit=1.5', 'limit'], ['limit=', 'limit'], ['offset=1e3', 'offset']]) {
		const r = await get('/cities?' + q);
		assert.strictEqual(r.status, 400, q);
		assert.strictEqual(r.json.error.status, 400);
		assert.strictEqual(r.json.error.validation[0].field, field, q);
	}
});

test('districts of a city, all districts, one district', async () => {
	const w = await get('/cities/1394/districts');
	assert.strictEqual(w.status, 200);
	assert.strictEqual(w.json.data.length, 18);
	assert.ok(w.json.data.every((d) => d.city_id === 1394));
	assert.ok(w.json.data.some((d) => d.name === 'Mokotów'));
	assert.deepStrictEqual((await get('/cities/173/districts')).json, { data: [] });

	const all = await get('/districts');
	assert.strictEqual(all.json.data.length, 134);
	const ids = all.json.data.map((d) => d.id);
	assert.deepStrictEqual(ids, [...ids].sort((a, b) => a - b));

	const d = await get('/districts/32');
	assert.deepStrictEqual(d.json.data, { id: 32, city_id: 1394, name: 'Bemowo', latitude: 52.2546,
		longitude: 20.90844, longtitude: 20.90844 });
	assertNotFound(await get('/districts/9999'), 'District not found');
});

async function locate(lat, lon) {
	const r = await get(`/locations?latitude=${lat}&longitude=${lon}`);
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data;
}

test('locations: Warszawa centre is Warszawa, Śródmieście', async () => {
	const [loc, ...rest] = await locate(52.2297, 21.0122);
	assert.strictEqual(rest.length, 0);
	assert.strictEqual(loc.city.id, 1394);
	assert.strictEqual(loc.city.name, 'Warszawa');
	assert.strictEqual(loc.district.city_id, 1394);
	assert.strictEqual(loc.district.name, 'Śródmieście');
});

test('locations: a point in Mokotów, Kraków, Gdańsk', async () => {
	const [mok] = await locate(52.1934, 21.0349);
	assert.strictEqual(mok.city.name, 'Warszawa');
	assert.strictEqual(mok.district.name, 'Mokotów');
	const [krk] = await locate(50.0614, 19.9366);
	assert.strictEqual(krk.city.name, 'Kraków');
	assert.strictEqual(krk.district.city_id, krk.city.id);
	const [gda] = await locate(54.352, 18.6466);
	assert.strictEqual(gda.city.name, 'Gdańsk');
	assert.strictEqual(gda.district.city_id, 1890);
});

test('locations: a village has no district; the open sea far out has nothing', async () => {
	const [v] = await locate(52.84, 20.99);
	assert.strictEqual(v.city.name, 'Karniewo');
	assert.strictEqual(v.city.region_id, 7);
	assert.strictEqual(v.district, undefined);
	assert.deepStrictEqual(await locate(0, 0), []);
	assert.deepStrictEqual(await locate(56.5, 18.0), []);
});

test('locations: missing or bad coordinates are a 400', async () => {
	for (const q of ['', 'latitude=52.2', 'longitude=21', 'latitude=abc&longitude=21',
		'latitude=91&longitude=21', 'latitude=52&longitude=-181', 'latitude=52&longitude=', 'latitude=nan&longitude=1',
		'latitude=inf&longitude=1']) {
		const r = await get('/locations?' + q);
		assert.strictEqual(r.status, 400, q);
		assert.strictEqual(r.json.error.status, 400, q);
	}
});
