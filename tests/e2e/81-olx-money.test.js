'use strict';
// OLX's money endpoints over the one ledger: balance and payment methods,
// the four payment errors of seed 001 word for word, a paid feature bought
// with each payment method (shown in GET /adverts/{id} and on the public
// page), a retried purchase charged once (an Idempotency-Key, or a feature
// already running), two purchases racing for money enough for one, a
// limited advert activated with a packet bought for it, and billing and
// invoices that list every charge. Every OLX answer is checked against the
// document by the request helper.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { advertBody, seller, reauth, operator, setting, waitStatus, create, DATA } = require('./lib/adverts');

let s, key, n = 0;
const P = '/api/partner';

test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	key = operator(s);
});
test.after(() => s && s.stop());

const paymentError = (detail) => ({ error: { status: 400, title: 'Bad Request', detail } });

async function topUp(who, amount, pocket = 'wallet') {
	const r = await s.req('POST', `/api/admin/users/${who.user.id}/money/top-ups`, { token: key, json: { amount, pocket } });
	assert.strictEqual(r.status, 201, r.text);
}

async function postpaid(who, enabled) {
	const r = await s.req('PUT', `/api/admin/users/${who.user.id}/money/postpaid`, { token: key, json: { enabled } });
	assert.strictEqual(r.status, 200, r.text);
}

async function balance(who) {
	const r = await s.req('GET', `${P}/users/me/account-balance`, { token: who.token });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data;
}

async function activeAdvert(who) {
	const made = await create(s, who.token, advertBody({ title: `Bluzka damska płatna numer ${++n} rozmiar M` }));
	return waitStatus(s, who.token, made.id, 'active');
}

const buyFeature = (who, id, json, headers) => s.req('POST', `${P}/adverts/${id}/paid-features`,
	{ token: who.token, json, headers });

test('a new seller has an empty account and pays from it; postpaid once the operator enables it', async () => {
	const a = await seller(s);
	assert.deepStrictEqual(await balance(a), { sum: 0, wallet: 0, bonus: 0, refund: 0, currency: 'PLN' });
	const methods = async () => (await s.req('GET', `${P}/users/me/payment-methods`, { token: a.token })).json.data;
	assert.deepStrictEqual(await methods(), ['account']);
	await postpaid(a, true);
	assert.deepStrictEqual(await methods(), ['account', 'postpaid']);
	await topUp(a, 12.34);
	await topUp(a, 1, 'bonus');
	assert.deepStrictEqual(await balance(a), { sum: 13.34, wallet: 12.34, bonus: 1, refund: 0, currency: 'PLN' });
});

test('the four payment errors come back word for word', async () => {
	const a = await seller(s);
	const ad = await activeAdvert(a);
	const variant = await s.req('POST', `${P}/users/me/packets`, { token: a.token,
		json: { category_id: DATA.leaf, size: 123, payment_method: 'account' } });
	assert.strictEqual(variant.status, 400);
	assert.deepStrictEqual(variant.json, paymentError(`There is no variant with size 123 for category ${DATA.leaf}`));
	for (const payment_method of ['cash', undefined, 7]) {
		const r = await buyFeature(a, ad.id, { code: 'promoted_ad_7', payment_method });
		assert.deepStrictEqual([r.status, r.json], [400, paymentError('Invalid payment method')]);
	}
	const notActivated = await buyFeature(a, ad.id, { code: 'promoted_ad_7', payment_method: 'postpaid' });
	assert.deepStrictEqual([notActivated.status, notActivated.json],
		[400, paymentError("Payment method 'postpaid' is not activated")]);
	const poor = await buyFeature(a, ad.id, { code: 'promoted_ad_7', payment_method: 'account' });
	assert.deepStrictEqual([poor.status, poor.json], [400, paymentError('Not enough credits')]);
	// Nothing was charged, nothing bought.
	const features = await s.req('GET', `${P}/adverts/${ad.id}/paid-features`, { token: a.token });
	assert.deepStrictEqual(features.json.data, []);
	const billing = await s.req('GET', `${P}/users/me/billing`, { token: a.token });
	assert.deepStrictEqual(billing.json.data, []);
});

