'use strict';
// Wallapop's sign-in (seed 000, the document's oAuthWithPKCE scheme) driven
// by a real OAuth2 library: openid-client runs the authorization-code flow
// with PKCE S256 at /realms/wallapop-connect/protocol/openid-connect/auth
// (the same login and consent pages as the other faces) and /token, and
// refreshes. Attacked the way integrations break: no PKCE or plain PKCE, no
// User-Agent, a code used twice or late, a refresh token used twice, late
// or after the seller revoked the app, two refreshes racing one token.

const test = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const client = require('openid-client');
const { startSouk } = require('./lib/server');
const { Browser, authorize, makeUser, advanceClock } = require('./lib/oauth-flow');
const { OIDC, makeWallapopApp, wallapopToken } = require('./lib/wallapop');
const REDIRECT = 'http://integrator.test/wallapop/callback';

let s, app, seller, config;
test.before(async () => {
	s = await startSouk();
	app = makeWallapopApp(s, { name: 'Wallapop integrator', redirectUris: [REDIRECT],
		grants: 'authorization_code refresh_token' });
	seller = makeUser(s);
	// The document names the endpoints; Wallapop publishes no discovery.
	config = new client.Configuration({
		issuer: `${s.url}/realms/wallapop-connect`,
		authorization_endpoint: `${s.url}${OIDC}/auth`,
		token_endpoint: `${s.url}${OIDC}/token`,
	}, app.client_id, app.client_secret);
	client.allowInsecureRequests(config);
	// These tests ask for many tokens from one address; the limit's own test
	// lowers it again.
	await tokenLimit('100000/60');
});
test.after(() => s && s.stop());

// The authorization page with the library's parameters (plus `extra`), then
// login and consent as a browser; returns the redirect back to the client.
async function signIn(params, { browser = new Browser(s), user = seller } = {}) {
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', redirect_uri: REDIRECT,
		...params }, { email: user.email, password: user.password, browser, at: `${OIDC}/auth` });
	assert.ok(a.location, `no redirect (${a.res.status}: ${a.res.text.slice(0, 300)})`);
	return new URL(a.location);
}

// A seller signed in through the library: {tokens, browser}.
async function tokensFor(user = seller) {
	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const browser = new Browser(s);
	const back = await signIn({ code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256', state }, { browser, user });
	const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state });
	return { tokens, browser };
}

async function tokenLimit(value) {
	if (!s.operatorKey) s.operatorKey = s.cli(['operator', 'create', '--name', 'wallapop-tests']).token;
	const r = await s.req('PUT', '/api/admin/settings/ratelimit.wallapop.token', { token: s.operatorKey, json: { value } });
	assert.strictEqual(r.status, 200, r.text);
}

const tokenPost = (form) => wallapopToken(s, app, form);

const refresh = (rt) => tokenPost({ grant_type: 'refresh_token', refresh_token: rt });
const userinfo = (at) => s.req('GET', `${OIDC}/userinfo`, { token: at, headers: { 'User-Agent': 'test' } });

function assertInvalidGrant(r) {
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual(r.json.error, 'invalid_grant', r.text);
}

test('openid-client signs a seller in with PKCE S256: state unchanged, a 5-minute token, a refresh token', async () => {
	const verifier = client.randomPKCECodeVerifier();
	const state = 'seller-42 ü&=?';
	const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, state,
		code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' });
	assert.strictEqual(url.origin + url.pathname, `${s.url}${OIDC}/auth`);
	const back = await signIn(Object.fromEntries(url.searchParams));
	assert.strictEqual(back.origin + back.pathname, REDIRECT);
	assert.strictEqual(back.searchParams.get('state'), state);

	const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state });
	assert.strictEqual(tokens.expires_in, 300);
	assert.strictEqual(tokens.scope, 'wallapop');
	assert.ok(tokens.refresh_token);
	const who = await userinfo(tokens.access_token);
	assert.strictEqual(who.status, 200, who.text);
	assert.strictEqual(who.json.sub, String(seller.id));
});

test('one app credential serves every seller: each gets tokens of their own', async () => {
	const other = makeUser(s);
	const [a, b] = [await tokensFor(seller), await tokensFor(other)];
	assert.strictEqual((await userinfo(a.tokens.access_token)).json.sub, String(seller.id));
	assert.strictEqual((await userinfo(b.tokens.access_token)).json.sub, String(other.id));
});

