'use strict';
// Wallapop webhooks for tests: a seller signed in to a Wallapop app (its
// access token), and the registry's calls as that seller. Every answer
// goes through lib/http.js, so it is checked against wallapop-webhooks.yaml.

const assert = require('node:assert');
const { makeUser } = require('./oauth-flow');
const { setting } = require('./adverts');
const { makeWallapopApp, wallapopCodeGrant } = require('./wallapop');

const EVENT_TYPES = ['SALE_COMPLETED', 'ITEM_BANNED', 'ITEM_OUT_OF_STOCK', 'ITEM_INACTIVATED', 'ITEM_LISTED',
	'ITEM_RETURNED', 'DELIVERY_REQUEST_STARTED', 'DELIVERY_REQUEST_CANCELLED', 'DELIVERY_REQUEST_FAILED',
	'DELIVERY_REQUEST_EXPIRED', 'TRANSACTION_CREATED', 'DISPUTE_CREATED', 'DISPUTE_QUALITY_CHECK_STARTED',
	'DISPUTE_QUALITY_CHECK_EXPIRED', 'DISPUTE_QUALITY_CHECK_APPROVED_BY_SELLER',
	'DISPUTE_ISSUE_REPORTED_BY_SELLER', 'DISPUTE_CANCELLED_BY_WALLAPOP', 'CHAT_LEAD_CREATED'];

// A seller (a new one unless given) signed in to app (a new Wallapop app
// unless given): {user, app, token, as} where `as` calls the registry.
async function webhookSeller(s, { user = makeUser(s), app = makeWallapopApp(s) } = {}) {
	const t = await wallapopCodeGrant(s, app, user);
	const token = t.access_token;
	const as = {
		create: (body) => s.req('POST', '/webhooks', { token, json: body }),
		list: () => s.req('GET', '/webhooks', { token }),
		update: (id, body) => s.req('PUT', `/webhooks/${encodeURIComponent(id)}`, { token, json: body }),
		remove: (id) => s.req('DELETE', `/webhooks/${encodeURIComponent(id)}`, { token }),
		rotate: (id) => s.req('PATCH', `/webhooks/${encodeURIComponent(id)}/token`, { token }),
	};
	return { user, app, token, as };
}

// Registers a webhook and returns {id, token} after checking the answer.
async function createWebhook(seller, body) {
	const r = await seller.as.create(body);
	assert.strictEqual(r.status, 200, r.text);
	assert.match(r.json.id, /^[0-9a-f-]{36}$/);
	assert.match(r.json.token, /^[A-Za-z0-9]{64}$/);
	return r.json;
}

// Tests that call the registry many times a second as one seller lift
// Wallapop's 36 a second per seller (124 tests the limit itself).
function liftSellerLimit(s) {
	return setting(s, 'ratelimit.wallapop.seller', '100000/1');
}

module.exports = { EVENT_TYPES, webhookSeller, createWebhook, liftSellerLimit };
