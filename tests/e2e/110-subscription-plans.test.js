'use strict';
// Subscription plans (the quota policy "subscription_slots"): the operator
// writes plans and gives sellers theirs; the core then holds every face to
// the plan's slots. Here through the operator API and the OLX face: a
// create past the slots waits limited, an activation needs a free slot
// (an ended advert's too), and requests racing for the last slot leave
// exactly one winner.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { advertBody, jobBody, seller, operator, setting, waitStatus, create, DATA } = require('./lib/adverts');
const { makePlan, givePlan } = require('./lib/plans');

let s, n = 0;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '20' } });
	await setting(s, 'quota.policy', 'subscription_slots');
});
test.after(() => s && s.stop());

const CLOTHES = 642;	// the parent of DATA.leaf
const JOBS = 1447;	// the parent of DATA.job
const body = () => advertBody({ title: `Bluzka damska model ${++n} rozmiar M` });
const admin = (method, path, json) => s.req(method, `/api/admin${path}`, { token: operator(s), json });
const cmd = (who, id, json) => s.req('POST', `/api/partner/adverts/${id}/commands`, { token: who.token, json });

const plan = (limits, extra) => makePlan(s, limits, extra);

// A seller on a plan of `total` slots in women's clothes, jobs unlimited.
async function sellerOn(total) {
	const who = await seller(s);
	await givePlan(s, who.user.id, [{ total, category_ids: [CLOTHES] }, { total: null, category_ids: [JOBS] }]);
	return who;
}

const limitsOf = async (who) => (await admin('GET', `/users/${who.user.id}/plan`)).json.limits;

