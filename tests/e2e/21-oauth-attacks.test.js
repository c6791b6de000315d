'use strict';
// One test per OAuth2 attack on the authorization server: code replay, stale
// codes, redirect and client substitution, PKCE, refresh-token reuse, scope
// escalation, client tokens on user endpoints, revoked apps, and the pages'
// own defences (CSRF, open redirects, framing).

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startSouk } = require('./lib/server');
const {
	TOKEN_RE, Browser, authorize, makeApp, makeUser, token, codeGrant, sha256hex, sql, me,
} = require('./lib/oauth-flow');

const BAD_CODE = { error: 'invalid_grant',
	error_description: "Authorization code doesn't exist or is invalid for the client" };
const BAD_REFRESH = { error: 'invalid_grant', error_description: 'Invalid refresh token',
	error_human_title: 'Provided authorization credentials are invalid or expired.' };

let s, app, seller;
test.before(async () => {
	s = await startSouk();
	app = makeApp(s, { name: 'Acme <Lister>', redirectUris: ['http://client.test/cb', 'http://client.test/other'] });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

async function getCode(query = {}, { user = seller, client = app } = {}) {
	const a = await authorize(s, { client_id: client.client_id, response_type: 'code', state: 'xyz',
		redirect_uri: client.redirectUris[0], scope: 'v2 read write', ...query },
	{ email: user.email, password: user.password });
	assert.strictEqual(a.params && a.params.get('state'), 'xyz', `state lost: ${a.location}`);
	const code = a.params.get('code');
	assert.match(code || '', TOKEN_RE, `no code: ${a.location} ${a.res.text.slice(0, 300)}`);
	return code;
}

function exchange(code, extra = {}, client = app) {
	return token(s, { grant_type: 'authorization_code', client_id: client.client_id,
		client_secret: client.client_secret, code, redirect_uri: client.redirectUris[0], ...extra });
}

test('code replay: the second exchange fails and kills the first exchange\'s tokens', async () => {
	const code = await getCode();
	const first = await exchange(code);
	assert.strictEqual(first.status, 200, first.text);
	assert.strictEqual((await me(s, first.json.access_token)).status, 200);

	const second = await exchange(code);
	assert.strictEqual(second.status, 400);
	assert.deepStrictEqual(second.json, BAD_CODE);
	assert.strictEqual((await me(s, first.json.access_token)).status, 401, 'access token survived the replay');
	const refresh = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: first.json.refresh_token });
	assert.deepStrictEqual(refresh.json, BAD_REFRESH, 'refresh token survived the replay');
});

test('expired code: ten minutes and it is gone', async () => {
	const code = await getCode();
	sql(s, `UPDATE oauth_codes SET expires_at = created_at - 1 WHERE code_hash = '${sha256hex(code)}'`);
	const r = await exchange(code);
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, BAD_CODE);
	// the ten minutes are on the row as issued
	const fresh = await getCode();
	const ttl = sql(s, `SELECT expires_at - created_at FROM oauth_codes WHERE code_hash = '${sha256hex(fresh)}'`);
	assert.strictEqual(ttl, '600');
});

test('wrong redirect URI: another registered one, none, or a stranger', async () => {
	const code = await getCode();
	for (const redirect_uri of ['http://client.test/other', undefined, 'http://evil.test/cb']) {
		const extra = { redirect_uri };
		if (redirect_uri === undefined) delete extra.redirect_uri;
		const r = await token(s, { grant_type: 'authorization_code', client_id: app.client_id,
			client_secret: app.client_secret, code, ...extra });
		assert.strictEqual(r.status, 400, `redirect_uri ${redirect_uri}`);
		assert.deepStrictEqual(r.json, BAD_CODE);
	}
	// the code was not burnt by the failures: the right URI still works
	assert.strictEqual((await exchange(code)).status, 200);
});

test('authorize never redirects to an unregistered URI, nor for an unknown client', async () => {
	const b = new Browser(s);
	const cases = [
		{ client_id: app.client_id, response_type: 'code', redirect_uri: 'http://evil.test/cb' },
		{ client_id: app.client_id, response_type: 'code' }, // two registered: must name one
		{ client_id: 'nope', response_type: 'code', redirect_uri: 'http://client.test/cb' },
		{ response_type: 'code', redirect_uri: 'http://client.test/cb' },
	];
	for (const q of cases) {
		const r = await b.req('GET', '/oauth/authorize?' + new URLSearchParams(q));
		assert.strictEqual(r.status, 400, JSON.stringify(q));
		assert.strictEqual(r.headers.location, undefined);
		assert.match(r.headers['content-type'], /text\/html/);
	}
	// other errors do go back to the client, with state
	const bad = await b.req('GET', '/oauth/authorize?' + new URLSearchParams({ client_id: app.client_id,
		response_type: 'token', redirect_uri: 'http://client.test/cb', state: 's1' }));
	assert.strictEqual(bad.status, 302);
	assert.strictEqual(bad.headers.location, 'http://client.test/cb?error=unsupported_response_type&state=s1');
});

