'use strict';
// Seed 002's walk-through as one Allegro client goes through it, up to a
// complete draft: the seller signs the app in (authorization code through
// the marketplace's pages; the JWT verified with the published key by
// jose), creates an offer contact, finds a leaf category from the top and
// reads its parameters, uploads two images (the bytes, and a URL souk
// fetches), posts a partial draft and is told everything it lacks, then
// sends back the whole structure completed and gets an empty error list.
// Every answer is checked against Allegro's document (the request helper;
// the offer against the document's offer components), and an advert the
// seller made through the OLX face is among its offers.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp, makeUser, codeGrant } = require('./lib/oauth-flow');
const { advertBody, setting } = require('./lib/adverts');
const { makeAllegroApp, allegroCodeGrant, allegroMe, verifyJwt, ALLEGRO_MEDIA } = require('./lib/allegro');
const { checkAllegroParameters } = require('./lib/allegro-schema');
const { fixture, uploadBytes, uploadUrl, fetchImage, imageHost, serve, assertUploaded } = require('./lib/images');
const { CATEGORY, offerReq, assertError } = require('./lib/offers');

let s, host, user, seller;
test.before(async () => {
	// the OLX face's own image check is not under test here
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	host = await imageHost('127.0.0.1', { '/bluzka.jpg': serve(fixture('photo-gps-rotated.jpg'), 'image/jpeg') });
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	user = makeUser(s);
});
test.after(async () => { await host?.close(); return s && s.stop(); });

const json = { Accept: ALLEGRO_MEDIA, 'Content-Type': ALLEGRO_MEDIA };
const get = (path, headers = {}) => s.req('GET', path, { token: seller.token, headers: { Accept: ALLEGRO_MEDIA, ...headers } });

