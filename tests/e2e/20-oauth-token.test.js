'use strict';
// The token endpoint POST /api/open/oauth/token: the three grants, client
// authentication in the body or by HTTP Basic, every authorization error of
// seed 001 ("Troubleshooting > Authorization errors" 1-11) word for word, and
// OLX's refresh rules (same access token while it lives, at most one new
// refresh token a day).

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const {
	TOKEN_RE, makeApp, makeUser, token, codeGrant, sha256hex, sql, advanceClock, me,
} = require('./lib/oauth-flow');

const TOKEN = '/api/open/oauth/token';

let s, app, seller;
test.before(async () => {
	s = await startSouk();
	app = makeApp(s);
	seller = makeUser(s);
});
test.after(() => s && s.stop());

function cc(extra = {}) {
	return { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret,
		scope: 'v2 read write', ...extra };
}

function assertTokenResponse(r, scope = 'v2 read write') {
	assert.strictEqual(r.status, 200, r.text);
	assert.match(r.headers['content-type'], /application\/json/);
	assert.strictEqual(r.headers['cache-control'], 'no-store');
	assert.deepStrictEqual(Object.keys(r.json).sort(),
		['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
	assert.match(r.json.access_token, TOKEN_RE);
	assert.match(r.json.refresh_token, TOKEN_RE);
	assert.strictEqual(r.json.expires_in, 86400);
	assert.strictEqual(r.json.token_type, 'bearer');
	assert.strictEqual(r.json.scope, scope);
}

function assertError(r, status, body) {
	assert.strictEqual(r.status, status, r.text);
	assert.deepStrictEqual(r.json, body);
}

// --- client_credentials ----------------------------------------------------

test('client_credentials with a JSON body', async () => {
	const r = await s.req('POST', TOKEN, { json: cc() });
	assertTokenResponse(r);
	const u = await s.req('GET', `/api/partner/users/${seller.id}`, { token: r.json.access_token });
	assert.strictEqual(u.status, 200, u.text);
	assert.strictEqual(u.json.data.id, seller.id);
});

test('client_credentials with a form body', async () => {
	const r = await token(s, cc());
	assertTokenResponse(r);
});

test('client_credentials with HTTP Basic (RFC 6749 2.3.1)', async () => {
	const r = await s.req('POST', TOKEN, { form: { grant_type: 'client_credentials' },
		basic: { user: app.client_id, pass: app.client_secret } });
	assertTokenResponse(r);
	const bad = await s.req('POST', TOKEN, { form: { grant_type: 'client_credentials' },
		basic: { user: app.client_id, pass: 'nope' } });
	assertError(bad, 400, { error: 'invalid_client', error_description: 'The client credentials are invalid' });
});

test('the requested scope narrows the token; absent scope gives the app\'s set', async () => {
	const narrow = await token(s, cc({ scope: 'v2 read' }));
	assertTokenResponse(narrow, 'v2 read');
	const { scope, ...noScope } = cc();
	assert.ok(scope);
	const none = await token(s, noScope);
	assert.strictEqual(none.json.scope, 'v2 read write');
});

// --- seed 001, authorization errors 1-11 -------------------------------------

test('error 1: missing code', async () => {
	const r = await token(s, { grant_type: 'authorization_code', client_id: app.client_id,
		client_secret: app.client_secret, scope: 'read write v2' });
	assertError(r, 400, { error: 'invalid_request', error_description: 'Missing parameter: "code" is required' });
});

test('error 2: authorization code that does not exist', async () => {
	const r = await token(s, { grant_type: 'authorization_code', client_id: app.client_id,
		client_secret: app.client_secret, code: 'd34feg43g456g' });
	assertError(r, 400, { error: 'invalid_grant',
		error_description: "Authorization code doesn't exist or is invalid for the client" });
});

test('error 3: grant type not specified (JSON, form and empty body)', async () => {
	const body = { error: 'invalid_request', error_description: 'The grant type was not specified in the request' };
	assertError(await s.req('POST', TOKEN, { json: { client_id: app.client_id, client_secret: app.client_secret } }), 400, body);
	assertError(await token(s, { client_id: app.client_id }), 400, body);
	assertError(await s.req('POST', TOKEN, {}), 400, body);
});

test('error 4: scope the client may not have', async () => {
	const body = { error: 'invalid_scope', error_description: 'The scope requested is invalid for this client' };
	assertError(await token(s, cc({ scope: 'v2 read write admin' })), 400, body);
	const readOnly = makeApp(s, { name: 'Read only', scopes: 'v2 read' });
	assertError(await token(s, { grant_type: 'client_credentials', client_id: readOnly.client_id,
		client_secret: readOnly.client_secret, scope: 'v2 read write' }), 400, body);
});

test('error 5: client is not active', async () => {
	const off = makeApp(s, { name: 'Switched off' });
	sql(s, `UPDATE apps SET active = 0 WHERE client_id = '${off.client_id}'`);
	const r = await token(s, { grant_type: 'client_credentials', client_id: off.client_id,
		client_secret: off.client_secret });
	assertError(r, 401, { error: 'invalid_client', error_description: 'Client is not active' });
});

test('error 6: client credentials are invalid (wrong secret, unknown id, none)', async () => {
	const body = { error: 'invalid_client', error_description: 'The client credentials are invalid' };
	assertError(await token(s, cc({ client_secret: 'x'.repeat(64) })), 400, body);
	assertError(await token(s, cc({ client_id: 'no-such-client' })), 400, body);
	assertError(await token(s, { grant_type: 'client_credentials' }), 400, body);
});

test('error 7: access token provided is invalid', async () => {
	const r = await s.req('GET', '/api/partner/users/me', { token: 'f'.repeat(40) });
	assertError(r, 401, { error: 'invalid_token', error_description: 'The access token provided is invalid' });
});

test('error 8: insufficient scope ("read write" instead of "read write v2")', async () => {
	const noV2 = makeApp(s, { name: 'No v2', scopes: 'read write' });
	const t = await token(s, { grant_type: 'client_credentials', client_id: noV2.client_id,
		client_secret: noV2.client_secret });
	assert.strictEqual(t.json.scope, 'read write');
	const r = await me(s, t.json.access_token);
	assertError(r, 401, { error: 'insufficient_scope',
		error_description: 'The request requires higher privileges than provided by the access token',
		error_human_title: 'Insufficient scope.' });
});

test('error 9: invalid owner in token (client token on a user endpoint)', async () => {
	const t = await token(s, cc());
	const r = await me(s, t.json.access_token);
	assertError(r, 400, { error: { status: 400, title: 'Bad Request', detail: 'Invalid owner in token' } });
});

test('error 10: grant type unauthorized for this client_id', async () => {
	const codeOnly = makeApp(s, { name: 'Code only', grants: 'authorization_code' });
	const r = await token(s, { grant_type: 'client_credentials', client_id: codeOnly.client_id,
		client_secret: codeOnly.client_secret });
	assertError(r, 400, { error: 'unauthorized_client',
		error_description: 'The grant type is unauthorized for this client_id',
		error_human_title: 'Unauthorized client.' });
});

test('error 11: invalid refresh token', async () => {
	const r = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: '0'.repeat(40) });
	assertError(r, 400, { error: 'invalid_grant', error_description: 'Invalid refresh token',
		error_human_title: 'Provided authorization credentials are invalid or expired.' });
});

