'use strict';
// Seed 002 §8-11 from an Allegro client's side: a complete draft, its base
// package assigned and its fee previewed, is published by a command (201 with taskCount all zero, the work done by the
// job runner), followed through the summary and the tasks to ACTIVE, ended,
// and relisted; the OLX face and the public page see the same listing. A
// command id is the client's: repeated it answers the first result, reused
// for another request 409, someone else's 403, older than 7 days 404. An
// incomplete draft's task fails with the draft's own validation errors; a
// paused worker leaves the offer ACTIVATING (and the list filtered by
// ACTIVATING finds it); one without a base package fails with
// ValidAdvertisementPackage; a scheduled command waits for the marketplace
// clock; each activation pays its packages. Every answer is checked against
// the document.

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startSouk } = require('./lib/server');
const { CATEGORY, PACKAGES, allegroSeller, makeContact, completeOffer, offerReq, assignPackage, assertError } =
	require('./lib/offers');
const { makeApp, codeGrant, advanceClock } = require('./lib/oauth-flow');
const { operator, setting } = require('./lib/adverts');
const { patience } = require('./lib/patience');
const { allegroCodeGrant } = require('./lib/allegro');

let s, seller, contact;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100' } });
	await setting(s, 'moderation.delay_seconds', 0);
	seller = await allegroSeller(s);
	contact = await makeContact(s, seller);
});
test.after(() => s && s.stop());

const CMD = '/sale/offer-publication-commands';

function command(action, ids, extra = {}) {
	return { publication: { action, ...extra }, offerCriteria: [{ offers: ids.map((id) => ({ id })), type: 'CONTAINS_OFFERS' }] };
}

// Each its own title: moderation rejects a duplicate of a running listing.
// A complete draft with the free base package assigned, unless `base` is null.
let drafts = 0;
async function draft(who = seller, over = {}, base = PACKAGES.BASIC) {
	const c = who === seller ? contact : await makeContact(s, who);
	const r = await offerReq(s, who, 'POST', '/sale/offers', completeOffer(who, c,
		{ name: `Bluzka damska bawełniana nr ${++drafts}`, external: { id: crypto.randomUUID() }, ...over }));
	assert.strictEqual(r.status, 201, r.text);
	if (base) await assignPackage(s, who, r.json.id, base);
	return r.json;
}

async function money() {
	return (await s.req('GET', `/api/admin/users/${seller.user.id}/money`, { token: operator(s) })).json.sum;
}
async function topUp(amount) {
	const r = await s.req('POST', `/api/admin/users/${seller.user.id}/money/top-ups`, { token: operator(s),
		headers: { 'Idempotency-Key': crypto.randomUUID() }, json: { amount } });
	assert.strictEqual(r.status, 201, r.text);
}

async function journal(query) {
	const r = await offerReq(s, seller, 'GET', `/sale/offer-events${query}`);
	assert.strictEqual(r.status, 200, r.text);
	return r.json.offerEvents;
}

async function put(id, body, who = seller) {
	return offerReq(s, who, 'PUT', `${CMD}/${id}`, body);
}

// Polls the command's summary until no task is left open (bounded).
async function settled(id, who = seller) {
	const end = Date.now() + patience(10000);
	let last;
	while (Date.now() < end) {
		last = await offerReq(s, who, 'GET', `${CMD}/${id}`);
		assert.strictEqual(last.status, 200, last.text);
		const c = last.json.taskCount;
		if (c.success + c.failed === c.total) return last.json;
		await new Promise((r) => setTimeout(r, 100));
	}
	assert.fail(`command ${id} did not finish: ${last && last.text}`);
}

async function tasks(id, query = '', who = seller) {
	const r = await offerReq(s, who, 'GET', `${CMD}/${id}/tasks${query}`);
	assert.strictEqual(r.status, 200, r.text);
	return r.json.tasks;
}

