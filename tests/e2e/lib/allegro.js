'use strict';
// What the Allegro sign-in tests share: an app registered for Allegro's
// scopes, token requests the way Allegro clients send them (HTTP Basic,
// parameters in the query string with an empty body, or in a form), the
// authorization-code flow through /auth/oauth/authorize, GET /me with the
// face's media type, and the JWT checked by jose against the published JWKS.

const assert = require('node:assert');
const jose = require('jose');
const { authorize, makeApp } = require('./oauth-flow');
const { ALLEGRO_MEDIA } = require('./allegro-schema');

const ALLEGRO_SCOPES = 'allegro:api:profile:read allegro:api:sale:offers:read allegro:api:sale:offers:write ' +
	'allegro:api:sale:settings:read allegro:api:sale:settings:write';
const AUTHORIZE = '/auth/oauth/authorize';
const TOKEN = '/auth/oauth/token';
const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function makeAllegroApp(s, opts = {}) {
	return makeApp(s, { name: 'Allegro client', scopes: ALLEGRO_SCOPES, ...opts });
}

// POST /auth/oauth/token as Allegro clients send it: `via` 'query' (empty
// body, no Content-Type) or 'form'; the client by HTTP Basic unless
// basic: false.
function allegroToken(s, app, params, { via = 'query', basic = true } = {}) {
	const opts = basic ? { basic: { user: app.client_id, pass: app.client_secret } } : {};
	if (via === 'query') return s.req('POST', `${TOKEN}?${new URLSearchParams(params)}`, opts);
	return s.req('POST', TOKEN, { ...opts, form: params });
}

// The authorization-code flow through the marketplace's pages: the token
// response's JSON.
async function allegroCodeGrant(s, app, user, { scope, browser } = {}) {
	const query = { client_id: app.client_id, response_type: 'code', redirect_uri: app.redirectUris[0], state: 'st' };
	if (scope) query.scope = scope;
	const a = await authorize(s, query, { email: user.email, password: user.password, at: AUTHORIZE, browser });
	const code = a.params && a.params.get('code');
	assert.ok(code, `no code in ${a.location} (${a.res.status}: ${a.res.text.slice(0, 300)})`);
	const t = await allegroToken(s, app, { grant_type: 'authorization_code', code, redirect_uri: app.redirectUris[0] });
	assert.strictEqual(t.status, 200, t.text);
	return t.json;
}

function allegroMe(s, accessToken, accept = ALLEGRO_MEDIA) {
	const headers = accept ? { Accept: accept } : {};
	return s.req('GET', '/me', { token: accessToken, headers });
}

// jose, with the key set the server publishes: the verified payload.
async function verifyJwt(s, token) {
	const keys = jose.createRemoteJWKSet(new URL(`${s.url}/auth/oauth/jwks`));
	const { payload, protectedHeader } = await jose.jwtVerify(token, keys,
		{ issuer: `${s.url}/auth/oauth`, algorithms: ['RS256'] });
	assert.strictEqual(protectedHeader.alg, 'RS256');
	return payload;
}

module.exports = {
	ALLEGRO_SCOPES, ALLEGRO_MEDIA, AUTHORIZE, TOKEN, JWT_RE,
	makeAllegroApp, allegroToken, allegroCodeGrant, allegroMe, verifyJwt,
};
