'use strict';
// The device authorization grant (RFC 8628) on Allegro's endpoints: the
// device's request and its answer, the polls (authorization_pending,
// slow_down when sooner than the interval, which then grows by five
// seconds; access_denied; expired_token) on the operator clock, the user's
// confirmation on /device, the token pair issued exactly once (polls racing
// after the confirmation), codes stored only as hashes, and the linked-apps
// page listing and revoking what a device was allowed.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { Browser, makeUser, sha256hex, sql, advanceClock } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroMe, verifyJwt, JWT_RE } = require('./lib/allegro');
const { DEVICE_GRANT, USER_CODE_RE, deviceStart, devicePoll, deviceConfirm } = require('./lib/device');

let s, app, seller;
test.before(async () => {
	s = await startSouk({ args: ['--threads', '4'] });
	app = makeAllegroApp(s, { name: 'Allegro device app' });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

function oauthError(r, error) {
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual(r.json.error, error, r.text);
	assert.strictEqual(typeof r.json.error_description, 'string');
}

test('the device request: codes, the page, the interval; the metadata names the endpoint', async () => {
	for (const via of ['form', 'query']) {
		const r = await deviceStart(s, app, { scope: 'allegro:api:profile:read' }, { via });
		assert.strictEqual(r.status, 200, r.text);
		assert.deepStrictEqual(Object.keys(r.json).sort(),
			['device_code', 'expires_in', 'interval', 'user_code', 'verification_uri', 'verification_uri_complete']);
		assert.match(r.json.device_code, /^[0-9a-f]{40}$/);
		assert.match(r.json.user_code, USER_CODE_RE);
		assert.strictEqual(r.json.verification_uri, `${s.url}/device`);
		assert.strictEqual(r.json.verification_uri_complete, `${s.url}/device?user_code=${r.json.user_code}`);
		assert.strictEqual(r.json.expires_in, 3600);
		assert.strictEqual(r.json.interval, 5);
		assert.strictEqual(r.headers['cache-control'], 'no-store');
		// stored as hashes only
		const row = sql(s, `SELECT device_hash || ' ' || user_code_hash FROM oauth_device_codes WHERE device_hash = '${sha256hex(r.json.device_code)}'`);
		assert.strictEqual(row, `${sha256hex(r.json.device_code)} ${sha256hex(r.json.user_code)}`);
		assert.strictEqual(sql(s, `SELECT count(*) FROM oauth_device_codes WHERE device_hash = '${r.json.device_code}' OR user_code_hash = '${r.json.user_code}'`), '0');
	}
	const meta = await s.req('GET', '/.well-known/oauth-authorization-server/auth/oauth');
	assert.strictEqual(meta.json.device_authorization_endpoint, `${s.url}/auth/oauth/device`);
	assert.ok(meta.json.grant_types_supported.includes(DEVICE_GRANT));

	// refusals: the client, its grants, the scope
	const noBasic = await deviceStart(s, app, {}, { basic: false });
	assert.strictEqual(noBasic.status, 401, noBasic.text);
	assert.strictEqual(noBasic.json.error, 'invalid_client');
	const wrong = await deviceStart(s, { ...app, client_secret: 'nope' });
	assert.strictEqual(wrong.json.error, 'invalid_client');
	oauthError(await deviceStart(s, app, { scope: 'allegro:api:nothing' }), 'invalid_scope');
	oauthError(await deviceStart(s, app, { scope: 'v2 read' }), 'invalid_scope');
	const noDevice = makeAllegroApp(s, { name: 'no device', grants: 'authorization_code refresh_token' });
	oauthError(await deviceStart(s, noDevice), 'unauthorized_client');
	// the OLX token endpoint has no device grant
	const olx = await s.req('POST', '/api/open/oauth/token', { form: { grant_type: DEVICE_GRANT, device_code: 'x',
		client_id: app.client_id, client_secret: app.client_secret } });
	assert.strictEqual(olx.json.error, 'unsupported_grant_type', olx.text);
});

test('pending, slow_down with a growing interval, then the pair once the user allows; the JWT names the user', async () => {
	const d = (await deviceStart(s, app, { scope: 'allegro:api:profile:read allegro:api:sale:offers:read' })).json;
	oauthError(await devicePoll(s, app, d.device_code), 'authorization_pending');
	oauthError(await devicePoll(s, app, d.device_code), 'slow_down');      // at once: interval now 10
	await advanceClock(s, 6);
	oauthError(await devicePoll(s, app, d.device_code), 'slow_down');      // 6 < 10: interval now 15
	await advanceClock(s, 15);
	oauthError(await devicePoll(s, app, d.device_code), 'authorization_pending');
	assert.strictEqual(sql(s, `SELECT poll_interval FROM oauth_device_codes WHERE device_hash = '${sha256hex(d.device_code)}'`), '15');

	// the page, as typed by a person: lower case, no dash
	const typed = d.user_code.replace('-', '').toLowerCase();
	const done = await deviceConfirm(s, seller, typed);
	assert.strictEqual(done.status, 200, done.text);
	assert.match(done.text, /The device is connected/);

	await advanceClock(s, 15);
	const t = await devicePoll(s, app, d.device_code);
	assert.strictEqual(t.status, 200, t.text);
	assert.strictEqual(t.json.token_type, 'bearer');
	assert.strictEqual(t.json.expires_in, 43199);
	assert.strictEqual(t.json.scope, 'allegro:api:profile:read allegro:api:sale:offers:read');
	assert.match(t.json.access_token, JWT_RE);
	assert.match(t.json.refresh_token, /^[0-9a-f]{40}$/);
	const claims = await verifyJwt(s, t.json.access_token);
	const me = await allegroMe(s, t.json.access_token);
	assert.strictEqual(me.status, 200, me.text);
	assert.strictEqual(claims.user_name, me.json.id);
	assert.strictEqual(me.json.id, String(seller.id));
	assert.deepStrictEqual(claims.scope, ['allegro:api:profile:read', 'allegro:api:sale:offers:read']);

	// exchanged: the code is spent, and so is the user code
	oauthError(await devicePoll(s, app, d.device_code), 'invalid_grant');
	const again = await deviceConfirm(s, seller, d.user_code);
	assert.strictEqual(again.status, 400);
	assert.match(again.text, /not valid, or it has expired or been used/);
});

test('two polls racing after the confirmation: one token pair between them', async () => {
	for (let round = 0; round < 5; round++) {
		const d = (await deviceStart(s, app)).json;
		assert.strictEqual((await deviceConfirm(s, seller, d.user_code)).status, 200);
		const polls = await Promise.all(Array.from({ length: 8 }, () => devicePoll(s, app, d.device_code)));
		const won = polls.filter((r) => r.status === 200);
		assert.strictEqual(won.length, 1, polls.map((r) => r.text).join('\n'));
		for (const r of polls.filter((p) => p.status !== 200)) oauthError(r, 'invalid_grant');
		assert.strictEqual(sql(s, `SELECT status || ' ' || (family IS NOT NULL) FROM oauth_device_codes WHERE device_hash = '${sha256hex(d.device_code)}'`), 'used 1');
		assert.strictEqual((await allegroMe(s, won[0].json.access_token)).status, 200);
	}
});

test('two people confirming one code at once: one decides, the other is told the code is not waiting', async () => {
	for (let round = 0; round < 4; round++) {
		const d = (await deviceStart(s, app)).json;
		const people = [makeUser(s), makeUser(s)];
		// both signed in, each with the confirmation page open
		const open = await Promise.all(people.map(async (u) => {
			const b = new Browser(s);
			const first = await b.req('GET', `/device?user_code=${d.user_code}`);
			const login = await b.login(first, u.email, u.password);
			const page = await b.req('GET', login.headers.location);
			assert.strictEqual(page.status, 200, page.text);
			return { b, u, fields: b.form(page.text, '/device').fields };
		}));
		const answers = await Promise.all(open.map(({ b, fields }, i) =>
			b.req('POST', '/device', { form: { ...fields, decision: i === round % 2 ? 'deny' : 'allow' } })));
		assert.deepStrictEqual(answers.map((r) => r.status).sort(), [200, 400], answers.map((r) => r.text).join('\n'));
		const winner = answers.findIndex((r) => r.status === 200);
		const allowed = (round % 2) !== winner;
		const t = await devicePoll(s, app, d.device_code);
		if (!allowed) {
			oauthError(t, 'access_denied');
		} else {
			assert.strictEqual(t.status, 200, t.text);
			assert.strictEqual((await verifyJwt(s, t.json.access_token)).user_name, String(open[winner].u.id));
		}
		// only the winner's linked apps show it, and only when allowed
		for (const [i, { b }] of open.entries()) {
			const apps = await b.req('GET', '/account/apps');
			assert.strictEqual(/Allegro device app/.test(apps.text), i === winner && allowed, `round ${round} person ${i}`);
		}
	}
});

test('denied, expired, unknown, another client\'s: access_denied, expired_token, invalid_grant', async () => {
	const denied = (await deviceStart(s, app)).json;
	const r = await deviceConfirm(s, seller, denied.user_code, { decision: 'deny' });
	assert.strictEqual(r.status, 200, r.text);
	assert.match(r.text, /not given access/);
	oauthError(await devicePoll(s, app, denied.device_code), 'access_denied');

	const other = makeAllegroApp(s, { name: 'another device app' });
	const mine = (await deviceStart(s, app)).json;
	oauthError(await devicePoll(s, other, mine.device_code), 'invalid_grant');
	oauthError(await devicePoll(s, app, 'f'.repeat(40)), 'invalid_grant');
	oauthError(await devicePoll(s, app, ''), 'invalid_request');

	const late = (await deviceStart(s, app)).json;
	await advanceClock(s, 3601);
	oauthError(await devicePoll(s, app, late.device_code), 'expired_token');
	const page = await deviceConfirm(s, seller, late.user_code);
	assert.strictEqual(page.status, 400);
	// the denied one is past its hour too
	oauthError(await devicePoll(s, app, denied.device_code), 'expired_token');
});

test('the page: sign-in first, a CSRF-checked form, wrong codes counted per user', async () => {
	const d = (await deviceStart(s, app)).json;
	const b = new Browser(s);
	const first = await b.req('GET', `/device?user_code=${d.user_code}`);
	assert.strictEqual(first.status, 200);
	assert.match(first.text, /action="\/oauth\/login"/);
	// a forged post is refused and decides nothing
	const user = makeUser(s);
	const login = await b.login(first, user.email, user.password);
	assert.strictEqual(login.status, 303);
	const forged = await b.req('POST', '/device', { form: { user_code: d.user_code, decision: 'allow', csrf: 'x' } });
	assert.strictEqual(forged.status, 403);
	oauthError(await devicePoll(s, app, d.device_code), 'authorization_pending');
	// the confirmation page names the app, the scopes and the code
	const page = await b.req('GET', `/device?user_code=${d.user_code}`);
	assert.match(page.text, /Allegro device app/);
	assert.match(page.text, /allegro:api:profile:read/);
	assert.ok(page.text.includes(`<strong id="code">${d.user_code}</strong>`));

	// ten wrong codes pass, then the user waits, the right code too
	const guesser = new Browser(s);
	const g = makeUser(s);
	await deviceConfirm(s, g, 'BBBB-BBBB', { browser: guesser });
	for (let i = 0; i < 9; i++) assert.strictEqual((await guesser.req('GET', '/device?user_code=BBBB-BBBC')).status, 400);
	const limited = await guesser.req('GET', `/device?user_code=${d.user_code}`);
	assert.strictEqual(limited.status, 429, limited.text);
	assert.match(limited.headers['retry-after'], /^[1-9][0-9]*$/);
	// others are not held back by it
	assert.strictEqual((await b.req('GET', `/device?user_code=${d.user_code}`)).status, 200);
});

test('the linked-apps page lists an app allowed on a device, and revoking it ends its tokens', async () => {
	const user = makeUser(s);
	const b = new Browser(s);
	const d = (await deviceStart(s, app)).json;
	assert.strictEqual((await deviceConfirm(s, user, d.user_code, { browser: b })).status, 200);
	const t = (await devicePoll(s, app, d.device_code)).json;
	assert.strictEqual((await allegroMe(s, t.access_token)).status, 200);

	// allowed on a device but not yet exchanged: revoking denies it too
	const pending = (await deviceStart(s, app)).json;
	assert.strictEqual((await deviceConfirm(s, user, pending.user_code, { browser: b })).status, 200);

	const apps = await b.req('GET', '/account/apps');
	assert.match(apps.text, /Allegro device app/);
	const form = b.form(apps.text, '/account/apps/revoke');
	assert.strictEqual((await b.req('POST', '/account/apps/revoke', { form: form.fields })).status, 303);
	assert.strictEqual((await allegroMe(s, t.access_token)).status, 401);
	oauthError(await devicePoll(s, app, pending.device_code), 'access_denied');
});
