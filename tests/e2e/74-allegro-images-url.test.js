'use strict';
// POST /sale/images with {"url": ...}: souk downloads the file itself
// through its one outgoing-request path, so the operator's address rule
// holds on the address DNS gave and on every redirect. Only servers on
// 127.0.0.1 (and 127.0.0.2 as a refused target) are contacted.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { setting } = require('./lib/adverts');
const { fixture, allegroSeller, uploadUrl, fetchImage, jpegInfo, imageHost, serve, assertUploaded } = require('./lib/images');

let s, seller, host, other;
test.before(async () => {
	s = await startSouk();
	seller = await allegroSeller(s);
	other = await imageHost('127.0.0.2', { '/photo.png': serve(fixture('alpha.png'), 'image/png') });
	host = await imageHost('127.0.0.1', {
		'/photo.jpg': serve(fixture('photo-gps-rotated.jpg'), 'image/jpeg'),
		'/photo.webp': serve(fixture('small.webp'), 'application/octet-stream'),
		'/text.jpg': serve(Buffer.from('not an image at all'), 'image/jpeg'),
		'/moved': (req, res) => { res.writeHead(302, { location: '/photo.jpg' }); res.end(); },
		'/to-other': (req, res) => { res.writeHead(302, { location: `${other.base}/photo.png` }); res.end(); },
		'/to-metadata': (req, res) => { res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); res.end(); },
		'/huge.jpg': (req, res) => {
			// 11 MiB, past the 10 MiB an image may have, without announcing it
			res.writeHead(200, { 'content-type': 'image/jpeg' });
			const part = Buffer.alloc(1 << 20);
			let sent = 0;
			const more = () => {
				while (sent < 11) {
					sent++;
					if (!res.write(part)) return res.once('drain', more);
				}
				res.end();
			};
			res.on('error', () => {});
			more();
		},
	});
});
test.after(async () => { await host?.close(); await other?.close(); return s && s.stop(); });

test('a loopback URL is refused while the operator has not allowed it, before any request reaches it', async () => {
	await setting(s, 'images.allow_ranges', '');
	const before = host.hits.length;
	const r = await uploadUrl(s, seller.token, `${host.base}/photo.jpg`);
	assert.strictEqual(r.status, 422, r.text);
	assert.strictEqual(r.json.errors[0].path, 'url');
	assert.strictEqual(r.json.errors[0].message, 'The image could not be downloaded from this URL');
	assert.strictEqual(host.hits.length, before, 'souk connected to a refused address');
});

test('allowed, the file is downloaded, normalised and served at the location', async () => {
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	const up = assertUploaded(s, await uploadUrl(s, seller.token, `${host.base}/photo.jpg`), { now: Math.floor(Date.now() / 1000) });
	const img = await fetchImage(up.location);
	assert.strictEqual(img.status, 200);
	assert.strictEqual(img.headers['content-type'], 'image/jpeg');
	const info = jpegInfo(img.bytes);
	assert.deepStrictEqual([info.width, info.height], [20, 40]);
	assert.ok(!img.bytes.includes('souk-secret') && !img.bytes.includes('Exif'));
	// the content decides here too, whatever the host's Content-Type
	assertUploaded(s, await uploadUrl(s, seller.token, `${host.base}/photo.webp`));
	// a redirect within the allowed range is followed
	assertUploaded(s, await uploadUrl(s, seller.token, `${host.base}/moved`));
});

test('a redirect to an address not allowed is not followed (127.0.0.2, the metadata service)', async () => {
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	for (const p of ['/to-other', '/to-metadata']) {
		const r = await uploadUrl(s, seller.token, `${host.base}${p}`);
		assert.strictEqual(r.status, 422, `${p}: ${r.text}`);
	}
	assert.deepStrictEqual(other.hits, []);
});

test('not an image: 415; missing: 422; too large: 413; not http(s): 422', async () => {
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	let r = await uploadUrl(s, seller.token, `${host.base}/text.jpg`);
	assert.strictEqual(r.status, 415, r.text);
	r = await uploadUrl(s, seller.token, `${host.base}/nothing.jpg`);
	assert.strictEqual(r.status, 422, r.text);
	r = await uploadUrl(s, seller.token, `${host.base}/huge.jpg`);
	assert.strictEqual(r.status, 413, r.text);
	assert.strictEqual(r.json.errors[0].code, 'PayloadTooLargeException');
	for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x.jpg', 'gopher://127.0.0.1/', '']) {
		r = await uploadUrl(s, seller.token, url);
		assert.strictEqual(r.status, 422, `${url}: ${r.text}`);
	}
});
