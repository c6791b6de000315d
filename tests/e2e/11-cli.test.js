'use strict';
// The operator command line: migrations upgrade an older database in place,
// subcommands print JSON, bad arguments are refused with a clear message.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { cli, runSouk, REPO_ROOT } = require('./lib/server');

function tmpdb() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-cli-'));
	return { dir, db: path.join(dir, 'souk.db') };
}

function sqlite(db, sql) {
	return execFileSync('sqlite3', [db], { input: sql, encoding: 'utf8' }).trim();
}

test('a database at schema 1 upgrades in place and keeps its rows', () => {
	const { dir, db } = tmpdb();
	const v1 = fs.readFileSync(path.join(REPO_ROOT, 'migrations/sqlite/0001_core.sql'), 'utf8');
	sqlite(db, `${v1}\nPRAGMA user_version=1;\n` +
		"INSERT INTO users(email, password_hash, created_at) VALUES('old@souk.test', 'x', 1);");
	const out = cli(['migrate'], { db });
	const files = fs.readdirSync(path.join(REPO_ROOT, 'migrations/sqlite')).filter((f) => f.endsWith('.sql'));
	const latest = Math.max(...files.map((f) => parseInt(f, 10)));
	assert.strictEqual(out.schema_version, latest);
	assert.strictEqual(sqlite(db, "SELECT email FROM users WHERE email = 'old@souk.test';"), 'old@souk.test');
	// Running it again changes nothing.
	assert.strictEqual(cli(['migrate'], { db }).schema_version, latest);
	fs.rmSync(dir, { recursive: true });
});

test('app create and user create print JSON; --db may come first or last', () => {
	const { dir, db } = tmpdb();
	const app = cli(['app', 'create', '--db', db, '--name', 'Shop', '--redirect-uri', 'https://shop.test/cb']);
	assert.match(app.client_id, /^[1-9][0-9]{8,9}$/);
	assert.match(app.client_secret, /^[0-9a-f]{64}$/);
	assert.deepStrictEqual(app.redirect_uris, ['https://shop.test/cb']);
	assert.strictEqual(app.scopes, 'v2 read write');
	// Only a hash of the secret is stored.
	const stored = sqlite(db, `SELECT secret_hash FROM apps WHERE client_id = '${app.client_id}';`);
	assert.notStrictEqual(stored, app.client_secret);
	assert.strictEqual(stored.length, 64);

	const user = cli(['user', 'create', '--email', 'a@souk.test', '--password', 'secret123', '--business'], { db });
	assert.ok(Number.isInteger(user.id) && user.id > 0);
	assert.strictEqual(user.is_business, true);
	const hash = sqlite(db, `SELECT password_hash FROM users WHERE id = ${user.id};`);
	assert.match(hash, /^\$argon2id\$/);
	fs.rmSync(dir, { recursive: true });
});

test('bad arguments are refused, with no database change', () => {
	const { dir, db } = tmpdb();
	let r = runSouk(['user', 'create', '--email', 'x@souk.test', '--password', 'secret123', '--bogus', '1', '--db', db]);
	assert.strictEqual(r.status, 2);
	assert.match(r.stderr, /unknown option '--bogus'/);
	r = runSouk(['app', 'create', '--name', 'X', '--scopes', 'admin', '--db', db]);
	assert.strictEqual(r.status, 2);
	assert.match(r.stderr, /--scopes/);
	r = runSouk(['app', 'create', '--name', 'X', '--redirect-uri', 'ftp://x#y', '--db', db]);
	assert.strictEqual(r.status, 2);
	r = runSouk(['user', 'create', '--email', 'dup@souk.test', '--password', 'secret123', '--db', db]);
	assert.strictEqual(r.status, 0);
	r = runSouk(['user', 'create', '--email', 'DUP@souk.test', '--password', 'secret123', '--db', db]);
	assert.strictEqual(r.status, 1);
	assert.match(r.stderr, /taken/);
	r = runSouk(['frobnicate']);
	assert.strictEqual(r.status, 2);
	fs.rmSync(dir, { recursive: true });
});
