'use strict';
// An item's images through the Wallapop face: POST /items/{id}/images
// answers 201 with the image's id before souk has the file; the images.fetch
// job fetches, checks and sizes it in the background, and the item then
// lists it under that id, at the place `order` asked for, with small,
// medium and big copies souk serves (at most 320, 640 and 800 pixels wide,
// the document's Image). The same listing shows it through the OLX face.
// DELETE removes one (204) and the rest close up. Another seller's item is
// a 404.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { liftSellerLimit } = require('./lib/webhooks');
const { fetchImage, jpegInfo } = require('./lib/images');
const { checkWallapopItemsComponent } = require('./lib/wallapop-schema');
const { jpeg, jpegHost, wallapopSeller, item, addImage, deleteImage, images, settled } =
	require('./lib/wallapop-images');

let s, host, who, other, wide, tall;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);	// requests come faster than Wallapop's 36 a second
	wide = await jpeg(s, 1600, 1000);
	tall = await jpeg(s, 300, 500);
	host = await jpegHost(s, { '/wide.jpg': wide, '/tall.jpg': tall });
	who = await wallapopSeller(s);
	other = await wallapopSeller(s);
});
test.after(async () => { if (host) await host.close(); return s && s.stop(); });

test('an added image: 201 with its id at once, then listed under that id with three sizes souk serves', async () => {
	const id = await item(s, who);
	const r = await addImage(s, who, id, `${host.base}/wide.jpg`, 0);
	assert.strictEqual(r.status, 201, r.text);
	assert.deepStrictEqual(Object.keys(r.json), ['id']);
	assert.match(r.json.id, /^[0-9a-f]{32}$/);
	const list = await settled(s, who, id);
	assert.strictEqual(list.length, 1);
	const [img] = list;
	checkWallapopItemsComponent('Image', img);
	assert.strictEqual(img.id, r.json.id);
	const widths = { small: 320, medium: 640, big: 800 };
	for (const [size, width] of Object.entries(widths)) {
		assert.strictEqual(img.urls[size], `${s.url}/images/${img.id}?pictureSize=W${width}`);
		const got = await fetchImage(img.urls[size]);
		assert.strictEqual(got.status, 200);
		assert.strictEqual(got.headers['content-type'], 'image/jpeg');
		const info = jpegInfo(got.bytes);
		assert.deepStrictEqual([info.width, info.height], [width, width * 1000 / 1600], size);
		// no metadata kept: no APP1 (EXIF, XMP)
		assert.ok(!info.markers.some((m) => m.marker === 0xe1), size);
	}
	// a narrow image is never enlarged
	const r2 = await addImage(s, who, id, `${host.base}/tall.jpg`, 1);
	assert.strictEqual(r2.status, 201, r2.text);
	const two = await settled(s, who, id);
	const info = jpegInfo((await fetchImage(two[1].urls.big)).bytes);
	assert.deepStrictEqual([info.width, info.height], [300, 500]);
	// a size souk does not make is not found
	assert.strictEqual((await fetchImage(`${s.url}/images/${img.id}?pictureSize=W1234`)).status, 404);
	assert.strictEqual((await fetchImage(`${s.url}/images/${img.id}?pictureSize=big`)).status, 404);
});

test('order places the image among the others; the OLX face shows the same images in the same order', async () => {
	const id = await item(s, who);
	const first = (await addImage(s, who, id, `${host.base}/wide.jpg`, 0)).json.id;
	await settled(s, who, id);
	const last = (await addImage(s, who, id, `${host.base}/tall.jpg`, 7)).json.id;
	await settled(s, who, id);
	const main = (await addImage(s, who, id, `${host.base}/tall.jpg`, 0)).json.id;
	await settled(s, who, id);
	const middle = (await addImage(s, who, id, `${host.base}/wide.jpg`, 2)).json.id;
	const list = await settled(s, who, id);
	assert.deepStrictEqual(list.map((i) => i.id), [main, first, middle, last]);
	const olx = await s.req('GET', `/api/partner/adverts/${id}`, { token: who.token });
	assert.strictEqual(olx.status, 200, olx.text);
	assert.deepStrictEqual(olx.json.data.images.map((i) => i.url), list.map((i) => `${s.url}/images/${i.id}`));
});

