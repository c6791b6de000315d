'use strict';
// A webhook's signing token: the seller reads it back (GET) and deliveries
// sign with it, so it cannot be kept as a digest; it is kept sealed, never
// in clear. Read the way an attacker with a copy of the database would: the
// bytes of every file of the database (main file, WAL, shared memory) hold
// no token, current or rotated away. The key survives a restart (the same
// tokens come back), and rotations racing on one webhook leave one token,
// the one GET shows, which one of the racers was given.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { webhookSeller, createWebhook, liftSellerLimit } = require('./lib/webhooks');

let s, restarted = null;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);
});
test.after(async () => {
	if (s) await s.stop();
	// a restart's database folder is left to the instance that made it,
	// which crashed
	if (restarted) fs.rmSync(restarted, { recursive: true, force: true });
});

// Every byte souk wrote for the database, whatever was checkpointed.
function databaseBytes(db) {
	const dir = path.dirname(db);
	return fs.readdirSync(dir).filter((f) => f.startsWith(path.basename(db)))
		.map((f) => fs.readFileSync(path.join(dir, f)));
}

function assertNowhere(db, secrets) {
	const files = databaseBytes(db);
	assert.ok(files.length >= 1);
	for (const t of secrets)
		for (const bytes of files) {
			assert.strictEqual(bytes.indexOf(Buffer.from(t, 'latin1')), -1, `token ${t} found in clear`);
			// and not as hex or base64 of itself either
			assert.strictEqual(bytes.indexOf(Buffer.from(Buffer.from(t).toString('hex'))), -1);
			assert.strictEqual(bytes.indexOf(Buffer.from(Buffer.from(t).toString('base64url'))), -1);
		}
}

test('no token is ever written in clear: not at creation, not after rotation, not after deletion', async () => {
	const seller = await webhookSeller(s);
	const a = await createWebhook(seller, { url: 'https://a.test/?id=1', events: ['ITEM_LISTED'] });
	const b = await createWebhook(seller, { url: 'https://b.test/?id=2', events: ['SALE_COMPLETED'] });
	const seen = [a.token, b.token];
	for (let i = 0; i < 3; i++) {
		const r = await seller.as.rotate(a.id);
		assert.strictEqual(r.status, 200, r.text);
		seen.push(r.json.token);
	}
	assert.strictEqual(new Set(seen).size, seen.length, 'every token is new');
	assert.strictEqual((await seller.as.remove(b.id)).status, 204);
	assertNowhere(s.db, seen);
	sql(s, 'PRAGMA wal_checkpoint(TRUNCATE)');
	assertNowhere(s.db, seen);

	const rows = sql(s, `SELECT uid || '|' || token_sealed || '|' || (deleted_at IS NOT NULL) FROM webhooks
		WHERE uid IN ('${a.id}', '${b.id}') ORDER BY id`).split('\n').map((l) => l.split('|'));
	assert.strictEqual(rows.length, 2);
	assert.ok(rows[0][1].length > 64, 'the live webhook keeps a sealed token');
	assert.strictEqual(rows[0][2], '0');
	assert.deepStrictEqual(rows[1].slice(1), ['', '1'], 'a deleted webhook keeps no token at all');
	// the sealing key is in the settings, not the token
	assert.doesNotMatch(sql(s, 'SELECT value FROM settings'), new RegExp(seen.join('|')));
});

test('the sealing key outlives the process: after a crash and a restart GET gives the same tokens', async () => {
	const seller = await webhookSeller(s);
	const made = await createWebhook(seller, { url: 'https://restart.test/?seller=9', events: ['ITEM_LISTED'] });
	await s.crash();
	await s.stop();
	s = await startSouk({ db: s.db });
	restarted = s.dir;
	const again = await s.req('GET', '/webhooks', { token: seller.token });
	assert.strictEqual(again.status, 200, again.text);
	assert.deepStrictEqual(again.json, [{ id: made.id, url: 'https://restart.test/?seller=9', token: made.token,
		events: ['ITEM_LISTED'] }]);
});

test('rotations racing on one webhook each get a new token, and GET shows exactly one of them', async () => {
	const seller = await webhookSeller(s);
	const made = await createWebhook(seller, { url: 'https://race.test/', events: ['ITEM_LISTED'] });
	const rs = await Promise.all(Array.from({ length: 12 }, () => seller.as.rotate(made.id)));
	for (const r of rs) assert.strictEqual(r.status, 200, r.text);
	const given = rs.map((r) => r.json.token);
	assert.strictEqual(new Set(given).size, given.length);
	const list = await seller.as.list();
	assert.strictEqual(list.json.length, 1);
	assert.ok(given.includes(list.json[0].token), 'GET shows a token one of the racers was given');
	assert.notStrictEqual(list.json[0].token, made.token);
	assert.deepStrictEqual((await seller.as.list()).json, list.json, 'and keeps showing it');
});
