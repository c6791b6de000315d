'use strict';
// Allegro sign-in with independent clients: openid-client finds the
// endpoints through the RFC 8414 document at /auth/oauth, runs the
// authorization-code flow with PKCE S256 through the marketplace's login and
// consent pages, and jose checks the JWT access token's signature against
// the published JWKS and its claims; GET /me answers for the token's
// user_name. Every /me answer is checked against Allegro's document.

const test = require('node:test');
const assert = require('node:assert');
const client = require('openid-client');
const jose = require('jose');
const { startSouk } = require('./lib/server');
const { Browser, makeApp, makeUser, token } = require('./lib/oauth-flow');
const {
	ALLEGRO_SCOPES, ALLEGRO_MEDIA, AUTHORIZE, JWT_RE, makeAllegroApp, allegroToken, allegroCodeGrant,
	allegroMe, verifyJwt,
} = require('./lib/allegro');

const REDIRECT = 'http://allegro-client.test/callback';

let s, app, seller;
test.before(async () => {
	s = await startSouk();
	app = makeAllegroApp(s, { redirectUris: [REDIRECT] });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

function discover() {
	return client.discovery(new URL(`${s.url}/auth/oauth`), app.client_id, app.client_secret,
		client.ClientSecretBasic(app.client_secret), { algorithm: 'oauth2', execute: [client.allowInsecureRequests] });
}

async function consent(url) {
	const b = new Browser(s);
	let r = await b.req('GET', url.pathname + url.search);
	assert.strictEqual(r.status, 200, r.text);
	const login = await b.login(r, seller.email, seller.password);
	assert.strictEqual(login.status, 303, login.text);
	r = await b.req('GET', login.headers.location);
	if (r.status === 302) return new URL(r.headers.location);
	// the consent page lists the Allegro scopes by name
	for (const name of ['allegro:api:sale:offers:write', 'allegro:api:profile:read']) assert.ok(r.text.includes(name), r.text);
	const f = b.form(r.text, AUTHORIZE);
	r = await b.req('POST', AUTHORIZE, { form: { ...f.fields, decision: 'allow' } });
	assert.strictEqual(r.status, 303, r.text);
	return new URL(r.headers.location);
}

test('openid-client: discovery, authorization code with PKCE S256, a JWT that jose verifies against the JWKS', async () => {
	const config = await discover();
	const meta = config.serverMetadata();
	assert.strictEqual(meta.issuer, `${s.url}/auth/oauth`);
	assert.strictEqual(meta.token_endpoint, `${s.url}/auth/oauth/token`);
	assert.strictEqual(meta.authorization_endpoint, `${s.url}${AUTHORIZE}`);
	assert.strictEqual(meta.jwks_uri, `${s.url}/auth/oauth/jwks`);

	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT,
		scope: 'allegro:api:sale:offers:write allegro:api:sale:offers:read allegro:api:profile:read',
		code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state });
	const back = await consent(url);
	assert.strictEqual(back.origin + back.pathname, REDIRECT);
	const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state });

	assert.match(tokens.access_token, JWT_RE);
	assert.strictEqual(tokens.token_type, 'bearer');
	assert.strictEqual(tokens.expires_in, 43199);
	assert.strictEqual(tokens.scope, 'allegro:api:profile:read allegro:api:sale:offers:read allegro:api:sale:offers:write');
	assert.match(tokens.refresh_token, /^[0-9a-f]{40}$/);

	const claims = await verifyJwt(s, tokens.access_token);
	assert.strictEqual(claims.user_name, String(seller.id));
	assert.deepStrictEqual(claims.scope, ['allegro:api:profile:read', 'allegro:api:sale:offers:read',
		'allegro:api:sale:offers:write']);
	assert.strictEqual(claims.client_id, String(app.client_id));
	assert.match(claims.jti, /^[0-9a-f]{32}$/);
	assert.strictEqual(claims.exp - claims.iat, 43199);
	assert.ok(Math.abs(claims.exp - (Date.now() / 1000 + 43199)) < 120, `exp ${claims.exp}`);

	// user_name is the id GET /me returns
	const me = await allegroMe(s, tokens.access_token);
	assert.strictEqual(me.status, 200, me.text);
	assert.strictEqual(me.headers['content-type'], ALLEGRO_MEDIA);
	assert.strictEqual(me.json.id, claims.user_name);
	assert.strictEqual(me.json.email, seller.email);
	assert.strictEqual(me.json.firstName, 'Test');
	assert.strictEqual(me.json.lastName, 'Seller');
	assert.strictEqual(me.json.login, seller.email.split('@')[0]);
	assert.ok(me.headers['trace-id']);

	// the library refreshes too: a new pair, and the old access token ends
	const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
	assert.notStrictEqual(refreshed.access_token, tokens.access_token);
	assert.notStrictEqual(refreshed.refresh_token, tokens.refresh_token);
	assert.strictEqual((await verifyJwt(s, refreshed.access_token)).user_name, String(seller.id));
	assert.strictEqual((await allegroMe(s, tokens.access_token)).status, 401);
	assert.strictEqual((await allegroMe(s, refreshed.access_token)).status, 200);
});

