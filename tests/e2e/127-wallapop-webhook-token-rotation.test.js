'use strict';
// PATCH /webhooks/{id}/token: every delivery after it is signed with the new
// token only, a retry of one queued before it too (the signature is made
// at each attempt); a receiver that knows only the old token refuses them
// and they are tried again, not lost.

const test = require('node:test');
const assert = require('node:assert');
const { advanceClock } = require('./lib/oauth-flow');
const { deliverySuite, logUntil } = require('./lib/wallapop-receiver');

const suite = deliverySuite(test);

test('after a rotation deliveries verify with the new token only', async () => {
	const { s, scene } = suite;
	const { rx, who, hook, advert } = scene;
	const a = await advert();
	await rx.until(() => rx.typesOf(a.id).length === 1, 'ITEM_LISTED before the rotation');

	const r = await who.wp.as.rotate(hook.id);
	assert.strictEqual(r.status, 200, r.text);
	const fresh = r.json.token;
	assert.notStrictEqual(fresh, hook.token);

	// The receiver still trusts only the old token: the next is refused.
	const b = await advert();
	await rx.until(() => rx.forged.length >= 1, 'a request the old token does not verify');
	const mine = (ds) => ds.find((d) => d.item_id === String(b.id));
	const refused = mine(await logUntil(s, who, hook, (ds) => mine(ds) && mine(ds).attempts.length, 'the refusal logged'));
	assert.strictEqual(refused.status, 'PENDING');
	assert.strictEqual(refused.attempts[0].status_code, 401);
	const { createHmac } = require('node:crypto');
	for (const f of rx.forged) {
		const withNew = createHmac('sha256', fresh).update(`${f.raw}:${f.ts}`).digest('hex');
		assert.strictEqual(f.sig, withNew, 'signed with the new token');
	}

	// The integrator stores the new token and drops the old one.
	rx.tokens.clear();
	rx.tokens.add(fresh);
	await advanceClock(s, 60);
	await rx.until(() => rx.typesOf(b.id).length === 1, 'the refused one, retried');
	const c = await advert();
	await rx.until(() => rx.typesOf(c.id).length === 1, 'a later one');
	assert.deepStrictEqual(rx.problems, []);
});
