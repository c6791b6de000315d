'use strict';
// Allegro's classifieds packages and fee preview over the one ledger (seed
// 002 §2, §8, §9 and "Managing classified ads"): a category's packages and
// one package's configuration, a draft's base package and extra options
// chosen (PUT 200 without a body) and read back, 404
// ClassifiedForOfferNotFoundException for an offer without any or another
// seller's, the fee preview's quotes at the ledger's prices, a published
// offer's base fixed and its extra options bought at once, and one seller's
// money spent through the OLX and Allegro faces adding up. Every answer is
// checked against the Allegro or OLX document by the request helper.

const test = require('node:test');
const assert = require('node:assert');
const { CATEGORY, allegroSeller, offerServer, completeOffer, offerReq } = require('./lib/offers');
const { makeApp, codeGrant } = require('./lib/oauth-flow');
const { advertBody, operator, waitStatus, create } = require('./lib/adverts');
const { ALLEGRO_MEDIA } = require('./lib/allegro-schema');

const BASIC = '6174be19-56f9-484b-b72c-43b0b00785e8';
const EXTENDED = '7a2c5e10-3b8f-4d61-9c0e-5f1d2b7e4a93';
const EXTRA = '3174be19-56f9-484b-b72c-43b0b00785e8';
const NONE = { errors: [{ code: 'ClassifiedForOfferNotFoundException', message: 'Classified not found', details: null,
	path: null, userMessage: 'Function not available. Contact the application author.' }] };

let s, seller, contact, key;
test.before(async () => {
	({ s, seller, contact } = await offerServer({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } }));
	key = operator(s);
});
test.after(() => s && s.stop());

const req = (method, path, body, who = seller) => offerReq(s, who, method, path, body);
async function priceOf(product) {
	const r = await s.req('GET', `/api/admin/prices?category_id=${CATEGORY}`, { token: key });
	return r.json.prices.find((p) => p.product === product).amount;
}
async function draft() {
	const r = await req('POST', '/sale/offers', completeOffer(seller, contact));
	assert.strictEqual(r.status, 201, r.text);
	return r.json.id;
}

test('a category\'s packages: base ones with their publication, extra options, each by id', async () => {
	const r = await req('GET', `/sale/classifieds-packages?category.id=${CATEGORY}`);
	assert.strictEqual(r.status, 200, r.text);
	const byId = Object.fromEntries(r.json.packages.map((p) => [p.id, p]));
	assert.strictEqual(byId[BASIC].type, 'BASE');
	assert.strictEqual(byId[BASIC].publication.duration, 'PT960H');
	assert.ok(byId[BASIC].promotions.some((p) => p.name === 'bold' && p.duration === 'PT240H'));
	assert.strictEqual(byId[EXTRA].type, 'EXTRA');
	const one = await req('GET', `/sale/classifieds-packages/${EXTRA}`);
	assert.deepStrictEqual(one.json, byId[EXTRA]);
	assert.strictEqual((await req('GET', '/sale/classifieds-packages/nope')).status, 404);
	assert.strictEqual((await req('GET', '/sale/classifieds-packages')).status, 422);
	assert.strictEqual((await req('GET', '/sale/classifieds-packages?category.id=999999')).status, 422);
});

test('a draft\'s packages are chosen, read back and previewed; none is ClassifiedForOfferNotFoundException', async () => {
	const id = await draft();
	const none = await req('GET', `/sale/offer-classifieds-packages/${id}`);
	assert.deepStrictEqual([none.status, none.json], [404, NONE]);
	const put = await req('PUT', `/sale/offer-classifieds-packages/${id}`,
		{ basePackage: { id: EXTENDED }, extraPackages: [{ id: EXTRA }] });
	assert.strictEqual(put.status, 200, put.text);
	assert.strictEqual(put.text, '');
	assert.strictEqual(put.headers['content-type'], undefined);
	const got = await req('GET', `/sale/offer-classifieds-packages/${id}`);
	assert.deepStrictEqual(got.json, { basePackage: { id: EXTENDED }, extraPackages: [{ id: EXTRA, republish: false }] });
	// Before publication the choice may change: the base included.
	assert.strictEqual((await req('PUT', `/sale/offer-classifieds-packages/${id}`, { basePackage: { id: BASIC } })).status, 200);
	assert.deepStrictEqual((await req('GET', `/sale/offer-classifieds-packages/${id}`)).json,
		{ basePackage: { id: BASIC }, extraPackages: [] });
	// Wrong packages are refused at their paths.
	const wrong = await req('PUT', `/sale/offer-classifieds-packages/${id}`,
		{ basePackage: { id: EXTRA }, extraPackages: [{ id: BASIC }, { id: 'x' }] });
	assert.strictEqual(wrong.status, 422);
	assert.deepStrictEqual(wrong.json.errors.map((e) => e.path),
		['basePackage.id', 'extraPackages[0].id', 'extraPackages[1].id']);
	assert.strictEqual((await req('PUT', `/sale/offer-classifieds-packages/${id}`, { extraPackages: [] })).status, 422);

	// The fee preview: the offer as GET returns it, with its packages.
	const offer = (await req('GET', `/sale/offers/${id}`)).json;
	const preview = await req('POST', '/pricing/offer-fee-preview',
		{ offer, classifiedsPackages: { basePackage: { id: EXTENDED }, extraPackages: [{ id: EXTRA }] } });
	assert.strictEqual(preview.status, 200, preview.text);
	assert.deepStrictEqual(preview.json.commissions, []);
	assert.deepStrictEqual(preview.json.quotes.map((q) => [q.classifiedsPackage.id, q.fee.amount, q.cycleDuration]), [
		[EXTENDED, (await priceOf('package_extended')).toFixed(2), 'PT960H'],
		[EXTRA, (await priceOf('package_extra_bold_10')).toFixed(2), 'PT240H']]);
	// The operator's price in the category is the quote.
	await s.req('PUT', '/api/admin/prices', { token: key, json: { category_id: CATEGORY, product: 'package_extended', amount: 61.5 } });
	const again = await req('POST', '/pricing/offer-fee-preview', { offer: { id }, classifiedsPackages: { basePackage: { id: EXTENDED } } });
	assert.deepStrictEqual(again.json.quotes.map((q) => q.fee), [{ amount: '61.50', currency: 'PLN' }]);
	// Without packages in the request: the offer's own.
	const own = await req('POST', '/pricing/offer-fee-preview', { offer: { id } });
	assert.deepStrictEqual(own.json.quotes.map((q) => q.classifiedsPackage.id), [BASIC]);
	assert.strictEqual((await req('POST', '/pricing/offer-fee-preview', { offer: { name: 'x' } })).status, 422);
});

