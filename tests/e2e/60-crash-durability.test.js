'use strict';
// Crash durability: while sellers create adverts and apps are granted
// tokens, all at once, the server is killed with SIGKILL; restarted on the
// same database, it still has every write it acknowledged (a 2xx the client
// read whole), and SQLite finds the database intact. Repeated for a few
// rounds on the one database, each killed at another moment.

const test = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const { startSouk } = require('./lib/server');
const { makeApp, token } = require('./lib/oauth-flow');
const { advertBody, seller } = require('./lib/adverts');
const { patience } = require('./lib/patience');

const ROUNDS = 5;
const WRITERS = 6;               // concurrent clients, half creating, half granting
const KILL_AFTER = [40, 15, 30, 60, 5]; // acknowledged writes before each kill

function integrity(db) {
	return execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim();
}

// Runs the writers until `enough` writes were acknowledged, then kills the
// server while they are still sending. Returns what was acknowledged.
async function writeAndKill(s, who, app, round, enough) {
	const acked = { adverts: [], tokens: [] };
	let stop = false, n = 0;
	let killed;
	const killedWhen = new Promise((resolve) => { killed = resolve; });
	// The kill waits for one acknowledged write of each kind: counting the
	// two together, a round killed after five writes once had five adverts
	// and no token (the creators had simply been faster), and its check of
	// both kinds failed for the test's own timing, not the server's.
	const count = () => {
		if (acked.adverts.length + acked.tokens.length >= enough && acked.adverts.length > 0 &&
		    acked.tokens.length > 0 && !stop) {
			stop = true;
			s.crash().then(killed);
		}
	};
	const creator = async (w) => {
		while (!stop) {
			const title = `Bluzka damska runda ${round} klient ${w} numer ${++n}`;
			try {
				const r = await s.req('POST', '/api/partner/adverts', { token: who.token, json: advertBody({ title }) });
				if (r.status === 200) acked.adverts.push({ id: r.json.data.id, title });
				else assert.fail(`create refused: ${r.status} ${r.text}`);
			} catch (e) {
				// After the kill the connection dies with the server: not
				// acknowledged. Before it, a failed request is a fault to
				// report, not a writer to drop quietly.
				if (e instanceof assert.AssertionError || !stop) throw e;
				return;
			}
			count();
		}
	};
	const granter = async () => {
		while (!stop) {
			try {
				const r = await token(s, { grant_type: 'client_credentials', client_id: app.client_id,
					client_secret: app.client_secret, scope: 'v2 read' });
				if (r.status === 200) acked.tokens.push(r.json.access_token);
				else assert.fail(`grant refused: ${r.status} ${r.text}`);
			} catch (e) {
				// After the kill the connection dies with the server: not
				// acknowledged. Before it, a failed request is a fault to
				// report, not a writer to drop quietly.
				if (e instanceof assert.AssertionError || !stop) throw e;
				return;
			}
			count();
		}
	};
	const writers = [];
	for (let w = 0; w < WRITERS; w++) writers.push(w % 2 ? granter() : creator(w));
	await Promise.all(writers);
	await killedWhen;
	return acked;
}

test('every acknowledged write survives SIGKILL, and the database stays intact', { timeout: patience(120000) }, async (t) => {
	const env = { SOUK_IMAGE_CHECK: 'off', SOUK_QUIET: '1' };
	let s = await startSouk({ env });
	const db = s.db;
	const app = makeApp(s, { name: 'Crash test app' });
	const who = await seller(s);
	const all = { adverts: [], tokens: [] };
	try {
		for (let round = 0; round < ROUNDS; round++) {
			const acked = await writeAndKill(s, who, app, round, KILL_AFTER[round % KILL_AFTER.length]);
			await s.stop();
			assert.ok(acked.adverts.length > 0 && acked.tokens.length > 0,
				`round ${round} acknowledged ${acked.adverts.length} adverts, ${acked.tokens.length} tokens`);
			t.diagnostic(`round ${round}: killed after ${acked.adverts.length} adverts and ${acked.tokens.length} tokens acknowledged`);
			all.adverts.push(...acked.adverts);
			all.tokens.push(...acked.tokens);
			assert.strictEqual(integrity(db), 'ok', `round ${round}: integrity_check after SIGKILL`);

			s = await startSouk({ env, db });
			for (const ad of all.adverts) {
				const r = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: who.token, check: false });
				assert.strictEqual(r.status, 200, `round ${round}: acknowledged advert ${ad.id} is gone: ${r.text}`);
				assert.strictEqual(r.json.data.title, ad.title);
			}
			for (const t of all.tokens) {
				const r = await s.req('GET', '/api/partner/categories/1581', { token: t });
				assert.strictEqual(r.status, 200, `round ${round}: an acknowledged token no longer works: ${r.text}`);
			}
			const list = await s.req('GET', '/api/partner/adverts?limit=1000', { token: who.token, check: false });
			assert.ok(list.json.metadata.total_elements >= all.adverts.length);
		}
	} finally {
		await s.stop();
	}
	assert.strictEqual(integrity(db), 'ok', 'integrity_check after the last clean stop');
	require('node:fs').rmSync(require('node:path').dirname(db), { recursive: true, force: true });
});
