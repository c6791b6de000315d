'use strict';
// Tests of the e2e harness itself. None needs the souk binary: the schema
// checker runs on the real OLX document, the HTTP functions against a small
// in-process server, and startSouk against a stand-in script that follows
// souk's CLI contract.

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { createChecker, checkOlx, matchOlxPath, specSkipReason } = require('./lib/olx-schema');
const { createClient, raw, parseRaw } = require('./lib/http');
const { startSouk, freePort, cli } = require('./lib/server');

const noSpec = specSkipReason();
const category = { id: 1291, name: 'Akcesoria kuchenne', parent_id: 1409, photos_limit: 8, is_leaf: true };

describe('olx-schema: path matching', { skip: noSpec }, () => {
	test('concrete path maps to its template with params', () => {
		assert.deepStrictEqual(matchOlxPath('/api/partner/cities/17/districts'),
			{ template: '/cities/{cityId}/districts', params: { cityId: '17' } });
	});
	test('literal segments win over parameters', () => {
		assert.strictEqual(matchOlxPath('/api/partner/users/me').template, '/users/me');
		assert.strictEqual(matchOlxPath('/api/partner/users/42').template, '/users/{id}');
		assert.strictEqual(matchOlxPath('/api/partner/categories/suggestion').template, '/categories/suggestion');
		assert.strictEqual(matchOlxPath('/api/partner/users-business/me/logos/7').template, '/users-business/me/logos/{logoId}');
	});
	test('query string and trailing slash are ignored', () => {
		assert.strictEqual(matchOlxPath('/api/partner/categories/5?x=1').template, '/categories/{categoryId}');
		assert.strictEqual(matchOlxPath('/api/partner/categories/5/').template, '/categories/{categoryId}');
	});
	test('undocumented or foreign paths do not match', () => {
		assert.strictEqual(matchOlxPath('/api/partner/nope'), null);
		assert.strictEqual(matchOlxPath('/api/partner/cities/1/districts/2'), null);
		assert.strictEqual(matchOlxPath('/cities/1'), null);
		assert.strictEqual(matchOlxPath('/api/open/oauth/token'), null);
	});
});

describe('olx-schema: validation', { skip: noSpec }, () => {
	test('valid category passes, bare and wrapped in data', () => {
		checkOlx('GET', '/api/partner/categories/1291', 200, category);
		checkOlx('GET', '/api/partner/categories/1291', 200, { data: category });
		checkOlx('GET', '/api/partner/categories', 200, { data: [category] });
	});
	test('wrong type fails with the Ajv error and the body', () => {
		assert.throws(() => checkOlx('GET', '/api/partner/categories/1', 200, { data: { ...category, id: 'x' } }),
			(e) => e instanceof assert.AssertionError && /\/id must be integer/.test(e.message) && /"x"/.test(e.message));
	});
	test('the unwrapped payload is what gets validated', () => {
		// a list where an object is documented fails only if data is unwrapped
		assert.throws(() => checkOlx('GET', '/api/partner/categories/1', 200, { data: [category] }), /must be object/);
		assert.throws(() => checkOlx('GET', '/api/partner/categories', 200, { data: [{ id: 'x' }] }), /must be integer/);
	});
	test('a schema that documents `data` itself is not unwrapped', () => {
		// GET /adverts documents {data: [advert]}: unwrapping would test the
		// array against an object schema and fail; an object in data must fail
		checkOlx('GET', '/api/partner/adverts', 200, { data: [] });
		assert.throws(() => checkOlx('GET', '/api/partner/adverts', 200, { data: {} }), /must be array/);
	});
	test('no documented schema for the status: nothing to check', () => {
		checkOlx('GET', '/api/partner/categories/1', 404, { error: { status: 404 } });
		checkOlx('DELETE', '/api/partner/adverts/1', 204, null);
		checkOlx('GET', '/api/partner/undocumented', 200, { anything: true });
	});
	test('coverage records checked operations', () => {
		const c = createChecker();
		c.check('GET', '/api/partner/cities/3', 200, { data: { id: 3, region_id: 1, name: 'Kyiv' } });
		c.check('GET', '/api/partner/cities/3', 401, { error: {} });
		assert.throws(() => c.check('GET', '/api/partner/cities/3', 200, { data: { id: 'three' } }));
		assert.deepStrictEqual(c.coverage(), {
			'GET /cities/{cityId}': { count: 3, statuses: {
				200: { valid: 1, invalid: 1, unchecked: 0 }, 401: { valid: 0, invalid: 0, unchecked: 1 } } },
		});
		assert.ok(c.operations().includes('POST /adverts'));
		assert.ok(c.operations().includes('GET /cities/{cityId}/districts'));
	});
});

// Runs fn with CI set to `value` (undefined: unset), then puts CI back.
function withCi(value, fn) {
	const before = process.env.CI;
	if (value === undefined) delete process.env.CI; else process.env.CI = value;
	try { return fn(); } finally {
		if (before === undefined) delete process.env.CI; else process.env.CI = before;
	}
}

