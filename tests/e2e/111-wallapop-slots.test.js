'use strict';
// Seed 000's subscription slots through the Wallapop face: an item
// published past the plan's limit is created (201) but inactive; selling,
// deleting or inactivating another frees a slot, and `activate` then
// succeeds; with no slot it is refused. GET /items/limits counts the slots
// per group of categories and GET /items/inactive lists only hidden items.
// Every answer is checked against wallapop-items.yaml by the harness.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { operator, setting } = require('./lib/adverts');
const { wallapopSeller, itemBody, createItem, getItem, assertError } = require('./lib/wallapop-items');
const { givePlan } = require('./lib/plans');

let s;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	await setting(s, 'quota.policy', 'subscription_slots');
});
test.after(() => s && s.stop());

const CLOTHES = 642;	// the parent of DATA.leaf
const JOBS = 1447;	// the parent of DATA.job, which the plans below leave unlimited

// A seller on a plan of `total` slots in women's clothes, jobs unlimited.
async function sellerOn(total) {
	const who = await wallapopSeller(s);
	await givePlan(s, who.user.id, [{ total, category_ids: [CLOTHES] }, { total: null, category_ids: [JOBS] }]);
	return who;
}

const put = (who, id, action) => s.req('PUT', `/items/${id}/${action}`, { token: who.token });
const limits = async (who) => {
	const r = await s.req('GET', '/items/limits', { token: who.token });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.limits;
};
const clothes = async (who) => {
	const l = (await limits(who))[0];
	assert.deepStrictEqual(l.category_ids, [CLOTHES]);
	return [l.total, l.used, l.available];
};
const inactiveIds = async (who) => {
	const r = await s.req('GET', '/items/inactive', { token: who.token });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data.map((i) => i.id);
};
const isInactive = async (who, id) => (await getItem(s, who.token, id)).inactive !== undefined;
// The moderator accepts an item (the job runner is held back): it is published.
async function publish(id) {
	const r = await s.req('POST', `/api/admin/adverts/${id}/moderation`, { token: operator(s), json: { decision: 'accept' } });
	assert.strictEqual(r.status, 200, r.text);
}

test('seed 000: past the limit 201 but inactive; sold frees a slot; activate then succeeds', async () => {
	const who = await sellerOn(2);
	assert.deepStrictEqual(await limits(who), [{ total: 2, used: 0, available: 2, category_ids: [CLOTHES] },
		{ total: null, used: 0, available: null, category_ids: [JOBS] }]);
	const a = await createItem(s, who.token);
	const b = await createItem(s, who.token);
	const c = await createItem(s, who.token);
	assert.deepStrictEqual([await isInactive(who, a), await isInactive(who, b)], [false, false]);
	assert.deepStrictEqual((await getItem(s, who.token, c)).inactive, { flag: true });
	assert.deepStrictEqual(await clothes(who), [2, 2, 0]);
	assert.deepStrictEqual(await inactiveIds(who), [c]);
	const all = await s.req('GET', '/items', { token: who.token });
	assert.deepStrictEqual(all.json.data.map((i) => [i.id, i.inactive]),
		[[a, undefined], [b, undefined], [c, { flag: true }]], 'GET /items shows every item, the hidden one flagged');

	assertError(await put(who, c, 'activate'), 403, 'INVALID_STATUS', /slot/);
	assert.ok(await isInactive(who, c), 'a refused activation changes nothing');

	await publish(a);
	assert.strictEqual((await put(who, a, 'sold')).status, 204);
	assert.deepStrictEqual((await getItem(s, who.token, a)).sold, { flag: true });
	assert.deepStrictEqual(await clothes(who), [2, 1, 1]);
	assert.strictEqual((await put(who, c, 'activate')).status, 204);
	assert.strictEqual(await isInactive(who, c), false);
	assert.deepStrictEqual(await inactiveIds(who), [], 'a sold item is not an inactive one');
	assert.deepStrictEqual(await clothes(who), [2, 2, 0]);
});