test('unknown grant type and missing refresh_token', async () => {
	const r = await token(s, cc({ grant_type: 'password' }));
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.error, 'unsupported_grant_type');
	const m = await token(s, { grant_type: 'refresh_token', client_id: app.client_id, client_secret: app.client_secret });
	assertError(m, 400, { error: 'invalid_request', error_description: 'Missing parameter: "refresh_token" is required' });
});

test('the dispatcher\'s own refusals on the token path keep the OAuth error shape', async () => {
	const shape = (r, status) => {
		assert.strictEqual(r.status, status, r.text);
		assert.deepStrictEqual(Object.keys(r.json).sort(), ['error', 'error_description']);
	};
	const get = await s.req('GET', TOKEN);
	shape(get, 405);
	assert.strictEqual(get.headers.allow, 'POST');
	shape(await s.req('POST', TOKEN, { body: 'grant_type=client_credentials', headers: { 'content-type': 'text/plain' } }), 415);
	shape(await s.req('POST', TOKEN, { body: '{"grant_type":', headers: { 'content-type': 'application/json' } }), 400);
	shape(await s.req('POST', '/api/open/oauth/nothing', { json: {} }), 404);
	shape(await s.req('POST', TOKEN, { body: 'x'.repeat(2 << 20), headers: { 'content-type': 'application/json' } }), 413);
});

test('metadata (RFC 8414) names the endpoints for the Host used', async () => {
	const r = await s.req('GET', '/.well-known/oauth-authorization-server');
	assert.strictEqual(r.status, 200);
	assert.deepStrictEqual(r.json, {
		issuer: s.url,
		authorization_endpoint: `${s.url}/oauth/authorize`,
		token_endpoint: `${s.url}/api/open/oauth/token`,
		response_types_supported: ['code'],
		grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
		token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
		code_challenge_methods_supported: ['S256', 'plain'],
		scopes_supported: ['v2', 'read', 'write'],
	});
});

