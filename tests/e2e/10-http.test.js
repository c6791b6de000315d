'use strict';
// The http layer and its one dispatcher: every kind of bad input gets an
// answer in the calling face's format, never a hang or a dropped connection.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { raw, parseRaw } = require('./lib/http');

let s;
test.before(async () => { s = await startSouk({ args: ['--body-max', '4096'] }); });
test.after(() => s && s.stop());

test('healthz answers and every response carries a Trace-Id', async () => {
	const r = await s.req('GET', '/healthz');
	assert.strictEqual(r.status, 200);
	assert.deepStrictEqual(r.json, { status: 'ok' });
	assert.match(r.headers['trace-id'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('OLX: missing Version header is refused in the seed\'s words', async () => {
	const r = await s.req('GET', '/api/partner/users/me', { version: false });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, { data: { error: { status: 400, title: 'Bad Request',
		detail: "Missing required 'Version' header!" } } });
});

test('OLX: unsupported version is a 404 NotFoundException', async () => {
	const r = await s.req('GET', '/api/partner/users/me', { version: '3.0' });
	assert.strictEqual(r.status, 404);
	assert.deepStrictEqual(r.json, { error: { type: 'NotFoundException', message: 'Unsupported API version' } });
});

test('OLX: no token and a bad token are invalid_token', async () => {
	for (const token of [undefined, 'deadbeef']) {
		const r = await s.req('GET', '/api/partner/users/me', { token });
		assert.strictEqual(r.status, 401);
		assert.deepStrictEqual(r.json, { error: 'invalid_token', error_description: 'The access token provided is invalid' });
		assert.match(r.headers['www-authenticate'], /Bearer/);
	}
});

test('unknown path is a 404 in the face of its prefix', async () => {
	const r = await s.req('GET', '/api/partner/no-such-thing');
	assert.strictEqual(r.status, 404);
	assert.deepStrictEqual(r.json, { error: { status: 404, title: 'Not Found', detail: 'Not Found' } });
	const o = await s.req('GET', '/nowhere');
	assert.strictEqual(o.status, 404);
	assert.strictEqual(o.json.error.status, 404);
});

test('wrong method is a 405 with Allow', async () => {
	const r = await s.req('DELETE', '/api/partner/users/me');
	assert.strictEqual(r.status, 405);
	assert.strictEqual(r.headers.allow, 'GET');
	assert.strictEqual(r.json.error.status, 405);
});

test('a body over the cap is a 413, announced or streamed', async () => {
	const big = 'x'.repeat(10000);
	const r = await s.req('POST', '/api/partner/users/me', { body: big, headers: { 'content-type': 'application/json' } });
	assert.strictEqual(r.status, 413);
	assert.strictEqual(r.json.error.status, 413);
	const chunked = await raw(s.port,
		'POST /api/partner/users/me HTTP/1.1\r\nHost: x\r\nVersion: 2.0\r\nTransfer-Encoding: chunked\r\n' +
		'Content-Type: application/json\r\n\r\n' + `2710\r\n${big}\r\n0\r\n\r\n`);
	assert.strictEqual(parseRaw(chunked).status, 413);
});

test('a malformed request line gets an answer, not a hang', async () => {
	const text = await raw(s.port, 'THIS IS NOT HTTP\r\n\r\n');
	const p = parseRaw(text);
	assert.ok(p, `no HTTP answer: ${JSON.stringify(text)}`);
	assert.strictEqual(p.status, 400);
});

test('headers over the limit are a 431, a request line over it a 414', async () => {
	let text = await raw(s.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70000)}\r\n\r\n`);
	let p = parseRaw(text);
	assert.ok(p, `no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`);
	assert.strictEqual(p.status, 431);
	text = await raw(s.port, `GET /healthz?q=${'a'.repeat(70000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
	p = parseRaw(text);
	assert.ok(p, `no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`);
	assert.strictEqual(p.status, 414);
	const after = await s.req('GET', '/healthz');
	assert.strictEqual(after.status, 200);
});

test('metrics count requests by route and status', async () => {
	await s.req('GET', '/healthz');
	const r = await s.req('GET', '/metrics');
	assert.strictEqual(r.status, 200);
	assert.match(r.text, /souk_requests_total\{route="GET \/healthz",status="200"\} \d+/);
	assert.match(r.text, /souk_request_duration_seconds_bucket\{route="GET \/healthz",le="\+Inf"\} \d+/);
});

test('JSON with invalid UTF-8 or nested too deep is malformed, in the face\'s format', async () => {
	const bad = Buffer.concat([Buffer.from('{"grant_type":"client_credentials","client_id":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
	let r = await s.req('POST', '/api/open/oauth/token', { body: bad, headers: { 'content-type': 'application/json' } });
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.error, 'invalid_request');
	const deep = '['.repeat(1500) + ']'.repeat(1500);
	r = await s.req('POST', '/api/open/oauth/token', { body: deep, headers: { 'content-type': 'application/json' } });
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.error, 'invalid_request');
});

test('garbage on the socket never takes the server down', async () => {
	let seed = 7;
	const rand = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
	const pieces = ['GET ', 'POST ', '/api/partner/adverts', '/../../etc/passwd', ' HTTP/1.1\r\n', ' HTTP/9.9\r\n',
		'Host: x\r\n', 'Content-Length: 5\r\n', 'Content-Length: -1\r\n', 'Content-Length: 99999999999999999999\r\n',
		'Transfer-Encoding: chunked\r\n', 'Version: 2.0\r\n', 'Authorization: Bearer \r\n', '\r\n', '\0\0\0',
		'zzzz\r\n', '%00%ff', '\r\n\r\n', 'ffffffff\r\n', '{"a":', '\x80\x81\xfe'];
	for (let i = 0; i < 60; i++) {
		let req = '';
		const n = 1 + rand(8);
		for (let k = 0; k < n; k++) req += pieces[rand(pieces.length)];
		await raw(s.port, req, { timeout: 300 });
	}
	const r = await s.req('GET', '/healthz');
	assert.strictEqual(r.status, 200);
});
