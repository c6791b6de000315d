'use strict';
// One listing, two faces: the seller's offer list (GET /sale/offers, checked
// against the document's OffersSearchResultDto) holds Allegro drafts and
// OLX-made adverts alike, filtered by publication.status, external.id, name
// and category.id, sorted and paged; an OLX advert reads as a whole offer
// with its status mapped; a completed Allegro draft is a row the OLX face
// reads once it runs. DELETE removes a draft (204, no body) and nothing
// else.

const test = require('node:test');
const assert = require('node:assert');
const { makeApp, codeGrant, sql } = require('./lib/oauth-flow');
const { advertBody, operator } = require('./lib/adverts');
const { CATEGORY, allegroSeller, offerServer, makeContact, completeOffer, offerReq } = require('./lib/offers');
const { checkAllegroComponent } = require('./lib/allegro-schema');

let s, seller, contact, olxToken, admin;
test.before(async () => {
	// The job runner is held back: OLX adverts stay `new` until a test moderates
	// them; their image URLs are taken unchecked.
	({ s, seller, contact } = await offerServer({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } }));
	olxToken = (await codeGrant(s, makeApp(s), seller.user)).access_token;
	admin = operator(s);
});
test.after(() => s && s.stop());

async function draft(over) {
	const r = await offerReq(s, seller, 'POST', '/sale/offers', completeOffer(seller, contact, over));
	assert.strictEqual(r.status, 201, r.text);
	return r.json;
}

async function olxAdvert(over) {
	const r = await s.req('POST', '/api/partner/adverts', { token: olxToken, json: advertBody(over) });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data;
}

async function accept(id) {
	const r = await s.req('POST', `/api/admin/adverts/${id}/moderation`, { token: admin, json: { decision: 'accept' } });
	assert.strictEqual(r.status, 200, r.text);
}

function list(query = '', who = seller) {
	return offerReq(s, who, 'GET', `/sale/offers${query}`);
}

function ids(r) {
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.count, r.json.offers.length);
	return r.json.offers.map((o) => o.id);
}

test('an OLX advert is an offer: in the list with its status mapped, and whole through GET', async () => {
	const ad = await olxAdvert({ title: 'Bluzka damska z OLX rozmiar M czarna', external_id: 'olx-1' });
	let r = await list('?publication.status=ACTIVATING');
	assert.deepStrictEqual(ids(r), [String(ad.id)]);
	assert.strictEqual(r.json.offers[0].publication.status, 'ACTIVATING');
	await accept(ad.id);
	r = await list('?publication.status=ACTIVE');
	assert.deepStrictEqual(ids(r), [String(ad.id)]);
	const item = r.json.offers[0];
	assert.strictEqual(item.name, 'Bluzka damska z OLX rozmiar M czarna');
	assert.deepStrictEqual(item.category, { id: String(CATEGORY) });
	assert.deepStrictEqual(item.sellingMode, { format: 'ADVERTISEMENT', price: { amount: '49.99', currency: 'PLN' } });
	assert.deepStrictEqual(item.external, { id: 'olx-1' });
	assert.ok(item.publication.startedAt && item.publication.endingAt, JSON.stringify(item));

	const g = await offerReq(s, seller, 'GET', `/sale/offers/${ad.id}`);
	assert.strictEqual(g.status, 200, g.text);
	const o = g.json;
	assert.strictEqual(o.publication.status, 'ACTIVE');
	assert.deepStrictEqual(o.location, { countryCode: 'PL', province: 'MAZOWIECKIE', city: 'Warszawa', postCode: null });
	assert.match(o.contact.id, /^[0-9a-f-]{36}$/);
	assert.deepStrictEqual(o.description.sections[0].items[0].type, 'TEXT');
	assert.match(o.description.sections[0].items[0].content, /^<p>Bluzka w bardzo dobrym stanie/);
	assert.deepStrictEqual(o.parameters.map((p) => p.id).sort(), ['size', 'state']);
	assert.deepStrictEqual(o.validation.errors, []);
	// ended by the seller on OLX: ENDED here
	const fin = await s.req('POST', `/api/partner/adverts/${ad.id}/commands`, { token: olxToken,
		json: { command: 'deactivate', is_success: false } });
	assert.strictEqual(fin.status, 204, fin.text);
	r = await list('?publication.status=ENDED');
	assert.deepStrictEqual(ids(r), [String(ad.id)]);
});

