'use strict';
// Seed 002 §6-7 from an Allegro client's side, up to a complete draft: a
// draft posted with a name and a category only is stored INACTIVE and told,
// in the seed's words, everything it lacks for publication; the client then
// sends back the whole structure it read, completed (nulls included: null
// is absent), and gets an empty error list; GET answers the same offer.
// Every offer answer is checked against the document's offer components.

const test = require('node:test');
const assert = require('node:assert');
const { CATEGORY, allegroSeller, offerServer, makeContact, completeOffer, offerReq, errorsAt, assertError } = require('./lib/offers');
const { makeUser } = require('./lib/oauth-flow');

let s, seller, contact;
test.before(async () => ({ s, seller, contact } = await offerServer()));
test.after(() => s && s.stop());

test('a partial draft is stored INACTIVE with every missing part in validation.errors, in the seed\'s words', async () => {
	const r = await offerReq(s, seller, 'POST', '/sale/offers',
		{ name: 'Bluzka damska bawełniana rozmiar M', category: { id: String(CATEGORY) } });
	assert.strictEqual(r.status, 201, r.text);
	assert.strictEqual(r.headers['content-type'], 'application/vnd.allegro.public.v1+json');
	const o = r.json;
	assert.match(o.id, /^[0-9]+$/);
	assert.strictEqual(o.name, 'Bluzka damska bawełniana rozmiar M');
	assert.deepStrictEqual(o.category, { id: String(CATEGORY) });
	assert.strictEqual(o.publication.status, 'INACTIVE');
	for (const k of ['description', 'sellingMode', 'location', 'external', 'contact', 'payments', 'stock', 'promotion'])
		assert.strictEqual(o[k], null, k);
	assert.deepStrictEqual(o.parameters, []);
	assert.deepStrictEqual(o.images, []);
	assertError(o, 'location', 'Location may not be empty.');
	assertError(o, 'payments', 'Payments may not be empty.');
	assertError(o, 'description', 'Please describe your offer.');
	assertError(o, 'parameters', 'Missing required parameters: Stan, Rozmiar.');
	assertError(o, 'sellingMode.price', 'You must select at least one selling mode and provide the required prices.');
	assertError(o, 'contact.id', 'Contact may not be empty.');
	// the seller is a company account (makeUser's default), as in the seed
	assertError(o, 'afterSalesServices',
		'After sales service conditions (return policies, implied warranties) are required by company account.');
	assert.strictEqual(o.validation.errors.length, 7, JSON.stringify(o.validation.errors, null, 1));
	for (const e of o.validation.errors) assert.strictEqual(e.code, 'VALIDATION_ERROR');
	assert.ok(Math.abs(Date.parse(o.validation.validatedAt) - Date.now()) < 3600e3, o.validation.validatedAt);

	// GET answers the same draft
	const g = await offerReq(s, seller, 'GET', `/sale/offers/${o.id}`);
	assert.strictEqual(g.status, 200, g.text);
	assert.deepStrictEqual({ ...g.json, validation: null }, { ...o, validation: null });
	assert.deepStrictEqual(g.json.validation.errors, o.validation.errors);
});

test('after sales conditions: asked of a company account\'s draft without a selling mode, never of a private seller\'s or of a classified ad', async () => {
	const AFTER_SALES = 'After sales service conditions (return policies, implied warranties) are required by company account.';
	const partial = { name: 'Bluzka damska', category: { id: String(CATEGORY) } };
	const priv = await allegroSeller(s, { app: seller.app, user: makeUser(s, { business: false }) });
	let o = (await offerReq(s, priv, 'POST', '/sale/offers', partial)).json;
	assert.strictEqual(errorsAt(o, 'afterSalesServices').length, 0, JSON.stringify(o.validation.errors));
	assert.strictEqual(o.validation.errors.length, 6);
	// in Polish for the application's user
	o = (await offerReq(s, seller, 'POST', '/sale/offers', partial, { 'Accept-Language': 'pl-PL' })).json;
	assert.deepStrictEqual(errorsAt(o, 'afterSalesServices'), [{ code: 'VALIDATION_ERROR', message: AFTER_SALES,
		details: '', path: 'afterSalesServices',
		userMessage: 'Warunki obsługi posprzedażowej (zasady zwrotów, reklamacje) są wymagane dla konta firmowego.' }]);
	// a classified ad with its price needs none (the seed's complete draft)
	o = (await offerReq(s, seller, 'PUT', `/sale/offers/${o.id}`, { ...partial,
		sellingMode: { format: 'ADVERTISEMENT', price: { amount: '10.00', currency: 'PLN' } } })).json;
	assert.strictEqual(errorsAt(o, 'afterSalesServices').length, 0, JSON.stringify(o.validation.errors));
});

