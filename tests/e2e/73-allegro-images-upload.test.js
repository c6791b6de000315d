'use strict';
// POST /sale/images with the image's bytes (seed 002 §3): JPEG, PNG and
// WebP are taken whatever the Content-Type among the three says, since the
// content decides; anything else is a 415 in Allegro's envelope, a body past
// the cap or a decompression bomb a 413. What souk serves at the location is
// a normalised JPEG: upright, bounded, without any metadata (the fixture's
// EXIF GPS position and description are gone).

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { fixture, allegroSeller, uploadBytes, fetchImage, jpegInfo, assertUploaded } = require('./lib/images');

let s, seller;
test.before(async () => {
	s = await startSouk();
	seller = await allegroSeller(s);
});
test.after(() => s && s.stop());

const nowSeconds = () => Math.floor(Date.now() / 1000);

test('a JPEG, a PNG and a WebP upload answer 201 with a location souk serves and the expiry', async () => {
	for (const [name, type] of [['photo-gps-rotated.jpg', 'image/jpeg'], ['alpha.png', 'image/png'], ['small.webp', 'image/webp']]) {
		const up = assertUploaded(s, await uploadBytes(s, seller.token, fixture(name), type), { now: nowSeconds() });
		const img = await fetchImage(up.location);
		assert.strictEqual(img.status, 200, name);
		assert.strictEqual(img.headers['content-type'], 'image/jpeg', name);
		assert.match(img.headers.etag, /^"[0-9a-f]{64}"$/, name);
		assert.match(img.headers['cache-control'], /public/, name);
		const info = jpegInfo(img.bytes);
		assert.ok(info.width > 0 && info.height > 0, name);
	}
});

test('the served image has no EXIF, GPS or description left, and stands upright', async () => {
	const original = fixture('photo-gps-rotated.jpg');
	assert.ok(original.includes('Exif') && original.includes('souk-secret-description'), 'the fixture has its metadata');
	const up = assertUploaded(s, await uploadBytes(s, seller.token, original, 'image/jpeg'));
	const img = await fetchImage(up.location);
	const info = jpegInfo(img.bytes);
	// APP1 (EXIF, XMP), APP13 (IPTC), APP2 (ICC) and comments all gone
	assert.deepStrictEqual(info.markers.filter((m) => [0xe1, 0xe2, 0xed, 0xfe].includes(m.marker)), []);
	assert.ok(!img.bytes.includes('Exif') && !img.bytes.includes('souk-secret') && !img.bytes.includes('GPS'));
	// 40 x 20 stored with orientation 6: shown upright it is 20 x 40
	assert.deepStrictEqual([info.width, info.height], [20, 40]);
});

test('the served image answers If-None-Match with 304, and HEAD without a body', async () => {
	const up = assertUploaded(s, await uploadBytes(s, seller.token, fixture('small.webp'), 'image/webp'));
	const first = await fetchImage(up.location);
	const again = await fetchImage(up.location, { 'If-None-Match': first.headers.etag });
	assert.strictEqual(again.status, 304);
	assert.strictEqual(again.bytes.length, 0);
	const head = await fetch(up.location, { method: 'HEAD' });
	assert.strictEqual(head.status, 200);
	assert.strictEqual(head.headers.get('content-type'), 'image/jpeg');
	assert.strictEqual(Buffer.from(await head.arrayBuffer()).length, 0);
	// another key, or not a key at all, is no image
	for (const p of ['/images/' + '0'.repeat(32), '/images/..%2f..%2fetc%2fpasswd', '/images/ABC'])
		assert.strictEqual((await fetchImage(s.url + p)).status, 404, p);
});

test('the content decides: a PNG sent as image/jpeg is taken, a GIF or TIFF sent as image/png is not', async () => {
	assertUploaded(s, await uploadBytes(s, seller.token, fixture('alpha.png'), 'image/jpeg'));
	for (const name of ['small.gif', 'small.tif']) {
		const r = await uploadBytes(s, seller.token, fixture(name), 'image/png');
		assert.strictEqual(r.status, 415, r.text);
		assert.strictEqual(r.json.errors[0].code, 'UnsupportedMediaTypeException');
	}
});

