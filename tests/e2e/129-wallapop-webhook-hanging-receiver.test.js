'use strict';
// A receiver that takes the request and never answers holds deliveries,
// nothing else: while it holds them the API answers, the marketplace's own
// jobs (moderation) go on, and no more connections are opened to it than
// webhooks.concurrency; once it answers, everything queued arrives.

const test = require('node:test');
const assert = require('node:assert');
const { setting } = require('./lib/adverts');
const { deliverySuite } = require('./lib/wallapop-receiver');

const suite = deliverySuite(test);

test('the API and the jobs go on while a receiver holds deliveries; at most webhooks.concurrency at once', async () => {
	const { s, scene } = suite;
	await setting(s, 'webhooks.concurrency', 2);
	// Longer than the test: only the receiver's answer ends an attempt.
	await setting(s, 'webhooks.timeout_ms', 600000);
	const { rx, who, advert } = scene;
	rx.mode = 'hang';
	const first = await advert();
	await rx.until(() => rx.held.length === 1, 'the first delivery held');

	// Each of these needs a request thread or the job runner, and all of
	// them complete while the receiver still holds the delivery.
	const more = [];
	for (let i = 0; i < 3; i++) more.push(await advert());
	const reads = await Promise.all(Array.from({ length: 20 }, (_, i) => i % 2
		? s.req('GET', `/api/partner/adverts/${first.id}`, { token: who.olx.token })
		: who.wp.as.list()));
	for (const r of reads) assert.strictEqual(r.status, 200, r.text);
	await rx.until(() => rx.held.length === 2, 'a second delivery held');
	assert.strictEqual(rx.requests, 2, 'no connection beyond webhooks.concurrency');
	assert.strictEqual(rx.held.length, 2);

	rx.mode = 'up';
	rx.release();
	await rx.until(() => [first, ...more].every((a) => rx.typesOf(a.id).length === 1), 'every ITEM_LISTED');
	assert.deepStrictEqual(rx.forged, []);
});