test('olx-schema: a missing spec outside CI skips every check, and says so', (t) => {
	const missing = path.join(os.tmpdir(), 'no-such-dir', 'olx.yaml');
	let said = '';
	t.mock.method(process.stderr, 'write', (text) => { said += text; return true; });
	withCi(undefined, () => {
		const c = createChecker(missing);
		assert.strictEqual(c.available, false);
		c.check('GET', '/api/partner/categories/1', 200, { data: { id: 'x' } });
		assert.strictEqual(c.match('/api/partner/categories/1'), null);
		assert.match(said, /NOT checked against the OLX document/);
		said = '';
		assert.match(specSkipReason(missing), /NOT CHECKED/);
		assert.match(said, /no-such-dir\/olx\.yaml not found/);
	});
});

test('olx-schema: a missing spec under CI fails every check, not only the first', () => {
	const missing = path.join(os.tmpdir(), 'no-such-dir', 'olx.yaml');
	withCi('true', () => {
		const c = createChecker(missing);
		for (let i = 0; i < 2; i++)
			assert.throws(() => c.check('GET', '/api/partner/categories/1', 200, { data: { id: 1 } }), /missing and CI is set/);
		assert.throws(() => c.available, /missing and CI is set/);
		assert.throws(() => specSkipReason(missing), /missing and CI is set/);
	});
});

describe('http requests', () => {
	let srv, base, port, seen;
	before(async () => {
		srv = http.createServer((rq, rs) => {
			let body = '';
			rq.on('data', (d) => (body += d));
			rq.on('end', () => {
				seen = { method: rq.method, url: rq.url, headers: rq.headers, body };
				if (rq.url.startsWith('/api/partner/categories/')) {
					const id = rq.url.endsWith('/bad') ? 'x' : 7;
					rs.writeHead(200, { 'content-type': 'application/json' });
					return rs.end(JSON.stringify({ data: { ...category, id } }));
				}
				rs.writeHead(302, { location: '/elsewhere', 'set-cookie': ['a=1', 'b=2'] });
				rs.end();
			});
		});
		await new Promise((r) => srv.listen(0, '127.0.0.1', r));
		port = srv.address().port;
		base = `http://127.0.0.1:${port}`;
	});
	after(() => new Promise((r) => srv.close(r)));

	test('OLX paths get Version 2.0 by default, others do not', async () => {
		const c = createClient(base);
		const r = await c.get('/api/partner/categories/7', { token: 'tok' });
		assert.strictEqual(r.status, 200);
		assert.strictEqual(r.json.data.id, 7);
		assert.strictEqual(seen.headers.version, '2.0');
		assert.strictEqual(seen.headers.authorization, 'Bearer tok');
		await c.get('/api/partner/categories/7', { version: false });
		assert.strictEqual(seen.headers.version, undefined);
		await c.get('/other');
		assert.strictEqual(seen.headers.version, undefined);
	});
	test('json, form and basic bodies are encoded', async () => {
		const c = createClient(base);
		await c.post('/x', { json: { a: 1 } });
		assert.strictEqual(seen.headers['content-type'], 'application/json');
		assert.strictEqual(seen.body, '{"a":1}');
		await c.post('/x', { form: { grant_type: 'client_credentials', scope: 'v2 read' }, basic: { user: 'id:1', pass: 's&t' } });
		assert.strictEqual(seen.headers['content-type'], 'application/x-www-form-urlencoded');
		assert.strictEqual(seen.body, 'grant_type=client_credentials&scope=v2+read');
		assert.strictEqual(Buffer.from(seen.headers.authorization.slice(6), 'base64').toString(), 'id%3A1:s%26t');
	});
	test('redirects are not followed; cookies are listed', async () => {
		const r = await createClient(base).get('/login');
		assert.strictEqual(r.status, 302);
		assert.strictEqual(r.headers.location, '/elsewhere');
		assert.deepStrictEqual(r.cookies, ['a=1', 'b=2']);
	});
	test('every OLX response is schema-checked unless opted out', { skip: noSpec }, async () => {
		const c = createClient(base);
		await assert.rejects(c.get('/api/partner/categories/bad'), /\/id must be integer/);
		const r = await c.get('/api/partner/categories/bad', { check: false });
		assert.strictEqual(r.json.data.id, 'x');
	});
	test('raw sends bytes as-is and returns the whole response', async () => {
		const text = await raw(port, 'GET /raw HTTP/1.1\r\nHost: x\r\n\r\n');
		const p = parseRaw(text);
		assert.strictEqual(p.status, 302);
		assert.strictEqual(p.headers.location, '/elsewhere');
		const bad = parseRaw(await raw(port, 'BLAH\r\n\r\n'));
		assert.strictEqual(bad.status, 400);
		assert.strictEqual(parseRaw('garbage'), null);
	});
	test('raw resolves on timeout when the server stays silent', async () => {
		const quiet = net.createServer(() => {});
		await new Promise((r) => quiet.listen(0, '127.0.0.1', r));
		const t0 = Date.now();
		assert.strictEqual(await raw(quiet.address().port, 'GET / HTTP/1.1\r\n', { timeout: 200 }), '');
		assert.ok(Date.now() - t0 >= 150);
		quiet.close();
	});
});

