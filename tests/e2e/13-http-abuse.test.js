'use strict';
// Connection abuse, attacked over raw sockets the way it was found: drip-fed
// request heads (slowloris), one address taking every connection, clients
// that half-close after their request, and bodies announced far over the
// cap. Each attack is bounded in sockets and time; the server must keep
// answering everyone else, and close what it refuses instead of leaving it
// open.

const test = require('node:test');
const assert = require('node:assert');
const net = require('node:net');
const { startSouk } = require('./lib/server');
const { raw, parseRaw } = require('./lib/http');
const { patience } = require('./lib/patience');

const HOST = '127.0.0.1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One socket, watched: what it received and whether the server ended it.
// `localAddress` picks the client's address on the loopback network.
function watchedSocket(port, { localAddress } = {}) {
	const s = net.connect({ port, host: HOST, localAddress });
	const w = { s, data: '', closedByServer: false, closed: false, opened: false };
	w.done = new Promise((resolve) => {
		s.on('connect', () => { w.opened = true; });
		s.on('data', (d) => { w.data += d.toString('latin1'); });
		s.on('end', () => { w.closedByServer = true; });
		s.on('error', (e) => { if (e.code === 'ECONNRESET' || e.code === 'EPIPE') w.closedByServer = true; });
		s.on('close', () => { w.closed = true; resolve(w); });
	});
	return w;
}

// Resolves with w once the server closes it, or with null after `ms`.
const closedWithin = (w, ms) => Promise.race([w.done, sleep(ms).then(() => null)]);

// GET `path` on a fresh connection, tried again whenever the server closes
// it unanswered, until `ms` pass; resolves with the parsed answer or null.
async function getWithin(port, path, ms, { localAddress } = {}) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const w = watchedSocket(port, { localAddress });
		w.s.on('connect', () => w.s.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
		await closedWithin(w, Math.max(1, end - Date.now()));
		w.s.destroy();
		const p = parseRaw(w.data);
		if (p) return p;
		await sleep(50);
	}
	return null;
}

