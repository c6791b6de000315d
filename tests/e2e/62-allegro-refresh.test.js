'use strict';
// Allegro's refresh rules: every refresh returns a new pair and ends the
// previous access token; the old refresh token keeps answering (with the
// same pair) for 60 seconds after its first use, so a client that lost the
// answer can retry, and then answers invalid_grant; refreshes racing with
// one token all get the one pair, never two live ones. The 60 seconds pass
// on the operator clock (POST /api/admin/clock/advance).

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeUser, advanceClock } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroToken, allegroCodeGrant, allegroMe, verifyJwt } = require('./lib/allegro');

let s, app, seller;
test.before(async () => {
	s = await startSouk({ args: ['--threads', '4'] });
	app = makeAllegroApp(s, { name: 'Refreshing Allegro client' });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

const refresh = (rt, via = 'query') => allegroToken(s, app, { grant_type: 'refresh_token', refresh_token: rt }, { via });
const alive = async (at) => (await allegroMe(s, at)).status === 200;

test('each refresh returns a new pair and ends the previous access token', async () => {
	const t = await allegroCodeGrant(s, app, seller);
	assert.ok(await alive(t.access_token));
	const r = await refresh(t.refresh_token);
	assert.strictEqual(r.status, 200, r.text);
	assert.notStrictEqual(r.json.access_token, t.access_token);
	assert.notStrictEqual(r.json.refresh_token, t.refresh_token);
	assert.strictEqual(r.json.expires_in, 43199);
	assert.strictEqual(r.json.scope, t.scope);
	assert.strictEqual((await verifyJwt(s, r.json.access_token)).user_name, String(seller.id));
	assert.strictEqual(await alive(t.access_token), false, 'the previous access token still works');
	assert.ok(await alive(r.json.access_token));
	// and again, in a form body this time
	const r2 = await refresh(r.json.refresh_token, 'form');
	assert.strictEqual(r2.status, 200, r2.text);
	assert.strictEqual(await alive(r.json.access_token), false);
	assert.ok(await alive(r2.json.access_token));
});

test('the old refresh token answers with the same pair for 60 s after its first use, then invalid_grant', async () => {
	const t = await allegroCodeGrant(s, app, seller);
	const first = await refresh(t.refresh_token);
	assert.strictEqual(first.status, 200, first.text);

	// a client retrying a lost answer gets that answer again
	const retry = await refresh(t.refresh_token);
	assert.strictEqual(retry.status, 200, retry.text);
	assert.strictEqual(retry.json.access_token, first.json.access_token);
	assert.strictEqual(retry.json.refresh_token, first.json.refresh_token);
	// The marketplace clock is wall time plus the operator's offset, so the
	// seconds these requests take count too: 55 s in leaves them a margin
	// (the exact 60th second is tests/unit/test_device.c's, on a clock that
	// stands still), and 61 s after the advance it is past whatever they took.
	await advanceClock(s, 55);
	const late = await refresh(t.refresh_token);
	assert.strictEqual(late.status, 200, late.text);
	assert.strictEqual(late.json.refresh_token, first.json.refresh_token);
	assert.ok(await alive(first.json.access_token));

	await advanceClock(s, 6);
	const gone = await refresh(t.refresh_token);
	assert.strictEqual(gone.status, 400, gone.text);
	assert.deepStrictEqual(gone.json, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
	// presented after its window, the old token is reuse: the grant is revoked
	assert.strictEqual(await alive(first.json.access_token), false);
	assert.strictEqual((await refresh(first.json.refresh_token)).json.error, 'invalid_grant');
});

test('once the new refresh token is used, the old one is refused at once', async () => {
	const t = await allegroCodeGrant(s, app, seller);
	const a = await refresh(t.refresh_token);
	const b = await refresh(a.json.refresh_token);
	assert.strictEqual(b.status, 200, b.text);
	const old = await refresh(t.refresh_token);
	assert.strictEqual(old.status, 400);
	assert.strictEqual(old.json.error, 'invalid_grant');
	assert.strictEqual(await alive(b.json.access_token), false, 'reuse must revoke the grant');
});

test('refreshes racing with one token all get the one pair; after the window only that chain lives', async () => {
	const t = await allegroCodeGrant(s, app, seller);
	const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => refresh(t.refresh_token, i % 2 ? 'form' : 'query')));
	for (const r of answers) assert.strictEqual(r.status, 200, r.text);
	const pairs = new Set(answers.map((r) => `${r.json.access_token} ${r.json.refresh_token}`));
	assert.strictEqual(pairs.size, 1, `${pairs.size} different pairs came back`);
	const [{ json: won }] = answers;
	assert.strictEqual(await alive(t.access_token), false);
	assert.ok(await alive(won.access_token));

	await advanceClock(s, 61);
	// the racers' chain goes on; the raced token is dead
	const next = await refresh(won.refresh_token);
	assert.strictEqual(next.status, 200, next.text);
	assert.ok(await alive(next.json.access_token));
	assert.strictEqual(await alive(won.access_token), false);
	const racedAgain = await Promise.all([refresh(t.refresh_token), refresh(t.refresh_token)]);
	for (const r of racedAgain) assert.strictEqual(r.json.error, 'invalid_grant', r.text);
});