test('the JWKS key is an RSA signing key whose kid is its RFC 7638 thumbprint; a changed token is refused by both', async () => {
	const r = await s.req('GET', '/auth/oauth/jwks');
	assert.strictEqual(r.status, 200);
	assert.match(r.headers['content-type'], /^application\/jwk-set\+json/);
	assert.strictEqual(r.json.keys.length, 1);
	const [k] = r.json.keys;
	assert.deepStrictEqual(Object.keys(k).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
	assert.strictEqual(k.kid, await jose.calculateJwkThumbprint({ kty: k.kty, n: k.n, e: k.e }));
	assert.ok(Buffer.from(k.n, 'base64url').length >= 256, 'at least 2048 bits');

	const t = await allegroCodeGrant(s, app, seller);
	assert.strictEqual(jose.decodeProtectedHeader(t.access_token).kid, k.kid);
	// a payload changed by the holder: the signature no longer matches, and souk does not know the token
	const [h, p, sig] = t.access_token.split('.');
	const forged = JSON.parse(Buffer.from(p, 'base64url'));
	forged.user_name = '1';
	const token2 = [h, Buffer.from(JSON.stringify(forged)).toString('base64url'), sig].join('.');
	await assert.rejects(verifyJwt(s, token2), (e) => e.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
	const me = await allegroMe(s, token2);
	assert.strictEqual(me.status, 401);
	assert.deepStrictEqual(me.json, { error: 'invalid_token', error_description: 'Invalid access token' });
});

test('the private key is kept in the database and served nowhere', async () => {
	const meta = await s.req('GET', '/.well-known/oauth-authorization-server/auth/oauth');
	const jwks = await s.req('GET', '/auth/oauth/jwks');
	for (const body of [meta.text, jwks.text]) assert.ok(!/PRIVATE|"d"|"p"|"q"/.test(body), body);
	const { sql } = require('./lib/oauth-flow');
	assert.match(sql(s, "SELECT value FROM settings WHERE key = 'oauth.signing_key'"), /BEGIN PRIVATE KEY/);
});

test('client_credentials: a token without user_name; /me answers 403 in Allegro\'s format', async () => {
	const t = await allegroToken(s, app, { grant_type: 'client_credentials' });
	assert.strictEqual(t.status, 200, t.text);
	assert.strictEqual(t.json.scope, ALLEGRO_SCOPES);
	assert.strictEqual(t.json.refresh_token !== undefined, true);
	const claims = await verifyJwt(s, t.json.access_token);
	assert.strictEqual(claims.user_name, undefined);
	assert.strictEqual(claims.client_id, String(app.client_id));
	const me = await allegroMe(s, t.json.access_token);
	assert.strictEqual(me.status, 403, me.text);
	assert.strictEqual(me.json.errors[0].code, 'AccessDenied');
	assert.deepStrictEqual(Object.keys(me.json.errors[0]), ['code', 'message', 'details', 'path', 'userMessage']);
});

test('/me: the seed\'s 401 without a token, invalid_token for a bad one, 406 for a wrong Accept, */* and none accepted', async () => {
	const none = await s.req('GET', '/me', { headers: { Accept: ALLEGRO_MEDIA } });
	assert.strictEqual(none.status, 401);
	assert.deepStrictEqual(none.json, { error: 'unauthorized',
		error_description: 'Full authentication is required to access this resource' });
	const bad = await allegroMe(s, 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln');
	assert.strictEqual(bad.status, 401);
	assert.strictEqual(bad.json.error, 'invalid_token');

	const t = await allegroCodeGrant(s, app, seller);
	const wrong = await allegroMe(s, t.access_token, 'application/xml');
	assert.strictEqual(wrong.status, 406);
	assert.strictEqual(wrong.json.errors[0].code, 'NotAcceptableException');
	const pl = await s.req('GET', '/me', { token: t.access_token, headers: { Accept: 'text/html', 'Accept-Language': 'pl-PL' } });
	assert.strictEqual(pl.json.errors[0].userMessage, 'Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji.');
	for (const accept of ['*/*', null]) assert.strictEqual((await allegroMe(s, t.access_token, accept)).status, 200);
	const missing = await s.req('GET', '/sale/no-such-resource', { token: t.access_token });
	assert.strictEqual(missing.status, 404);
	assert.deepStrictEqual(missing.json, { errors: [{ code: 'NotFoundException', message: 'Not found', details: null,
		path: null, userMessage: 'Function not available. Contact the application author.' }] });
});

test('faces keep their tokens apart: an OLX token is refused by /me, an Allegro token by the OLX API', async () => {
	const both = makeApp(s, { name: 'Both faces', redirectUris: [REDIRECT], scopes: `v2 read write ${ALLEGRO_SCOPES}` });
	const olx = await token(s, { grant_type: 'client_credentials', client_id: both.client_id, client_secret: both.client_secret });
	assert.strictEqual(olx.json.scope, 'v2 read write');
	assert.match(olx.json.access_token, /^[0-9a-f]{40}$/);
	const allegro = await allegroToken(s, both, { grant_type: 'client_credentials' });
	assert.strictEqual(allegro.json.scope, ALLEGRO_SCOPES);

	const t = await allegroCodeGrant(s, both, seller);
	const olxMe = await s.req('GET', '/api/partner/users/me', { token: t.access_token });
	assert.strictEqual(olxMe.status, 401);
	assert.strictEqual(olxMe.json.error, 'insufficient_scope');
	// an Allegro refresh token is not OLX's
	const cross = await token(s, { grant_type: 'refresh_token', client_id: both.client_id, client_secret: both.client_secret,
		refresh_token: t.refresh_token });
	assert.strictEqual(cross.status, 400);
	assert.strictEqual(cross.json.error, 'invalid_grant');
	// an app registered for OLX alone may not use Allegro's endpoint
	const olxOnly = makeApp(s, { name: 'OLX only' });
	const refused = await allegroToken(s, olxOnly, { grant_type: 'client_credentials' });
	assert.strictEqual(refused.status, 400);
	assert.strictEqual(refused.json.error, 'unauthorized_client');
});