test('PKCE is required: no challenge, plain, or a method without a challenge go back as invalid_request', async () => {
	const challenge = await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier());
	for (const params of [
		{},
		{ code_challenge: client.randomPKCECodeVerifier(), code_challenge_method: 'plain' },
		{ code_challenge: client.randomPKCECodeVerifier() }, // method absent: plain (RFC 7636 4.3)
		{ code_challenge_method: 'S256' },
		{ code_challenge: challenge, code_challenge_method: 's256' },
	]) {
		const back = await signIn({ ...params, state: 'pkce-state' });
		assert.strictEqual(back.origin + back.pathname, REDIRECT, JSON.stringify(params));
		assert.strictEqual(back.searchParams.get('error'), 'invalid_request', JSON.stringify(params));
		assert.strictEqual(back.searchParams.get('state'), 'pkce-state');
		assert.strictEqual(back.searchParams.get('code'), null);
	}
});

test('a code taken without PKCE at another face\'s page is refused at Wallapop\'s token endpoint', async () => {
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', redirect_uri: REDIRECT,
		scope: 'wallapop', state: 'x' }, { email: seller.email, password: seller.password });
	const code = new URL(a.location).searchParams.get('code');
	assert.ok(code, a.location);
	assertInvalidGrant(await tokenPost({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }));
});

test('the exchange needs the verifier, and the right one', async () => {
	const verifier = client.randomPKCECodeVerifier();
	const challenge = await client.calculatePKCECodeChallenge(verifier);
	let back = await signIn({ code_challenge: challenge, code_challenge_method: 'S256' });
	let r = await tokenPost({ grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: REDIRECT });
	assertInvalidGrant(r);
	assert.match(r.json.error_description, /verifier/);
	back = await signIn({ code_challenge: challenge, code_challenge_method: 'S256' });
	r = await tokenPost({ grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: REDIRECT,
		code_verifier: client.randomPKCECodeVerifier() });
	assertInvalidGrant(r);
});

