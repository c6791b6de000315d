'use strict';
// Subscription plans through the operator API (quota.policy
// subscription_slots): a plan of some limits, given to a seller.

const assert = require('node:assert');
const { operator } = require('./adverts');

let plans = 0;

// POST /api/admin/plans: the plan as answered.
async function makePlan(s, limits, extra = {}) {
	const r = await s.req('POST', '/api/admin/plans', { token: operator(s),
		json: { name: `Plan ${++plans} ${process.pid}`, limits, ...extra } });
	assert.strictEqual(r.status, 201, r.text);
	return r.json;
}

// A new plan of these limits held by the user.
async function givePlan(s, userId, limits) {
	const p = await makePlan(s, limits);
	const r = await s.req('PUT', `/api/admin/users/${userId}/plan`, { token: operator(s), json: { plan_id: p.id } });
	assert.strictEqual(r.status, 200, r.text);
	return p;
}

module.exports = { makePlan, givePlan };
