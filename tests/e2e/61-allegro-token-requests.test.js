'use strict';
// POST /auth/oauth/token the way Allegro clients send it, with the real curl
// binary: HTTP Basic and the parameters in the query string with an empty
// body, or in a form body; then the refusals, each in RFC 6749's form.

const test = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const { startSouk } = require('./lib/server');
const { makeUser } = require('./lib/oauth-flow');
const { raw, parseRaw } = require('./lib/http');
const { patience } = require('./lib/patience');
const { ALLEGRO_SCOPES, JWT_RE, makeAllegroApp, allegroToken, allegroMe, verifyJwt } = require('./lib/allegro');
const { authorize } = require('./lib/oauth-flow');

let s, app, seller;
test.before(async () => {
	s = await startSouk();
	app = makeAllegroApp(s);
	seller = makeUser(s);
});
test.after(() => s && s.stop());

// curl -s -X POST -u id:secret URL [args]: status and parsed body.
function curl(url, args = []) {
	const out = execFileSync('curl', ['-s', '-X', 'POST', '-w', '\n%{http_code}', ...args, url],
		{ encoding: 'utf8', timeout: patience(15000) });
	const i = out.lastIndexOf('\n');
	return { status: Number(out.slice(i + 1)), json: JSON.parse(out.slice(0, i)) };
}

async function code(scope) {
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', scope },
		{ email: seller.email, password: seller.password, at: '/auth/oauth/authorize' });
	return a.params.get('code');
}

test('curl: Basic and the parameters in the query string with an empty body (client_credentials)', async () => {
	const r = curl(`${s.url}/auth/oauth/token?grant_type=client_credentials`, ['-u', `${app.client_id}:${app.client_secret}`]);
	assert.strictEqual(r.status, 200, JSON.stringify(r.json));
	assert.match(r.json.access_token, JWT_RE);
	assert.strictEqual(r.json.token_type, 'bearer');
	assert.strictEqual(r.json.expires_in, 43199);
	assert.strictEqual(r.json.scope, ALLEGRO_SCOPES);
	assert.strictEqual((await verifyJwt(s, r.json.access_token)).client_id, String(app.client_id));
});

test('curl: authorization_code and refresh_token in the query string, as Allegro\'s guide writes them', async () => {
	const c = await code('allegro:api:profile:read allegro:api:sale:offers:read');
	const t = curl(`${s.url}/auth/oauth/token?grant_type=authorization_code&code=${c}&redirect_uri=${encodeURIComponent(app.redirectUris[0])}`,
		['-u', `${app.client_id}:${app.client_secret}`]);
	assert.strictEqual(t.status, 200, JSON.stringify(t.json));
	assert.strictEqual(t.json.scope, 'allegro:api:profile:read allegro:api:sale:offers:read');
	assert.strictEqual((await allegroMe(s, t.json.access_token)).json.id, String(seller.id));
	const r = curl(`${s.url}/auth/oauth/token?grant_type=refresh_token&refresh_token=${t.json.refresh_token}`,
		['-u', `${app.client_id}:${app.client_secret}`]);
	assert.strictEqual(r.status, 200, JSON.stringify(r.json));
	assert.notStrictEqual(r.json.refresh_token, t.json.refresh_token);
});

test('curl: the same in a form body, and with client_id and client_secret as form fields', async () => {
	let r = curl(`${s.url}/auth/oauth/token`, ['-u', `${app.client_id}:${app.client_secret}`, '-d', 'grant_type=client_credentials',
		'-d', 'scope=allegro:api:sale:offers:read']);
	assert.strictEqual(r.status, 200, JSON.stringify(r.json));
	assert.strictEqual(r.json.scope, 'allegro:api:sale:offers:read');
	r = curl(`${s.url}/auth/oauth/token`, ['-d', 'grant_type=client_credentials', '-d', `client_id=${app.client_id}`,
		'-d', `client_secret=${app.client_secret}`]);
	assert.strictEqual(r.status, 200, JSON.stringify(r.json));
});

test('a raw request with Content-Length: 0 and no Content-Type is an empty body, not a 415', async () => {
	const basic = Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64');
	const res = parseRaw(await raw(s.port, `POST /auth/oauth/token?grant_type=client_credentials HTTP/1.1\r\nHost: x\r\n` +
		`Authorization: Basic ${basic}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`));
	assert.strictEqual(res.status, 200, res.body);
	assert.match(JSON.parse(res.body).access_token, JWT_RE);
	// a body of another type is still refused
	const json = await s.req('POST', '/auth/oauth/token', { json: { grant_type: 'client_credentials' },
		basic: { user: app.client_id, pass: app.client_secret } });
	assert.strictEqual(json.status, 415);
	assert.strictEqual(json.json.error, 'invalid_request');
});

test('refusals in RFC 6749\'s short form', async () => {
	const cases = [
		[{ grant_type: 'client_credentials' }, { basic: false }, 401, 'invalid_client'],
		[{ grant_type: 'password', username: 'a', password: 'b' }, {}, 400, 'unsupported_grant_type'],
		[{}, {}, 400, 'invalid_request'],
		[{ grant_type: 'authorization_code', code: 'f'.repeat(40) }, {}, 400, 'invalid_grant'],
		[{ grant_type: 'authorization_code' }, {}, 400, 'invalid_request'],
		[{ grant_type: 'refresh_token', refresh_token: '0'.repeat(40) }, {}, 400, 'invalid_grant'],
		[{ grant_type: 'client_credentials', scope: 'v2 read' }, {}, 400, 'invalid_scope'],
		[{ grant_type: 'client_credentials', scope: 'allegro:api:orders:read' }, {}, 400, 'invalid_scope'],
	];
	for (const [params, opts, status, error] of cases) {
		const r = await allegroToken(s, app, params, opts);
		assert.strictEqual(r.status, status, `${JSON.stringify(params)}: ${r.text}`);
		assert.deepStrictEqual(Object.keys(r.json), ['error', 'error_description'], r.text);
		assert.strictEqual(r.json.error, error, r.text);
	}
	const wrongSecret = await s.req('POST', '/auth/oauth/token?grant_type=client_credentials',
		{ basic: { user: app.client_id, pass: 'nope' } });
	assert.strictEqual(wrongSecret.status, 401);
	assert.strictEqual(wrongSecret.json.error, 'invalid_client');
	const repeated = await s.req('POST', '/auth/oauth/token', { body: 'grant_type=client_credentials&grant_type=refresh_token',
		headers: { 'content-type': 'application/x-www-form-urlencoded' }, basic: { user: app.client_id, pass: app.client_secret } });
	assert.strictEqual(repeated.status, 400);
	assert.strictEqual(repeated.json.error, 'invalid_request');
});

test('souk app create takes Allegro scope names; an app for some of them gets only those', async () => {
	const narrow = makeAllegroApp(s, { name: 'Offers reader', scopes: 'allegro:api:sale:offers:read' });
	assert.strictEqual(narrow.scopes, 'allegro:api:sale:offers:read');
	const t = await allegroToken(s, narrow, { grant_type: 'client_credentials' });
	assert.strictEqual(t.json.scope, 'allegro:api:sale:offers:read');
	assert.deepStrictEqual((await verifyJwt(s, t.json.access_token)).scope, ['allegro:api:sale:offers:read']);
	const wider = await allegroToken(s, narrow, { grant_type: 'client_credentials', scope: 'allegro:api:profile:read' });
	assert.strictEqual(wider.json.error, 'invalid_scope');
});
