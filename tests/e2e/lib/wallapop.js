'use strict';
// Wallapop's sign-in for tests that need its tokens: an app registered for
// the face, the authorization-code flow with PKCE S256 through the
// marketplace's pages at the document's paths, and its token endpoint.

const assert = require('node:assert');
const crypto = require('node:crypto');
const { authorize, makeApp } = require('./oauth-flow');

const OIDC = '/realms/wallapop-connect/protocol/openid-connect';

function makeWallapopApp(s, opts = {}) {
	return makeApp(s, { name: 'Wallapop client', scopes: 'wallapop', ...opts });
}

function wallapopToken(s, app, form) {
	return s.req('POST', `${OIDC}/token`, { form: { client_id: app.client_id, client_secret: app.client_secret, ...form } });
}

// The token response's JSON for user, signed in at the pages.
async function wallapopCodeGrant(s, app, user, { browser } = {}) {
	const verifier = crypto.randomBytes(32).toString('base64url');
	const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', redirect_uri: app.redirectUris[0],
		state: 'st', code_challenge: challenge, code_challenge_method: 'S256' },
	{ email: user.email, password: user.password, at: `${OIDC}/auth`, browser });
	const code = a.params && a.params.get('code');
	assert.ok(code, `no code in ${a.location} (${a.res.status}: ${a.res.text.slice(0, 300)})`);
	const t = await wallapopToken(s, app, { grant_type: 'authorization_code', code, redirect_uri: app.redirectUris[0],
		code_verifier: verifier });
	assert.strictEqual(t.status, 200, t.text);
	return t.json;
}

module.exports = { OIDC, makeWallapopApp, wallapopToken, wallapopCodeGrant };
