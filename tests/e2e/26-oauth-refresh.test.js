'use strict';
// Refresh grants under attack: a refresh that asks for less than the grant
// (RFC 6749 section 6) gets exactly that and no more, a wider one is refused;
// tokens revoked for a replayed code or a reused refresh token stay denied
// while other requests race the revocation; two refreshes racing with one
// refresh token get the same answer and leave one live chain (the loser of a
// rotation is handed the winner's token), never two and never none.

const test = require('node:test');
const assert = require('node:assert');
const net = require('node:net');
const { startSouk } = require('./lib/server');
const { setting } = require('./lib/adverts');
const {
	Browser, authorize, makeApp, makeUser, token, codeGrant, advanceClock, me, sql, sha256hex,
} = require('./lib/oauth-flow');

let s, app, seller;
test.before(async () => {
	s = await startSouk();
	// The races widen each grant with hundreds of refreshes from one address,
	// thousands a minute: the token endpoint's limit per address is not what
	// this file tests (17-token-endpoint-limits does).
	await setting(s, 'ratelimit.olx.token', 'off');
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

// --- two refreshes with one refresh token -----------------------------------

// Every live refresh token of the seller's grants with app, read from the
// database (only hashes are stored: compare digests).
function liveRefreshHashes(family) {
	return sql(s, `SELECT token_hash FROM oauth_refresh_tokens WHERE family = ${Number(family)}
		AND retired = 0 AND revoked = 0 ORDER BY id`).split('\n').filter(Boolean);
}

function familyOf(refreshToken) {
	return sql(s, `SELECT family FROM oauth_refresh_tokens WHERE token_hash = '${sha256hex(refreshToken)}'`);
}

async function assertSameAnswerOneChain(t, answers) {
	for (const r of answers) assert.strictEqual(r.status, 200, r.text);
	// expires_in counts down: the two answers may be a second apart.
	const [a, b] = answers.map(({ json: { expires_in, ...rest } }) => rest);
	assert.deepStrictEqual(b, a, 'two refreshes with one token got different answers');
	const family = familyOf(t.refresh_token);
	assert.deepStrictEqual(liveRefreshHashes(family), [sha256hex(a.refresh_token)], 'more than one live refresh token');
	assert.strictEqual((await me(s, a.access_token)).status, 200);
	// The chain goes on: the answer's refresh token refreshes.
	const next = await refresh(a.refresh_token);
	assert.strictEqual(next.status, 200, next.text);
	assert.strictEqual(next.json.access_token, a.access_token);
}

test('two refreshes racing with one refresh token get the same answer while the access token lives', async () => {
	for (let round = 0; round < 5; round++) {
		const t = await codeGrant(s, app, seller);
		await assertSameAnswerOneChain(t, await Promise.all([refresh(t.refresh_token), refresh(t.refresh_token)]));
	}
});

test('two refreshes racing with one refresh token get the same answer once the access token expired', async () => {
	for (let round = 0; round < 5; round++) {
		const t = await codeGrant(s, app, seller);
		// The access token ends before the refresh token is due for rotation
		// (both last a day from issue, so only an edit makes this state).
		sql(s, `UPDATE access_tokens SET expires_at = 1 WHERE token_hash = '${sha256hex(t.access_token)}'`);
		const answers = await Promise.all([refresh(t.refresh_token), refresh(t.refresh_token)]);
		assert.notStrictEqual(answers[0].json.access_token, t.access_token);
		assert.strictEqual(answers[0].json.refresh_token, t.refresh_token);
		await assertSameAnswerOneChain(t, answers);
	}
});

test('two refreshes racing with one refresh token due for rotation leave one live chain, not none', async () => {
	for (let round = 0; round < 5; round++) {
		const t = await codeGrant(s, app, seller);
		await advanceClock(s, 86400 + 60);
		const answers = await Promise.all([refresh(t.refresh_token), refresh(t.refresh_token)]);
		assert.notStrictEqual(answers[0].json.refresh_token, t.refresh_token);
		await assertSameAnswerOneChain(t, answers);
		// The replaced token, presented once the new one was used, is reuse:
		// the whole grant is revoked.
		const reuse = await refresh(t.refresh_token);
		assert.strictEqual(reuse.status, 400, reuse.text);
		assert.strictEqual(reuse.json.error, 'invalid_grant');
		assert.strictEqual((await me(s, answers[0].json.access_token)).status, 401);
	}
});

test('two refreshes racing: a replaced token presented after the grace is reuse, even with its successor unused', async () => {
	const t = await codeGrant(s, app, seller);
	await advanceClock(s, 86400 + 60);
	const rotated = await refresh(t.refresh_token);
	assert.strictEqual(rotated.status, 200, rotated.text);
	await advanceClock(s, 61);
	const reuse = await refresh(t.refresh_token);
	assert.strictEqual(reuse.status, 400, reuse.text);
	assert.strictEqual(reuse.json.error, 'invalid_grant');
	assert.strictEqual((await refresh(rotated.json.refresh_token)).status, 400);
});
