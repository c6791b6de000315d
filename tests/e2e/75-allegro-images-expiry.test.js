'use strict';
// An uploaded image no listing uses is removed once its expiresAt passes
// (the job runner, on the marketplace clock the operator moves); one a
// listing uses (an OLX advert, an Allegro draft) is kept, and served, past
// that date, and one removed cannot be put in an offer.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { advertBody, seller } = require('./lib/adverts');
const { advanceClock, makeUser } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroCodeGrant } = require('./lib/allegro');
const { patience } = require('./lib/patience');
const { fixture, uploadBytes, fetchImage, assertUploaded } = require('./lib/images');
const { CATEGORY, offerReq } = require('./lib/offers');

const TTL = 7 * 86400;
let s, olx, allegroApp;
test.before(async () => {
	// SOUK_IMAGE_CHECK=off: the OLX face takes the image URLs without
	// checking them (they are souk's own, on a loopback address)
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	olx = await seller(s);
	allegroApp = makeAllegroApp(s);
});

// A token of the moment: moving the clock ends the earlier ones.
const allegroToken = async () => (await allegroCodeGrant(s, allegroApp, olx.user)).access_token;
test.after(() => s && s.stop());

// Polls until the image's status is `want` (bounded).
async function waitImage(url, want) {
	const end = Date.now() + patience(8000);
	let last;
	while (Date.now() < end) {
		last = (await fetchImage(url)).status;
		if (last === want) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	assert.fail(`${url} still answers ${last}, not ${want}`);
}

test('past expiresAt an unused image is removed; one a listing uses is kept and served', async () => {
	const unused = assertUploaded(s, await uploadBytes(s, await allegroToken(), fixture('alpha.png'), 'image/png'));
	const used = assertUploaded(s, await uploadBytes(s, await allegroToken(), fixture('small.webp'), 'image/webp'));
	const ad = await s.req('POST', '/api/partner/adverts', { token: olx.token,
		json: advertBody({ images: [{ url: used.location }] }) });
	assert.strictEqual(ad.status, 200, ad.text);

	// a day before the date: both stay
	await advanceClock(s, TTL - 86400);
	const later = assertUploaded(s, await uploadBytes(s, await allegroToken(), fixture('alpha.png'), 'image/png'));
	await new Promise((r) => setTimeout(r, 300));
	assert.strictEqual((await fetchImage(unused.location)).status, 200);

	// past it: the unused one goes, the used one stays, the later one too
	await advanceClock(s, 86400 + 60);
	await waitImage(unused.location, 404);
	assert.strictEqual((await fetchImage(used.location)).status, 200);
	assert.strictEqual((await fetchImage(later.location)).status, 200);

	// and the used one keeps being kept as time goes on
	await advanceClock(s, 3 * TTL);
	await waitImage(later.location, 404);
	assert.strictEqual((await fetchImage(used.location)).status, 200);
});

test('an image an Allegro draft uses is kept past expiresAt; a draft naming one that expired unused is refused', async () => {
	const user = makeUser(s);
	const seller = { token: (await allegroCodeGrant(s, allegroApp, user)).access_token };
	const used = assertUploaded(s, await uploadBytes(s, seller.token, fixture('alpha.png'), 'image/png'));
	const unused = assertUploaded(s, await uploadBytes(s, seller.token, fixture('small.webp'), 'image/webp'));
	const partial = (url) => ({ name: 'Bluzka damska', category: { id: String(CATEGORY) }, images: [{ url }] });
	const d = await offerReq(s, seller, 'POST', '/sale/offers', partial(used.location));
	assert.strictEqual(d.status, 201, d.text);

	await advanceClock(s, TTL + 60);
	await waitImage(unused.location, 404);
	assert.strictEqual((await fetchImage(used.location)).status, 200);

	seller.token = (await allegroCodeGrant(s, allegroApp, user)).access_token;
	const r = await offerReq(s, seller, 'POST', '/sale/offers', partial(unused.location));
	assert.strictEqual(r.status, 422, r.text);
	assert.deepStrictEqual(r.json.errors.map((e) => [e.path, e.message]), [['images[0]',
		'You can use only images you have previously transferred by calling POST on /sale/images.']]);
	// the draft still holds its image, which a new draft may use too
	const g = await offerReq(s, seller, 'GET', `/sale/offers/${d.json.id}`);
	assert.deepStrictEqual(g.json.images, [{ url: used.location }]);
	assert.strictEqual((await offerReq(s, seller, 'POST', '/sale/offers', partial(used.location))).status, 201);
});