test('wrong client: a code issued to one app is useless to another', async () => {
	const code = await getCode();
	const thief = makeApp(s, { name: 'Thief', redirectUris: ['http://client.test/cb'] });
	const r = await exchange(code, {}, thief);
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, BAD_CODE);
	assert.strictEqual((await exchange(code)).status, 200, 'the rightful client lost its code');
});

test('PKCE S256: missing or wrong verifier fails, the right one works', async () => {
	const verifier = crypto.randomBytes(32).toString('base64url');
	const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
	const code = await getCode({ code_challenge: challenge, code_challenge_method: 'S256' });

	const missing = await exchange(code);
	assert.strictEqual(missing.status, 400);
	assert.strictEqual(missing.json.error, 'invalid_grant');
	const wrong = await exchange(code, { code_verifier: crypto.randomBytes(32).toString('base64url') });
	assert.strictEqual(wrong.status, 400);
	assert.strictEqual(wrong.json.error, 'invalid_grant');
	const plainAsVerifier = await exchange(code, { code_verifier: challenge });
	assert.strictEqual(plainAsVerifier.status, 400, 'the challenge itself passed as the verifier');
	const ok = await exchange(code, { code_verifier: verifier });
	assert.strictEqual(ok.status, 200, ok.text);
});

test('PKCE plain, and no downgrade: a verifier without a challenge is refused', async () => {
	const verifier = 'v'.repeat(50);
	const code = await getCode({ code_challenge: verifier, code_challenge_method: 'plain' });
	assert.strictEqual((await exchange(code, { code_verifier: 'w'.repeat(50) })).status, 400);
	assert.strictEqual((await exchange(code, { code_verifier: verifier })).status, 200);

	const noPkce = await getCode();
	const r = await exchange(noPkce, { code_verifier: verifier });
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.error, 'invalid_grant');

	// an unknown method goes back to the client as invalid_request
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', state: 'm',
		redirect_uri: 'http://client.test/cb', code_challenge: verifier, code_challenge_method: 'S512' },
	{ email: seller.email, password: seller.password });
	assert.strictEqual(a.location, 'http://client.test/cb?error=invalid_request&state=m');
});

