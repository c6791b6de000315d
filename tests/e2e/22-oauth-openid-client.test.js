'use strict';
// A real OAuth2 client library against souk: openid-client (v6) discovers
// the endpoints through RFC 8414 metadata, runs the authorization-code flow
// with PKCE S256 (the login and consent pages are driven over HTTP by
// lib/oauth-flow.js), refreshes, and the token opens the seller's account.

const test = require('node:test');
const assert = require('node:assert');
const client = require('openid-client');
const { startSouk } = require('./lib/server');
const { Browser, makeApp, makeUser, me } = require('./lib/oauth-flow');

const REDIRECT = 'http://client.test/callback';

let s, app, seller;
test.before(async () => {
	s = await startSouk();
	app = makeApp(s, { name: 'Library client', redirectUris: [REDIRECT] });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

function discover(auth) {
	return client.discovery(new URL(s.url), app.client_id, app.client_secret, auth,
		{ algorithm: 'oauth2', execute: [client.allowInsecureRequests] });
}

// Follows the authorization URL through login and consent (shown once per
// user and app) to the redirect.
async function consent(url) {
	const b = new Browser(s);
	let r = await b.req('GET', url.pathname + url.search);
	assert.strictEqual(r.status, 200, r.text);
	const login = await b.login(r, seller.email, seller.password);
	assert.strictEqual(login.status, 303);
	r = await b.req('GET', login.headers.location);
	if (r.status === 302) return new URL(r.headers.location); // consent remembered
	assert.match(r.text, /Library client/);
	const f = b.form(r.text, '/oauth/authorize');
	r = await b.req('POST', '/oauth/authorize', { form: { ...f.fields, decision: 'allow' } });
	assert.strictEqual(r.status, 303, r.text);
	return new URL(r.headers.location);
}

for (const name of ['client_secret_post', 'client_secret_basic']) {
	test(`authorization code + PKCE S256 with ${name}, then refresh`, async () => {
		const config = await discover(name === 'client_secret_basic' ? client.ClientSecretBasic(app.client_secret) : undefined);
		assert.strictEqual(config.serverMetadata().token_endpoint, `${s.url}/api/open/oauth/token`);

		const verifier = client.randomPKCECodeVerifier();
		const challenge = await client.calculatePKCECodeChallenge(verifier);
		const state = client.randomState();
		const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'v2 read write',
			code_challenge: challenge, code_challenge_method: 'S256', state });
		assert.strictEqual(url.origin + url.pathname, `${s.url}/oauth/authorize`);

		const back = await consent(url);
		assert.strictEqual(back.origin + back.pathname, REDIRECT);
		const tokens = await client.authorizationCodeGrant(config, back,
			{ pkceCodeVerifier: verifier, expectedState: state });
		assert.match(tokens.access_token, /^[0-9a-f]{40}$/);
		assert.strictEqual(tokens.token_type, 'bearer');
		assert.strictEqual(tokens.scope, 'v2 read write');
		assert.strictEqual(tokens.expires_in, 86400);

		const u = await me(s, tokens.access_token);
		assert.strictEqual(u.status, 200, u.text);
		assert.strictEqual(u.json.data.id, seller.id);
		assert.strictEqual(u.json.data.email, seller.email);

		const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
		assert.strictEqual(refreshed.access_token, tokens.access_token);
		assert.strictEqual(refreshed.refresh_token, tokens.refresh_token);
	});
}

test('a wrong PKCE verifier is refused to the library as invalid_grant', async () => {
	const config = await discover();
	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'v2 read',
		code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state });
	const back = await consent(url);
	await assert.rejects(
		client.authorizationCodeGrant(config, back, { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: state }),
		(e) => e.error === 'invalid_grant');
});

test('client_credentials through the library', async () => {
	const config = await discover();
	const t = await client.clientCredentialsGrant(config, { scope: 'v2 read' });
	assert.strictEqual(t.scope, 'v2 read');
	const u = await me(s, t.access_token);
	assert.strictEqual(u.json.error.detail, 'Invalid owner in token');
});