test('a completed Allegro draft is the row the OLX face reads once it runs', async () => {
	const o = await draft({ name: 'Bluzka damska dla OLX rozmiar M' });
	assert.deepStrictEqual(o.validation.errors, []);
	// The OLX face has no drafts.
	let r = await s.req('GET', `/api/partner/adverts/${o.id}`, { token: olxToken });
	assert.strictEqual(r.status, 404, r.text);
	// Publication (the next issue's commands) sends a draft to moderation;
	// here the row is moved there directly, then moderated through the core.
	sql(s, `UPDATE adverts SET status = 'new' WHERE id = ${Number(o.id)} AND status = 'draft'`);
	await accept(o.id);
	r = await s.req('GET', `/api/partner/adverts/${o.id}`, { token: olxToken });
	assert.strictEqual(r.status, 200, r.text);
	const ad = r.json.data;
	assert.strictEqual(ad.status, 'active');
	assert.strictEqual(ad.title, 'Bluzka damska dla OLX rozmiar M');
	assert.strictEqual(ad.category_id, CATEGORY);
	assert.strictEqual(ad.advertiser_type, 'business');
	assert.deepStrictEqual(ad.contact, { name: 'Anna', phone: '600100200' });
	assert.strictEqual(ad.location.city_id, Number(sql(s, "SELECT id FROM cities WHERE name = 'Poznań'")));
	assert.deepStrictEqual(ad.price, { value: 49.99, currency: 'PLN', negotiable: false, trade: false, budget: false });
	assert.match(ad.description, /^Bluzka damska\nBluzka w bardzo dobrym stanie/);
	assert.deepStrictEqual(ad.attributes, [{ code: 'state', value: 'used' }, { code: 'size', value: 'm' }]);
	assert.strictEqual(ad.external_id, 'bluzka-1');
	const g = await offerReq(s, seller, 'GET', `/sale/offers/${o.id}`);
	assert.strictEqual(g.json.publication.status, 'ACTIVE');
});

test('filters: publication.status (comma-joined or repeated), external.id, name, category.id', async () => {
	const other = await allegroSeller(s, { app: seller.app });
	const mine = await makeContact(s, other);
	const a = (await offerReq(s, other, 'POST', '/sale/offers', completeOffer(other, mine, { name: 'Kurtka zimowa puchowa',
		external: { id: 'k-1' }, sellingMode: { format: 'ADVERTISEMENT', price: { amount: '120', currency: 'PLN' } } }))).json;
	const b = (await offerReq(s, other, 'POST', '/sale/offers', completeOffer(other, mine, { name: 'Bluzka letnia KURTKOWA',
		external: { id: 'k-2' }, sellingMode: { format: 'ADVERTISEMENT', price: { amount: '15.50', currency: 'PLN' } } }))).json;
	const c = (await offerReq(s, other, 'POST', '/sale/offers', { name: 'Szkic bez kategorii liścia', category: { id: '642' } })).json;
	const ad = await olxAdvert();	/* the first seller's: never in the other's list */
	const all = (q) => list(q, other);
	assert.deepStrictEqual(ids(await all('')), [c.id, b.id, a.id]);	/* newest first */
	assert.strictEqual((await all('')).json.totalCount, 3);
	assert.deepStrictEqual(ids(await all('?external.id=k-1')), [a.id]);
	assert.deepStrictEqual(ids(await all('?external.id=k-1&external.id=k-2')), [b.id, a.id]);
	assert.deepStrictEqual(ids(await all('?external.id=k-1,k-2')), [b.id, a.id]);
	assert.deepStrictEqual(ids(await all('?name=kurtk')), [b.id, a.id]);
	assert.deepStrictEqual(ids(await all('?category.id=642')), [c.id]);
	assert.deepStrictEqual(ids(await all(`?category.id=${CATEGORY}&name=zimowa`)), [a.id]);
	assert.deepStrictEqual(ids(await all('?publication.status=INACTIVE')), [c.id, b.id, a.id]);
	assert.deepStrictEqual(ids(await all('?publication.status=ACTIVE,ENDED')), []);
	assert.deepStrictEqual(ids(await all('?publication.status=ACTIVE&publication.status=INACTIVE')), [c.id, b.id, a.id]);
	assert.ok(!ids(await all('')).includes(String(ad.id)));
	for (const q of ['?publication.status=SOLD', '?category.id=abc', '?limit=1001', '?limit=0', '?offset=-1', '?sort=name']) {
		const r = await all(q);
		assert.strictEqual(r.status, 422, `${q}: ${r.text}`);
		assert.strictEqual(r.json.errors[0].code, 'VALIDATION_ERROR', q);
	}
});

