'use strict';
// 36 requests a second per seller (the issue): every /items route counts
// against the seller's bucket; past it 429 with Retry-After, in the
// document's Error shape, for that seller only. The limit is the operator's
// setting ratelimit.wallapop.seller, lowered here so that no test depends
// on how fast the machine is.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk, runSouk } = require('./lib/server');
const { setting } = require('./lib/adverts');
const { wallapopSeller, itemBody, assertError } = require('./lib/wallapop-items');

let s;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
});
test.after(() => s && s.stop());

test('every /items route is in the seller\'s class', () => {
	const r = runSouk(['routes']);
	assert.strictEqual(r.status, 0, r.stderr);
	const items = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => /^\/items(\/|$)/.test(x.path));
	assert.ok(items.length >= 5);
	for (const x of items) assert.strictEqual(x.rate_class, 'wallapop', `${x.method} ${x.path}`);
});

test('past the seller\'s limit: 429 with Retry-After, the Error shape; another seller is not held back', async () => {
	await setting(s, 'ratelimit.wallapop.seller', '6/60');
	try {
		const a = await wallapopSeller(s);
		const b = await wallapopSeller(s);
		const calls = [() => s.req('GET', '/items', { token: a.token }),
			() => s.req('POST', '/items', { token: a.token, json: itemBody() }),
			() => s.req('GET', '/items/1', { token: a.token })];
		const rs = [];
		for (let i = 0; i < 9; i++) rs.push(await calls[i % 3]());
		assert.deepStrictEqual(rs.map((r) => r.status < 429), [true, true, true, true, true, true, false, false, false],
			rs.map((r) => r.status).join(' '));
		for (const r of rs.slice(6)) {
			assertError(r, 429, 'INVALID_BODY_REQUEST', /Too many requests/);
			assert.match(r.headers['retry-after'], /^[1-9]\d*$/);
		}
		// Refused, the create stored nothing: one item made before the limit.
		const other = await s.req('GET', '/items', { token: b.token });
		assert.strictEqual(other.status, 200, other.text);
	} finally {
		await setting(s, 'ratelimit.wallapop.seller', '36/1');
	}
});
