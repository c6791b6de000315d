'use strict';
// What the Allegro offer tests share: a seller signed in through Allegro's
// endpoint, an offer contact of theirs, a draft body for the demo
// categories, and offer requests sent the way Allegro clients send them,
// each whole offer answer checked against the document's offer components.

const assert = require('node:assert');
const { makeUser } = require('./oauth-flow');
const { makeAllegroApp, allegroCodeGrant, ALLEGRO_MEDIA } = require('./allegro');
const { checkAllegroOffer } = require('./allegro-schema');

const CATEGORY = 1581;		// Bluzki i koszulki: price, state and size required
const IMAGES = ['https://img.test/bluzka-1.jpg', 'https://img.test/bluzka-2.jpg'];

async function allegroSeller(s, { app } = {}) {
	app = app || makeAllegroApp(s);
	const user = makeUser(s);
	const t = await allegroCodeGrant(s, app, user);
	return { app, user, token: t.access_token };
}

// An offer contact of the seller's, made through POST /sale/offer-contacts.
async function makeContact(s, seller, name = 'Anna') {
	const r = await s.req('POST', '/sale/offer-contacts', { token: seller.token,
		headers: { Accept: ALLEGRO_MEDIA, 'Content-Type': ALLEGRO_MEDIA },
		json: { name, emails: [], phones: [{ number: '600100200' }] } });
	assert.strictEqual(r.status, 201, r.text);
	return r.json.id;
}

// A draft with everything a published ad needs, in the seed's shape.
function completeOffer(contactId, over = {}) {
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
				{ type: 'IMAGE', url: IMAGES[0] }] },
		] },
		images: IMAGES.map((url) => ({ url })),
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

function errorsAt(body, path) {
	return (body.validation ? body.validation.errors : body.errors).filter((e) => e.path === path);
}

function assertError(body, path, message) {
	const found = errorsAt(body, path);
	assert.ok(found.some((e) => e.message === message && e.userMessage === message),
		`no error at ${path} saying ${JSON.stringify(message)} in ${JSON.stringify(body.errors || body.validation, null, 1)}`);
}

module.exports = { CATEGORY, IMAGES, allegroSeller, makeContact, completeOffer, offerReq, errorsAt, assertError };
