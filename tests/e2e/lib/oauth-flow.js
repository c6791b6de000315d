'use strict';
// Drives souk's authorization pages over plain HTTP the way a browser would:
// a cookie jar, the login form with its CSRF field, the consent form, and the
// final redirect back to the client. Also small helpers the OAuth tests share
// (apps, users, token requests, the clock, direct database edits).

const assert = require('node:assert');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');

const TOKEN_RE = /^[0-9a-f]{40}$/;

function htmlUnescape(s) {
	return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m, e) =>
		({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]);
}

// The forms of a page: [{action, method, fields: {name: value}}] (hidden
// inputs only, plus submit buttons under `buttons`).
function parseForms(html) {
	const forms = [];
	const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/g;
	let m;
	while ((m = re.exec(html))) {
		const attr = (src, name) => {
			const a = new RegExp(`\\b${name}="([^"]*)"`).exec(src);
			return a ? htmlUnescape(a[1]) : undefined;
		};
		const fields = {};
		for (const inp of m[2].matchAll(/<input\b([^>]*)>/g))
			if (attr(inp[1], 'type') === 'hidden') fields[attr(inp[1], 'name')] = attr(inp[1], 'value');
		const buttons = [...m[2].matchAll(/<button\b([^>]*)>/g)]
			.map((b) => ({ name: attr(b[1], 'name'), value: attr(b[1], 'value') }))
			.filter((b) => b.name);
		forms.push({ action: attr(m[1], 'action'), method: attr(m[1], 'method'), fields, buttons });
	}
	return forms;
}

// A cookie jar over one souk server's request function.
class Browser {
	constructor(s) {
		this.s = s;
		this.jar = new Map();
	}

	async req(method, path, opts = {}) {
		const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		const headers = { ...(opts.headers || {}) };
		if (cookie) headers.cookie = cookie;
		const r = await this.s.req(method, path, { ...opts, headers });
		for (const c of r.cookies) {
			const [pair, ...attrs] = c.split(';');
			const i = pair.indexOf('=');
			const name = pair.slice(0, i).trim(), value = pair.slice(i + 1).trim();
			if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') this.jar.delete(name);
			else this.jar.set(name, value);
		}
		return r;
	}

	form(html, action) {
		const f = parseForms(html).find((x) => x.action === action);
		assert.ok(f, `no form posting to ${action} in:\n${html}`);
		return f;
	}

	async login(page, email, password) {
		const f = this.form(page.text, '/oauth/login');
		return this.req('POST', '/oauth/login', { form: { ...f.fields, email, password } });
	}
}

// Runs GET /oauth/authorize?query (or another face's page, `at`), signs in
// when asked, answers the consent page with `decision`. Returns {res (last
// response), location, params}.
async function authorize(s, query, { email, password, decision = 'allow', browser = new Browser(s),
	at = '/oauth/authorize' } = {}) {
	const path = at + '?' + new URLSearchParams(query).toString();
	let r = await browser.req('GET', path);
	if (r.status === 200 && r.text.includes('action="/oauth/login"')) {
		const login = await browser.login(r, email, password);
		assert.strictEqual(login.status, 303, `login failed: ${login.status}\n${login.text}`);
		r = await browser.req('GET', login.headers.location);
	}
	if (r.status === 200 && r.text.includes(`action="${at}"`)) {
		const f = browser.form(r.text, at);
		r = await browser.req('POST', at, { form: { ...f.fields, decision } });
	}
	const location = r.headers.location;
	const params = location ? new URL(location).searchParams : null;
	return { res: r, location, params, browser };
}

// Everything a test needs to get a user's code: app, user, redirect URI.
function makeApp(s, { name = 'Test app', redirectUris = ['http://client.test/cb'], scopes, grants } = {}) {
	const args = ['app', 'create', '--name', name];
	for (const u of redirectUris) args.push('--redirect-uri', u);
	if (scopes) args.push('--scopes', scopes);
	if (grants) args.push('--grants', grants);
	const app = s.cli(args);
	return { ...app, redirectUris };
}

let userSeq = 0;
function makeUser(s, { email, password = 'correct horse battery', business = true } = {}) {
	email = email || `user${++userSeq}-${crypto.randomBytes(3).toString('hex')}@souk.test`;
	const args = ['user', 'create', '--email', email, '--password', password, '--name', 'Test Seller'];
	if (business) args.push('--business');
	const u = s.cli(args);
	return { id: u.id, email, password };
}

// POST /api/open/oauth/token as a form; fields left undefined are not sent.
function token(s, form, opts = {}) {
	const fields = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
	return s.req('POST', '/api/open/oauth/token', { form: fields, ...opts });
}

// authorization_code from start to finish: returns the token response.
async function codeGrant(s, app, user, { scope = 'v2 read write', extra = {} } = {}) {
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', state: 'st', scope, ...extra },
		{ email: user.email, password: user.password });
	const code = a.params && a.params.get('code');
	assert.ok(code, `no code in ${a.location} (${a.res.status}: ${a.res.text.slice(0, 300)})`);
	const t = await token(s, { grant_type: 'authorization_code', client_id: app.client_id,
		client_secret: app.client_secret, code });
	assert.strictEqual(t.status, 200, t.text);
	return t.json;
}

function sha256hex(s) {
	return crypto.createHash('sha256').update(s).digest('hex');
}

// Runs SQL against the running server's database (WAL lets both write).
function sql(s, statement) {
	return execFileSync('sqlite3', ['-cmd', '.timeout 5000', s.db, statement], { encoding: 'utf8' }).trim();
}

async function advanceClock(s, seconds) {
	if (!s.operatorKey) s.operatorKey = s.cli(['operator', 'create', '--name', 'oauth-tests']).token;
	const r = await s.req('POST', '/api/admin/clock/advance', { token: s.operatorKey, json: { seconds } });
	assert.strictEqual(r.status, 200, r.text);
}

function me(s, accessToken) {
	return s.req('GET', '/api/partner/users/me', { token: accessToken });
}

module.exports = {
	TOKEN_RE, Browser, parseForms, authorize, makeApp, makeUser, token, codeGrant, sha256hex, sql,
	advanceClock, me, htmlUnescape,
};