test('refresh reuse: a retired refresh token revokes the whole chain', async () => {
	const single = makeApp(s, { name: 'Rotating', redirectUris: ['http://client.test/cb'] });
	const t = await codeGrant(s, single, seller);
	// make the refresh token a day old so the next refresh rotates it
	sql(s, `UPDATE oauth_refresh_tokens SET issued_at = issued_at - 86401 WHERE token_hash = '${sha256hex(t.refresh_token)}'`);
	const rotated = await token(s, { grant_type: 'refresh_token', client_id: single.client_id,
		client_secret: single.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(rotated.status, 200, rotated.text);
	assert.notStrictEqual(rotated.json.refresh_token, t.refresh_token);
	assert.strictEqual(rotated.json.access_token, t.access_token, 'a live access token is kept');
	// the client goes on with its new token (which ends the old one's grace for racing refreshes)
	const goOn = await token(s, { grant_type: 'refresh_token', client_id: single.client_id,
		client_secret: single.client_secret, refresh_token: rotated.json.refresh_token });
	assert.strictEqual(goOn.status, 200, goOn.text);

	// the old refresh token comes back: an attacker (or a confused client) holds it
	const reuse = await token(s, { grant_type: 'refresh_token', client_id: single.client_id,
		client_secret: single.client_secret, refresh_token: t.refresh_token });
	assert.strictEqual(reuse.status, 400);
	assert.deepStrictEqual(reuse.json, BAD_REFRESH);
	assert.strictEqual((await me(s, rotated.json.access_token)).status, 401, 'access token of the chain survived');
	const next = await token(s, { grant_type: 'refresh_token', client_id: single.client_id,
		client_secret: single.client_secret, refresh_token: rotated.json.refresh_token });
	assert.deepStrictEqual(next.json, BAD_REFRESH, 'the newest refresh token of the chain survived');
});

test('scope escalation: neither the authorize request nor the exchange can widen the grant', async () => {
	const narrow = makeApp(s, { name: 'Narrow', redirectUris: ['http://client.test/cb'], scopes: 'v2 read' });
	const a = await authorize(s, { client_id: narrow.client_id, response_type: 'code', state: 'e',
		scope: 'v2 read write' }, { email: seller.email, password: seller.password });
	assert.strictEqual(a.location, 'http://client.test/cb?error=invalid_scope&state=e');

	// consent for "v2 read" on the full app, then ask the token endpoint for write
	const code = await getCode({ scope: 'v2 read' });
	const up = await exchange(code, { scope: 'v2 read write' });
	assert.strictEqual(up.status, 400);
	assert.strictEqual(up.json.error, 'invalid_scope');
	const ok = await exchange(code, { scope: 'v2 read' });
	assert.strictEqual(ok.status, 200, ok.text);
	assert.strictEqual(ok.json.scope, 'v2 read');
	const refresh = await token(s, { grant_type: 'refresh_token', client_id: app.client_id,
		client_secret: app.client_secret, refresh_token: ok.json.refresh_token, scope: 'v2 read write' });
	assert.strictEqual(refresh.json.error, 'invalid_scope');
});

test('client token on a user endpoint: "Invalid owner in token"', async () => {
	const t = await token(s, { grant_type: 'client_credentials', client_id: app.client_id,
		client_secret: app.client_secret, scope: 'v2 read write' });
	const r = await me(s, t.json.access_token);
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, { error: { status: 400, title: 'Bad Request', detail: 'Invalid owner in token' } });
});

test('revoked app: the linked-apps page cuts every token the app holds for the user', async () => {
	const user = makeUser(s);
	const linked = makeApp(s, { name: 'Linked & <b>bold</b>', redirectUris: ['http://client.test/cb'] });
	const b = new Browser(s);
	const a = await authorize(s, { client_id: linked.client_id, response_type: 'code', state: 'r' },
		{ email: user.email, password: user.password, browser: b });
	const t = (await exchange(a.params.get('code'), { redirect_uri: undefined }, linked)).json;
	assert.match(t.access_token, TOKEN_RE);
	assert.strictEqual((await me(s, t.access_token)).json.data.id, user.id);

	// consent is remembered: the next authorize skips the page
	const again = await b.req('GET', '/oauth/authorize?' + new URLSearchParams({ client_id: linked.client_id,
		response_type: 'code', state: 'r2' }));
	assert.strictEqual(again.status, 302);
	assert.match(again.headers.location, /^http:\/\/client\.test\/cb\?code=[0-9a-f]{40}&state=r2$/);
	const pending = new URL(again.headers.location).searchParams.get('code');

	const page = await b.req('GET', '/account/apps');
	assert.strictEqual(page.status, 200);
	assert.ok(page.text.includes('Linked &amp; &lt;b&gt;bold&lt;/b&gt;'), 'app name not escaped');
	assert.ok(!page.text.includes('<b>bold</b>'));
	assert.match(page.text, /v2 read write/);
	const form = b.form(page.text, '/account/apps/revoke');
	assert.strictEqual(form.fields.client_id, linked.client_id);

	// without the CSRF token the revoke is refused
	const forged = await b.req('POST', '/account/apps/revoke', { form: { client_id: linked.client_id } });
	assert.strictEqual(forged.status, 403);
	assert.strictEqual((await me(s, t.access_token)).status, 200);

	const revoke = await b.req('POST', '/account/apps/revoke', { form: form.fields });
	assert.strictEqual(revoke.status, 303);
	const after = await me(s, t.access_token);
	assert.strictEqual(after.status, 401);
	assert.strictEqual(after.json.error, 'invalid_token');
	const refresh = await token(s, { grant_type: 'refresh_token', client_id: linked.client_id,
		client_secret: linked.client_secret, refresh_token: t.refresh_token });
	assert.deepStrictEqual(refresh.json, BAD_REFRESH);
	assert.deepStrictEqual((await exchange(pending, { redirect_uri: undefined }, linked)).json, BAD_CODE,
		'a code issued before the revoke still worked');
	const list = await b.req('GET', '/account/apps');
	assert.ok(!list.text.includes(linked.client_id));
	// and the consent page is shown again next time
	const fresh = await b.req('GET', '/oauth/authorize?' + new URLSearchParams({ client_id: linked.client_id,
		response_type: 'code' }));
	assert.strictEqual(fresh.status, 200);
	assert.match(fresh.text, /action="\/oauth\/authorize"/);
});

test('deny: the client gets access_denied and no code', async () => {
	const user = makeUser(s);
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', state: 'd',
		redirect_uri: 'http://client.test/other' }, { email: user.email, password: user.password, decision: 'deny' });
	assert.strictEqual(a.location, 'http://client.test/other?error=access_denied&state=d');
});

