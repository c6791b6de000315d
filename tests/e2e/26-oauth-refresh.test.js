'use strict';
// Refresh grants under attack: a refresh that asks for less than the grant
// (RFC 6749 section 6) gets exactly that and no more, a wider one is refused;
// tokens revoked for a replayed code or a reused refresh token stay denied
// while other requests race the revocation; two refreshes racing with one
// refresh token never leave two live chains.

const test = require('node:test');
const assert = require('node:assert');
const net = require('node:net');
const { startSouk } = require('./lib/server');
const { Browser, authorize, makeApp, makeUser, token, codeGrant, advanceClock, me } = require('./lib/oauth-flow');

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

// --- revocations racing the token cache -------------------------------------

// Keeps `lanes` connections busy with pipelined GET /users/me (batches of
// 32, written at once, so the server always has a lookup to do) until the
// returned stop() is called; each answer says whether its batch was written
// after `after()` became true.
function hammer(accessToken, lanes, after) {
	const BATCH = 32;
	const request = `GET /api/partner/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nVersion: 2.0\r\n` +
		`Authorization: Bearer ${accessToken}\r\n\r\n`;
	let stopping = false;
	const answers = [];
	const lane = () => new Promise((resolve, reject) => {
		const sock = net.connect({ port: s.port, host: '127.0.0.1' });
		let text = '', late = false;
		const send = () => {
			if (stopping) { sock.destroy(); resolve(); return; }
			late = after();
			text = '';
			sock.write(request.repeat(BATCH));
		};
		sock.on('connect', send);
		sock.on('error', reject);
		sock.on('data', (d) => {
			text += d.toString('latin1');
			const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
			if (statuses.length < BATCH) return;
			for (const status of statuses) answers.push({ late, status });
			send();
		});
	});
	const running = Array.from({ length: lanes }, lane);
	return async () => {
		stopping = true;
		await Promise.all(running);
		return answers;
	};
}

// A family with many access tokens makes the revoking transaction long, which
// is the window the race needs.
async function widen(refreshToken, n) {
	for (let i = 0; i < n; i += 10)
		await Promise.all(Array.from({ length: 10 }, () => refresh(refreshToken, { scope: 'v2 read' })));
}

// Races `revoke()` against requests with accessToken; every request sent after
// the revocation was answered must be denied.
async function raceRevocation(accessToken, revoke) {
	let revoked = false;
	const stop = hammer(accessToken, 4, () => revoked);
	await new Promise((r) => setTimeout(r, 20));
	const answer = await revoke();
	revoked = true;
	// A stale cached answer would be served right after the revocation.
	await new Promise((r) => setTimeout(r, 150));
	const answers = await stop();
	const late = answers.filter((a) => a.late);
	assert.ok(late.length >= 32, `only ${late.length} requests after the revocation`);
	assert.deepStrictEqual(late.filter((a) => a.status !== 401), [], 'a revoked token was accepted after its revocation');
	return answer;
}

test('token-cache race: a replayed code revokes the grant, and requests racing it end denied', async () => {
	const b = new Browser(s);
	for (let round = 0; round < 15; round++) {
		const a = await authorize(s, { client_id: app.client_id, response_type: 'code', state: 'race', scope: 'v2 read write' },
			{ email: seller.email, password: seller.password, browser: b });
		const code = a.params.get('code');
		const exchange = () => token(s, { grant_type: 'authorization_code', client_id: app.client_id,
			client_secret: app.client_secret, code });
		const first = await exchange();
		assert.strictEqual(first.status, 200, first.text);
		await widen(first.json.refresh_token, 200);
		const replay = await raceRevocation(first.json.access_token, exchange);
		assert.strictEqual(replay.status, 400, replay.text);
		assert.strictEqual(replay.json.error, 'invalid_grant');
	}
});

test('token-cache race: a reused refresh token revokes the grant, and requests racing it end denied', async () => {
	for (let round = 0; round < 15; round++) {
		const t = await codeGrant(s, app, seller, { scope: 'v2 read write' });
		await advanceClock(s, 86400 + 60);
		const rotated = await refresh(t.refresh_token);
		assert.strictEqual(rotated.status, 200, rotated.text);
		assert.notStrictEqual(rotated.json.refresh_token, t.refresh_token);
		await widen(rotated.json.refresh_token, 200);
		const reuse = await raceRevocation(rotated.json.access_token, () => refresh(t.refresh_token));
		assert.strictEqual(reuse.status, 400, reuse.text);
		assert.strictEqual(reuse.json.error, 'invalid_grant');
	}
});
