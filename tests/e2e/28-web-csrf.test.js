'use strict';
// The pages' CSRF tokens are HMACs under a server key kept in the database,
// bound to the login session (or, before sign-in, to a random browser
// cookie): a token computed the old way (SHA-256 of a fixed prefix and a
// cookie anyone can plant) or made for another session is refused. Cookies
// are Secure when the browser reached souk over TLS: an https public URL, or
// X-Forwarded-Proto: https from a configured trusted proxy (and no one else).

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startSouk } = require('./lib/server');
const { Browser, makeUser, sql } = require('./lib/oauth-flow');

let s, user, other;
test.before(async () => {
	s = await startSouk();
	user = makeUser(s);
	other = makeUser(s);
});
test.after(() => s && s.stop());

// What the pages used to accept: base64url(SHA-256("souk-csrf|" + cookie)).
function oldToken(cookie) {
	return crypto.createHash('sha256').update(`souk-csrf|${cookie}`).digest('base64url');
}

async function signedIn(who) {
	const b = new Browser(s);
	const page = await b.req('GET', '/oauth/login');
	const r = await b.login(page, who.email, who.password);
	assert.strictEqual(r.status, 303, r.text);
	return b;
}

async function logoutForm(b) {
	const page = await b.req('GET', '/account/apps');
	assert.strictEqual(page.status, 200, page.text);
	return b.form(page.text, '/oauth/logout');
}

test('CSRF token without a key: a token computed from a planted cookie is refused at login', async () => {
	const planted = crypto.randomBytes(16).toString('hex');
	const r = await s.req('POST', '/oauth/login', {
		headers: { cookie: `souk_csrf=${planted}` },
		form: { csrf: oldToken(planted), next: '/account/apps', email: user.email, password: user.password },
	});
	assert.strictEqual(r.status, 403, r.text);
	assert.ok(!r.cookies.some((c) => c.startsWith('souk_session=')), 'a session was started');
	assert.match(r.text, /This form has expired/);
	// The key lives in the settings, generated on first start.
	assert.match(sql(s, "SELECT value FROM settings WHERE key = 'web.csrf_key'"), /^[0-9a-f]{64}$/);
});

test('CSRF token without a key: the old token is refused on every signed-in form too', async () => {
	const b = await signedIn(user);
	const f = await logoutForm(b);
	const sid = b.jar.get('souk_session');
	for (const cookie of [b.jar.get('souk_csrf'), sid]) {
		const r = await b.req('POST', '/oauth/logout', { form: { csrf: oldToken(cookie) } });
		assert.strictEqual(r.status, 403, r.text);
	}
	assert.strictEqual((await b.req('GET', '/account/apps')).status, 200, 'still signed in');
	const ok = await b.req('POST', '/oauth/logout', { form: f.fields });
	assert.strictEqual(ok.status, 303, ok.text);
});

test('CSRF token without a key: a token of another session is refused', async () => {
	const a = await signedIn(user);
	const b = await signedIn(other);
	const fa = await logoutForm(a);
	const fb = await logoutForm(b);
	assert.notStrictEqual(fa.fields.csrf, fb.fields.csrf);
	// b's browser, a's token: even with a's CSRF cookie copied over.
	b.jar.set('souk_csrf', a.jar.get('souk_csrf'));
	const r = await b.req('POST', '/oauth/logout', { form: fa.fields });
	assert.strictEqual(r.status, 403, r.text);
	// The same user signed in again is another session: the old form is dead.
	const again = await signedIn(user);
	again.jar.set('souk_csrf', a.jar.get('souk_csrf'));
	assert.strictEqual((await again.req('POST', '/oauth/logout', { form: fa.fields })).status, 403);
	// Each browser's own token works.
	assert.strictEqual((await b.req('POST', '/oauth/logout', { form: (await logoutForm(b)).fields })).status, 303);
	assert.strictEqual((await a.req('POST', '/oauth/logout', { form: fa.fields })).status, 303);
});

test('CSRF token without a key: a login form token is good only with its own browser cookie', async () => {
	const a = new Browser(s);
	const b = new Browser(s);
	const pa = await a.req('GET', '/oauth/login');
	await b.req('GET', '/oauth/login');
	const fa = a.form(pa.text, '/oauth/login');
	const r = await b.req('POST', '/oauth/login', { form: { ...fa.fields, email: user.email, password: user.password } });
	assert.strictEqual(r.status, 403, r.text);
	const ok = await a.req('POST', '/oauth/login', { form: { ...fa.fields, email: user.email, password: user.password } });
	assert.strictEqual(ok.status, 303, ok.text);
});

// --- Secure cookies ---------------------------------------------------------

async function loginCookies(srv, who, headers = {}) {
	const page = await srv.req('GET', '/oauth/login', { headers });
	const csrfCookie = page.cookies.find((c) => c.startsWith('souk_csrf='));
	assert.ok(csrfCookie, page.text);
	const cookie = csrfCookie.split(';')[0];
	const f = new Browser(srv).form(page.text, '/oauth/login');
	const r = await srv.req('POST', '/oauth/login', { headers: { ...headers, cookie },
		form: { ...f.fields, email: who.email, password: who.password } });
	assert.strictEqual(r.status, 303, r.text);
	const session = r.cookies.find((c) => c.startsWith('souk_session='));
	return [csrfCookie, session];
}

const secure = (c) => /;\s*Secure(;|$)/i.test(c);

test('cookies: Secure behind an https public URL', async () => {
	const t = await startSouk({ args: ['--public-url', 'https://market.example.com'] });
	try {
		const who = makeUser(t);
		for (const c of await loginCookies(t, who)) assert.ok(secure(c), c);
	} finally {
		await t.stop();
	}
});

test('cookies: Secure when a trusted proxy says https, never when anyone else does', async () => {
	// Here nobody is trusted: the header is the client's word only.
	const who = makeUser(s);
	for (const c of await loginCookies(s, who, { 'x-forwarded-proto': 'https' })) assert.ok(!secure(c), c);
	for (const c of await loginCookies(s, who)) assert.ok(!secure(c), c);

	const t = await startSouk({ args: ['--trusted-proxies', '10.0.0.1, 127.0.0.1'] });
	try {
		const w = makeUser(t);
		for (const c of await loginCookies(t, w, { 'x-forwarded-proto': 'https' })) assert.ok(secure(c), c);
		for (const c of await loginCookies(t, w, { 'x-forwarded-proto': 'http' })) assert.ok(!secure(c), c);
		for (const c of await loginCookies(t, w)) assert.ok(!secure(c), c);
	} finally {
		await t.stop();
	}
	const u = await startSouk({ env: { SOUK_TRUSTED_PROXIES: '10.9.9.9' } });
	try {
		for (const c of await loginCookies(u, makeUser(u), { 'x-forwarded-proto': 'https' })) assert.ok(!secure(c), c);
	} finally {
		await u.stop();
	}
});
