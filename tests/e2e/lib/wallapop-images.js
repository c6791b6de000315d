'use strict';
// What the Wallapop image and category tests share: a seller with both an
// OLX token (to make items: a Wallapop item is the same listing, its id the
// listing id) and a Wallapop token, real JPEG files of a chosen size (a PNG
// written here, turned into souk's JPEG by an Allegro upload), a local
// image host the operator allowed, and waits on the background fetch.

const assert = require('node:assert');
const zlib = require('node:zlib');
const { seller, create, advertBody, operator, setting } = require('./adverts');
const items = require('./wallapop-items');
const { allegroSeller, uploadBytes, fetchImage, imageHost } = require('./images');
const { patience } = require('./patience');

// A w x h RGB PNG, a gradient (so it compresses to a real JPEG).
function png(w, h) {
	const row = w * 3 + 1;
	const raw = Buffer.alloc(row * h);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) raw.set([x % 256, y % 256, 128], y * row + 1 + x * 3);
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(zlib.crc32(body));
		return Buffer.concat([len, body, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
		chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// A w x h JPEG: the PNG above as souk normalises an upload.
async function jpeg(s, w, h) {
	const up = await allegroSeller(s);
	const r = await uploadBytes(s, up.token, png(w, h), 'image/png');
	assert.strictEqual(r.status, 201, r.text);
	const got = await fetchImage(r.json.location);
	assert.strictEqual(got.status, 200);
	return got.bytes;
}

// A host on 127.0.0.1 the operator allowed, serving routes (path -> bytes
// as image/jpeg, or a handler).
async function jpegHost(s, routes) {
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	const handlers = {};
	for (const [p, v] of Object.entries(routes))
		handlers[p] = Buffer.isBuffer(v) ? (req, res) => {
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': v.length });
			res.end(v);
		} : v;
	return imageHost('127.0.0.1', handlers);
}

// A seller signed in through an OLX app and a Wallapop app: {user, token
// (OLX), wallapop (token)}.
async function wallapopSeller(s) {
	const who = await seller(s);
	who.wallapop = (await items.wallapopSeller(s, { user: who.user })).token;
	return who;
}

// An item made through the OLX face with these image URLs (they must answer
// OLX's check): its Wallapop id.
let made = 0;
async function item(s, who, urls = []) {
	// titles differ: moderation rejects a seller's duplicate of an active advert
	const ad = await create(s, who.token, advertBody({ title: `Bluzka damska bawełniana numer ${++made} rozmiar M`,
		images: urls.map((url) => ({ url })) }));
	return String(ad.id);
}

const addImage = (s, who, id, url, order) => s.req('POST', `/items/${id}/images`, { token: who.wallapop,
	json: { url, order } });
const deleteImage = (s, who, id, imageId) => s.req('DELETE', `/items/${id}/images/${imageId}`,
	{ token: who.wallapop });

// The item's images as the Wallapop face shows them.
async function images(s, who, id) {
	const r = await s.req('GET', `/items/${id}`, { token: who.wallapop });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.images;
}

// The operator's view of the item's images on their way or refused.
async function fetches(s, id) {
	const r = await s.req('GET', `/api/admin/adverts/${id}/image-fetches`, { token: operator(s) });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.image_fetches;
}

// Waits until no image of the item is on its way any more (the job placed
// or refused each), then gives the item's images.
async function settled(s, who, id) {
	const end = Date.now() + patience(15000);
	for (;;) {
		const f = await fetches(s, id);
		if (!f.some((x) => x.state === 'pending')) return images(s, who, id);
		if (Date.now() > end) assert.fail(`images of item ${id} still on their way: ${JSON.stringify(f)}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

module.exports = { png, jpeg, jpegHost, wallapopSeller, item, addImage, deleteImage, images, fetches, settled };
