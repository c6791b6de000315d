'use strict';
// Today's offer flow over the seed's drafts: POST /sale/product-offers with
// publication.status ACTIVE answers 202 with the operation's Location and
// Retry-After; the operation answers 202 while its task is open (a paused
// worker) and 303 to the offer once done; the offer is ACTIVE through both
// generations of the API and the OLX face. PATCH changes one field and
// ends the offer the same way. Every answer is checked against the document.

const test = require('node:test');
const assert = require('node:assert');
const { allegroSeller, offerServer, completeOffer, offerReq, assignPackage } = require('./lib/offers');
const { ALLEGRO_MEDIA } = require('./lib/allegro');
const { makeApp, codeGrant } = require('./lib/oauth-flow');
const { operator, setting } = require('./lib/adverts');
const { patience } = require('./lib/patience');

let s, seller, contact;
test.before(async () => {
	({ s, seller, contact } = await offerServer({ env: { SOUK_JOB_TICK_MS: '100' } }));
	await setting(s, 'moderation.delay_seconds', 0);
});
test.after(() => s && s.stop());

// A request of today's flow: the answer is checked against the document's
// product offer (every Allegro answer is), not the seed's offer.
function productReq(who, method, path, body) {
	const opts = { token: who.token, headers: { Accept: ALLEGRO_MEDIA } };
	if (body !== undefined) opts.json = body;
	return s.req(method, path, opts);
}

// Today's offers list their images as URLs.
function productOffer(over) {
	const o = completeOffer(seller, contact, over);
	return { ...o, images: o.images.map((i) => i.url) };
}

async function pause(paused) {
	const r = await s.req('PUT', '/api/admin/workers/publication', { token: operator(s), json: { paused } });
	assert.strictEqual(r.status, 200, r.text);
}

// The operation's path from a Location header (absolute, on the public URL).
function pathOf(location) {
	assert.ok(location && location.startsWith(s.url), location);
	return location.slice(s.url.length);
}

// Follows an operation until it answers 303; returns the offer's path.
async function followed(location) {
	const end = Date.now() + patience(10000);
	for (;;) {
		const r = await productReq(seller, 'GET', pathOf(location));
		if (r.status === 303) return pathOf(r.headers.location);
		assert.strictEqual(r.status, 202, r.text);
		assert.ok(Date.now() < end, `operation ${location} never finished`);
		await new Promise((ok) => setTimeout(ok, 100));
	}
}

test('POST with publication ACTIVE: 202, the operation 202 while the worker waits, then 303 to an ACTIVE offer', async (t) => {
	await pause(true);
	t.after(() => pause(false));
	const body = { ...productOffer({ name: 'Bluzka z nowego API', external: { id: 'po-1' } }),
		publication: { status: 'ACTIVE' } };
	const r = await productReq(seller, 'POST', '/sale/product-offers', body);
	assert.strictEqual(r.status, 202, r.text);
	assert.strictEqual(r.headers['retry-after'], '1');
	assert.match(r.headers.location, new RegExp(`/sale/product-offers/${r.json.id}/operations/[0-9a-f-]{36}$`));
	assert.strictEqual(r.json.publication.status, 'ACTIVATING');
	assert.strictEqual(r.json.name, 'Bluzka z nowego API');
	for (const [k, v] of Object.entries(r.json)) assert.notStrictEqual(v, null, `${k} is null`);

	const op = await productReq(seller, 'GET', pathOf(r.headers.location));
	assert.strictEqual(op.status, 202, op.text);
	assert.deepStrictEqual(op.json.offer, { id: r.json.id });
	assert.strictEqual(op.json.operation.status, 'PENDING');
	assert.strictEqual(op.headers['retry-after'], '1');
	// another offer's id with this operation does not exist
	const wrong = await productReq(seller, 'GET', pathOf(r.headers.location).replace(`/${r.json.id}/`, '/999999/'));
	assert.strictEqual(wrong.status, 404, wrong.text);

	// Its base package, chosen while the activation waits (seed 002 §8).
	await assignPackage(s, seller, r.json.id);
	await pause(false);
	const offer = await followed(r.headers.location);
	assert.strictEqual(offer, `/sale/product-offers/${r.json.id}`);
	const g = await productReq(seller, 'GET', offer);
	assert.strictEqual(g.status, 200, g.text);
	assert.strictEqual(g.json.publication.status, 'ACTIVE');
	// the same offer through the seed's API and the OLX face
	assert.strictEqual((await offerReq(s, seller, 'GET', `/sale/offers/${r.json.id}`)).json.publication.status, 'ACTIVE');
	const olx = (await codeGrant(s, makeApp(s), seller.user)).access_token;
	const a = await s.req('GET', `/api/partner/adverts/${r.json.id}`, { token: olx });
	assert.strictEqual(a.json.data.status, 'active');
	assert.strictEqual(a.json.data.title, 'Bluzka z nowego API');
});

