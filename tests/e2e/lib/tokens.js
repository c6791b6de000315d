'use strict';
// Bearer tokens for tests of endpoints that only need "a valid token".
//
// appToken(s): a client-context token from POST /api/open/oauth/token
// (client_credentials); when the endpoint does not answer 200, a token written
// straight into the database instead. userToken(s, userId): a user-context
// token written into the database (no consent pages needed).

const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');

const SCOPES_ALL = 7; // SCOPE_V2 | SCOPE_READ | SCOPE_WRITE

function makeApp(s, name = 'Token helper app') {
	return s.cli(['app', 'create', '--name', name, '--redirect-uri', 'http://client.test/cb']);
}

// Inserts an access token for app (and user, or client context when null).
function insertToken(s, appId, userId, scopes = SCOPES_ALL) {
	const token = crypto.randomBytes(20).toString('hex');
	const hash = crypto.createHash('sha256').update(token).digest('hex');
	const now = Math.floor(Date.now() / 1000);
	const exp = now + 365 * 86400;
	execFileSync('sqlite3', ['-cmd', '.timeout 5000', s.db,
		`INSERT INTO access_tokens(token_hash, app_id, user_id, scopes, family, issued_at, expires_at)
		 VALUES('${hash}', ${Number(appId)}, ${userId == null ? 'NULL' : Number(userId)}, ${Number(scopes)}, 0, ${now}, ${exp})`]);
	return token;
}

async function appToken(s, { scope = 'v2 read write' } = {}) {
	const app = makeApp(s);
	const r = await s.req('POST', '/api/open/oauth/token', {
		form: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope },
	});
	if (r.status === 200 && r.json && r.json.access_token) return r.json.access_token;
	return insertToken(s, app.id, null);
}

function userToken(s, userId, { scopes = SCOPES_ALL } = {}) {
	const app = makeApp(s);
	return insertToken(s, app.id, userId, scopes);
}

module.exports = { appToken, userToken, insertToken };