test('DELETE: 204, the others close up; an image the item does not have is a 404', async () => {
	const id = await item(s, who);
	const ids = [];
	for (let i = 0; i < 3; i++) {
		ids.push((await addImage(s, who, id, `${host.base}/wide.jpg`, i)).json.id);
		await settled(s, who, id);
	}
	const r = await deleteImage(s, who, id, ids[1]);
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual(r.text, '');
	assert.deepStrictEqual((await images(s, who, id)).map((i) => i.id), [ids[0], ids[2]]);
	const again = await deleteImage(s, who, id, ids[1]);
	assert.strictEqual(again.status, 404, again.text);
	assert.strictEqual(again.json.code, 'INVALID_ITEM_ID');
	assert.strictEqual((await deleteImage(s, who, id, 'nope')).status, 404);
});

test('images of an item made through OLX: listed with stable ids, deleted by them', async () => {
	const urls = [`${host.base}/wide.jpg`, `${host.base}/tall.jpg`];
	const id = await item(s, who, urls);
	const list = await images(s, who, id);
	assert.deepStrictEqual(list.map((i) => i.urls.big), urls);
	assert.deepStrictEqual((await images(s, who, id)).map((i) => i.id), list.map((i) => i.id));
	for (const i of list) checkWallapopItemsComponent('Image', i);
	assert.strictEqual((await deleteImage(s, who, id, list[0].id)).status, 204);
	assert.deepStrictEqual((await images(s, who, id)).map((i) => i.urls.big), [urls[1]]);
});

test('another seller\'s item is a 404, whatever is asked of its images', async () => {
	const id = await item(s, who);
	const mine = (await addImage(s, who, id, `${host.base}/wide.jpg`, 0)).json.id;
	await settled(s, who, id);
	const add = await addImage(s, other, id, `${host.base}/wide.jpg`, 0);
	assert.strictEqual(add.status, 404, add.text);
	assert.strictEqual(add.json.code, 'INVALID_ITEM_ID');
	const del = await deleteImage(s, other, id, mine);
	assert.strictEqual(del.status, 404, del.text);
	// named under an item of their own: no such image
	const theirs = await item(s, other);
	const under = await deleteImage(s, other, theirs, mine);
	assert.strictEqual(under.status, 404, under.text);
	assert.deepStrictEqual(under.json, { code: 'INVALID_ITEM_ID', message: 'The item has no image with this id' });
	assert.strictEqual((await images(s, who, id)).length, 1);
	for (const bad of ['abc', '0', '99999999']) {
		assert.strictEqual((await addImage(s, who, bad, `${host.base}/wide.jpg`, 0)).status, 404);
		assert.strictEqual((await deleteImage(s, who, bad, mine)).status, 404);
	}
});

test('a body without url or order, or of the wrong types, is INVALID_BODY_REQUEST', async () => {
	const id = await item(s, who);
	for (const json of [{ order: 0 }, { url: `${host.base}/wide.jpg` }, { url: 5, order: 0 },
		{ url: `${host.base}/wide.jpg`, order: -1 }, { url: `${host.base}/wide.jpg`, order: '0' },
		{ url: `${host.base}/wide.jpg`, order: 1.5 }, []]) {
		const r = await s.req('POST', `/items/${id}/images`, { token: who.wallapop, json });
		assert.strictEqual(r.status, 400, `${JSON.stringify(json)}: ${r.text}`);
		assert.strictEqual(r.json.code, 'INVALID_BODY_REQUEST');
	}
	assert.strictEqual((await images(s, who, id)).length, 0);
});