test('POST without publication: 201, an INACTIVE draft; PATCH one field keeps the rest; PATCH ENDED ends it', async () => {
	const r = await productReq(seller, 'POST', '/sale/product-offers',
		productOffer({ name: 'Bluzka do poprawki', external: { id: 'po-2' } }));
	assert.strictEqual(r.status, 201, r.text);
	assert.strictEqual(r.json.publication.status, 'INACTIVE');
	assert.strictEqual(r.headers.location, undefined);

	const p = await productReq(seller, 'PATCH', `/sale/product-offers/${r.json.id}`,
		{ sellingMode: { price: { amount: '55.00', currency: 'PLN' } } });
	assert.strictEqual(p.status, 200, p.text);
	assert.deepStrictEqual(p.json.sellingMode.price, { amount: '55.00', currency: 'PLN' });
	assert.strictEqual(p.json.name, 'Bluzka do poprawki');
	assert.deepStrictEqual(p.json.external, { id: 'po-2' });

	await assignPackage(s, seller, r.json.id);
	const on = await productReq(seller, 'PATCH', `/sale/product-offers/${r.json.id}`, { publication: { status: 'ACTIVE' } });
	assert.strictEqual(on.status, 202, on.text);
	await followed(on.headers.location);
	const off = await productReq(seller, 'PATCH', `/sale/product-offers/${r.json.id}`, { publication: { status: 'ENDED' } });
	assert.strictEqual(off.status, 202, off.text);
	await followed(off.headers.location);
	assert.strictEqual((await productReq(seller, 'GET', `/sale/product-offers/${r.json.id}`)).json.publication.status, 'ENDED');
	// asking for what it already is starts nothing
	const again = await productReq(seller, 'PATCH', `/sale/product-offers/${r.json.id}`, { publication: { status: 'ENDED' } });
	assert.strictEqual(again.status, 200, again.text);
});

test('an incomplete offer asked to go ACTIVE: the operation ends, the offer stays INACTIVE with its errors', async () => {
	const r = await productReq(seller, 'POST', '/sale/product-offers',
		{ name: 'Bluzka bez niczego', category: { id: '1581' }, publication: { status: 'ACTIVE' } });
	assert.strictEqual(r.status, 202, r.text);
	const offer = await followed(r.headers.location);
	const g = await productReq(seller, 'GET', offer);
	assert.strictEqual(g.json.publication.status, 'INACTIVE');
	assert.ok(g.json.validation.errors.some((e) => e.path === 'location'), JSON.stringify(g.json.validation));
});

test('an offer asked to go ACTIVE without a base package: the operation ends, the offer stays INACTIVE', async () => {
	const r = await productReq(seller, 'POST', '/sale/product-offers',
		{ ...productOffer({ name: 'Bluzka bez pakietu', external: { id: 'po-5' } }), publication: { status: 'ACTIVE' } });
	assert.strictEqual(r.status, 202, r.text);
	const offer = await followed(r.headers.location);
	assert.strictEqual((await productReq(seller, 'GET', offer)).json.publication.status, 'INACTIVE');
});

test('refusals: a bad status 422, another seller\'s offer 404, a body that may not be stored 422', async () => {
	const r = await productReq(seller, 'POST', '/sale/product-offers',
		{ ...productOffer({ external: { id: 'po-4' } }), publication: { status: 'SOLD' } });
	assert.strictEqual(r.status, 422, r.text);
	assert.strictEqual(r.json.errors[0].path, 'publication.status');
	const mine = await productReq(seller, 'POST', '/sale/product-offers',
		productOffer({ name: 'Bluzka tylko moja', external: { id: 'po-5' } }));
	const other = await allegroSeller(s, { app: seller.app });
	for (const [method, body] of [['GET'], ['PATCH', { name: 'Cudza bluzka damska' }]]) {
		const x = await productReq(other, method, `/sale/product-offers/${mine.json.id}`, body);
		assert.strictEqual(x.status, 404, x.text);
	}
	const long = await productReq(seller, 'PATCH', `/sale/product-offers/${mine.json.id}`, { name: 'x'.repeat(80) });
	assert.strictEqual(long.status, 422, long.text);
	assert.strictEqual(long.json.errors[0].path, 'name');
});