test('an Allegro client, from sign-in to a complete draft', async (t) => {
	let contact, leaf, parameters, gallery, draft;

	await t.test('authorize: a JWT for the seller, verified with the published key; GET /me is that user', async () => {
		const tok = await allegroCodeGrant(s, makeAllegroApp(s), user);
		assert.strictEqual(tok.token_type, 'bearer');
		assert.strictEqual(tok.expires_in, 43199);
		seller = { token: tok.access_token };
		const claims = await verifyJwt(s, tok.access_token);
		assert.ok(claims.scope.includes('allegro:api:sale:offers:write'), JSON.stringify(claims.scope));
		const me = await allegroMe(s, tok.access_token);
		assert.strictEqual(me.status, 200, me.text);
		assert.strictEqual(me.json.id, claims.user_name);
		assert.strictEqual(me.json.id, String(user.id));
	});

	await t.test('contact: created, then found among the seller\'s contacts', async () => {
		const c = await s.req('POST', '/sale/offer-contacts', { token: seller.token, headers: json,
			json: { name: 'Auta terenowe', emails: [{ address: 'test@test.pl' }], phones: [{ number: '555-555-666' }] } });
		assert.strictEqual(c.status, 201, c.text);
		assert.match(c.json.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		contact = c.json.id;
		const all = await get('/sale/offer-contacts');
		assert.deepStrictEqual(all.json.contacts.map((x) => x.id), [contact]);
	});

	await t.test('categories: from the top down to a leaf; its parameters', async () => {
		// the leaf's ancestors, read upwards, then walked down from the top
		const chain = [];
		for (let id = String(CATEGORY); id; ) {
			const c = await get(`/sale/categories/${id}`);
			assert.strictEqual(c.status, 200, c.text);
			chain.unshift(c.json);
			id = c.json.parent && c.json.parent.id;
		}
		let level = await get('/sale/categories');
		for (const c of chain) {
			assert.ok(level.json.categories.some((x) => x.id === c.id && x.leaf === c.leaf), `${c.id} not listed`);
			level = await get(`/sale/categories?parent.id=${c.id}`);
		}
		leaf = chain[chain.length - 1];
		assert.strictEqual(leaf.leaf, true);
		assert.strictEqual(leaf.options.advertisement, true);
		assert.deepStrictEqual(level.json.categories, []);
		const p = await get(`/sale/categories/${leaf.id}/parameters`, { 'Accept-Language': 'pl-PL' });
		assert.strictEqual(p.status, 200, p.text);
		checkAllegroParameters(p.json);
		parameters = p.json.parameters;
		assert.ok(parameters.some((x) => x.required), 'no required parameter to fill');
	});

	await t.test('images: the bytes, and a URL souk downloads; both served where location says', async () => {
		const bytes = assertUploaded(s, await uploadBytes(s, seller.token, fixture('alpha.png'), 'image/png'));
		const byUrl = assertUploaded(s, await uploadUrl(s, seller.token, `${host.base}/bluzka.jpg`));
		assert.deepStrictEqual(host.hits, ['/bluzka.jpg']);
		for (const up of [bytes, byUrl]) assert.strictEqual((await fetchImage(up.location)).status, 200);
		gallery = [byUrl.location, bytes.location];
	});

	await t.test('a partial draft: stored INACTIVE, validation.errors names everything it lacks', async () => {
		const r = await offerReq(s, seller, 'POST', '/sale/offers', { name: 'Bluzka damska bawełniana', category: { id: leaf.id } });
		assert.strictEqual(r.status, 201, r.text);
		draft = r.json;
		assert.strictEqual(draft.publication.status, 'INACTIVE');
		assertError(draft, 'location', 'Location may not be empty.');
		assertError(draft, 'payments', 'Payments may not be empty.');
		assertError(draft, 'description', 'Please describe your offer.');
		// the required parameters by the names the category gives them
		const required = parameters.filter((x) => x.required).map((x) => x.name);
		assertError(draft, 'parameters', `Missing required parameters: ${required.join(', ')}.`);
		assertError(draft, 'sellingMode.price', 'You must select at least one selling mode and provide the required prices.');
		assertError(draft, 'contact.id', 'Contact may not be empty.');
		assertError(draft, 'afterSalesServices',
			'After sales service conditions (return policies, implied warranties) are required by company account.');
		assert.strictEqual(draft.validation.errors.length, 7, JSON.stringify(draft.validation.errors, null, 1));
	});

	await t.test('completed with the whole structure sent back: an empty error list, GET agrees', async () => {
		// each required parameter filled from its own definition
		const filled = parameters.filter((x) => x.required).map((x) => x.type === 'dictionary'
			? { id: x.id, valuesIds: [x.dictionary[0].id], values: [], rangeValue: null }
			: { id: x.id, valuesIds: [], values: [String(x.restrictions.min ?? 1)], rangeValue: null });
		const body = {
			...draft,
			parameters: filled,
			description: { sections: [{ items: [{ type: 'TEXT', content: '<p>Bluzka w bardzo dobrym stanie, noszona kilka razy.</p>' },
				{ type: 'IMAGE', url: gallery[0] }] }] },
			images: gallery.map((url) => ({ url })),
			sellingMode: { format: 'ADVERTISEMENT', price: { amount: '33000', currency: 'PLN' }, startingPrice: null, minimalPrice: null },
			payments: { invoice: 'NO_INVOICE' },
			location: { countryCode: 'PL', province: 'WIELKOPOLSKIE', city: 'Poznań', postCode: '60-166' },
			external: { id: '4131asdsad40011' },
			contact: { id: contact },
		};
		const r = await offerReq(s, seller, 'PUT', `/sale/offers/${draft.id}`, body);
		assert.strictEqual(r.status, 200, r.text);
		assert.deepStrictEqual(r.json.validation.errors, []);
		assert.strictEqual(r.json.publication.status, 'INACTIVE');
		assert.deepStrictEqual(r.json.images, body.images);
		assert.deepStrictEqual(r.json.sellingMode.price, { amount: '33000.00', currency: 'PLN' });
		const g = await offerReq(s, seller, 'GET', `/sale/offers/${draft.id}`);
		assert.deepStrictEqual({ ...g.json, validation: null }, { ...r.json, validation: null });
		assert.deepStrictEqual(g.json.validation.errors, []);
		draft = g.json;
	});

	await t.test('the seller\'s offers: the draft, and an advert made through the OLX face', async () => {
		const olx = await codeGrant(s, makeApp(s), user);
		const ad = await s.req('POST', '/api/partner/adverts', { token: olx.access_token,
			json: advertBody({ title: 'Bluzka damska z OLX, stan bardzo dobry' }) });
		assert.strictEqual(ad.status, 200, ad.text);
		const list = await get('/sale/offers?limit=1000');
		assert.strictEqual(list.status, 200, list.text);
		const byId = Object.fromEntries(list.json.offers.map((o) => [o.id, o]));
		assert.strictEqual(byId[draft.id].publication.status, 'INACTIVE');
		assert.deepStrictEqual(byId[draft.id].external, { id: '4131asdsad40011' });
		assert.deepStrictEqual(byId[draft.id].primaryImage, { url: draft.images[0].url });
		const made = byId[String(ad.json.data.id)];
		assert.ok(made, `the OLX advert ${ad.json.data.id} is not among ${Object.keys(byId)}`);
		assert.strictEqual(made.name, 'Bluzka damska z OLX, stan bardzo dobry');
		assert.strictEqual(made.publication.status, 'ACTIVATING');
		assert.strictEqual(list.json.totalCount, 2);
	});
});