test('another seller\'s offer has no classified for them', async () => {
	const id = await draft();
	assert.strictEqual((await req('PUT', `/sale/offer-classifieds-packages/${id}`, { basePackage: { id: BASIC } })).status, 200);
	const other = await allegroSeller(s);
	for (const [method, body] of [['GET'], ['PUT', { basePackage: { id: BASIC } }]]) {
		const r = await req(method, `/sale/offer-classifieds-packages/${id}`, body, other);
		assert.deepStrictEqual([r.status, r.json], [404, NONE]);
	}
	assert.deepStrictEqual((await req('GET', `/sale/offer-classifieds-packages/${id}`)).json.basePackage, { id: BASIC });
});

test('one seller\'s money spent through the OLX and Allegro faces adds up', async () => {
	// The same user through an OLX app: an advert there is an offer here.
	const olx = (await codeGrant(s, makeApp(s), seller.user)).access_token;
	const made = await create(s, olx, advertBody({ title: 'Bluzka damska obu twarzy rozmiar M' }));
	await waitStatus(s, olx, made.id, 'active');
	const broke = await req('PUT', `/sale/offer-classifieds-packages/${made.id}`,
		{ basePackage: { id: BASIC }, extraPackages: [{ id: EXTRA }] });
	assert.strictEqual(broke.status, 422, broke.text);
	assert.strictEqual(broke.json.errors[0].code, 'NotEnoughFundsException');
	await s.req('POST', `/api/admin/users/${seller.user.id}/money/top-ups`, { token: key, json: { amount: 100 } });
	const extra = await priceOf('package_extra_bold_10');
	const bump = await priceOf('bump_up');

	// Published: the base is fixed (the basic one, as it went live without
	// one), an extra option is bought at once, and only once.
	const change = await req('PUT', `/sale/offer-classifieds-packages/${made.id}`, { basePackage: { id: EXTENDED } });
	assert.strictEqual(change.status, 422, change.text);
	for (let i = 0; i < 2; i++) {
		const r = await req('PUT', `/sale/offer-classifieds-packages/${made.id}`,
			{ basePackage: { id: BASIC }, extraPackages: [{ id: EXTRA }] });
		assert.strictEqual(r.status, 200, r.text);
	}
	const f = await s.req('POST', `/api/partner/adverts/${made.id}/paid-features`, { token: olx,
		json: { code: 'bump_up', payment_method: 'account' } });
	assert.strictEqual(f.status, 204, f.text);

	const spent = Math.round((extra + bump) * 100);
	const balance = await s.req('GET', '/api/partner/users/me/account-balance', { token: olx });
	assert.strictEqual(Math.round(balance.json.data.sum * 100), 10000 - spent);
	const entries = (await s.req('GET', `/api/admin/users/${seller.user.id}/money/entries`, { token: key })).json.entries;
	const debits = entries.filter((e) => e.direction === 'debit');
	assert.deepStrictEqual(debits.map((e) => e.operation.face).sort(), ['allegro', 'olx']);
	assert.strictEqual(debits.reduce((t, e) => t + Math.round(e.amount * 100), 0), spent);
	const billing = (await s.req('GET', '/api/partner/users/me/billing', { token: olx })).json.data;
	assert.strictEqual(billing.filter((b) => b.price < 0).length, 2);
});
