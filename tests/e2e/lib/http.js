'use strict';
// Request functions for e2e tests.
//
// createClient(baseUrl).req() wraps fetch so a test states only what matters
// (method, path, token, body) and gets status, headers and parsed JSON back.
// Every JSON response from /api/partner/* is checked against the OLX document
// here, every one from the Allegro face (/me, /sale/*) against Allegro's,
// and every one from the Wallapop face (/items, /webhooks) against
// Wallapop's, so no test can forget to (opt out with {check: false}).
// raw() talks to the socket directly, for requests fetch refuses to send.

const net = require('node:net');
const { checkOlx } = require('./olx-schema');
const { checkAllegro, isAllegroPath, ALLEGRO_MEDIA } = require('./allegro-schema');
const { checkWallapop, isWallapopPath } = require('./wallapop-schema');
const { patience } = require('./patience');

const OLX_PREFIX = '/api/partner/';

// opts: {headers, body, json, form, token, basic: {user, pass}, version,
//        check, redirect}
//  - json: the body, sent as application/json (Allegro's versioned type on
//    the Allegro face's paths) unless headers name a Content-Type;
//  - version: value of the `Version` header; defaults to "2.0" on
//    /api/partner/* only; pass false or null to omit it.
//  - redirect: fetch's redirect mode, "manual" by default so OAuth tests can
//    read the Location of a 302.
async function request(baseUrl, method, path, opts = {}) {
	const headers = { ...(opts.headers || {}) };
	const isOlx = path.startsWith(OLX_PREFIX);
	const version = opts.version === undefined ? (isOlx ? '2.0' : undefined) : opts.version;
	if (version) headers['Version'] = version;
	if (opts.token) headers['Authorization'] = 'Bearer ' + opts.token;
	if (opts.basic) {
		const enc = (s) => encodeURIComponent(s); // RFC 6749 2.3.1: form-encode, then base64
		headers['Authorization'] = 'Basic ' +
			Buffer.from(enc(opts.basic.user) + ':' + enc(opts.basic.pass)).toString('base64');
	}
	let body = opts.body;
	if (opts.json !== undefined) {
		body = JSON.stringify(opts.json);
		// Allegro's face takes bodies in its versioned type only (415 otherwise).
		if (!hasHeader(headers, 'content-type'))
			headers['Content-Type'] = isAllegroPath(path) ? ALLEGRO_MEDIA : 'application/json';
	} else if (opts.form !== undefined) {
		body = new URLSearchParams(opts.form).toString();
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	const res = await fetch(baseUrl + path, {
		method, headers, body, redirect: opts.redirect || 'manual',
	});
	const text = await res.text();
	const out = {
		status: res.status,
		headers: Object.fromEntries(res.headers), // lower-case names
		cookies: res.headers.getSetCookie(),
		text,
		json: undefined,
	};
	const ctype = out.headers['content-type'] || '';
	if (text !== '' && /json/i.test(ctype)) {
		try { out.json = JSON.parse(text); } catch { /* left undefined; tests assert on it */ }
	}
	if (isOlx && opts.check !== false && out.json !== undefined)
		checkOlx(method, path, out.status, out.json);
	if (isAllegroPath(path) && opts.check !== false && out.json !== undefined)
		checkAllegro(method, path, out.status, out.json);
	if (isWallapopPath(path) && opts.check !== false && out.json !== undefined)
		checkWallapop(method, path, out.status, out.json);
	return out;
}

function hasHeader(headers, name) {
	return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

// A client bound to one server; `defaults` (e.g. {token}) apply to every call
// and are overridden per call.
function createClient(baseUrl, defaults = {}) {
	const req = (method, path, opts = {}) => request(baseUrl, method, path, { ...defaults, ...opts });
	return {
		req,
		get: (path, opts) => req('GET', path, opts),
		post: (path, opts) => req('POST', path, opts),
		put: (path, opts) => req('PUT', path, opts),
		patch: (path, opts) => req('PATCH', path, opts),
		del: (path, opts) => req('DELETE', path, opts),
		withToken: (token) => createClient(baseUrl, { ...defaults, token }),
	};
}

// Sends `bytes` (string or Buffer) as-is and resolves with everything the
// server answered, as latin1 text (bytes preserved). Resolves early once one
// complete response has arrived (Content-Length or chunked end), otherwise
// when the server closes or `timeout` ms pass. `end: true` half-closes after
// writing.
function raw(port, bytes, { timeout = patience(5000), host = '127.0.0.1', end = false } = {}) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let done = false;
		const sock = net.connect({ port, host });
		const finish = () => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			sock.destroy();
			resolve(Buffer.concat(chunks).toString('latin1'));
		};
		const timer = setTimeout(finish, timeout);
		sock.on('connect', () => (end ? sock.end(bytes) : sock.write(bytes)));
		sock.on('data', (d) => {
			chunks.push(d);
			if (responseComplete(Buffer.concat(chunks))) finish();
		});
		sock.on('end', finish);
		sock.on('close', finish);
		sock.on('error', (e) => {
			// a reset after the answer is common when the server drops a bad client
			if (chunks.length || e.code === 'ECONNRESET' || e.code === 'EPIPE') return finish();
			done = true;
			clearTimeout(timer);
			reject(e);
		});
	});
}

function responseComplete(buf) {
	const head = buf.indexOf('\r\n\r\n');
	if (head < 0) return false;
	const headers = buf.subarray(0, head).toString('latin1');
	const rest = buf.subarray(head + 4);
	const status = Number((/^HTTP\/\d\.\d (\d{3})/.exec(headers) || [])[1]);
	if (status === 204 || status === 304 || (status >= 100 && status < 200)) return true;
	const len = /\r\ncontent-length:\s*(\d+)/i.exec(headers);
	if (len) return rest.length >= Number(len[1]);
	if (/\r\ntransfer-encoding:\s*chunked/i.test(headers)) return rest.includes('\r\n0\r\n\r\n') || rest.indexOf('0\r\n\r\n') === 0;
	return false; // read until close
}

// Splits raw response text into {status, reason, headers (lower-case), body};
// null when it is not an HTTP response at all.
function parseRaw(text) {
	const head = text.indexOf('\r\n\r\n');
	const top = head < 0 ? text : text.slice(0, head);
	const lines = top.split('\r\n');
	const m = /^HTTP\/(\d\.\d) (\d{3}) ?(.*)$/.exec(lines[0] || '');
	if (!m) return null;
	const headers = {};
	for (const l of lines.slice(1)) {
		const i = l.indexOf(':');
		if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
	}
	return { version: m[1], status: Number(m[2]), reason: m[3], headers, body: head < 0 ? '' : text.slice(head + 4) };
}

module.exports = { request, createClient, raw, parseRaw };
