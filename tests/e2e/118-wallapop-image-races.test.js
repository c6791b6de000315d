'use strict';
// Races on an item's images. Adds racing for the last place under the
// category's photo limit leave exactly one winner (the count and the queued
// image are one transaction). A delete racing the background fetch of the
// same image wins cleanly: the image never appears and nothing is left.
// Two items fetched at once each get their own images.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { liftSellerLimit } = require('./lib/webhooks');
const { jpeg, jpegHost, wallapopSeller, item, addImage, deleteImage, fetches, settled } =
	require('./lib/wallapop-images');

let s, host, who, photo, release;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);	// requests come faster than Wallapop's 36 a second
	photo = await jpeg(s, 640, 480);
	let hold;
	release = () => hold && hold();
	host = await jpegHost(s, {
		'/photo.jpg': photo,
		// answers only when the test says so
		'/held.jpg': (req, res) => {
			hold = () => {
				hold = null;
				res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': photo.length });
				res.end(photo);
			};
		},
	});
	who = await wallapopSeller(s);
});
test.after(async () => { release(); if (host) await host.close(); return s && s.stop(); });

test('adds racing for the last place: exactly one wins, the others are MAX_IMAGES_EXCEED', async () => {
	for (let round = 0; round < 3; round++) {
		const id = await item(s, who, Array.from({ length: 7 }, () => `${host.base}/photo.jpg`));
		const racers = await Promise.all(Array.from({ length: 8 },
			() => addImage(s, who, id, `${host.base}/photo.jpg`, 7)));
		const won = racers.filter((r) => r.status === 201);
		assert.strictEqual(won.length, 1, racers.map((r) => r.text).join('\n'));
		for (const r of racers.filter((x) => x.status !== 201)) {
			assert.strictEqual(r.status, 400, r.text);
			assert.strictEqual(r.json.code, 'MAX_IMAGES_EXCEED');
		}
		const list = await settled(s, who, id);
		assert.strictEqual(list.length, 8);
		assert.strictEqual(list[7].id, won[0].json.id);
	}
});

test('a delete while the image is being fetched: it never appears, nothing is left of it', async () => {
	const id = await item(s, who);
	const main = (await addImage(s, who, id, `${host.base}/photo.jpg`, 0)).json.id;
	await settled(s, who, id);
	const held = (await addImage(s, who, id, `${host.base}/held.jpg`, 0)).json.id;
	// the job has the file requested and waits for it
	const end = Date.now() + 10000;
	while (!host.hits.includes('/held.jpg') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
	assert.ok(host.hits.includes('/held.jpg'));
	assert.strictEqual((await deleteImage(s, who, id, held)).status, 204);
	release();
	const list = await settled(s, who, id);
	assert.deepStrictEqual(list.map((i) => i.id), [main]);
	assert.deepStrictEqual(await fetches(s, id), []);
	// and its id names nothing
	assert.strictEqual((await deleteImage(s, who, id, held)).status, 404);
});

test('several items fetched at once each get their own images, in their own order', async () => {
	const ids = await Promise.all(Array.from({ length: 4 }, () => item(s, who)));
	const added = await Promise.all(ids.map(async (id) => {
		const a = (await addImage(s, who, id, `${host.base}/photo.jpg`, 0)).json.id;
		const b = (await addImage(s, who, id, `${host.base}/photo.jpg`, 0)).json.id;
		return [b, a];
	}));
	for (let i = 0; i < ids.length; i++)
		assert.deepStrictEqual((await settled(s, who, ids[i])).map((x) => x.id), added[i]);
});
