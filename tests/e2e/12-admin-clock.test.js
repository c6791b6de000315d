'use strict';
// The operator API's key and the marketplace clock it advances.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');

let s, key;
test.before(async () => {
	s = await startSouk();
	key = s.cli(['operator', 'create', '--name', 'tests']).token;
});
test.after(() => s && s.stop());

test('the operator API refuses callers without a live key', async () => {
	for (const token of [undefined, 'nope', 'a'.repeat(48)]) {
		const r = await s.req('GET', '/api/admin/clock', { token });
		assert.strictEqual(r.status, 401);
		assert.strictEqual(r.json.error.status, 401);
	}
});

test('the clock advances, persists, and never goes back', async () => {
	const before = await s.req('GET', '/api/admin/clock', { token: key });
	assert.strictEqual(before.status, 200);
	assert.strictEqual(before.json.offset_seconds, 0);
	const r = await s.req('POST', '/api/admin/clock/advance', { token: key, json: { seconds: 15 * 86400 } });
	assert.strictEqual(r.status, 200);
	assert.strictEqual(r.json.offset_seconds, 15 * 86400);
	assert.ok(r.json.now >= before.json.now + 15 * 86400);
	const back = await s.req('POST', '/api/admin/clock/advance', { token: key, json: { seconds: -5 } });
	assert.strictEqual(back.status, 400);
	const bad = await s.req('POST', '/api/admin/clock/advance', { token: key, json: { seconds: 'x' } });
	assert.strictEqual(bad.status, 400);
	const malformed = await s.req('POST', '/api/admin/clock/advance', { token: key, body: '{"seconds":',
		headers: { 'content-type': 'application/json' } });
	assert.strictEqual(malformed.status, 400);
	const wrongType = await s.req('POST', '/api/admin/clock/advance', { token: key, body: 'seconds=5',
		headers: { 'content-type': 'text/plain' } });
	assert.strictEqual(wrongType.status, 415);
	// Another process reading the database sees the same offset.
	const again = await s.req('GET', '/api/admin/clock', { token: key });
	assert.strictEqual(again.json.offset_seconds, 15 * 86400);
});