test('a fake JPEG (text sent as image/jpeg) is a 415 in Allegro\'s envelope', async () => {
	const r = await uploadBytes(s, seller.token, Buffer.from('\xff\xd8\xff definitely not a photo', 'latin1'), 'image/jpeg');
	assert.strictEqual(r.status, 415, r.text);
	assert.match(r.headers['content-type'], /^application\/vnd\.allegro\.public\.v1\+json/);
	assert.deepStrictEqual(Object.keys(r.json.errors[0]).sort(), ['code', 'details', 'message', 'path', 'userMessage']);
	assert.strictEqual(r.json.errors[0].code, 'UnsupportedMediaTypeException');
	assert.strictEqual(r.json.errors[0].message, 'The file is not a JPEG, PNG or WebP image');
});

test('a body of another type (text/plain, none) is a 415', async () => {
	for (const type of ['text/plain', 'image/gif', undefined]) {
		const r = await uploadBytes(s, seller.token, fixture('alpha.png'), type);
		assert.strictEqual(r.status, 415, `${type}: ${r.text}`);
		assert.strictEqual(r.json.errors[0].code, 'UnsupportedMediaTypeException');
	}
});

// A PNG of random pixels (deflate cannot shrink them): about 3 bytes a pixel.
function noisePng(width, height) {
	const zlib = require('node:zlib');
	const crypto = require('node:crypto');
	const rows = [];
	for (let y = 0; y < height; y++) rows.push(Buffer.from([0]), crypto.randomBytes(width * 3));
	return png(width, height, zlib.deflateSync(Buffer.concat(rows), { level: 1 }));
}

test('a photo larger than the server\'s 1 MiB body cap is taken: an upload may reach 10 MiB', async () => {
	const photo = noisePng(1200, 1000);
	assert.ok(photo.length > 3 << 20);
	const up = assertUploaded(s, await uploadBytes(s, seller.token, photo, 'image/png'));
	const info = jpegInfo((await fetchImage(up.location)).bytes);
	assert.deepStrictEqual([info.width, info.height], [1200, 1000]);
	// other routes keep the server's cap
	const json = await s.req('POST', '/api/partner/adverts', { token: seller.token,
		body: Buffer.alloc(2 << 20, 0x20), headers: { 'Content-Type': 'application/json', Version: '2.0' } });
	assert.strictEqual(json.status, 413);
});

test('a body past 10 MiB is a 413 in Allegro\'s envelope', async () => {
	const big = Buffer.concat([fixture('photo-gps-rotated.jpg'), Buffer.alloc(11 << 20)]);
	const r = await uploadBytes(s, seller.token, big, 'image/jpeg');
	assert.strictEqual(r.status, 413, r.text);
	assert.strictEqual(r.json.errors[0].code, 'PayloadTooLargeException');
});

// A PNG of the given size and compressed pixel data.
function png(width, height, idat) {
	const zlib = require('node:zlib');
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(zlib.crc32(body));
		return Buffer.concat([len, body, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
		chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

// A PNG announcing width x height pixels with a little data.
const pngBomb = (width, height) => png(width, height, require('node:zlib').deflateSync(Buffer.alloc(64 << 10)));

test('a decompression bomb (a small file announcing 10 gigapixels) is a 413, refused before decoding', async () => {
	const bomb = pngBomb(100000, 100000);
	assert.ok(bomb.length < 1000);
	const r = await uploadBytes(s, seller.token, bomb, 'image/png');
	assert.strictEqual(r.status, 413, r.text);
	assert.strictEqual(r.json.errors[0].message, 'The image has more than 50000000 pixels');
});

test('without a token: 401 in OAuth2\'s short form; a JSON body without url: 422 at url', async () => {
	const r = await uploadBytes(s, undefined, fixture('alpha.png'), 'image/png');
	assert.strictEqual(r.status, 401);
	assert.strictEqual(r.json.error, 'unauthorized');
	const j = await s.req('POST', '/sale/images', { token: seller.token, json: { link: 'x' },
		headers: { 'Content-Type': 'application/vnd.allegro.public.v1+json' } });
	assert.strictEqual(j.status, 422, j.text);
	assert.strictEqual(j.json.errors[0].path, 'url');
});

test('uploads racing: every one gets its own image', async () => {
	const rs = await Promise.all(Array.from({ length: 8 }, (_, i) =>
		uploadBytes(s, seller.token, fixture(i % 2 ? 'alpha.png' : 'small.webp'), i % 2 ? 'image/png' : 'image/webp')));
	const locations = rs.map((r) => assertUploaded(s, r).location);
	assert.strictEqual(new Set(locations).size, 8);
	for (const l of locations) assert.strictEqual((await fetchImage(l)).status, 200);
});
