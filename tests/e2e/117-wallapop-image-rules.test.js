'use strict';
// Wallapop's rules for an item's images, with the document's error codes:
// INVALID_IMAGE for what souk can tell at once (not an http(s) URL, an
// address it does not fetch from); MAX_IMAGES_EXCEED at the category's
// photo limit (the core's, images on their way counted); MISSING_MAIN_IMAGE
// for an image after the first on an item that has none; INSUFFICIENT_IMAGES
// for the last image an item shows. What only the fetch can tell (no
// answer, not a 2xx, not a JPEG by its content, over 10 MB) leaves the item
// as it was: its other images stay, the image never appears and no longer
// takes a place, and the reason is kept for the operator until the seller
// deletes the image by its id.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { liftSellerLimit } = require('./lib/webhooks');
const { fixture } = require('./lib/images');
const { jpeg, jpegHost, wallapopSeller, item, addImage, deleteImage, images, fetches, settled } =
	require('./lib/wallapop-images');

const TEN_MB = 10 * 1000 * 1000;

let s, host, who, photo;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);	// requests come faster than Wallapop's 36 a second
	photo = await jpeg(s, 800, 600);
	const big = Buffer.concat([photo, Buffer.alloc(TEN_MB + 1 - photo.length)]);
	host = await jpegHost(s, {
		'/photo.jpg': photo,
		'/exactly-10mb.jpg': Buffer.concat([photo, Buffer.alloc(TEN_MB - photo.length)]),
		'/over-10mb.jpg': big,
		'/png.jpg': (req, res) => {
			const png = fixture('alpha.png');
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': png.length });
			res.end(png);
		},
		'/webp.jpg': (req, res) => {
			const webp = fixture('small.webp');
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': webp.length });
			res.end(webp);
		},
		'/truncated.jpg': (req, res) => {
			const half = photo.subarray(0, photo.length >> 1);
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': half.length });
			res.end(half);
		},
		'/error.jpg': (req, res) => { res.writeHead(500, { 'content-length': 0 }); res.end(); },
	});
	who = await wallapopSeller(s);
});
test.after(async () => { if (host) await host.close(); return s && s.stop(); });

async function refused(r, code) {
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual(r.json.code, code, r.text);
	assert.ok(r.json.message.length > 0);
}

test('INVALID_IMAGE at once: not an http(s) URL, or an address souk does not fetch from', async () => {
	const id = await item(s, who);
	for (const url of ['', 'not a url', 'ftp://example.com/a.jpg', 'file:///etc/passwd', 'http://exa mple.com/a.jpg',
		'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/a.jpg', 'http://[::1]/a.jpg',
		'http://127.0.0.2/a.jpg'])
		await refused(await addImage(s, who, id, url, 0), 'INVALID_IMAGE');
	assert.deepStrictEqual(await fetches(s, id), []);
});

test('a fetch that fails: the item keeps its other images, the reason is kept, the place is free', async () => {
	const id = await item(s, who);
	const main = (await addImage(s, who, id, `${host.base}/photo.jpg`, 0)).json.id;
	await settled(s, who, id);
	const cases = {
		'/png.jpg': 'The file is not a JPEG image',
		'/webp.jpg': 'The file is not a JPEG image',
		'/truncated.jpg': 'The file is not a JPEG image',
		'/over-10mb.jpg': `The image is larger than ${TEN_MB} bytes`,
		'/error.jpg': 'The image could not be downloaded from this URL',
		'/missing.jpg': 'The image could not be downloaded from this URL',
	};
	const ids = {};
	for (const p of Object.keys(cases)) {
		const r = await addImage(s, who, id, host.base + p, 1);
		assert.strictEqual(r.status, 201, r.text);
		ids[p] = r.json.id;
	}
	const list = await settled(s, who, id);
	assert.deepStrictEqual(list.map((i) => i.id), [main]);
	const recorded = await fetches(s, id);
	assert.strictEqual(recorded.length, Object.keys(cases).length);
	for (const [p, reason] of Object.entries(cases)) {
		const f = recorded.find((x) => x.id === ids[p]);
		assert.deepStrictEqual([f.state, f.reason, f.url], ['failed', reason, host.base + p], p);
	}
	// the seller clears one by its id
	assert.strictEqual((await deleteImage(s, who, id, ids['/png.jpg'])).status, 204);
	assert.ok(!(await fetches(s, id)).some((f) => f.id === ids['/png.jpg']));
	// a file of exactly 10 MB is taken
	const ok = await addImage(s, who, id, `${host.base}/exactly-10mb.jpg`, 1);
	assert.strictEqual(ok.status, 201, ok.text);
	assert.deepStrictEqual((await settled(s, who, id)).map((i) => i.id), [main, ok.json.id]);
});

test('MAX_IMAGES_EXCEED at the category\'s photo limit, images on their way counted; a failed one frees its place', async () => {
	const id = await item(s, who);	// Bluzki i koszulki: 8 photos
	for (let i = 0; i < 7; i++) assert.strictEqual((await addImage(s, who, id, `${host.base}/photo.jpg`, i)).status, 201);
	const failing = await addImage(s, who, id, `${host.base}/error.jpg`, 7);
	assert.strictEqual(failing.status, 201, failing.text);
	await refused(await addImage(s, who, id, `${host.base}/photo.jpg`, 0), 'MAX_IMAGES_EXCEED');
	assert.strictEqual((await settled(s, who, id)).length, 7);
	const last = await addImage(s, who, id, `${host.base}/photo.jpg`, 8);
	assert.strictEqual(last.status, 201, last.text);
	assert.strictEqual((await settled(s, who, id)).length, 8);
	await refused(await addImage(s, who, id, `${host.base}/photo.jpg`, 8), 'MAX_IMAGES_EXCEED');
});

test('MISSING_MAIN_IMAGE: an item without images takes its main image first', async () => {
	const id = await item(s, who);
	await refused(await addImage(s, who, id, `${host.base}/photo.jpg`, 1), 'MISSING_MAIN_IMAGE');
	assert.strictEqual((await addImage(s, who, id, `${host.base}/photo.jpg`, 0)).status, 201);
	// once one is on its way the next may follow it
	assert.strictEqual((await addImage(s, who, id, `${host.base}/photo.jpg`, 1)).status, 201);
	assert.strictEqual((await settled(s, who, id)).length, 2);
});

test('INSUFFICIENT_IMAGES: the last image an item shows stays, also with another on its way', async () => {
	const id = await item(s, who);
	const only = (await addImage(s, who, id, `${host.base}/photo.jpg`, 0)).json.id;
	await settled(s, who, id);
	await refused(await deleteImage(s, who, id, only), 'INSUFFICIENT_IMAGES');
	const failing = (await addImage(s, who, id, `${host.base}/error.jpg`, 1)).json.id;
	await refused(await deleteImage(s, who, id, only), 'INSUFFICIENT_IMAGES');
	await settled(s, who, id);
	assert.deepStrictEqual((await images(s, who, id)).map((i) => i.id), [only]);
	assert.strictEqual((await deleteImage(s, who, id, failing)).status, 204);
});