async function metric(port, name) {
	const p = parseRaw(await raw(port, 'GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
	const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(p ? p.body : '');
	return m ? Number(m[1]) : null;
}

test('slowloris: drip-fed request heads are cut at the deadline and normal clients are served', async () => {
	// Fewer slots than attackers, no per-address limit: only the head
	// deadline can free a slot here.
	const s = await startSouk({ args: ['--header-timeout', '2', '--max-connections', '64',
		'--max-per-address', '0'] });
	const attackers = [];
	let stop = false, stopAttack;
	const stopped = new Promise((resolve) => { stopAttack = resolve; });
	const attack = async () => {
		// Each attacker holds its connection until the server cuts it or the
		// test ends, and reconnects when cut, a bounded number of times.
		for (let round = 0; round < 3 && !stop; round++) {
			const w = watchedSocket(s.port);
			attackers.push(w);
			w.s.on('connect', () => w.s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
			const drip = setInterval(() => { if (!w.closed) w.s.write('X-Drip: 1\r\n'); }, 500);
			await Promise.race([w.done, stopped]);
			clearInterval(drip);
			w.s.destroy();
		}
	};
	const running = Array.from({ length: 150 }, attack);
	try {
		await sleep(500);
		const p = await getWithin(s.port, '/healthz', patience(15000));
		assert.ok(p, 'a normal client was not answered while slow connections held the server');
		assert.strictEqual(p.status, 200);
		// Every drip-fed head that the server accepted was cut by it, none answered.
		const first = attackers.filter((w) => w.opened).slice(0, 150);
		const cut = await Promise.all(first.map((w) => closedWithin(w, patience(10000))));
		assert.ok(cut.every((w) => w && w.closedByServer), 'a drip-fed connection outlived the head deadline');
		assert.ok(first.every((w) => w.data === ''), 'a head that never ended got an answer');
	} finally {
		stop = true;
		stopAttack();
		await Promise.all(running);
	}
	assert.ok(await metric(s.port, 'souk_http_head_timeouts_total') >= 64);
	await s.stop();
});

test('a kept-alive connection gets the head deadline again for its next request', async () => {
	const s = await startSouk({ args: ['--header-timeout', '1'] });
	const w = watchedSocket(s.port);
	w.s.on('connect', () => w.s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\n'));
	const drip = setInterval(() => { if (!w.closed) w.s.write('X-Drip: 1\r\n'); }, 300);
	const closed = await closedWithin(w, patience(8000));
	clearInterval(drip);
	w.s.destroy();
	assert.ok(closed && closed.closedByServer, 'the second, drip-fed head was never cut');
	assert.strictEqual((w.data.match(/HTTP\/1\.1 200/g) || []).length, 1);
	await s.stop();
});

test('per-address limit: connections past it are closed at once, other addresses are served', async () => {
	const s = await startSouk({ args: ['--max-per-address', '20', '--header-timeout', '60'] });
	const idle = Array.from({ length: 25 }, () => watchedSocket(s.port));
	try {
		// Those past the limit are closed at once, without a byte of answer
		// (the harness may still hold a kept-alive connection of its own).
		const closed = [];
		for (const w of idle) w.done.then(() => closed.push(w));
		const end = Date.now() + patience(5000);
		while (closed.length < 5 && Date.now() < end) await sleep(50);
		assert.ok(closed.length >= 5, `only ${closed.length} of 25 connections past the limit were closed`);
		assert.ok(closed.every((w) => w.closedByServer && w.data === ''));
		// Another address is not held back by this one's connections, and
		// sees this one holding exactly its 20.
		const other = await getWithin(s.port, '/metrics', patience(5000), { localAddress: '127.0.0.2' });
		assert.ok(other && other.status === 200, 'another address was refused');
		assert.match(other.body, /^souk_http_connections 21$/m);
		// This address gets a place again once one of its connections ends.
		const open = idle.filter((w) => !w.closed);
		open[0].s.destroy();
		await open[0].done;
		const again = await getWithin(s.port, '/healthz', patience(5000));
		assert.ok(again && again.status === 200, 'a freed place was not given back');
	} finally {
		for (const w of idle) w.s.destroy();
	}
	await s.stop();
});

test('half-closed connections: every client that shuts down its side after a request is answered and closed', async () => {
	const s = await startSouk({ args: ['--max-per-address', '0'] });
	const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
	// The half-close comes with the request, right after it, or a moment
	// later: libmicrohttpd's epoll mode missed the end of some of these.
	const ends = [
		(w) => w.s.end(request),
		(w) => { w.s.write(request); setImmediate(() => w.s.end()); },
		(w) => { w.s.write(request); setTimeout(() => w.s.end(), 0); },
		(w) => { w.s.write(request); setTimeout(() => w.s.end(), 2); },
	];
	for (let round = 0; round < 2; round++) {
		const all = [];
		for (let wave = 0; wave < 5; wave++) {
			for (let i = 0; i < 200; i++) {
				const w = watchedSocket(s.port);
				w.s.on('connect', () => ends[i % ends.length](w));
				all.push(w);
			}
			await sleep(10);
		}
		// Well before the server's 30 s idle timeout.
		const done = await Promise.all(all.map((w) => closedWithin(w, patience(5000))));
		for (const w of all) w.s.destroy();
		const open = done.filter((w) => !w).length;
		assert.strictEqual(open, 0, `round ${round}: ${open} of ${all.length} half-closed connections left open`);
		const unanswered = all.filter((w) => !/^HTTP\/1\.1 200 /.test(w.data)).length;
		assert.strictEqual(unanswered, 0, `round ${round}: ${unanswered} requests unanswered`);
	}
	// A truncated request, then the half-close: a 400 or a close, never a
	// connection left waiting.
	const truncated = [
		'GET /healthz HTTP/1.1\r\nHost: x\r\n',
		'GET /heal',
		'POST /api/open/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"a":',
	];
	const all = [];
	for (let i = 0; i < 200; i++) {
		const w = watchedSocket(s.port);
		w.s.on('connect', () => w.s.end(truncated[i % truncated.length]));
		all.push(w);
	}
	const done = await Promise.all(all.map((w) => closedWithin(w, patience(5000))));
	for (const w of all) w.s.destroy();
	assert.strictEqual(done.filter((w) => !w).length, 0, 'a truncated, half-closed request was left open');
	for (const w of all) {
		const p = parseRaw(w.data);
		assert.ok(w.data === '' || (p && p.status === 400), `unexpected answer ${JSON.stringify(w.data.slice(0, 80))}`);
	}
	const after = await s.req('GET', '/healthz');
	assert.strictEqual(after.status, 200);
	await s.stop();
});

test('announced oversized body: refused from the headers with the face\'s 413, no 100 Continue', async () => {
	const s = await startSouk({ args: ['--body-max', '4096'] });
	const head = (len, extra = '') => 'POST /api/partner/adverts HTTP/1.1\r\nHost: x\r\nVersion: 2.0\r\n' +
		`Authorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: ${len}\r\n${extra}\r\n`;
	// Two bytes of two million: the answer must not wait for the rest.
	let p = parseRaw(await raw(s.port, head(2000000) + '{}'));
	assert.ok(p, 'no answer to a body announced over the cap');
	assert.strictEqual(p.status, 413);
	assert.deepStrictEqual(JSON.parse(p.body), { error: { status: 413, title: 'Payload Too Large',
		detail: 'Request body is too large' } });
	assert.strictEqual(p.headers.connection, 'close');
	// Expect: 100-continue with 50 MB declared: a 413 and never a 100.
	const text = await raw(s.port, head(50000000, 'Expect: 100-continue\r\n'));
	p = parseRaw(text);
	assert.ok(p, `no answer: ${JSON.stringify(text)}`);
	assert.strictEqual(p.status, 413);
	assert.ok(!/HTTP\/1\.1 100/.test(text), 'the server invited a body it would refuse');
	// Within the cap, 100-continue still leads to the real answer (read to
	// the close: a 100 may come first).
	const w = watchedSocket(s.port);
	w.s.on('connect', () => w.s.write(head(2, 'Expect: 100-continue\r\nConnection: close\r\n') + '{}'));
	await closedWithin(w, patience(5000));
	w.s.destroy();
	assert.match(w.data, /HTTP\/1\.1 401 /);

	// A client that sends its body anyway still reads the 413: the server
	// reads and drops the rest for a while instead of resetting under it.
	for (let i = 0; i < 20; i++) {
		const w = watchedSocket(s.port);
		const chunk = Buffer.alloc(65536, 0x20);
		let sent = 0;
		const pump = () => {
			while (!w.closed && sent < 4 << 20 && w.data === '') {
				sent += chunk.length;
				if (!w.s.write(chunk)) return w.s.once('drain', pump);
			}
		};
		w.s.on('connect', () => { w.s.write(head(4 << 20)); pump(); });
		await closedWithin(w, patience(5000));
		w.s.destroy();
		const p = parseRaw(w.data);
		assert.ok(p && p.status === 413, `attempt ${i}: the 413 was lost (${JSON.stringify(w.data.slice(0, 60))})`);
	}
	const after = await s.req('GET', '/healthz');
	assert.strictEqual(after.status, 200);
	await s.stop();
});