test('consent and login forms refuse posts without their CSRF token', async () => {
	const user = makeUser(s);
	const b = new Browser(s);
	const page = await b.req('GET', '/oauth/authorize?' + new URLSearchParams({ client_id: app.client_id,
		response_type: 'code', redirect_uri: 'http://client.test/cb' }));
	const login = b.form(page.text, '/oauth/login');
	const noCsrf = await b.req('POST', '/oauth/login', { form: { next: login.fields.next,
		email: user.email, password: user.password } });
	assert.strictEqual(noCsrf.status, 403);
	assert.ok(!noCsrf.cookies.some((c) => c.startsWith('souk_session=')), 'a session without CSRF');
	// a token from another browser does not fit this browser's cookie
	const other = new Browser(s);
	const otherPage = await other.req('GET', '/oauth/login');
	const foreign = other.form(otherPage.text, '/oauth/login').fields.csrf;
	const cross = await b.req('POST', '/oauth/login', { form: { ...login.fields, csrf: foreign,
		email: user.email, password: user.password } });
	assert.strictEqual(cross.status, 403);

	const ok = await b.login(page, user.email, user.password);
	assert.strictEqual(ok.status, 303);
	const consent = await b.req('GET', ok.headers.location);
	const f = b.form(consent.text, '/oauth/authorize');
	const forged = await b.req('POST', '/oauth/authorize', { form: { ...f.fields, csrf: 'x', decision: 'allow' } });
	assert.strictEqual(forged.status, 403);
	assert.strictEqual(forged.headers.location, undefined);
});

test('login: a wrong password gets the form again with a generic message; sessions are HttpOnly', async () => {
	const b = new Browser(s);
	const page = await b.req('GET', '/oauth/login');
	for (const [email, password] of [[seller.email, 'wrong password'], ['nobody@souk.test', 'whatever1']]) {
		const r = await b.login(page, email, password);
		assert.strictEqual(r.status, 401);
		assert.match(r.text, /Wrong e-mail address or password\./);
		assert.match(r.text, /action="\/oauth\/login"/);
	}
	const ok = await b.login(page, seller.email, seller.password);
	const cookie = ok.cookies.find((c) => c.startsWith('souk_session='));
	assert.match(cookie, /HttpOnly/);
	assert.match(cookie, /SameSite=Lax/);
	const sid = /souk_session=([0-9a-f]+)/.exec(cookie)[1];
	assert.strictEqual(sql(s, `SELECT count(*) FROM web_sessions WHERE sid_hash = '${sha256hex(sid)}'`), '1');

	// log out ends the session
	const apps = await b.req('GET', '/account/apps');
	const out = await b.req('POST', '/oauth/logout', { form: b.form(apps.text, '/oauth/logout').fields });
	assert.strictEqual(out.status, 303);
	assert.strictEqual(sql(s, `SELECT count(*) FROM web_sessions WHERE sid_hash = '${sha256hex(sid)}'`), '0');
	const back = await s.req('GET', '/account/apps', { headers: { cookie: `souk_session=${sid}` } });
	assert.match(back.text, /action="\/oauth\/login"/);
});

test('login never redirects off-site', async () => {
	const b = new Browser(s);
	for (const next of ['//evil.test/x', 'http://evil.test/', '/\\evil.test']) {
		const page = await b.req('GET', '/oauth/login?' + new URLSearchParams({ next }));
		const f = b.form(page.text, '/oauth/login');
		const r = await b.req('POST', '/oauth/login', { form: { ...f.fields, email: seller.email, password: seller.password } });
		assert.strictEqual(r.status, 303);
		assert.strictEqual(r.headers.location, '/account/apps', `next=${next}`);
		b.jar.delete('souk_session');
	}
});

test('pages cannot be framed and run no script; request values are escaped', async () => {
	const b = new Browser(s);
	const state = '"><script>alert(1)</script>';
	const r = await b.req('GET', '/oauth/authorize?' + new URLSearchParams({ client_id: app.client_id,
		response_type: 'code', redirect_uri: 'http://client.test/cb', state }));
	assert.strictEqual(r.status, 200);
	assert.strictEqual(r.headers['x-frame-options'], 'DENY');
	assert.match(r.headers['content-security-policy'], /frame-ancestors 'none'/);
	assert.match(r.headers['content-security-policy'], /default-src 'none'/);
	assert.ok(!r.text.includes('<script>'), 'state reflected unescaped');
	const login = b.form(r.text, '/oauth/login');
	assert.ok(login.fields.next.includes(encodeURIComponent(state).replace(/%20/g, '+')) ||
		login.fields.next.includes('state='), 'state lost on the way to the login form');
});
