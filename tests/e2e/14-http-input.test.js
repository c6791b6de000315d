'use strict';
// Hostile request targets and options: each test sends what once got
// through (a forged access-log line, a path cut at %00, a face prefix matched
// inside a segment, a --body-max that atol read as anything) and checks it
// is now refused or made harmless.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSouk, runSouk } = require('./lib/server');
const { raw, parseRaw } = require('./lib/http');

let s;
test.before(async () => { s = await startSouk(); });
test.after(() => s && s.stop());

const waitFor = async (cond, ms = 5000) => {
	const end = Date.now() + ms;
	while (Date.now() < end && !cond()) await new Promise((r) => setTimeout(r, 50));
	return cond();
};

test('access log forgery: a %0A in the path cannot write a line of its own', async () => {
	const fake = '2030-01-01T00:00:00Z trace=00000000-0000-4000-8000-000000000000 POST /api/admin/clock/advance 200 2 1us client=root';
	const target = '/x%0A' + encodeURIComponent(fake) + '%0D%0A%22%5C';
	const text = await raw(s.port, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
	assert.strictEqual(parseRaw(text).status, 404);
	assert.ok(await waitFor(() => s.log().includes('GET /x\\x0a')), `no escaped line in:\n${s.log()}`);
	const lines = s.log().split('\n');
	assert.ok(!lines.some((l) => l.startsWith('2030-01-01')), 'a forged line reached the log');
	const line = lines.find((l) => l.includes('GET /x\\x0a'));
	assert.match(line, /^\d{4}-\d\d-\d\dT\S+ trace=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} GET \S+ 404 \d+ \d+us client=-$/);
	assert.ok(line.includes('\\x0d\\x0a\\x22\\x5c 404'), line);
});

test('NUL in a path: /healthz%00/x is refused, not served as /healthz', async () => {
	const r = await s.req('GET', '/healthz%00/x');
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, { error: { status: 400, detail: 'The request target contains a NUL byte (%00)' } });
	const q = await s.req('GET', '/healthz?x=%00');
	assert.strictEqual(q.status, 400);
});

test('NUL in a path: /api/partner/adverts/1%00/x is a 400 in the OLX format', async () => {
	for (const p of ['/api/partner/adverts/1%00/x', '/api/partner/adverts/1%00']) {
		const r = await s.req('GET', p, { token: 'deadbeef' });
		assert.strictEqual(r.status, 400, p);
		assert.deepStrictEqual(r.json, { error: { status: 400, title: 'Bad Request',
			detail: 'The request target contains a NUL byte (%00)' } });
	}
});

test('face prefixes match whole segments: /oauthx is not the web face', async () => {
	const x = await s.req('GET', '/oauthx');
	assert.strictEqual(x.status, 404);
	assert.match(x.headers['content-type'], /application\/json/);
	assert.deepStrictEqual(x.json, { error: { status: 404, detail: 'Not Found' } });
	const apiPartnerX = await s.req('GET', '/api/partnerx/adverts', { version: '2.0' });
	assert.strictEqual(apiPartnerX.status, 404);
	assert.deepStrictEqual(apiPartnerX.json, { error: { status: 404, detail: 'Not Found' } });
	// The face's own paths still speak it.
	const w = await s.req('GET', '/oauth/nowhere');
	assert.strictEqual(w.status, 404);
	assert.match(w.headers['content-type'], /text\/html/);
	const o = await s.req('GET', '/api/partner/nowhere');
	assert.deepStrictEqual(o.json, { error: { status: 404, title: 'Not Found', detail: 'Not Found' } });
});

test('--body-max and --threads refuse garbage, signs, units and overflow', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-args-'));
	const db = path.join(dir, 'souk.db');
	const bad = [['--body-max', 'abc'], ['--body-max', '-1'], ['--body-max', '1k'], ['--body-max', ' 5'],
		['--body-max', '99999999999999999999999'], ['--body-max', '4294967297'], ['--body-max', '2147483648'],
		['--threads', '-3'], ['--threads', 'many']];
	for (const args of bad) {
		const r = runSouk(['serve', '--listen', '127.0.0.1:1', '--db', db, ...args]);
		assert.strictEqual(r.status, 2, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
		assert.match(r.stderr, new RegExp(`${args[0]} takes a whole number from 0 to \\d+, not '`));
		assert.ok(r.stderr.includes(`not '${args[1]}'`), r.stderr);
	}
	const env = runSouk(['serve', '--listen', '127.0.0.1:1', '--db', db], { env: { SOUK_BODY_MAX: '12x' } });
	assert.strictEqual(env.status, 2);
	assert.match(env.stderr, /SOUK_BODY_MAX takes a whole number/);
	fs.rmSync(dir, { recursive: true, force: true });
});