// node:http adds no User-Agent of its own (fetch would).
function postWithoutUserAgent(path, body, userAgent) {
	return new Promise((resolve, reject) => {
		const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) };
		if (userAgent !== undefined) headers['User-Agent'] = userAgent;
		const req = http.request(`${s.url}${path}`, { method: 'POST', headers }, (res) => {
			let text = '';
			res.on('data', (d) => { text += d; });
			res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text), text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

test('the token endpoint refuses a request without a User-Agent, with a clear error', async () => {
	const verifier = client.randomPKCECodeVerifier();
	const back = await signIn({ code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256' });
	const body = new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code'),
		redirect_uri: REDIRECT, code_verifier: verifier, client_id: app.client_id, client_secret: app.client_secret }).toString();
	for (const ua of [undefined, '', '   ']) {
		const r = await postWithoutUserAgent(`${OIDC}/token`, body, ua);
		assert.strictEqual(r.status, 400, r.text);
		assert.strictEqual(r.json.error, 'invalid_request');
		assert.match(r.json.error_description, /Make sure your request includes a valid User-Agent header/);
	}
	// The refusals did not spend the code: with a User-Agent it is exchanged.
	const ok = await postWithoutUserAgent(`${OIDC}/token`, body, 'integrator/1.0');
	assert.strictEqual(ok.status, 200, ok.text);
	assert.strictEqual(ok.json.expires_in, 300);
});

test('a code is single-use: the second exchange is invalid_grant and ends what the first got', async () => {
	const verifier = client.randomPKCECodeVerifier();
	const back = await signIn({ code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256' });
	const form = { grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: REDIRECT,
		code_verifier: verifier };
	const first = await tokenPost(form);
	assert.strictEqual(first.status, 200, first.text);
	const again = await tokenPost(form);
	assertInvalidGrant(again);
	assert.match(again.json.error_description, /authorization code is no longer valid/);
	assert.strictEqual((await userinfo(first.json.access_token)).status, 401);
	assertInvalidGrant(await refresh(first.json.refresh_token));
});

test('a code is short-lived: a minute later by the operator clock it is no longer valid', async () => {
	const verifier = client.randomPKCECodeVerifier();
	const back = await signIn({ code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256' });
	await advanceClock(s, 61);
	const r = await tokenPost({ grant_type: 'authorization_code', code: back.searchParams.get('code'),
		redirect_uri: REDIRECT, code_verifier: verifier });
	assertInvalidGrant(r);
	assert.match(r.json.error_description, /authorization code is no longer valid/);
});

test('an access token lives 5 minutes by the operator clock; a refresh then gives a working pair', async () => {
	const { tokens } = await tokensFor();
	// The marketplace clock runs on with the wall clock: a minute of slack
	// for a loaded machine before, a whole second past the 300 after.
	await advanceClock(s, 240);
	assert.strictEqual((await userinfo(tokens.access_token)).status, 200);
	await advanceClock(s, 61);
	const late = await userinfo(tokens.access_token);
	assert.strictEqual(late.status, 401, late.text);
	assert.strictEqual(late.json.error, 'invalid_token');

	const next = await client.refreshTokenGrant(config, tokens.refresh_token);
	assert.strictEqual(next.expires_in, 300);
	assert.strictEqual((await userinfo(next.access_token)).status, 200);
});

test('every refresh rotates both tokens; the previous refresh token is dead at once, and reusing it ends the chain', async () => {
	const { tokens } = await tokensFor();
	const next = await refresh(tokens.refresh_token);
	assert.strictEqual(next.status, 200, next.text);
	assert.notStrictEqual(next.json.access_token, tokens.access_token);
	assert.notStrictEqual(next.json.refresh_token, tokens.refresh_token);
	assert.strictEqual((await userinfo(tokens.access_token)).status, 401); // the new pair ends the old access token
	assert.strictEqual((await userinfo(next.json.access_token)).status, 200);

	// No grace: the old one, at once (Allegro would answer it for 60 s).
	assertInvalidGrant(await refresh(tokens.refresh_token));
	// Reuse means the chain leaked: its live tokens end too.
	assertInvalidGrant(await refresh(next.json.refresh_token));
	assert.strictEqual((await userinfo(next.json.access_token)).status, 401);
});

test('a chain of refreshes through the library keeps working, each token used once', async () => {
	let { tokens } = await tokensFor();
	const seen = new Set([tokens.refresh_token]);
	for (let i = 0; i < 5; i++) {
		tokens = await client.refreshTokenGrant(config, tokens.refresh_token);
		assert.ok(!seen.has(tokens.refresh_token));
		seen.add(tokens.refresh_token);
	}
	assert.strictEqual((await userinfo(tokens.access_token)).status, 200);
});

test('an expired refresh token is invalid_grant', async () => {
	const { tokens } = await tokensFor();
	await advanceClock(s, 30 * 86400 + 1);
	assertInvalidGrant(await refresh(tokens.refresh_token));
});

test('a refresh token of an app the seller revoked under Linked apps is invalid_grant', async () => {
	const { tokens, browser } = await tokensFor();
	const page = await browser.req('GET', '/account/apps');
	assert.match(page.text, /Wallapop integrator/);
	const form = browser.form(page.text, '/account/apps/revoke');
	assert.strictEqual((await browser.req('POST', '/account/apps/revoke', { form: form.fields })).status, 303);
	assertInvalidGrant(await refresh(tokens.refresh_token));
	assert.strictEqual((await userinfo(tokens.access_token)).status, 401);
});

test('two refreshes racing with one refresh token: exactly one wins', async () => {
	for (let round = 0; round < 8; round++) {
		const { tokens } = await tokensFor();
		const answers = await Promise.all([refresh(tokens.refresh_token), refresh(tokens.refresh_token)]);
		const won = answers.filter((r) => r.status === 200);
		const lost = answers.filter((r) => r.status !== 200);
		assert.strictEqual(won.length, 1, answers.map((r) => r.text).join('\n'));
		assertInvalidGrant(lost[0]);
	}
});

test('the token endpoint counts requests per address: past the limit 429 with Retry-After, in RFC 6749 form', async () => {
	await tokenLimit('3/60');
	try {
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await refresh('0'.repeat(40)));
		for (const r of answers.slice(0, 3)) assertInvalidGrant(r);
		const r = answers[3];
		assert.strictEqual(r.status, 429, r.text);
		assert.ok(Number(r.headers['retry-after']) > 0, JSON.stringify(r.headers));
		assert.strictEqual(r.json.error, 'temporarily_unavailable');
	} finally {
		await tokenLimit('100000/60');
	}
});
