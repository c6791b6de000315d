'use strict';
// Subscription slots bind the Allegro face too (one marketplace, one quota
// policy): a publication past the seller's slots fails its task with
// Allegro's words for a full limit and the offer stays INACTIVE; ending
// another frees the slot; an ENDED offer relisted with no slot free fails
// the same way and stays ENDED (the activation once asked for limited
// listings only).

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startSouk } = require('./lib/server');
const { PACKAGES, allegroSeller, makeContact, completeOffer, offerReq, assignPackage } = require('./lib/offers');
const { operator, setting } = require('./lib/adverts');
const { patience } = require('./lib/patience');
const { givePlan } = require('./lib/plans');

let s, seller, contact;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100' } });
	await setting(s, 'moderation.delay_seconds', 0);
	await setting(s, 'quota.policy', 'subscription_slots');
	seller = await allegroSeller(s);
	contact = await makeContact(s, seller);
	await givePlan(s, seller.user.id, [{ total: 1, category_ids: [642] }]);	// the parent of CATEGORY
});
test.after(() => s && s.stop());

const CMD = '/sale/offer-publication-commands';
let drafts = 0;

async function draft() {
	const r = await offerReq(s, seller, 'POST', '/sale/offers', completeOffer(seller, contact,
		{ name: `Bluzka damska w limicie nr ${++drafts}`, external: { id: crypto.randomUUID() } }));
	assert.strictEqual(r.status, 201, r.text);
	await assignPackage(s, seller, r.json.id, PACKAGES.BASIC);
	return r.json.id;
}

// One command on one offer, followed until its task ends: the task.
async function publish(action, offer) {
	const id = crypto.randomUUID();
	const r = await offerReq(s, seller, 'PUT', `${CMD}/${id}`,
		{ publication: { action }, offerCriteria: [{ offers: [{ id: offer }], type: 'CONTAINS_OFFERS' }] });
	assert.strictEqual(r.status, 201, r.text);
	const end = Date.now() + patience(10000);
	while (Date.now() < end) {
		const t = await offerReq(s, seller, 'GET', `${CMD}/${id}/tasks`);
		assert.strictEqual(t.status, 200, t.text);
		if (['SUCCESS', 'FAIL'].includes(t.json.tasks[0].status)) return t.json.tasks[0];
		await new Promise((res) => setTimeout(res, 100));
	}
	assert.fail(`command ${id} did not finish`);
}

async function status(offer, want) {
	const end = Date.now() + patience(8000);
	let got;
	while (Date.now() < end) {
		got = (await offerReq(s, seller, 'GET', `/sale/offers/${offer}`)).json.publication.status;
		if (got === want) return;
		await new Promise((res) => setTimeout(res, 100));
	}
	assert.strictEqual(got, want, `offer ${offer}`);
}

test('past the slots a publication fails, ending another frees one, an ENDED offer needs one to come back', async () => {
	const a = await draft();
	assert.strictEqual((await publish('ACTIVATE', a)).status, 'SUCCESS');
	await status(a, 'ACTIVE');

	const b = await draft();
	let t = await publish('ACTIVATE', b);
	assert.strictEqual(t.status, 'FAIL');
	assert.match(t.message, /The limit of free ads in this category has been reached/);
	await status(b, 'INACTIVE');

	assert.strictEqual((await publish('END', a)).status, 'SUCCESS');
	await status(a, 'ENDED');
	assert.strictEqual((await publish('ACTIVATE', b)).status, 'SUCCESS');
	await status(b, 'ACTIVE');

	// The ENDED offer, its package chosen again, has no slot to come back to.
	await assignPackage(s, seller, a, PACKAGES.BASIC);
	t = await publish('ACTIVATE', a);
	assert.strictEqual(t.status, 'FAIL');
	assert.match(t.message, /The limit of free ads in this category has been reached/);
	await status(a, 'ENDED');
	const seen = await s.req('GET', `/api/admin/users/${seller.user.id}/plan`, { token: operator(s) });
	assert.deepStrictEqual([seen.json.limits[0].used, seen.json.limits[0].available], [1, 0]);
});