test('PUT with the whole structure read back, completed, leaves an empty error list; GET agrees', async () => {
	const p = await offerReq(s, seller, 'POST', '/sale/offers', { name: 'Bluzka damska', category: { id: String(CATEGORY) } });
	assert.strictEqual(p.status, 201, p.text);
	// The client sends back what it read, nulls and read-only parts included.
	const body = { ...p.json, ...completeOffer(seller, contact) };
	const r = await offerReq(s, seller, 'PUT', `/sale/offers/${p.json.id}`, body);
	assert.strictEqual(r.status, 200, r.text);
	const o = r.json;
	assert.deepStrictEqual(o.validation.errors, []);
	assert.strictEqual(o.publication.status, 'INACTIVE');
	assert.strictEqual(o.id, p.json.id);
	assert.strictEqual(o.createdAt, p.json.createdAt);
	assert.deepStrictEqual(o.sellingMode, { format: 'ADVERTISEMENT', price: { amount: '49.99', currency: 'PLN' },
		startingPrice: null, minimalPrice: null });
	assert.deepStrictEqual(o.location, { countryCode: 'PL', province: 'WIELKOPOLSKIE', city: 'Poznań', postCode: '60-166' });
	assert.deepStrictEqual(o.payments, { invoice: 'NO_INVOICE' });
	assert.deepStrictEqual(o.external, { id: 'bluzka-1' });
	assert.deepStrictEqual(o.contact, { id: contact });
	assert.deepStrictEqual(o.images, seller.images.map((url) => ({ url })));
	assert.deepStrictEqual(o.description, completeOffer(seller, contact).description);
	assert.deepStrictEqual(o.parameters, completeOffer(seller, contact).parameters);

	const g = await offerReq(s, seller, 'GET', `/sale/offers/${o.id}`);
	assert.strictEqual(g.status, 200, g.text);
	assert.deepStrictEqual({ ...g.json, validation: null }, { ...o, validation: null });
	assert.deepStrictEqual(g.json.validation.errors, []);
});

test('null in a PUT means absent: the GET structure sent back unchanged changes nothing, nulls clear parts', async () => {
	const p = await offerReq(s, seller, 'POST', '/sale/offers', completeOffer(seller, contact));
	assert.strictEqual(p.status, 201, p.text);
	assert.deepStrictEqual(p.json.validation.errors, []);
	// Round trip: what GET gave, sent back as it is.
	const g = await offerReq(s, seller, 'GET', `/sale/offers/${p.json.id}`);
	const same = await offerReq(s, seller, 'PUT', `/sale/offers/${p.json.id}`, g.json);
	assert.strictEqual(same.status, 200, same.text);
	assert.deepStrictEqual({ ...same.json, validation: null, updatedAt: null },
		{ ...g.json, validation: null, updatedAt: null });
	assert.deepStrictEqual(same.json.validation.errors, []);

	// Parts sent as null are gone, and validation says so.
	const cleared = await offerReq(s, seller, 'PUT', `/sale/offers/${p.json.id}`,
		{ ...g.json, location: null, sellingMode: null, external: null, description: null });
	assert.strictEqual(cleared.status, 200, cleared.text);
	for (const k of ['location', 'sellingMode', 'external', 'description']) assert.strictEqual(cleared.json[k], null, k);
	assertError(cleared.json, 'location', 'Location may not be empty.');
	assertError(cleared.json, 'description', 'Please describe your offer.');
	assertError(cleared.json, 'sellingMode.price', 'You must select at least one selling mode and provide the required prices.');
	assert.strictEqual(errorsAt(cleared.json, 'afterSalesServices').length, 1);	/* a company account */
	assert.strictEqual(cleared.json.validation.errors.length, 4);
});

test('another seller\'s offer is 404 to read, rewrite and delete, and stays as it was', async () => {
	const p = await offerReq(s, seller, 'POST', '/sale/offers', completeOffer(seller, contact));
	assert.strictEqual(p.status, 201, p.text);
	const other = await allegroSeller(s, { app: seller.app });
	const path = `/sale/offers/${p.json.id}`;
	for (const [method, body] of [['GET'], ['PUT', completeOffer(other, await makeContact(s, other), { name: 'Cudza bluzka' })], ['DELETE']]) {
		const r = await offerReq(s, other, method, path, body);
		assert.strictEqual(r.status, 404, `${method}: ${r.text}`);
		assert.strictEqual(r.json.errors[0].code, 'NotFoundException');
	}
	const g = await offerReq(s, seller, 'GET', path);
	assert.strictEqual(g.status, 200);
	assert.strictEqual(g.json.name, completeOffer(seller, contact).name);
	// an id that never was, or is not a number
	for (const id of ['999999999', 'abc']) {
		const r = await offerReq(s, seller, 'GET', `/sale/offers/${id}`);
		assert.strictEqual(r.status, 404, r.text);
	}
});
