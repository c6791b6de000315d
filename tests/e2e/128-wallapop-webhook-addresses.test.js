'use strict';
// Deliveries never reach loopback or private addresses unless the operator
// allows them (webhooks.allow_ranges, checked on the address each
// connection is made to): without it, an attempt to a receiver on
// 127.0.0.1 is logged as refused by the rule and no packet reaches it;
// allowed, the same delivery is tried again and arrives. The image checks'
// rule is another setting and does not open the way.

const test = require('node:test');
const assert = require('node:assert');
const { setting } = require('./lib/adverts');
const { advanceClock } = require('./lib/oauth-flow');
const { deliverySuite, logUntil } = require('./lib/wallapop-receiver');

const suite = deliverySuite(test, { allow: false });

test('refused without the operator\'s range, delivered with it', async () => {
	const { s, scene } = suite;
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	const { rx, who, hook, advert } = scene;
	const a = await advert();
	let log = await logUntil(s, who, hook, (ds) => ds.length && ds[0].attempts.length, 'the first attempt');
	assert.strictEqual(log[0].item_id, String(a.id));
	assert.strictEqual(log[0].status, 'PENDING');
	assert.deepStrictEqual(log[0].attempts.map((t) => [t.status_code, t.error]), [[null, 'address not allowed']]);
	assert.strictEqual(rx.requests, 0, 'nothing reached the receiver');

	const bad = await s.req('PUT', '/api/admin/settings/webhooks.allow_ranges', { token: s.operatorKey,
		json: { value: 'localhost' } });
	assert.strictEqual(bad.status, 400, bad.text);
	await setting(s, 'webhooks.allow_ranges', '127.0.0.0/8');
	await advanceClock(s, 60);
	await rx.until(() => rx.typesOf(a.id).length === 1, 'the delivery once allowed');
	// The receiver answered before souk logged it: wait for the log.
	log = await logUntil(s, who, hook, (ds) => ds[0].status === 'DELIVERED', 'the delivery logged');
	assert.deepStrictEqual(log[0].attempts.map((t) => [t.status_code, t.error]),
		[[null, 'address not allowed'], [200, null]]);
});
