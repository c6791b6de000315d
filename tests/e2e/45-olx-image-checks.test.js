'use strict';
// Image checks are outgoing requests the partner aims: they may reach only
// public addresses and the ranges the operator lists, checked on the address
// DNS gave and on every redirect, before any connection is made; all the URLs
// of one request are checked at once. Only servers on 127.0.0.1 (and, as a
// disallowed target, 127.0.0.2) are ever contacted here: the other refused
// addresses are refused before a socket opens.

const test = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const { startSouk } = require('./lib/server');
const { DATA, advertBody, seller, setting, operator, create } = require('./lib/adverts');
const { patience } = require('./lib/patience');

// A host that counts what it receives. routes: path -> (req, res) or
// undefined for 200 on /ok-N.jpg and 404 otherwise.
function host(address, routes = {}) {
	const srv = { hits: 0, paths: [] };
	return new Promise((resolve, reject) => {
		const server = http.createServer((req, res) => {
			srv.hits++;
			srv.paths.push(req.url);
			const route = routes[req.url.replace(/\?.*/, '')];
			if (route) return route(req, res);
			res.writeHead(/^\/ok-\d+\.jpg$/.test(req.url) ? 200 : 404, { 'content-length': 0 });
			res.end();
		});
		server.on('error', reject);
		server.listen(0, address, () => {
			srv.port = server.address().port;
			srv.base = `http://${address}:${srv.port}`;
			srv.close = () => server.close();
			resolve(srv);
		});
	});
}

let s, a, ad, local, other;
test.before(async () => {
	s = await startSouk();
	a = await seller(s);
	local = await host('127.0.0.1', {
		'/to-other': (req, res) => { res.writeHead(302, { location: `${other.base}/ok-1.jpg` }); res.end(); },
		'/to-metadata': (req, res) => { res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); res.end(); },
		'/to-ftp': (req, res) => { res.writeHead(302, { location: 'ftp://127.0.0.1/ok-1.jpg' }); res.end(); },
		'/loop': (req, res) => { res.writeHead(302, { location: '/loop' }); res.end(); },
	});
	other = await host('127.0.0.2');
	await setting(s, 'images.allow_ranges', '');
	ad = await create(s, a.token, advertBody());
});
test.after(() => { local && local.close(); other && other.close(); return s && s.stop(); });

const post = (images) => s.req('POST', '/api/partner/adverts', { token: a.token,
	json: advertBody({ images: images.map((url) => ({ url })) }) });
const logo = (url) => s.req('POST', `/api/partner/adverts/${ad.id}/logos`, { token: a.token, json: { url } });
const remoteError = { error: { status: 400, title: 'Bad Request', detail: 'Image error: Remote file not exists' } };

test('image URLs on loopback, private, link-local and metadata addresses are refused unless allowed', async () => {
	const refused = [
		`${local.base}/ok-1.jpg`,
		`http://localhost:${local.port}/ok-1.jpg`,	// a name that resolves to loopback
		`http://[::1]:${local.port}/ok-1.jpg`,
		`http://[::ffff:127.0.0.1]:${local.port}/ok-1.jpg`,
		`http://0x7f000001:${local.port}/ok-1.jpg`,	// 127.0.0.1 spelled as a number
		'http://10.1.2.3/ok-1.jpg',
		'http://192.168.0.1/ok-1.jpg',
		'http://169.254.169.254/latest/meta-data/iam/security-credentials/x.jpg',
	];
	for (const url of refused) {
		const r = await post([url]);
		assert.strictEqual(r.status, 400, `${url}: ${r.text}`);
		assert.deepStrictEqual(r.json, remoteError, url);
		const l = await logo(url);
		assert.strictEqual(l.status, 400, `logo ${url}: ${l.text}`);
	}
	// refused before connecting: the loopback host never heard a thing
	assert.strictEqual(local.hits, 0, local.paths.join(' '));

	// what the operator lists is reachable: the same URL now passes
	await setting(s, 'images.allow_ranges', '127.0.0.1/32');
	const ok = await post([`${local.base}/ok-1.jpg`]);
	assert.strictEqual(ok.status, 200, ok.text);
	assert.ok(local.hits >= 1);
	await setting(s, 'images.allow_ranges', '');
});

test('a redirect from an allowed host to a disallowed address is refused, and bounded', async () => {
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	for (const path of ['/to-other', '/to-metadata', '/to-ftp']) {
		const r = await post([`${local.base}${path}`]);
		assert.deepStrictEqual(r.json, remoteError, path);
	}
	assert.ok(local.paths.includes('/to-other'));
	assert.strictEqual(other.hits, 0, 'the redirect target on 127.0.0.2 was contacted');

	// redirects are followed, at most three hops
	const before = local.paths.filter((p) => p === '/loop').length;
	assert.deepStrictEqual((await post([`${local.base}/loop`])).json, remoteError);
	assert.strictEqual(local.paths.filter((p) => p === '/loop').length - before, 4);

	// allowed, the same redirect is followed: the refusal above was the rule's
	await setting(s, 'images.allow_ranges', '127.0.0.1, 127.0.0.2');
	const ok = await post([`${local.base}/to-other`]);
	assert.strictEqual(ok.status, 200, ok.text);
	assert.strictEqual(other.hits, 1);
	await setting(s, 'images.allow_ranges', '');
});

test('all image URLs of one request are checked at once', async () => {
	// Each request is held until all eight are in flight together; a check
	// that fetched one at a time would get a 404 for the first.
	const waiting = [];
	const barrier = await new Promise((resolve) => {
		const server = http.createServer((req, res) => {
			waiting.push(res);
			if (waiting.length === 8) for (const w of waiting.splice(0)) { w.writeHead(200, { 'content-length': 0 }); w.end(); }
			else setTimeout(() => { if (!res.writableEnded) { res.writeHead(404, { 'content-length': 0 }); res.end(); } }, patience(2500));
		});
		server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` }));
	});
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	const r = await post(Array.from({ length: 8 }, (_, i) => `${barrier.base}/ok-${i}.jpg`));
	barrier.server.close();
	await setting(s, 'images.allow_ranges', '');
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.data.images.length, 8);
});

test('200 image URLs in one POST are answered without a single probe', async () => {
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	const before = local.hits;
	const urls = Array.from({ length: 200 }, (_, i) => `${local.base}/ok-${i}.jpg`);
	for (const category of [DATA.leaf, DATA.parent]) {
		const r = await s.req('POST', '/api/partner/adverts', { token: a.token,
			json: advertBody({ category_id: category, images: urls.map((url) => ({ url })) }) });
		assert.strictEqual(r.status, 400, r.text);
	}
	assert.strictEqual(local.hits, before);
	await setting(s, 'images.allow_ranges', '');
});

test('the allowed ranges are an operator setting: malformed values are refused', async () => {
	for (const value of ['nope', '10.0.0.0/33', '::1/129', '127.0.0.1/', '1.2.3.4/8x']) {
		const r = await s.req('PUT', '/api/admin/settings/images.allow_ranges', { token: operator(s), json: { value } });
		assert.strictEqual(r.status, 400, `${value}: ${r.text}`);
	}
});