async function status(offer) {
	const r = await offerReq(s, seller, 'GET', `/sale/offers/${offer}`);
	assert.strictEqual(r.status, 200, r.text);
	return r.json.publication.status;
}

// After the clock moved past the token's life: the seller signs in again.
async function signInAgain() {
	seller.token = (await allegroCodeGrant(s, seller.app, seller.user)).access_token;
}

async function pause(paused) {
	const r = await s.req('PUT', '/api/admin/workers/publication', { token: operator(s), json: { paused } });
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.paused, paused);
}

test('seed walk-through: packages -> assign -> fee preview -> ACTIVATE -> SUCCESS -> ACTIVE (OLX, public page, '
	+ 'journal) -> END -> ENDED -> relist charged again', async () => {
	const o = await draft(seller, {}, null);
	assert.strictEqual(o.publication.status, 'INACTIVE');
	// The category's packages, the extended one assigned through the route
	// (every answer is checked against the document by the client).
	const list = await offerReq(s, seller, 'GET', `/sale/classifieds-packages?category.id=${CATEGORY}`);
	assert.strictEqual(list.status, 200, list.text);
	assert.ok(list.json.packages.some((p) => p.id === PACKAGES.EXTENDED && p.type === 'BASE'), list.text);
	await assignPackage(s, seller, o.id, PACKAGES.EXTENDED);
	const mine = await offerReq(s, seller, 'GET', `/sale/offer-classifieds-packages/${o.id}`);
	assert.deepStrictEqual(mine.json, { basePackage: { id: PACKAGES.EXTENDED }, extraPackages: [] });
	const full = (await offerReq(s, seller, 'GET', `/sale/offers/${o.id}`)).json;
	const fee = await offerReq(s, seller, 'POST', '/pricing/offer-fee-preview',
		{ offer: full, classifiedsPackages: mine.json });
	assert.strictEqual(fee.status, 200, fee.text);
	assert.deepStrictEqual(fee.json.quotes.map((q) => [q.classifiedsPackage.id, q.fee]),
		[[PACKAGES.EXTENDED, { amount: '49.00', currency: 'PLN' }]]);
	await topUp(100);
	const before = await money();

	const id = crypto.randomUUID();
	const r = await put(id, command('ACTIVATE', [o.id]));
	assert.strictEqual(r.status, 201, r.text);
	assert.deepStrictEqual(r.json.taskCount, { total: 0, success: 0, failed: 0 });
	assert.strictEqual(r.json.id, id);
	assert.strictEqual(r.json.completedAt, null);

	const sum = await settled(id);
	assert.deepStrictEqual(sum.taskCount, { total: 1, success: 1, failed: 0 });
	assert.match(sum.completedAt, /Z$/);
	const [t] = await tasks(id);
	assert.deepStrictEqual(t.offer, { id: o.id });
	assert.strictEqual(t.status, 'SUCCESS');
	assert.strictEqual(t.message, '');
	assert.deepStrictEqual(t.errors, []);
	assert.match(t.scheduledAt, /Z$/);
	assert.strictEqual(await status(o.id), 'ACTIVE');
	assert.strictEqual(await money(), before - 49);
	assert.deepStrictEqual((await journal('?type=OFFER_ACTIVATED')).filter((e) => e.offer.id === o.id).length, 1);

	// The same listing through the OLX face, and on its public page.
	const olx = await codeGrant(s, makeApp(s), seller.user);
	let a = await s.req('GET', `/api/partner/adverts/${o.id}`, { token: olx.access_token });
	assert.strictEqual(a.status, 200, a.text);
	assert.strictEqual(a.json.data.status, 'active');
	assert.strictEqual((await s.req('GET', `/oferta/${o.id}`)).status, 200);

	// The same PUT again answers as the first time did.
	const again = await put(id, command('ACTIVATE', [o.id]));
	assert.strictEqual(again.status, 201, again.text);
	assert.deepStrictEqual(again.json, r.json);

	const end = crypto.randomUUID();
	assert.strictEqual((await put(end, command('END', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(end)).taskCount, { total: 1, success: 1, failed: 0 });
	assert.strictEqual(await status(o.id), 'ENDED');
	a = await s.req('GET', `/api/partner/adverts/${o.id}`, { token: olx.access_token });
	assert.strictEqual(a.json.data.status, 'removed_by_user');
	assert.strictEqual((await s.req('GET', `/oferta/${o.id}`)).status, 404);
	const [ended] = (await journal('?type=OFFER_ENDED')).filter((e) => e.offer.id === o.id);
	assert.deepStrictEqual(ended.offer.publication, { endedBy: 'USER' });

	// Seed 002 §10: the packages ended with the publication; relisting
	// without assigning them again fails, assigned again it goes and pays.
	const gone = await offerReq(s, seller, 'GET', `/sale/offer-classifieds-packages/${o.id}`);
	assert.strictEqual(gone.status, 404, gone.text);
	const bare = crypto.randomUUID();
	assert.strictEqual((await put(bare, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(bare)).taskCount, { total: 1, success: 0, failed: 1 });
	assert.deepStrictEqual((await tasks(bare))[0].errors.map((e) => e.code), ['ValidAdvertisementPackage']);
	assert.strictEqual(await status(o.id), 'ENDED');
	await assignPackage(s, seller, o.id, PACKAGES.BASIC);	// chosen, then chosen again: not yet bought
	await assignPackage(s, seller, o.id, PACKAGES.EXTENDED);
	const relist = crypto.randomUUID();
	assert.strictEqual((await put(relist, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(relist)).taskCount, { total: 1, success: 1, failed: 0 });
	assert.strictEqual(await status(o.id), 'ACTIVE');
	assert.strictEqual(await money(), before - 98);
});

test('an offer without a base package fails with ValidAdvertisementPackage and stays INACTIVE; with one it goes live',
	async () => {
	const o = await draft(seller, {}, null);
	const id = crypto.randomUUID();
	assert.strictEqual((await put(id, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(id)).taskCount, { total: 1, success: 0, failed: 1 });
	const [t] = await tasks(id);
	assert.strictEqual(t.status, 'FAIL');
	assert.strictEqual(t.message, 'Could not change offer publication status. The offer has no base package.');
	assert.deepStrictEqual(t.errors.map((e) => e.code), ['ValidAdvertisementPackage']);
	assert.strictEqual(await status(o.id), 'INACTIVE');
	const none = await offerReq(s, seller, 'GET', `/sale/offer-classifieds-packages/${o.id}`);
	assert.strictEqual(none.status, 404, none.text);

	await assignPackage(s, seller, o.id);
	const again = crypto.randomUUID();
	assert.strictEqual((await put(again, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(again)).taskCount, { total: 1, success: 1, failed: 0 });
	assert.strictEqual(await status(o.id), 'ACTIVE');
});

test('a command id reused with another body is 409, another seller\'s is 403, one older than 7 days 404', async () => {
	const o = await draft();
	const id = crypto.randomUUID();
	assert.strictEqual((await put(id, command('ACTIVATE', [o.id]))).status, 201);
	await settled(id);
	const conflict = await put(id, command('END', [o.id]));
	assert.strictEqual(conflict.status, 409, conflict.text);
	assert.strictEqual(conflict.json.errors[0].code, 'ConflictException');
	// Upper case is the same id.
	assert.strictEqual((await put(id.toUpperCase(), command('ACTIVATE', [o.id]))).status, 201);

	const other = await allegroSeller(s, { app: seller.app });
	for (const [method, path, body] of [['PUT', `${CMD}/${id}`, command('ACTIVATE', [o.id])], ['GET', `${CMD}/${id}`],
		['GET', `${CMD}/${id}/tasks`]]) {
		const r = await offerReq(s, other, method, path, body);
		assert.strictEqual(r.status, 403, `${method} ${path}: ${r.text}`);
		assert.strictEqual(r.json.errors[0].code, 'AccessDenied');
	}
	assert.strictEqual(await status(o.id), 'ACTIVE');

	const never = await offerReq(s, seller, 'GET', `${CMD}/${crypto.randomUUID()}`);
	assert.strictEqual(never.status, 404, never.text);
	const bad = await put('not-a-uuid', command('ACTIVATE', [o.id]));
	assert.strictEqual(bad.status, 422, bad.text);
	assert.strictEqual(bad.json.errors[0].path, 'commandId');

	await advanceClock(s, 7 * 86400 + 60);
	await signInAgain();
	for (const path of [`${CMD}/${id}`, `${CMD}/${id}/tasks`]) {
		const r = await offerReq(s, seller, 'GET', path);
		assert.strictEqual(r.status, 404, `${path}: ${r.text}`);
		assert.strictEqual(r.json.errors[0].code, 'NotFoundException');
	}
	assert.strictEqual((await put(id, command('ACTIVATE', [o.id]))).status, 404);
});

test('bodies that are not a command are 422 at the field', async () => {
	const cases = [
		[{ publication: { action: 'PAUSE' }, offerCriteria: [{ offers: [{ id: '1' }], type: 'CONTAINS_OFFERS' }] }, 'publication.action'],
		[{ publication: { action: 'ACTIVATE' } }, 'offerCriteria'],
		[{ publication: { action: 'ACTIVATE', scheduledFor: 'tomorrow' }, offerCriteria: [{ offers: [{ id: '1' }], type: 'CONTAINS_OFFERS' }] }, 'publication.scheduledFor'],
		[{ publication: { action: 'END' }, offerCriteria: [{ offers: [{ id: '1' }], type: 'OTHER' }] }, 'offerCriteria[0].type'],
		[command('END', []), 'offerCriteria'],
		[command('END', Array.from({ length: 1001 }, (_, i) => String(i + 1))), 'offerCriteria'],
	];
	for (const [body, path] of cases) {
		const r = await put(crypto.randomUUID(), body);
		assert.strictEqual(r.status, 422, `${JSON.stringify(body).slice(0, 200)}: ${r.text}`);
		assert.ok(r.json.errors.some((e) => e.path === path), `${path} in ${r.text}`);
	}
});

test('an incomplete draft fails with its validation errors; an unknown offer fails as not found', async () => {
	const p = await offerReq(s, seller, 'POST', '/sale/offers', { name: 'Bluzka damska', category: { id: '1581' } });
	assert.strictEqual(p.status, 201, p.text);
	const id = crypto.randomUUID();
	assert.strictEqual((await put(id, command('ACTIVATE', [p.json.id, '999999999', 'abc']))).status, 201);
	assert.deepStrictEqual((await settled(id)).taskCount, { total: 3, success: 0, failed: 3 });
	const [incomplete, missing, notNumber] = await tasks(id);
	assert.strictEqual(incomplete.status, 'FAIL');
	assert.strictEqual(incomplete.message, 'Could not change offer publication status. The offer has validation errors.');
	const holder = { errors: incomplete.errors };
	assertError(holder, 'location', 'Location may not be empty.');
	assertError(holder, 'sellingMode.price', 'You must select at least one selling mode and provide the required prices.');
	assert.deepStrictEqual(incomplete.errors.map((e) => e.path).sort(),
		p.json.validation.errors.map((e) => e.path).sort());
	for (const t of [missing, notNumber]) {
		assert.strictEqual(t.status, 'FAIL');
		assert.strictEqual(t.message,
			'Could not change offer publication status. Offer not found. It was deleted, archived or never existed.');
	}
	assert.deepStrictEqual(notNumber.offer, { id: 'abc' });
	assert.strictEqual(await status(p.json.id), 'INACTIVE');
	// paging through the tasks
	assert.deepStrictEqual((await tasks(id, '?offset=1&limit=1')).map((t) => t.offer.id), ['999999999']);
	const bad = await offerReq(s, seller, 'GET', `${CMD}/${id}/tasks?limit=0`);
	assert.strictEqual(bad.status, 422, bad.text);
});

test('moderation decides: a banned word ends the task in FAIL, worded by Allegro', async () => {
	const o = await draft(seller, { name: 'Bluzka replika markowa' });
	const id = crypto.randomUUID();
	assert.strictEqual((await put(id, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(id)).taskCount, { total: 1, success: 0, failed: 1 });
	const [t] = await tasks(id);
	assert.strictEqual(t.message, 'Could not change offer publication status. The offer was refused by moderation.');
	assert.strictEqual(t.errors[0].details, 'The advert offers a banned item (replika).');
	assert.strictEqual(await status(o.id), 'ENDED');
});

test('a paused worker leaves the offer ACTIVATING and its task NEW; a second command on it is refused', async () => {
	const o = await draft();
	await pause(true);
	try {
		const id = crypto.randomUUID();
		assert.strictEqual((await put(id, command('ACTIVATE', [o.id]))).status, 201);
		assert.strictEqual(await status(o.id), 'ACTIVATING');
		const list = await offerReq(s, seller, 'GET', `/sale/offers?external.id=${o.external.id}`);
		assert.strictEqual(list.json.offers[0].publication.status, 'ACTIVATING');
		// Filtered by what it shows: ACTIVATING, no longer INACTIVE.
		const by = async (st) => (await offerReq(s, seller, 'GET',
			`/sale/offers?external.id=${o.external.id}&publication.status=${st}`)).json.offers.map((x) => x.id);
		assert.deepStrictEqual(await by('ACTIVATING'), [o.id]);
		assert.deepStrictEqual(await by('INACTIVE'), []);
		assert.deepStrictEqual(await by('INACTIVE,ACTIVATING'), [o.id]);
		const [t] = await tasks(id);
		assert.strictEqual(t.status, 'NEW');
		assert.strictEqual(t.finishedAt, null);
		const sum = await offerReq(s, seller, 'GET', `${CMD}/${id}`);
		assert.deepStrictEqual(sum.json.taskCount, { total: 1, success: 0, failed: 0 });
		assert.strictEqual(sum.json.completedAt, null);

		const second = await put(crypto.randomUUID(), command('END', [o.id]));
		assert.strictEqual(second.status, 422, second.text);
		assert.strictEqual(second.json.errors[0].code, 'InProgressTaskLimitReachedException');
		assert.strictEqual(second.json.errors[0].message, 'Previous status changes have not been finished yet.');
		// the first command's own repeat is still its first answer
		assert.strictEqual((await put(id, command('ACTIVATE', [o.id]))).status, 201);
		await pause(false);
		assert.deepStrictEqual((await settled(id)).taskCount, { total: 1, success: 1, failed: 0 });
		assert.strictEqual(await status(o.id), 'ACTIVE');
	} finally {
		await pause(false);
	}
});

test('a scheduled publication waits ACTIVATING for the marketplace clock', async () => {
	const o = await draft();
	const clock = await s.req('GET', '/api/admin/clock', { token: operator(s) });
	const when = new Date((clock.json.now + 3 * 86400) * 1000).toISOString();
	const id = crypto.randomUUID();
	assert.strictEqual((await put(id, command('ACTIVATE', [o.id], { scheduledFor: when }))).status, 201);
	const [t] = await tasks(id);
	assert.strictEqual(t.status, 'NEW');
	assert.strictEqual(t.scheduledAt, when.replace(/\.\d+Z$/, 'Z'));
	assert.strictEqual(await status(o.id), 'ACTIVATING');
	// A repeat with the same date written in another zone is the same command.
	const local = new Date(Date.parse(when)).toISOString().replace('Z', '+00:00');
	assert.strictEqual((await put(id, command('ACTIVATE', [o.id], { scheduledFor: local }))).status, 201);

	await advanceClock(s, 3 * 86400 + 5);
	await signInAgain();
	assert.deepStrictEqual((await settled(id)).taskCount, { total: 1, success: 1, failed: 0 });
	assert.strictEqual(await status(o.id), 'ACTIVE');
});

test('racing PUTs: one id sent twice at once is one command; two ids on one offer at once, one refused', async () => {
	const o = await draft();
	await pause(true);
	try {
		const id = crypto.randomUUID();
		const same = await Promise.all(Array.from({ length: 4 }, () => put(id, command('ACTIVATE', [o.id]))));
		for (const r of same) assert.strictEqual(r.status, 201, r.text);
		for (const r of same) assert.deepStrictEqual(r.json, same[0].json);
		assert.strictEqual((await tasks(id)).length, 1);

		const p = await draft();
		const ids = [crypto.randomUUID(), crypto.randomUUID()];
		const both = await Promise.all(ids.map((c) => put(c, command('ACTIVATE', [p.id]))));
		assert.deepStrictEqual(both.map((r) => r.status).sort(), [201, 422], both.map((r) => r.text).join('\n'));
		const refused = both.find((r) => r.status === 422);
		assert.strictEqual(refused.json.errors[0].code, 'InProgressTaskLimitReachedException');
	} finally {
		await pause(false);
	}
});

test('publishing charges the offer\'s packages from the ledger: not enough money fails the task, a relisting pays again', async () => {
	const o = await draft(seller, {}, PACKAGES.EXTENDED);	// 49.00
	const before = await money();

	const poor = crypto.randomUUID();
	assert.strictEqual((await put(poor, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(poor)).taskCount, { total: 1, success: 0, failed: 1 });
	const [t] = await tasks(poor);
	assert.strictEqual(t.message,
		'Could not change offer publication status. There is not enough money in the account to pay for the offer\'s packages.');
	assert.strictEqual(t.errors[0].message, 'Not enough money in the account to pay for the packages.');
	assert.strictEqual(await status(o.id), 'INACTIVE');
	assert.strictEqual(await money(), before);

	const top = await s.req('POST', `/api/admin/users/${seller.user.id}/money/top-ups`, { token: operator(s),
		headers: { 'Idempotency-Key': `pub-${o.id}` }, json: { amount: 100 } });
	assert.strictEqual(top.status, 201, top.text);
	const paid = crypto.randomUUID();
	assert.strictEqual((await put(paid, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(paid)).taskCount, { total: 1, success: 1, failed: 0 });
	assert.strictEqual(await status(o.id), 'ACTIVE');
	assert.strictEqual(await money(), before + 100 - 49);

	const end = crypto.randomUUID();
	assert.strictEqual((await put(end, command('END', [o.id]))).status, 201);
	await settled(end);
	await assignPackage(s, seller, o.id, PACKAGES.EXTENDED);
	const relist = crypto.randomUUID();
	assert.strictEqual((await put(relist, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(relist)).taskCount, { total: 1, success: 1, failed: 0 });
	assert.strictEqual(await money(), before + 100 - 98);
	// and once more, with 2.00 left: refused, the offer stays ended
	const end2 = crypto.randomUUID();
	assert.strictEqual((await put(end2, command('END', [o.id]))).status, 201);
	await settled(end2);
	await assignPackage(s, seller, o.id, PACKAGES.EXTENDED);
	const broke = crypto.randomUUID();
	assert.strictEqual((await put(broke, command('ACTIVATE', [o.id]))).status, 201);
	assert.deepStrictEqual((await settled(broke)).taskCount, { total: 1, success: 0, failed: 1 });
	assert.strictEqual(await status(o.id), 'ENDED');
	assert.strictEqual(await money(), before + 2);
});