test('the operator writes plans; each broken rule is a 400 that says which', async () => {
	const bad = [
		[{ name: 'x', limits: [{ total: -1, category_ids: [CLOTHES] }] }, /Send \{"name"/],
		[{ name: 'x', limits: [{ total: 1, category_ids: ['642'] }] }, /Send \{"name"/],
		[{ name: '', limits: [] }, /name is 1 to 100 characters/],
		[{ name: 'x', limits: [{ total: 1, category_ids: [] }] }, /names a category at least/],
		[{ name: 'x', limits: [{ total: 1, category_ids: [999999] }] }, /category 999999 does not exist/],
		[{ name: 'x', limits: [{ total: 1, category_ids: [CLOTHES] }, { total: 2, category_ids: [CLOTHES] }] },
			/category 642 is named twice/],
		[{ name: 'x', limits: [{ total: 1, category_ids: [CLOTHES, DATA.leaf] }] },
			/category 1581 is within category 642/],
	];
	for (const [json, detail] of bad) {
		const r = await admin('POST', '/plans', json);
		assert.strictEqual(r.status, 400, r.text);
		assert.match(r.json.error.detail, detail);
	}
	const p = await plan([{ total: 200, category_ids: [CLOTHES] }, { total: null, category_ids: [JOBS] }]);
	assert.deepStrictEqual(p.limits, [{ total: 200, category_ids: [CLOTHES] }, { total: null, category_ids: [JOBS] }]);
	assert.strictEqual(p.default, false);
	let r = await admin('POST', '/plans', { name: p.name, limits: [] });
	assert.strictEqual(r.status, 409, 'a name is one plan');
	r = await admin('PUT', `/plans/${p.id}`, { name: p.name, limits: [{ total: 3, category_ids: [CLOTHES] }] });
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual(r.json.limits, [{ total: 3, category_ids: [CLOTHES] }]);
	r = await admin('GET', `/plans/${p.id}`);
	assert.deepStrictEqual(r.json, (await admin('GET', '/plans')).json.plans.find((x) => x.id === p.id));
	assert.strictEqual((await admin('GET', '/plans/999999')).status, 404);
	assert.strictEqual((await admin('PUT', '/plans/999999', { name: 'y', limits: [] })).status, 404);

	const who = await seller(s);
	r = await admin('PUT', `/users/${who.user.id}/plan`, { plan_id: 999999 });
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual((await admin('PUT', '/users/999999/plan', { plan_id: p.id })).status, 404);
	r = await admin('PUT', `/users/${who.user.id}/plan`, { plan_id: p.id });
	assert.deepStrictEqual(r.json, { user_id: who.user.id, plan_id: p.id, plan_in_force_id: p.id,
		policy: 'subscription_slots', limits: [{ total: 3, used: 0, available: 3, category_ids: [CLOTHES] }] });
	r = await admin('DELETE', `/plans/${p.id}`);
	assert.strictEqual(r.status, 409, 'a plan a seller holds stays');
	r = await admin('PUT', `/users/${who.user.id}/plan`, { plan_id: null });
	assert.deepStrictEqual([r.json.plan_id, r.json.limits], [null, []], 'no plan, no default: no limit');
	assert.strictEqual((await admin('DELETE', `/plans/${p.id}`)).status, 204);
	assert.strictEqual((await admin('GET', `/plans/${p.id}`)).status, 404);
	r = await s.req('PUT', '/api/admin/settings/quota.policy', { token: operator(s), json: { value: 'slots' } });
	assert.strictEqual(r.status, 400, 'an unknown policy would run the default one silently');
});

test('a seller without a plan of their own is held to the default plan', async () => {
	const d = await plan([{ total: 0, category_ids: [CLOTHES] }], { default: true });
	try {
		const who = await seller(s);
		const ad = await create(s, who.token, body());
		assert.strictEqual(ad.status, 'limited');
		const job = await create(s, who.token, jobBody());
		assert.strictEqual(job.status, 'new', 'a category the plan does not cover is not limited');
		const r = await admin('GET', `/users/${who.user.id}/plan`);
		assert.deepStrictEqual([r.json.plan_id, r.json.plan_in_force_id], [null, d.id]);
	} finally {
		await admin('PUT', `/plans/${d.id}`, { name: d.name, limits: [] });
	}
});

test('OLX is held to the slots: limited past them, activate needs a free one, even for an ended advert', async () => {
	const who = await sellerOn(1);
	const first = await create(s, who.token, body());
	assert.strictEqual(first.status, 'new');
	const second = await create(s, who.token, body());
	assert.strictEqual(second.status, 'limited');
	assert.deepStrictEqual(await limitsOf(who), [{ total: 1, used: 1, available: 0, category_ids: [CLOTHES] },
		{ total: null, used: 0, available: null, category_ids: [JOBS] }]);
	let r = await cmd(who, second.id, { command: 'activate' });
	assert.strictEqual(r.status, 400, r.text);
	assert.deepStrictEqual(r.json.error.validation,
		[{ field: 'ad', title: 'Advert exceeded limit of free adverts in this category' }]);
	await waitStatus(s, who.token, first.id, 'active');
	r = await cmd(who, first.id, { command: 'deactivate', is_success: true });
	assert.strictEqual(r.status, 204, r.text);
	r = await cmd(who, second.id, { command: 'activate' });
	assert.strictEqual(r.status, 204, r.text);
	// The ended advert brought back would run beside it: refused, unchanged.
	r = await cmd(who, first.id, { command: 'activate' });
	assert.strictEqual(r.status, 400, r.text);
	const g = await s.req('GET', `/api/partner/adverts/${first.id}`, { token: who.token });
	assert.strictEqual(g.json.data.status, 'removed_by_user');
	assert.strictEqual((await limitsOf(who))[0].used, 1);
});

test('two creates racing for the last slot: exactly one runs, the other is limited', async () => {
	for (let round = 0; round < 5; round++) {
		const who = await sellerOn(2);
		await create(s, who.token, body());
		const both = await Promise.all([0, 1].map(() =>
			s.req('POST', '/api/partner/adverts', { token: who.token, json: body() })));
		for (const r of both) assert.strictEqual(r.status, 200, r.text);
		assert.deepStrictEqual(both.map((r) => r.json.data.status).sort(), ['limited', 'new'], `round ${round}`);
		assert.strictEqual((await limitsOf(who))[0].used, 2);
	}
});

test('two activations racing for the last slot: exactly one wins', async () => {
	for (let round = 0; round < 5; round++) {
		const who = await sellerOn(2);
		const a = await create(s, who.token, body());
		const b = await create(s, who.token, body());
		for (const ad of [a, b]) {
			await waitStatus(s, who.token, ad.id, 'active');
			assert.strictEqual((await cmd(who, ad.id, { command: 'deactivate', is_success: false })).status, 204);
		}
		assert.strictEqual((await create(s, who.token, body())).status, 'new');
		const both = await Promise.all([a, b].map((ad) => cmd(who, ad.id, { command: 'activate' })));
		assert.deepStrictEqual(both.map((r) => r.status).sort(), [204, 400], `round ${round}: ${both.map((r) => r.text)}`);
		const limits = await limitsOf(who);
		assert.deepStrictEqual([limits[0].used, limits[0].available], [2, 0], `round ${round}`);
	}
});
