'use strict';
// Where souk fetches images from, and the main image of a new item. Image
// fetches reach public addresses only, unless the operator lists more
// (images.allow_ranges; a sandbox on one machine allows loopback): tested
// both ways. A URL whose host is a refused address literal is INVALID_IMAGE
// at once; a name is checked on the address it resolves to, at the fetch,
// and on every redirect. POST /items hands main_image.url to the same
// background fetch: the item answers 201 at once and shows its main image
// once souk has it.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { liftSellerLimit } = require('./lib/webhooks');
const { setting } = require('./lib/adverts');
const { fixture, imageHost } = require('./lib/images');
const { itemBody, createItem, getItem } = require('./lib/wallapop-items');
const { jpeg, jpegHost, wallapopSeller, item, addImage, fetches, settled } = require('./lib/wallapop-images');

let s, host, elsewhere, who, photo;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);	// requests come faster than Wallapop's 36 a second
	photo = await jpeg(s, 1000, 750);
	elsewhere = await imageHost('127.0.0.2', {});
	host = await jpegHost(s, {
		'/photo.jpg': photo,
		'/png.jpg': (req, res) => {
			const png = fixture('alpha.png');
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': png.length });
			res.end(png);
		},
		'/to-elsewhere': (req, res) => { res.writeHead(302, { location: `${elsewhere.base}/photo.jpg` }); res.end(); },
		'/to-photo': (req, res) => { res.writeHead(302, { location: '/photo.jpg' }); res.end(); },
	});
	who = await wallapopSeller(s);
});
test.after(async () => { await host?.close(); await elsewhere?.close(); return s && s.stop(); });

const port = () => new URL(host.base).port;

test('loopback refused unless the operator allows it: at once for an address, at the fetch for a name', async () => {
	await setting(s, 'images.allow_ranges', '');
	try {
		const id = await item(s, who);
		const hits = host.hits.length;
		const r = await addImage(s, who, id, `${host.base}/photo.jpg`, 0);
		assert.strictEqual(r.status, 400, r.text);
		assert.strictEqual(r.json.code, 'INVALID_IMAGE');
		const named = await addImage(s, who, id, `http://localhost:${port()}/photo.jpg`, 0);
		assert.strictEqual(named.status, 201, named.text);
		assert.deepStrictEqual(await settled(s, who, id), []);
		const [f] = await fetches(s, id);
		assert.deepStrictEqual([f.id, f.state, f.reason], [named.json.id, 'failed',
			'The image could not be downloaded from this URL']);
		assert.strictEqual(host.hits.length, hits, 'nothing reached the refused address');
	} finally {
		await setting(s, 'images.allow_ranges', '127.0.0.1');
	}
	const id = await item(s, who);
	const urls = [`${host.base}/photo.jpg`, `http://localhost:${port()}/photo.jpg`];
	for (let i = 0; i < urls.length; i++) assert.strictEqual((await addImage(s, who, id, urls[i], i)).status, 201);
	assert.strictEqual((await settled(s, who, id)).length, 2);
});

test('redirects are followed, each hop under the same rule', async () => {
	const id = await item(s, who);
	const ok = await addImage(s, who, id, `${host.base}/to-photo`, 0);
	const refused = await addImage(s, who, id, `${host.base}/to-elsewhere`, 1);
	assert.deepStrictEqual([ok.status, refused.status], [201, 201]);
	assert.deepStrictEqual((await settled(s, who, id)).map((i) => i.id), [ok.json.id]);
	assert.strictEqual((await fetches(s, id))[0].reason, 'The image could not be downloaded from this URL');
	assert.strictEqual(elsewhere.hits.length, 0, '127.0.0.2 was never contacted');
});

test('POST /items: 201 at once, the main image shows once fetched, in three sizes', async () => {
	const id = await createItem(s, who.wallapop, itemBody({ image: `${host.base}/photo.jpg` }));
	const list = await settled(s, who, id);
	assert.strictEqual(list.length, 1);
	assert.strictEqual(list[0].urls.small, `${s.url}/images/${list[0].id}?pictureSize=W320`);
	// the same listing, through OLX
	const olx = await s.req('GET', `/api/partner/adverts/${id}`, { token: who.token });
	assert.deepStrictEqual(olx.json.data.images, [{ url: `${s.url}/images/${list[0].id}` }]);
});

test('POST /items whose main image cannot be used: the item is created, without it; the seller adds another', async () => {
	const id = await createItem(s, who.wallapop, itemBody({ image: `${host.base}/png.jpg` }));
	assert.deepStrictEqual(await settled(s, who, id), []);
	assert.strictEqual((await fetches(s, id))[0].reason, 'The file is not a JPEG image');
	const r = await addImage(s, who, id, `${host.base}/photo.jpg`, 0);
	assert.strictEqual(r.status, 201, r.text);
	assert.deepStrictEqual((await settled(s, who, id)).map((i) => i.id), [r.json.id]);
	assert.strictEqual((await getItem(s, who.wallapop, id)).images.length, 1);
});

test('POST /items with a main image at a refused address: INVALID_IMAGE, no item', async () => {
	const before = (await s.req('GET', '/items', { token: who.wallapop })).json.data.length;
	const r = await s.req('POST', '/items', { token: who.wallapop, json: itemBody({ image: 'http://169.254.169.254/a.jpg' }) });
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual(r.json.code, 'INVALID_IMAGE');
	assert.strictEqual((await s.req('GET', '/items', { token: who.wallapop })).json.data.length, before);
});
