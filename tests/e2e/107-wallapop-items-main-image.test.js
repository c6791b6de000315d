'use strict';
// The main image of a new item is fetched once before the item is stored
// (the marketplace's image check, as for OLX's image URLs): a link that
// does not answer with a file is INVALID_IMAGE and nothing is stored; the
// item's images are the listing's, each with its three sizes.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { imageServer } = require('./lib/adverts');
const { wallapopSeller, itemBody, createItem, getItem, assertError } = require('./lib/wallapop-items');

let s, a, images;
test.before(async () => {
	s = await startSouk({ env: { SOUK_JOB_TICK_MS: '100000' } });
	images = await imageServer(s);
	a = await wallapopSeller(s);
});
test.after(async () => { images?.close(); return s && s.stop(); });

test('a main image that answers: 201, the item shows it in its three sizes', async () => {
	const before = images.hits();
	const id = await createItem(s, a.token, itemBody({ image: images.url(1) }));
	assert.ok(images.hits() > before, 'the image was fetched');
	const item = await getItem(s, a.token, id);
	assert.strictEqual(item.images.length, 1);
	assert.deepStrictEqual(item.images[0].urls, { small: images.url(1), medium: images.url(1), big: images.url(1) });
	assert.match(item.images[0].id, /^\S+$/);
});

test('a main image that is not there: 400 INVALID_IMAGE, nothing stored', async () => {
	const count = sql(s, 'SELECT count(*) FROM adverts');
	assertError(await s.req('POST', '/items', { token: a.token, json: itemBody({ image: `${images.base}/missing.jpg` }) }),
		400, 'INVALID_IMAGE', /main_image\.url could not be fetched/);
	assert.strictEqual(sql(s, 'SELECT count(*) FROM adverts'), count);
});

test('a main image on an address the operator does not allow is not fetched: INVALID_IMAGE', async () => {
	const before = images.hits();
	assertError(await s.req('POST', '/items', { token: a.token, json: itemBody({ image: 'http://10.0.0.1/ok-1.jpg' }) }),
		400, 'INVALID_IMAGE');
	assert.strictEqual(images.hits(), before);
});