test('sort by price either way, and paging with count and totalCount', async () => {
	const who = await allegroSeller(s, { app: seller.app });
	const mine = await makeContact(s, who);
	const made = [];
	for (const amount of ['30', '10.50', null, '20']) {
		const sellingMode = amount ? { format: 'ADVERTISEMENT', price: { amount, currency: 'PLN' } } : null;
		made.push((await offerReq(s, who, 'POST', '/sale/offers', completeOffer(who, mine, { sellingMode }))).json.id);
	}
	const [p30, p10, none, p20] = made;
	const q = (query) => list(query, who);
	assert.deepStrictEqual(ids(await q('?sort=sellingMode.price.amount')), [p10, p20, p30, none]);
	assert.deepStrictEqual(ids(await q('?sort=-sellingMode.price.amount')), [p30, p20, p10, none]);
	assert.deepStrictEqual(ids(await q('')), [p20, none, p10, p30]);
	const page = await q('?sort=sellingMode.price.amount&limit=2&offset=1');
	assert.deepStrictEqual(ids(page), [p20, p30]);
	assert.strictEqual(page.json.count, 2);
	assert.strictEqual(page.json.totalCount, 4);
	const past = await q('?offset=10');
	assert.deepStrictEqual(ids(past), []);
	assert.strictEqual(past.json.totalCount, 4);
	assert.strictEqual((await q('?limit=1000')).status, 200);
});

test('DELETE removes a draft (204, no body) and refuses an offer past its draft as live Allegro does (400 CannotDeleteOfferException)', async () => {
	const o = await draft({ name: 'Bluzka do usunięcia' });
	const d = await offerReq(s, seller, 'DELETE', `/sale/offers/${o.id}`);
	assert.strictEqual(d.status, 204, d.text);
	assert.strictEqual(d.text, '');
	assert.strictEqual(d.headers['content-type'], undefined);
	assert.strictEqual((await offerReq(s, seller, 'GET', `/sale/offers/${o.id}`)).status, 404);
	assert.strictEqual((await offerReq(s, seller, 'DELETE', `/sale/offers/${o.id}`)).status, 404);
	assert.ok(!ids(await list('?limit=1000')).includes(o.id));

	const ad = await olxAdvert({ title: 'Bluzka damska nie do usunięcia tutaj' });
	const r = await offerReq(s, seller, 'DELETE', `/sale/offers/${ad.id}`);
	// live Allegro's answer (the document lists no status for it)
	assert.strictEqual(r.status, 400, r.text);
	checkAllegroComponent('ErrorsHolder', r.json);
	assert.deepStrictEqual(r.json.errors, [{ code: 'CannotDeleteOfferException',
		message: 'You can only remove the draft offer.', details: null, path: null,
		userMessage: 'You can only remove the draft offer.' }]);
	const pl = await offerReq(s, seller, 'DELETE', `/sale/offers/${ad.id}`, undefined, { 'Accept-Language': 'pl-PL' });
	assert.strictEqual(pl.json.errors[0].userMessage, 'Możesz usunąć tylko szkic oferty.');
	const g = await offerReq(s, seller, 'GET', `/sale/offers/${ad.id}`);
	assert.strictEqual(g.json.publication.status, 'ACTIVATING');
});
