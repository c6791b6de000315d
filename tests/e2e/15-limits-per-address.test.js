'use strict';
// Limits counted per address count per client address: the login form's
// twenty failures spent by one address leave another address its own, both
// for clients connecting directly (127.0.0.2 and 127.0.0.3, both loopback)
// and behind a trusted proxy (the last X-Forwarded-For entry, which the
// proxy wrote). Before, the limiter's address key was never filled in, and a
// client could not be told from another behind a proxy. What the client
// writes itself in X-Forwarded-For changes nothing.

const test = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const crypto = require('node:crypto');
const { startSouk } = require('./lib/server');
const { Browser, advanceClock } = require('./lib/oauth-flow');

const LOCK = 900;
const ADDRESS_FREE = 20; // failures an address may make before it is slowed

// POST /oauth/login from localAddress with the browser's cookies and form.
function postFrom(s, localAddress, { b, fields }, form, headers = {}) {
	const body = new URLSearchParams({ ...fields, ...form }).toString();
	const url = new URL('/oauth/login', s.url);
	const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	return new Promise((resolve, reject) => {
		const req = http.request({
			host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress,
			agent: false,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				'content-length': Buffer.byteLength(body), cookie, ...headers,
			},
		}, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => { text += d; });
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function loginForm(s) {
	const b = new Browser(s);
	const page = await b.req('GET', '/oauth/login');
	return { b, fields: b.form(page.text, '/oauth/login').fields };
}

const fresh = () => `nobody-${crypto.randomBytes(6).toString('hex')}@souk.test`;

// Spends an address's free failures (fresh e-mails: no account is slowed).
async function exhaust(s, form, localAddress, headers) {
	for (let i = 0; i < ADDRESS_FREE; i++) {
		const r = await postFrom(s, localAddress, form, { email: fresh(), password: 'wrong' }, headers);
		assert.strictEqual(r.status, 401, r.text);
	}
	const over = await postFrom(s, localAddress, form, { email: fresh(), password: 'wrong' }, headers);
	assert.strictEqual(over.status, 429, over.text);
	assert.match(over.headers['retry-after'], /^[1-9]\d*$/);
}

const checked = async (s, form, localAddress, headers) =>
	(await postFrom(s, localAddress, form, { email: fresh(), password: 'wrong' }, headers)).status;

test('limits per address: one client address spent leaves another its own (direct clients)', async () => {
	const s = await startSouk();
	try {
		const form = await loginForm(s);
		await exhaust(s, form, '127.0.0.2');
		assert.strictEqual(await checked(s, form, '127.0.0.3'), 401);
		// Without a trusted proxy X-Forwarded-For is the client's word: ignored.
		assert.strictEqual(await checked(s, form, '127.0.0.2', { 'x-forwarded-for': '198.51.100.9' }), 429);
		// The marketplace clock past the lock lets the address back in.
		await advanceClock(s, LOCK + 1);
		assert.strictEqual(await checked(s, form, '127.0.0.2'), 401);
	} finally {
		await s.stop();
	}
});

test('limits per address: behind a trusted proxy each client its own, by the entry the proxy wrote', async () => {
	const s = await startSouk({ args: ['--trusted-proxies', '127.0.0.1'] });
	try {
		const form = await loginForm(s);
		const via = (client) => ({ 'x-forwarded-for': client });
		await exhaust(s, form, '127.0.0.1', via('198.51.100.7'));
		assert.strictEqual(await checked(s, form, '127.0.0.1', via('198.51.100.8')), 401);
		// An address the client prepends is not the one the proxy saw.
		assert.strictEqual(await checked(s, form, '127.0.0.1', via('198.51.100.8, 198.51.100.7')), 429);
		// Another spelling of the same address is the same client.
		assert.strictEqual(await checked(s, form, '127.0.0.1', via('::ffff:198.51.100.7')), 429);
		assert.strictEqual(await checked(s, form, '127.0.0.1', via('198.51.100.8 , 198.51.100.7 ')), 429);
		// The proxy itself, and what it forwards as not an address, is one
		// client: the proxy's.
		for (let i = 0; i < ADDRESS_FREE; i++)
			assert.strictEqual(await checked(s, form, '127.0.0.1', via('not-an-address')), 401);
		assert.strictEqual(await checked(s, form, '127.0.0.1'), 429);
		assert.strictEqual(await checked(s, form, '127.0.0.1', via('198.51.100.8')), 401);
		// A peer that is not the proxy is counted as itself.
		assert.strictEqual(await checked(s, form, '127.0.0.2', via('198.51.100.7')), 401);
	} finally {
		await s.stop();
	}
});
