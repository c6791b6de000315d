'use strict';
// The main image of a new item is fetched in the background, as an image
// added later is (e2e 116-119): POST /items answers 201 at once and the
// item shows the image once souk has fetched and sized it, in its three
// sizes; a link that does not answer with a JPEG leaves the item stored
// without it (the reason kept for the operator). Only what souk can tell
// at once stops the item: an address it does not fetch from is
// INVALID_IMAGE and nothing is stored.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { wallapopSeller, itemBody, createItem, getItem, assertError } = require('./lib/wallapop-items');
const { jpeg, jpegHost, fetches, settled } = require('./lib/wallapop-images');

let s, a, images;
test.before(async () => {
	s = await startSouk({ env: { SOUK_JOB_TICK_MS: '100000' } });
	images = await jpegHost(s, { '/ok-1.jpg': await jpeg(s, 900, 600) });
	a = await wallapopSeller(s);
});
test.after(async () => { await images?.close(); return s && s.stop(); });

test('a main image that answers: 201, then the item shows it in its three sizes', async () => {
	const id = await createItem(s, a.token, itemBody({ image: `${images.base}/ok-1.jpg` }));
	const [img] = await settled(s, { wallapop: a.token }, id);
	assert.ok(images.hits.includes('/ok-1.jpg'), 'the image was fetched');
	assert.match(img.id, /^[0-9a-f]{32}$/);
	assert.deepStrictEqual(img.urls, { small: `${s.url}/images/${img.id}?pictureSize=W320`,
		medium: `${s.url}/images/${img.id}?pictureSize=W640`, big: `${s.url}/images/${img.id}?pictureSize=W800` });
});

test('a main image that is not there: 201, the item is stored without it, the reason kept', async () => {
	const id = await createItem(s, a.token, itemBody({ image: `${images.base}/missing.jpg` }));
	assert.deepStrictEqual(await settled(s, { wallapop: a.token }, id), []);
	assert.strictEqual((await fetches(s, id))[0].reason, 'The image could not be downloaded from this URL');
	assert.deepStrictEqual((await getItem(s, a.token, id)).images, []);
});

test('a main image on an address the operator does not allow is not fetched: INVALID_IMAGE', async () => {
	const before = images.hits.length;
	const count = sql(s, 'SELECT count(*) FROM adverts');
	assertError(await s.req('POST', '/items', { token: a.token, json: itemBody({ image: 'http://10.0.0.1/ok-1.jpg' }) }),
		400, 'INVALID_IMAGE', /main_image\.url is not allowed/);
	assert.strictEqual(images.hits.length, before);
	assert.strictEqual(sql(s, 'SELECT count(*) FROM adverts'), count);
});
