'use strict';
// What the image tests share: the fixtures (tests/e2e/fixtures, made with
// libvips; the JPEG carries an EXIF block written by hand with a GPS
// position, a description and orientation 6), an Allegro seller's token,
// uploads as Allegro clients send them, a reader of a JPEG's size and
// metadata segments, and a local image host.

const assert = require('node:assert');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { makeUser } = require('./oauth-flow');
const { makeAllegroApp, allegroCodeGrant, ALLEGRO_MEDIA } = require('./allegro');

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name));

async function allegroSeller(s) {
	const user = makeUser(s);
	const app = makeAllegroApp(s);
	return { user, token: (await allegroCodeGrant(s, app, user)).access_token };
}

function uploadBytes(s, token, bytes, type) {
	const headers = { Accept: ALLEGRO_MEDIA };
	if (type) headers['Content-Type'] = type;
	return s.req('POST', '/sale/images', { token, headers, body: bytes });
}

function uploadUrl(s, token, url) {
	return s.req('POST', '/sale/images', { token, headers: { Accept: ALLEGRO_MEDIA, 'Content-Type': ALLEGRO_MEDIA },
		json: { url } });
}

// GET of a served image: status, headers and the bytes.
async function fetchImage(url, headers = {}) {
	const res = await fetch(url, { headers });
	return { status: res.status, headers: Object.fromEntries(res.headers), bytes: Buffer.from(await res.arrayBuffer()) };
}

// A JPEG's segments up to the image data: {width, height, markers: [{marker, data}]}.
function jpegInfo(buf) {
	assert.ok(buf[0] === 0xff && buf[1] === 0xd8, 'not a JPEG');
	const markers = [];
	let i = 2, width, height;
	while (i + 4 <= buf.length && buf[i] === 0xff) {
		const marker = buf[i + 1];
		const len = buf.readUInt16BE(i + 2);
		const data = buf.subarray(i + 4, i + 2 + len);
		markers.push({ marker, data });
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			height = data.readUInt16BE(1);
			width = data.readUInt16BE(3);
		}
		if (marker === 0xda) break;
		i += 2 + len;
	}
	return { width, height, markers };
}

// An HTTP server on `address` answering routes: path -> (req, res).
function imageHost(address, routes) {
	return new Promise((resolve, reject) => {
		const hits = [];
		const server = http.createServer((req, res) => {
			hits.push(req.url);
			const route = routes[req.url];
			if (route) return route(req, res);
			res.writeHead(404, { 'content-length': 0 });
			res.end();
		});
		server.on('error', reject);
		server.listen(0, address, () => {
			const base = `http://${address}:${server.address().port}`;
			resolve({ base, hits, close: () => new Promise((r) => server.close(r)) });
		});
	});
}

const serve = (bytes, type) => (req, res) => {
	res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
	res.end(bytes);
};

// 201 with the document's two fields: location under the server's own
// public URL, expiresAt an ISO 8601 UTC date `ttl` seconds after `now`.
function assertUploaded(s, r, { now, ttl = 7 * 86400 } = {}) {
	assert.strictEqual(r.status, 201, r.text);
	assert.deepStrictEqual(Object.keys(r.json).sort(), ['expiresAt', 'location']);
	assert.match(r.json.location, new RegExp(`^${s.url}/images/[0-9a-f]{32}$`));
	assert.match(r.json.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	if (now !== undefined) {
		const at = Date.parse(r.json.expiresAt) / 1000;
		assert.ok(Math.abs(at - (now + ttl)) <= 5, `expiresAt ${r.json.expiresAt}, now ${now}`);
	}
	return r.json;
}

module.exports = { fixture, allegroSeller, uploadBytes, uploadUrl, fetchImage, jpegInfo, imageHost, serve,
	assertUploaded };