test('a paid feature bought from the account shows in the advert, its page and billing; a retry charges once', async () => {
	const a = await seller(s);
	const ad = await activeAdvert(a);
	await topUp(a, 100);
	const catalogue = await s.req('GET', `${P}/paid-features`, { token: a.token });
	assert.ok(catalogue.json.data.some((f) => f.code === 'promoted_ad_7' && f.type === 'topads' && f.duration === 7));
	const price = (await s.req('GET', `/api/admin/prices?category_id=${DATA.leaf}`, { token: key })).json.prices
		.find((p) => p.product === 'promoted_ad_7').amount;
	const r = await buyFeature(a, ad.id, { code: 'promoted_ad_7', payment_method: 'account' });
	assert.strictEqual(r.status, 204, r.text);
	const again = await buyFeature(a, ad.id, { code: 'promoted_ad_7', payment_method: 'account' });
	assert.strictEqual(again.status, 204, again.text);
	assert.strictEqual((await balance(a)).sum, Math.round((100 - price) * 100) / 100);

	const running = (await s.req('GET', `${P}/adverts/${ad.id}/paid-features`, { token: a.token })).json.data;
	assert.strictEqual(running.length, 1);
	assert.strictEqual(running[0].code, 'promoted_ad_7');
	assert.match(running[0].valid_to, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	const got = await s.req('GET', `${P}/adverts/${ad.id}`, { token: a.token });
	assert.deepStrictEqual(got.json.data.paid_features, running);
	const page = await s.req('GET', `/oferta/${ad.id}`);
	assert.match(page.text, /data-feature="promoted_ad_7"/);

	const billing = (await s.req('GET', `${P}/users/me/billing`, { token: a.token })).json.data;
	assert.deepStrictEqual(billing.map((b) => [b.price, b.advert_id]), [[-price, ad.id], [100, undefined]]);
	const prepaid = (await s.req('GET', `${P}/users/me/prepaid-invoices`, { token: a.token })).json.data;
	assert.strictEqual(prepaid.length, 1);
	assert.strictEqual(prepaid[0].amount, price);
	assert.match(prepaid[0].amount_formatted, /^\d+,\d\d zł$/);
	// Unknown codes and adverts not running are refused without a charge.
	const unknown = await buyFeature(a, ad.id, { code: 'gold_star', payment_method: 'account' });
	assert.strictEqual(unknown.status, 400);
	assert.strictEqual(unknown.json.error.validation[0].field, 'code');
});

test('an Idempotency-Key makes a retried packet purchase charge once', async () => {
	const a = await seller(s);
	await topUp(a, 1000);
	const headers = { 'Idempotency-Key': 'packet-retry-1' };
	const body = { category_id: DATA.leaf, size: 10, payment_method: 'account' };
	for (let i = 0; i < 3; i++) {
		const r = await s.req('POST', `${P}/users/me/packets`, { token: a.token, json: body, headers });
		assert.strictEqual(r.status, 204, r.text);
	}
	const other = await s.req('POST', `${P}/users/me/packets`, { token: a.token, json: { ...body, size: 20 }, headers });
	assert.strictEqual(other.status, 409);
	const packets = (await s.req('GET', `${P}/users/me/packets`, { token: a.token })).json.data;
	assert.strictEqual(packets.length, 1);
	assert.strictEqual(packets[0].size, 10);
	assert.strictEqual(packets[0].left, 10);
	assert.strictEqual((await balance(a)).sum, Math.round((1000 - packets[0].price) * 100) / 100);
});

test('two purchases racing for money enough for one: exactly one is charged', async () => {
	const a = await seller(s);
	const ads = [await activeAdvert(a), await activeAdvert(a)];
	const price = (await s.req('GET', `/api/admin/prices?category_id=${DATA.leaf}`, { token: key })).json.prices
		.find((p) => p.product === 'highlight').amount;
	await topUp(a, price + 0.5);
	const both = await Promise.all(ads.map((ad) => buyFeature(a, ad.id, { code: 'highlight', payment_method: 'account' })));
	assert.deepStrictEqual(both.map((r) => r.status).sort(), [204, 400]);
	assert.deepStrictEqual(both.find((r) => r.status === 400).json, paymentError('Not enough credits'));
	assert.strictEqual((await balance(a)).sum, 0.5);
	const entries = (await s.req('GET', `/api/admin/users/${a.user.id}/money/entries`, { token: key })).json;
	assert.strictEqual(entries.entries.filter((e) => e.direction === 'debit').length, 1);
});

test('postpaid purchases are owed, not taken, and invoiced when their month is over', async () => {
	const a = await seller(s);
	const ad = await activeAdvert(a);
	await postpaid(a, true);
	const r = await buyFeature(a, ad.id, { code: 'bump_up', payment_method: 'postpaid' });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual((await balance(a)).sum, 0);
	const money = (await s.req('GET', `/api/admin/users/${a.user.id}/money`, { token: key })).json;
	assert.ok(money.postpaid < 0);
	const invoices = async () => (await s.req('GET', `${P}/users/me/postpaid-invoices`, { token: a.token })).json.data;
	assert.deepStrictEqual(await invoices(), []);
	// The bump-up runs a day on the marketplace's clock; past it, the
	// advert and its page no longer show it.
	const shown = async () => (await s.req('GET', `${P}/adverts/${ad.id}`, { token: a.token })).json.data.paid_features;
	assert.deepStrictEqual((await shown()).map((f) => f.code), ['bump_up']);
	let adv = await s.req('POST', '/api/admin/clock/advance', { token: key, json: { seconds: 86400 + 1 } });
	assert.strictEqual(adv.status, 200);
	await reauth(s, a);
	assert.strictEqual(await shown(), undefined);
	assert.doesNotMatch((await s.req('GET', `/oferta/${ad.id}`)).text, /data-feature=/);
	adv = await s.req('POST', '/api/admin/clock/advance', { token: key, json: { seconds: 31 * 86400 } });
	assert.strictEqual(adv.status, 200);
	await reauth(s, a);	// the token's life ended with the month
	const list = await s.req('GET', `${P}/users/me/postpaid-invoices`, { token: a.token });
	assert.strictEqual(list.status, 200, list.text);
	assert.strictEqual(list.json.data.length, 1);
	assert.match(list.json.data[0].invoice_id, /^\d{4}\/\d\d\/\d+$/);
	assert.ok(list.json.data[0].amount_net < list.json.data[0].amount_gross);
	assert.strictEqual(list.json.data[0].amount_gross, -money.postpaid);
	assert.strictEqual(list.json.data[0].advert_id, ad.id);
});

test('a limited advert runs once a packet bought for it is there', async () => {
	const a = await seller(s);
	await setting(s, 'adverts.free_limit', 1);
	try {
		await activeAdvert(a);
		const over = await create(s, a.token, advertBody({ title: `Bluzka damska ponad limit ${++n} rozmiar M` }));
		assert.strictEqual(over.status, 'limited');
		const refused = await s.req('POST', `${P}/adverts/${over.id}/commands`, { token: a.token, json: { command: 'activate' } });
		assert.strictEqual(refused.status, 400);
		await topUp(a, 50);
		const bought = await s.req('POST', `${P}/adverts/${over.id}/packets`, { token: a.token,
			json: { payment_method: 'account' } });
		assert.strictEqual(bought.status, 204, bought.text);
		let packets = (await s.req('GET', `${P}/users/me/packets?availability=active`, { token: a.token })).json.data;
		assert.deepStrictEqual(packets.map((p) => [p.size, p.left, p.categories_ids]), [[1, 1, [DATA.leaf]]]);
		const ok = await s.req('POST', `${P}/adverts/${over.id}/commands`, { token: a.token, json: { command: 'activate' } });
		assert.strictEqual(ok.status, 204, ok.text);
		await waitStatus(s, a.token, over.id, 'active');
		packets = (await s.req('GET', `${P}/users/me/packets?availability=inactive`, { token: a.token })).json.data;
		assert.deepStrictEqual(packets.map((p) => [p.size, p.left, p.is_active]), [[1, 0, false]]);
	} finally {
		await setting(s, 'adverts.free_limit', 50);
	}
});

test('packets offered in a category, and zones', async () => {
	const a = await seller(s);
	const q = `category_id=${DATA.leaf}&payment_method=account`;
	const base = (await s.req('GET', `${P}/packets?${q}`, { token: a.token })).json.data;
	assert.ok(base.length > 0 && base.every((p) => p.type === 'base' && p.category_id === DATA.leaf && p.size > 1));
	const all = (await s.req('GET', `${P}/packets?${q}&type=all&with_features=1`, { token: a.token })).json.data;
	assert.ok(all.some((p) => p.is_premium && p.features.length > 0));
	const bad = await s.req('GET', `${P}/packets?category_id=${DATA.leaf}&payment_method=card`, { token: a.token });
	assert.deepStrictEqual(bad.json, paymentError('Invalid payment method'));
	assert.strictEqual((await s.req('GET', `${P}/packets?payment_method=account`, { token: a.token })).status, 400);
	const zones = await s.req('GET', `${P}/zones?category_id=${DATA.leaf}`, { token: a.token });
	assert.deepStrictEqual(zones.json.data, []);
});