test('tokens, codes and refresh tokens are stored only as SHA-256', async () => {
	const t = await codeGrant(s, app, seller);
	const rows = sql(s, 'SELECT token_hash FROM access_tokens UNION ALL SELECT token_hash FROM oauth_refresh_tokens' +
		' UNION ALL SELECT code_hash FROM oauth_codes');
	assert.ok(rows.split('\n').includes(sha256hex(t.access_token)));
	assert.ok(rows.split('\n').includes(sha256hex(t.refresh_token)));
	const dump = execDump(s);
	assert.ok(!dump.includes(t.access_token) && !dump.includes(t.refresh_token), 'a plaintext token is in the database');
});

function execDump(srv) {
	return require('node:child_process').execFileSync('sqlite3', [srv.db, '.dump'], { encoding: 'utf8' });
}

// --- refresh rules -----------------------------------------------------------

test('refresh: while the access token lives, the same tokens come back with the time left', async () => {
	const t = await codeGrant(s, app, seller);
	await new Promise((r) => setTimeout(r, 1100));
	const r = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.access_token, t.access_token);
	assert.strictEqual(r.json.refresh_token, t.refresh_token);
	assert.ok(r.json.expires_in < 86400 && r.json.expires_in > 86000, `expires_in ${r.json.expires_in}`);
	assert.strictEqual(r.json.scope, 'v2 read write');
	assert.strictEqual((await me(s, r.json.access_token)).status, 200);
});

test('refresh: an expired access token is replaced; a refresh token under a day old is kept', async () => {
	const t = await codeGrant(s, app, seller);
	sql(s, `UPDATE access_tokens SET expires_at = issued_at - 1 WHERE token_hash = '${sha256hex(t.access_token)}'`);
	// 23 hours old: still under a day
	sql(s, `UPDATE oauth_refresh_tokens SET issued_at = issued_at - 82800 WHERE token_hash = '${sha256hex(t.refresh_token)}'`);
	assert.strictEqual((await me(s, t.access_token)).status, 401);
	const r = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(r.status, 200, r.text);
	assert.notStrictEqual(r.json.access_token, t.access_token);
	assert.match(r.json.access_token, TOKEN_RE);
	assert.strictEqual(r.json.expires_in, 86400);
	assert.strictEqual(r.json.refresh_token, t.refresh_token);
	assert.strictEqual((await me(s, r.json.access_token)).status, 200);
	// and that new token is now "the same token" of the next refresh
	const again = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(again.json.access_token, r.json.access_token);
});

test('refresh: a client_credentials token refreshes too (client context)', async () => {
	const t = await token(s, cc());
	const r = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: t.json.refresh_token });
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.access_token, t.json.access_token);
});

test('refresh: another client cannot use the refresh token', async () => {
	const t = await codeGrant(s, app, seller);
	const other = makeApp(s, { name: 'Other' });
	const r = await token(s, { grant_type: 'refresh_token', client_id: other.client_id,
		client_secret: other.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.error_description, 'Invalid refresh token');
});

// The clock-advancing tests run last in this file: the clock never goes back.
test('refresh: after a day both tokens are new; the old refresh token is then reuse', async () => {
	const t = await codeGrant(s, app, seller);
	await advanceClock(s, 86400 + 60);
	assert.strictEqual((await me(s, t.access_token)).status, 401, 'the access token outlived a day');
	const r = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(r.status, 200, r.text);
	assert.notStrictEqual(r.json.access_token, t.access_token);
	assert.notStrictEqual(r.json.refresh_token, t.refresh_token);
	assert.match(r.json.refresh_token, TOKEN_RE);
	assert.strictEqual(r.json.expires_in, 86400);
	assert.strictEqual((await me(s, r.json.access_token)).status, 200);

	// the new refresh token returns the same pair within the day
	const same = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: r.json.refresh_token });
	assert.strictEqual(same.json.access_token, r.json.access_token);
	assert.strictEqual(same.json.refresh_token, r.json.refresh_token);
});

test('refresh: the access token still alive after a day is kept while the refresh token rotates', async () => {
	const t = await codeGrant(s, app, seller);
	// the access token was re-issued an hour ago: still valid when the refresh token turns a day old
	await advanceClock(s, 86400 + 30);
	sql(s, `UPDATE access_tokens SET expires_at = expires_at + 86400 WHERE token_hash = '${sha256hex(t.access_token)}'`);
	const r = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.access_token, t.access_token);
	assert.notStrictEqual(r.json.refresh_token, t.refresh_token);
	assert.ok(r.json.expires_in > 86000 && r.json.expires_in < 86400);
	// and the rotated refresh token can still open the sealed access token
	const again = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: r.json.refresh_token });
	assert.strictEqual(again.json.access_token, t.access_token);
});

test('refresh: a refresh token dies thirty days after issue', async () => {
	const t = await codeGrant(s, app, seller);
	await advanceClock(s, 2592000 + 60);
	const r = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: t.refresh_token });
	assertError(r, 400, { error: 'invalid_grant', error_description: 'Invalid refresh token',
		error_human_title: 'Provided authorization credentials are invalid or expired.' });
});
