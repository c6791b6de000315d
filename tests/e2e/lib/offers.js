'use strict';
// What the Allegro offer tests share: a seller signed in through Allegro's
// endpoint with a gallery of two images uploaded through POST /sale/images
// (offers take only images souk hosts), an offer contact of theirs, a draft
// body for the demo categories, and offer requests sent the way Allegro
// clients send them, each whole offer answer checked against the
// document's offer components.

const assert = require('node:assert');
const { makeUser } = require('./oauth-flow');
const { makeAllegroApp, allegroCodeGrant, ALLEGRO_MEDIA } = require('./allegro');
const { checkAllegroOffer } = require('./allegro-schema');
const { fixture, uploadBytes } = require('./images');
const { startSouk } = require('./server');

const CATEGORY = 1581;		// Bluzki i koszulki: price, state and size required

// Two images of the seller's, uploaded as bytes: their locations.
async function uploadGallery(s, token) {
	const urls = [];
	for (const [name, type] of [['alpha.png', 'image/png'], ['small.webp', 'image/webp']]) {
		const r = await uploadBytes(s, token, fixture(name), type);
		assert.strictEqual(r.status, 201, r.text);
		urls.push(r.json.location);
	}
	return urls;
}

// { app, user, token, images }: images the seller's two uploaded locations.
async function allegroSeller(s, { app, user } = {}) {
	app = app || makeAllegroApp(s);
	user = user || makeUser(s);
	const t = await allegroCodeGrant(s, app, user);
	return { app, user, token: t.access_token, images: await uploadGallery(s, t.access_token) };
}

// An offer contact of the seller's, made through POST /sale/offer-contacts.
async function makeContact(s, seller, name = 'Anna') {
	const r = await s.req('POST', '/sale/offer-contacts', { token: seller.token,
		headers: { Accept: ALLEGRO_MEDIA, 'Content-Type': ALLEGRO_MEDIA },
		json: { name, emails: [], phones: [{ number: '600100200' }] } });
	assert.strictEqual(r.status, 201, r.text);
	return r.json.id;
}

// A server of its own (startSouk's options) with a seller signed in
// through Allegro and their offer contact: { s, seller, contact }.
async function offerServer(opts) {
	const s = await startSouk(opts);
	const seller = await allegroSeller(s);
	return { s, seller, contact: await makeContact(s, seller) };
}

// A draft with everything a published ad needs, in the seed's shape, with
// the seller's gallery.
function completeOffer(seller, contactId, over = {}) {
	const images = seller.images;
	return {
		name: 'Bluzka damska bawełniana rozmiar M',
		category: { id: String(CATEGORY) },
		parameters: [
			{ id: 'state', valuesIds: ['state_used'], values: [], rangeValue: null },
			{ id: 'size', valuesIds: ['size_m'], values: [], rangeValue: null },
		],
		description: { sections: [
			{ items: [{ type: 'TEXT', content: '<h1>Bluzka damska</h1><p>Bluzka w bardzo dobrym stanie, noszona kilka razy, bez plam i dziur.</p>' }] },
			{ items: [{ type: 'TEXT', content: '<ul><li>bawełna 100%</li><li>rozmiar <b>M</b></li></ul>' },
				{ type: 'IMAGE', url: images[0] }] },
		] },
		images: images.map((url) => ({ url })),
		sellingMode: { format: 'ADVERTISEMENT', price: { amount: '49.99', currency: 'PLN' } },
		payments: { invoice: 'NO_INVOICE' },
		location: { countryCode: 'PL', province: 'WIELKOPOLSKIE', city: 'Poznań', postCode: '60-166' },
		external: { id: 'bluzka-1' },
		contact: { id: contactId },
		...over,
	};
}

// An offer request with the face's media type; a whole offer in the answer
// is checked against the document's components.
async function offerReq(s, seller, method, path, body, headers = {}) {
	const opts = { token: seller.token, headers: { Accept: ALLEGRO_MEDIA, ...headers } };
	if (body !== undefined) {
		opts.json = body;
		opts.headers['Content-Type'] = opts.headers['Content-Type'] || ALLEGRO_MEDIA;
	}
	const r = await s.req(method, path, opts);
	if (r.json && r.json.validation) checkAllegroOffer(r.json);
	return r;
}

// Classifieds packages by id (GET /sale/classifieds-packages): the basic
// base package is free, the extended one is not.
const PACKAGES = { BASIC: '6174be19-56f9-484b-b72c-43b0b00785e8', EXTENDED: '7a2c5e10-3b8f-4d61-9c0e-5f1d2b7e4a93' };

// Assigns the offer its base package as a client does (seed 002 §8): an
// Allegro offer is published only with one.
async function assignPackage(s, seller, offerId, base = PACKAGES.BASIC) {
	const r = await offerReq(s, seller, 'PUT', `/sale/offer-classifieds-packages/${offerId}`,
		{ basePackage: { id: base } });
	assert.strictEqual(r.status, 200, r.text);
}

function errorsAt(body, path) {
	return (body.validation ? body.validation.errors : body.errors).filter((e) => e.path === path);
}

function assertError(body, path, message) {
	const found = errorsAt(body, path);
	assert.ok(found.some((e) => e.message === message && e.userMessage === message),
		`no error at ${path} saying ${JSON.stringify(message)} in ${JSON.stringify(body.errors || body.validation, null, 1)}`);
}

module.exports = { CATEGORY, PACKAGES, uploadGallery, allegroSeller, offerServer, makeContact, completeOffer, offerReq,
	assignPackage, errorsAt, assertError };
