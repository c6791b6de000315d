'use strict';
// A receiver down for a while misses nothing: attempts while it is down
// are logged as refused connections and tried again later with backoff on
// the marketplace clock; a later notification about an item waits behind
// an earlier one still pending; once the receiver is back, every
// notification arrives once, in order per item. A receiver that stays
// down is tried for 24 hours, then its deliveries are abandoned.

const test = require('node:test');
const assert = require('node:assert');
const { reauth, waitStatus } = require('./lib/adverts');
const { advanceClock } = require('./lib/oauth-flow');
const { deliverySuite, logUntil: logUntilIn } = require('./lib/wallapop-receiver');

const suite = deliverySuite(test);

const cmd = (id, json) => suite.s.req('POST', `/api/partner/adverts/${id}/commands`,
	{ token: suite.scene.who.olx.token, json });

const logUntil = (cond, what) => logUntilIn(suite.s, suite.scene.who, suite.scene.hook, cond, what);

test('events raised while the receiver is down arrive once it is back, once each, in order', async () => {
	const { s, scene } = suite;
	const { rx, advert } = scene;
	const a = await advert();
	await rx.until(() => rx.typesOf(a.id).length === 1, 'the first ITEM_LISTED');
	await rx.down();

	let r = await cmd(a.id, { command: 'deactivate', is_success: false });
	assert.strictEqual(r.status, 204, r.text);
	r = await cmd(a.id, { command: 'activate' });
	assert.strictEqual(r.status, 204, r.text);
	await waitStatus(s, scene.who.olx.token, a.id, 'active');
	const b = await advert();

	// Tried, refused, waiting; a's second waits behind its first, untried.
	const log = await logUntil((ds) => ds.filter((d) => d.attempts.length > 0 && d.status === 'PENDING').length === 2,
		'two refused attempts');
	const pending = log.filter((d) => d.status === 'PENDING');
	assert.strictEqual(pending.length, 3);
	for (const d of pending.filter((x) => x.attempts.length)) {
		assert.strictEqual(d.attempts[0].status_code, null);
		assert.strictEqual(d.attempts[0].error, 'connection refused');
		assert.ok(d.next_attempt_on > d.attempts[0].timestamp);
	}
	const waiting = pending.find((d) => d.attempts.length === 0);
	assert.strictEqual(waiting.item_id, String(a.id));
	assert.strictEqual(waiting.type, 'ITEM_LISTED');

	// Still down after the first backoff: tried again, refused again.
	await advanceClock(s, 60);
	await logUntil((ds) => ds.some((d) => d.attempts.length === 2), 'a second attempt');
	assert.strictEqual(rx.typesOf(a.id).length, 1);

	await rx.up();
	await advanceClock(s, 3600);
	await rx.until(() => rx.typesOf(a.id).length === 3 && rx.typesOf(b.id).length === 1, 'everything after the outage');
	assert.deepStrictEqual(rx.typesOf(a.id), ['ITEM_LISTED', 'ITEM_INACTIVATED', 'ITEM_LISTED']);
	assert.deepStrictEqual(rx.typesOf(b.id), ['ITEM_LISTED']);
	for (const e of rx.events) assert.strictEqual(rx.seen.get(e.id), 1);
	assert.deepStrictEqual(rx.forged, []);
	const after = await logUntil((ds) => ds.every((d) => d.status === 'DELIVERED'), 'all delivered');
	// The id stays the same across attempts: the payload logged is the one
	// that finally arrived.
	for (const d of after) assert.ok(rx.seen.has(d.payload.id));
});

test('a receiver that stays down is tried for 24 hours, then abandoned', async () => {
	const { s, scene } = suite;
	const { rx, advert } = scene;
	await rx.down();
	const c = await advert();
	const mine = (ds) => ds.find((d) => d.item_id === String(c.id));
	await logUntil((ds) => mine(ds) && mine(ds).attempts.length === 1, 'the first attempt');
	await advanceClock(s, 23 * 3600);
	let d = mine(await logUntil((ds) => mine(ds).attempts.length === 2, 'a try 23 hours on'));
	assert.strictEqual(d.status, 'PENDING');
	await advanceClock(s, 2 * 3600);
	d = mine(await logUntil((ds) => mine(ds).status === 'ABANDONED', 'abandoned'));
	assert.strictEqual(d.attempts.length, 3);
	assert.strictEqual(d.next_attempt_on, null);
	// Back up, the receiver gets what comes next and never the abandoned one.
	await rx.up();
	await advanceClock(s, 3600);
	await reauth(s, scene.who.olx);
	const e = await advert();
	await rx.until(() => rx.typesOf(e.id).length === 1, 'a notification after the abandoned one');
	assert.deepStrictEqual(rx.typesOf(c.id), []);
});
