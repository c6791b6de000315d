'use strict';
// Bad input never crashes, hangs or corrupts: a few hundred advert bodies
// mutated from a valid one by a seeded generator (wrong types, nulls, huge
// and odd values, missing and unknown fields) each get a well-formed OLX
// answer, and afterwards the seller's data is intact. Under the sanitizer
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

test('mutated advert bodies each get a well-formed answer; nothing else changes', async () => {
	const keep = await create(s, a.token, advertBody({ title: 'Bluzka damska kontrolna rozmiar M' }));
	const r = rng(20261123);
	const seen = {};
	for (let i = 0; i < 300; i++) {
		const body = mutate(advertBody(), r);
		const method = r() < 0.3 ? 'PUT' : 'POST';
		const path = method === 'PUT' ? `/api/partner/adverts/${keep.id}` : '/api/partner/adverts';
		const res = await s.req(method, path, { token: a.token, json: body, check: false });
		seen[res.status] = (seen[res.status] || 0) + 1;
		assert.ok([200, 400].includes(res.status), `${method} ${JSON.stringify(body).slice(0, 300)} -> ${res.status} ${res.text.slice(0, 300)}`);
		assert.ok(res.json !== undefined, `not JSON: ${res.text.slice(0, 200)}`);
		if (res.status === 400) assert.ok(res.json.error || (res.json.data && res.json.data.error), res.text);
		else assert.strictEqual(typeof res.json.data.id, 'number');
	}
	assert.ok(seen[400] > 100, JSON.stringify(seen));
	// Raw bytes that are not JSON at all.
	for (const raw of ['{', '[]', 'null', '"x"', '{"title":"\\ud800"}', '{"a":1}{"b":2}', '\u00ff\u00fe']) {
		const res = await s.req('POST', '/api/partner/adverts', { token: a.token, body: raw,
			headers: { 'content-type': 'application/json' }, check: false });
		assert.strictEqual(res.status, 400, raw);
	}
	const h = await s.req('GET', '/healthz');
	assert.strictEqual(h.status, 200);
	const list = await s.req('GET', '/api/partner/adverts?limit=1000', { token: a.token });
	assert.strictEqual(list.status, 200);
	assert.strictEqual(list.json.metadata.total_elements, list.json.data.length);
	for (const ad of list.json.data) {
		assert.strictEqual(typeof ad.title, 'string');
		assert.ok(Array.isArray(ad.attributes));
	}
});