test('deleting or inactivating an item frees its slot too; inactivated items need one to come back', async () => {
	const who = await sellerOn(1);
	const a = await createItem(s, who.token);
	const b = await createItem(s, who.token);
	assert.ok(await isInactive(who, b));
	assert.strictEqual((await s.req('DELETE', `/items/${a}`, { token: who.token })).status, 204);
	assert.deepStrictEqual(await clothes(who), [1, 0, 1]);
	assert.strictEqual((await put(who, b, 'activate')).status, 204);
	// Inactivate: hidden, its slot free for another.
	await publish(b);
	assert.strictEqual((await put(who, b, 'inactivate')).status, 204);
	assert.deepStrictEqual([await inactiveIds(who), await clothes(who)], [[b], [1, 0, 1]]);
	const d = await createItem(s, who.token);
	assert.strictEqual(await isInactive(who, d), false, 'the slot b freed');
	assertError(await put(who, b, 'activate'), 403, 'INVALID_STATUS', /slot/);
	assert.deepStrictEqual(await inactiveIds(who), [b]);
	assert.ok(await isInactive(who, b), 'a refused activation changes nothing');
});

test('two activations racing for the last slot through the Wallapop face: exactly one wins', async () => {
	for (let round = 0; round < 5; round++) {
		const who = await sellerOn(1);
		const a = await createItem(s, who.token);
		const b = await createItem(s, who.token);
		const c = await createItem(s, who.token);
		await publish(a);
		assert.strictEqual((await put(who, a, 'inactivate')).status, 204);
		const both = await Promise.all([b, c].map((id) => put(who, id, 'activate')));
		assert.deepStrictEqual(both.map((r) => r.status).sort(), [204, 403], `round ${round}: ${both.map((r) => r.text)}`);
		assert.deepStrictEqual(await clothes(who), [1, 1, 0], `round ${round}`);
		assert.strictEqual((await inactiveIds(who)).length, 2, `round ${round}`);
	}
});

test('two creates racing for the last slot: both 201, exactly one of them inactive', async () => {
	for (let round = 0; round < 5; round++) {
		const who = await sellerOn(2);
		await createItem(s, who.token);
		const both = await Promise.all([0, 1].map(() => s.req('POST', '/items', { token: who.token, json: itemBody() })));
		for (const r of both) assert.strictEqual(r.status, 201, r.text);
		const flags = await Promise.all(both.map((r) => isInactive(who, r.json.id)));
		assert.deepStrictEqual(flags.sort(), [false, true], `round ${round}`);
	}
});

test('GET /items/inactive pages 40 at a time behind since, as GET /items does', async () => {
	await setting(s, 'ratelimit.wallapop.seller', '100000/1');
	const who = await sellerOn(0);
	const ids = [];
	for (let i = 0; i < 45; i++) ids.push(await createItem(s, who.token));
	const first = await s.req('GET', '/items/inactive', { token: who.token });
	assert.strictEqual(first.json.data.length, 40);
	const next = first.json.meta.pagination.next;
	assert.ok(next);
	const second = await s.req('GET', `/items/inactive?since=${encodeURIComponent(next)}`, { token: who.token });
	assert.deepStrictEqual([...first.json.data, ...second.json.data].map((i) => i.id), ids);
	assert.strictEqual(second.json.meta.pagination.next, undefined);
	for (const i of first.json.data) assert.deepStrictEqual(i.inactive, { flag: true });
	assertError(await s.req('GET', '/items/inactive?since=abc', { token: who.token }), 400, 'INVALID_BODY_REQUEST');
});

test('without a plan and no default plan nothing is limited: no limits, nothing hidden', async () => {
	const who = await wallapopSeller(s);
	assert.deepStrictEqual(await limits(who), []);
	const id = await createItem(s, who.token);
	assert.strictEqual(await isInactive(who, id), false);
	assert.deepStrictEqual(await inactiveIds(who), []);
});
