'use strict';
// Every absolute URL souk writes comes from one configured public base URL
// (--public-url / SOUK_PUBLIC_URL, by default http://<listen address>), never
// from the request's Host header: an advert's `url`, the OAuth issuer and its
// endpoints, the demo app's redirect URI.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk, runSouk } = require('./lib/server');
const { advertBody, seller, create } = require('./lib/adverts');
const { demoAccounts } = require('./lib/demo');

const EVIL = 'evil.test';

async function metadata(s, headers = {}) {
	const r = await s.req('GET', '/.well-known/oauth-authorization-server', { headers });
	assert.strictEqual(r.status, 200, r.text);
	return r.json;
}

test('host header trusted: a forged Host changes neither the advert url nor the issuer', async () => {
	const s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off' } });
	try {
		const a = await seller(s);
		const r = await s.req('POST', '/api/partner/adverts', { token: a.token, json: advertBody(), headers: { host: EVIL } });
		assert.strictEqual(r.status, 200, r.text);
		const ad = r.json.data;
		assert.strictEqual(ad.url, `${s.url}/oferta/${ad.id}`);
		for (const host of [EVIL, `${EVIL}:443`, 'a"b', '']) {
			const g = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token, headers: { host } });
			assert.strictEqual(g.status, 200, g.text);
			assert.strictEqual(g.json.data.url, `${s.url}/oferta/${ad.id}`);
			const list = await s.req('GET', '/api/partner/adverts', { token: a.token, headers: { host } });
			assert.ok(list.json.data.every((x) => x.url.startsWith(`${s.url}/oferta/`)), list.text);
			const m = await metadata(s, { host });
			assert.strictEqual(m.issuer, s.url);
			assert.strictEqual(m.token_endpoint, `${s.url}/api/open/oauth/token`);
		}
	} finally {
		await s.stop();
	}
});

test('host header trusted: with --public-url every absolute URL is built on it', async () => {
	const base = 'https://market.example.com';
	const s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off' }, args: ['--public-url', `${base}/`] });
	try {
		const demo = await demoAccounts(s);
		assert.strictEqual(demo.redirectUri, `${base}/demo/callback`);
		const a = await seller(s);
		const ad = await create(s, a.token, advertBody());
		assert.strictEqual(ad.url, `${base}/oferta/${ad.id}`);
		const m = await metadata(s, { host: EVIL });
		assert.strictEqual(m.issuer, base);
		assert.strictEqual(m.authorization_endpoint, `${base}/oauth/authorize`);
	} finally {
		await s.stop();
	}
	// The variable does the same as the flag.
	const v = await startSouk({ env: { SOUK_PUBLIC_URL: 'http://shop.example.org:8443/market' } });
	try {
		assert.strictEqual((await metadata(v, { host: EVIL })).issuer, 'http://shop.example.org:8443/market');
	} finally {
		await v.stop();
	}
});

test('host header trusted: a public URL that is not one is refused at start', () => {
	for (const bad of ['market.example.com', 'ftp://market.example.com', 'https://', 'https://a.test/?q=1',
		'https://a.test/#x', 'https://a b.test', 'javascript:alert(1)']) {
		const r = runSouk(['serve', '--listen', '127.0.0.1:1', '--db', ':memory:', '--public-url', bad]);
		assert.strictEqual(r.status, 2, `${bad}: ${r.stderr}`);
		assert.match(r.stderr, /public URL is http\(s\):\/\/host/);
	}
});
