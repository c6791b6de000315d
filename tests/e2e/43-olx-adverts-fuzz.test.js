'use strict';
// Bad input never crashes, hangs or corrupts: a few hundred advert bodies
// mutated from a valid one by a seeded generator (wrong types, nulls, huge
// and odd values, missing and unknown fields) each get a well-formed OLX
// answer; a refused one leaves the seller's data exactly as it was, and an
// accepted one changes exactly what its answer says. Under the sanitizer
// build the same run checks for memory errors.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { advertBody, seller, create } = require('./lib/adverts');

// mulberry32: small, seeded, the same sequence on every run.
function rng(seed) {
	return () => {
		seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ODD = [null, 0, -1, 1.5, 1e300, -1e300, 99999999999999999999, '', ' ', 'x'.repeat(10000),
	'ł'.repeat(100), '\u0000', '\ud83d\ude00'.repeat(30), true, false, [], {}, [null], { a: { b: { c: [] } } },
	'1581', '-5', 'NaN', [1, 2, 3], ['used'], { code: 'state' }, 'https://', '%00'];

function mutate(body, r) {
	const b = JSON.parse(JSON.stringify(body));
	const paths = [['title'], ['description'], ['category_id'], ['advertiser_type'], ['external_id'],
		['external_url'], ['contact'], ['contact', 'name'], ['contact', 'phone'], ['location'],
		['location', 'city_id'], ['location', 'district_id'], ['location', 'latitude'], ['price'],
		['price', 'value'], ['price', 'currency'], ['salary'], ['attributes'], ['attributes', 0],
		['attributes', 0, 'value'], ['attributes', 1, 'code'], ['images'], ['courier'], ['auto_extend_enabled']];
	const n = 1 + Math.floor(r() * 3);
	for (let i = 0; i < n; i++) {
		const p = paths[Math.floor(r() * paths.length)];
		let o = b;
		for (const k of p.slice(0, -1)) {
			if (o[k] === null || typeof o[k] !== 'object') o[k] = {};
			o = o[k];
		}
		const last = p[p.length - 1];
		const pick = r();
		if (pick < 0.15) delete o[last];
		else if (pick < 0.2) o[`extra_${i}`] = 1;
		else o[last] = ODD[Math.floor(r() * ODD.length)];
	}
	return b;
}

let s, a;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	a = await seller(s);
});
test.after(() => s && s.stop());

// The seller's adverts as the server lists them: id -> advert.
async function listed(token) {
	const list = await s.req('GET', '/api/partner/adverts?limit=1000', { token });
	assert.strictEqual(list.status, 200, list.text);
	assert.strictEqual(list.json.metadata.total_elements, list.json.data.length);
	return new Map(list.json.data.map((ad) => [ad.id, ad]));
}

async function advert(token, id) {
	const g = await s.req('GET', `/api/partner/adverts/${id}`, { token });
	assert.strictEqual(g.status, 200, g.text);
	return g.json.data;
}

// The seller's data is compared with a model kept from the answers: an
// accepted request changes exactly what its answer says, a refused one
// changes nothing (checked right after it, on the advert a PUT aimed at and
// on the count), and at the end every advert is there as last answered.
test('mutated advert bodies each get a well-formed answer; a refusal changes nothing', async () => {
	const keep = await create(s, a.token, advertBody({ title: 'Bluzka damska kontrolna rozmiar M' }));
	const model = new Map([[keep.id, await advert(a.token, keep.id)]]);
	assert.deepStrictEqual(model.get(keep.id), keep, 'GET answers what POST answered');
	const r = rng(20261123);
	const seen = {};
	for (let i = 0; i < 300; i++) {
		const body = mutate(advertBody(), r);
		const method = r() < 0.3 ? 'PUT' : 'POST';
		const path = method === 'PUT' ? `/api/partner/adverts/${keep.id}` : '/api/partner/adverts';
		const res = await s.req(method, path, { token: a.token, json: body, check: false });
		const what = `${method} ${JSON.stringify(body).slice(0, 300)} -> ${res.status} ${res.text.slice(0, 300)}`;
		seen[res.status] = (seen[res.status] || 0) + 1;
		assert.ok([200, 400].includes(res.status), what);
		assert.ok(res.json !== undefined, `not JSON: ${what}`);
		if (res.status === 200) {
			assert.strictEqual(typeof res.json.data.id, 'number', what);
			if (method === 'PUT') assert.strictEqual(res.json.data.id, keep.id, what);
			else assert.ok(!model.has(res.json.data.id), `a POST reused id ${res.json.data.id}`);
			model.set(res.json.data.id, res.json.data);
			continue;
		}
		assert.ok(res.json.error || (res.json.data && res.json.data.error), what);
		assert.deepStrictEqual(await advert(a.token, keep.id), model.get(keep.id), `refused, yet the advert changed: ${what}`);
		const count = await s.req('GET', '/api/partner/adverts?limit=1', { token: a.token });
		assert.strictEqual(count.json.metadata.total_elements, model.size, `refused, yet the count changed: ${what}`);
	}
	assert.ok(seen[400] > 100 && seen[200] >= 5, JSON.stringify(seen));
	// Raw bytes that are not JSON at all.
	for (const raw of ['{', '[]', 'null', '"x"', '{"title":"\\ud800"}', '{"a":1}{"b":2}', '\u00ff\u00fe']) {
		for (const [method, path] of [['POST', '/api/partner/adverts'], ['PUT', `/api/partner/adverts/${keep.id}`]]) {
			const res = await s.req(method, path, { token: a.token, body: raw,
				headers: { 'content-type': 'application/json' }, check: false });
			assert.strictEqual(res.status, 400, `${method} ${raw}`);
		}
	}
	const h = await s.req('GET', '/healthz');
	assert.strictEqual(h.status, 200);
	const after = await listed(a.token);
	assert.deepStrictEqual([...after.keys()].sort((x, y) => x - y), [...model.keys()].sort((x, y) => x - y),
		'adverts were lost or appeared');
	for (const [id, ad] of model) assert.deepStrictEqual(after.get(id), ad, `advert ${id} is not as last answered`);
});