// A stand-in for the souk binary: `serve` answers /healthz and exits with
// $FAKE_EXIT on SIGTERM (printing $FAKE_STDERR first); other subcommands echo
// their argv as JSON.
const FAKE = `#!${process.execPath}
const args = process.argv.slice(2);
if (args[0] !== 'serve') { console.log(JSON.stringify({ args })); process.exit(Number(process.env.FAKE_EXIT || 0)); }
const listen = args[args.indexOf('--listen') + 1].split(':');
require('http').createServer((q, s) => s.end('ok')).listen(Number(listen[1]), listen[0], () =>
	console.log('souk: listening on http://' + listen.join(':')));
process.on('SIGTERM', () => {
	if (process.env.FAKE_STDERR) process.stderr.write(process.env.FAKE_STDERR + '\\n');
	process.exit(Number(process.env.FAKE_EXIT || 0));
});
`;

describe('server lifecycle (stand-in binary)', () => {
	let bin, binDir;
	before(() => {
		binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-fake-'));
		bin = path.join(binDir, 'souk');
		fs.writeFileSync(bin, FAKE, { mode: 0o755 });
	});
	after(() => fs.rmSync(binDir, { recursive: true, force: true }));

	test('freePort gives a bindable port', async () => {
		const port = await freePort();
		const s = net.createServer();
		await new Promise((r, j) => { s.on('error', j); s.listen(port, '127.0.0.1', r); });
		s.close();
	});
	test('start, request, cli, clean stop removes the temp dir', async () => {
		const s = await startSouk({ bin });
		assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.strictEqual(s.db, path.join(s.dir, 'souk.db'));
		assert.strictEqual((await s.req('GET', '/healthz')).text, 'ok');
		assert.deepStrictEqual(s.cli(['app', 'create', '--name', 'x']).args,
			['app', 'create', '--name', 'x', '--db', s.db]);
		await s.stop();
		assert.strictEqual(fs.existsSync(s.dir), false);
	});
	test('non-zero exit on SIGTERM fails stop() with the log', async () => {
		const s = await startSouk({ bin, env: { FAKE_EXIT: '1', FAKE_STDERR: '==1==ERROR: AddressSanitizer: heap-use-after-free' } });
		await assert.rejects(s.stop(), /exited 1[\s\S]*heap-use-after-free/);
		fs.rmSync(s.dir, { recursive: true, force: true });
	});
	test('a sanitizer report fails stop() even with exit 0', async () => {
		const s = await startSouk({ bin, env: { FAKE_STDERR: 'src/x.c:3:5: runtime error: signed integer overflow' } });
		await assert.rejects(s.stop(), /runtime error/);
		fs.rmSync(s.dir, { recursive: true, force: true });
	});
	test('a failing cli command throws with its output', () => {
		assert.throws(() => cli(['user', 'create'], { db: '/nonexistent.db', bin, env: { FAKE_EXIT: '2' } }), /exited 2/);
	});
	test('a server that dies at start is reported with its log', async () => {
		const dead = path.join(binDir, 'dead');
		fs.writeFileSync(dead, `#!${process.execPath}\nconsole.error('souk: cannot open database'); process.exit(3);\n`, { mode: 0o755 });
		// the failure keeps its temp dir for a human; this test cleans up after itself
		const keptDir = (e) => { fs.rmSync(path.dirname(/log (\S+):/.exec(e.message)[1]), { recursive: true }); return true; };
		await assert.rejects(startSouk({ bin: dead }), (e) =>
			/did not become healthy[\s\S]*exit 3[\s\S]*cannot open database/.test(e.message) && keptDir(e));
		const noexec = path.join(binDir, 'noexec');
		fs.writeFileSync(noexec, '', { mode: 0o644 });
		await assert.rejects(startSouk({ bin: noexec }), (e) => /EACCES/.test(e.message) && keptDir(e));
	});
	test('a missing binary is reported clearly', async () => {
		await assert.rejects(startSouk({ bin: path.join(binDir, 'absent') }), /souk binary not found/);
	});
});

test('patience: waits are scaled by the sanitizer that runs, nothing else', () => {
	const { factor } = require('./lib/patience');
	assert.strictEqual(factor(''), 1);
	assert.ok(factor('address') > 1);
	assert.ok(factor('thread') > factor('address'));
	assert.strictEqual(factor('1'), factor('address'), 'an unknown value counts as a sanitizer build');
});
