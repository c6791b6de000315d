'use strict';
// One set of apps, accounts and pages for both faces: `souk app create`
// takes either face's scope names (and refuses unknown ones), each
// authorize page accepts either face's names and the code is exchanged at
// the face whose scopes it carries; Allegro's token answers say
// token_type "bearer" for every grant, and user_name is GET /me's id.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk, runSouk } = require('./lib/server');
const { makeApp, makeUser, authorize, token } = require('./lib/oauth-flow');
const { ALLEGRO_SCOPES, allegroToken, allegroMe, verifyJwt, JWT_RE } = require('./lib/allegro');
const { deviceStart, devicePoll, deviceConfirm } = require('./lib/device');

const REDIRECT = 'http://both.test/cb';
let s, app, seller;
test.before(async () => {
	s = await startSouk();
	app = makeApp(s, { name: 'Both faces', redirectUris: [REDIRECT], scopes: `v2 read write ${ALLEGRO_SCOPES}` });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

test('souk app create: either face\'s scope names, every grant by default, unknown words refused with the list', () => {
	assert.strictEqual(app.scopes, `v2 read write ${ALLEGRO_SCOPES}`);
	assert.strictEqual(app.grants, 'authorization_code client_credentials refresh_token device_code');
	const allegroOnly = makeApp(s, { name: 'Allegro only', scopes: 'allegro:api:profile:read', grants: 'device_code refresh_token' });
	assert.strictEqual(allegroOnly.scopes, 'allegro:api:profile:read');
	assert.strictEqual(allegroOnly.grants, 'refresh_token device_code');
	let r = runSouk(['app', 'create', '--name', 'X', '--scopes', 'allegro:api:sale:offers:delete', '--db', s.db]);
	assert.strictEqual(r.status, 2);
	assert.match(r.stderr, /--scopes takes words from: v2 read write allegro:api:profile:read .*allegro:api:sale:settings:write/);
	r = runSouk(['app', 'create', '--name', 'X', '--grants', 'device', '--db', s.db]);
	assert.strictEqual(r.status, 2);
	assert.match(r.stderr, /--grants takes words from: authorization_code client_credentials refresh_token device_code/);
});

async function codeAt(page, scope) {
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', redirect_uri: REDIRECT, scope, state: 'x' },
		{ email: seller.email, password: seller.password, at: page });
	const code = a.params && a.params.get('code');
	assert.ok(code, `${page} ${scope}: ${a.location} ${a.res.status} ${a.res.text.slice(0, 300)}`);
	return code;
}

test('each authorize page accepts either face\'s scope names; the code goes to the face whose scopes it carries', async () => {
	// Allegro's names on the OLX page, exchanged at Allegro's endpoint
	let code = await codeAt('/oauth/authorize', 'allegro:api:profile:read');
	let t = await allegroToken(s, app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
	assert.strictEqual(t.status, 200, t.text);
	assert.strictEqual(t.json.scope, 'allegro:api:profile:read');
	assert.strictEqual(t.json.token_type, 'bearer');
	assert.strictEqual((await allegroMe(s, t.json.access_token)).status, 200);

	// OLX's names on Allegro's page, exchanged at OLX's endpoint
	code = await codeAt('/auth/oauth/authorize', 'v2 read');
	const olx = await token(s, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT,
		client_id: app.client_id, client_secret: app.client_secret });
	assert.strictEqual(olx.status, 200, olx.text);
	assert.strictEqual(olx.json.scope, 'v2 read');
	assert.strictEqual((await s.req('GET', '/api/partner/users/me', { token: olx.json.access_token })).status, 200);

	// a code carrying only OLX's scopes is no use at Allegro's endpoint
	code = await codeAt('/auth/oauth/authorize', 'v2 read');
	t = await allegroToken(s, app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
	assert.strictEqual(t.status, 400, t.text);
	assert.strictEqual(t.json.error, 'invalid_scope');
});

test('token_type is "bearer" and user_name is GET /me\'s id, whatever the grant', async () => {
	// each checked while it lives: a refresh ends the access token before it
	async function check(grant, r) {
		assert.strictEqual(r.status, 200, `${grant}: ${r.text}`);
		assert.strictEqual(r.json.token_type, 'bearer', grant);
		assert.match(r.json.access_token, JWT_RE);
		const claims = await verifyJwt(s, r.json.access_token);
		const me = await allegroMe(s, r.json.access_token);
		assert.strictEqual(me.status, 200, me.text);
		assert.strictEqual(claims.user_name, me.json.id, grant);
		assert.strictEqual(me.json.id, String(seller.id));
		return r.json;
	}
	const code = await codeAt('/auth/oauth/authorize', ALLEGRO_SCOPES);
	const byCode = await check('authorization_code',
		await allegroToken(s, app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }));
	await check('refresh_token', await allegroToken(s, app, { grant_type: 'refresh_token', refresh_token: byCode.refresh_token }));
	const d = (await deviceStart(s, app)).json;
	assert.strictEqual((await deviceConfirm(s, seller, d.user_code)).status, 200);
	await check('device_code', await devicePoll(s, app, d.device_code));
	const cc = await allegroToken(s, app, { grant_type: 'client_credentials' });
	assert.strictEqual(cc.json.token_type, 'bearer');
	assert.strictEqual((await verifyJwt(s, cc.json.access_token)).user_name, undefined);
});
