'use strict';
// Regression: JSON bodies were checked with json-c's UTF-8 rule, which lets
// overlong forms, surrogates and code points past U+10FFFF through, so such
// bytes reached the store and were served back. Every face now refuses them
// as malformed JSON, in its own format; the same text spelled correctly, or
// as a \u escape, is still accepted.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { seller, advertBody } = require('./lib/adverts');

let s, a;
test.before(async () => {
	s = await startSouk();
	a = await seller(s);
});
test.after(() => s && s.stop());

// The classic malformed sequences, each inside an otherwise valid string.
const MALFORMED = {
	'overlong slash (C0 AF)': [0xc0, 0xaf],
	'overlong NUL (C0 80)': [0xc0, 0x80],
	'overlong three-byte (E0 80 AF)': [0xe0, 0x80, 0xaf],
	'overlong four-byte (F0 80 80 AF)': [0xf0, 0x80, 0x80, 0xaf],
	'high surrogate U+D800 (ED A0 80)': [0xed, 0xa0, 0x80],
	'low surrogate U+DFFF (ED BF BF)': [0xed, 0xbf, 0xbf],
	'U+110000 (F4 90 80 80)': [0xf4, 0x90, 0x80, 0x80],
	'five-byte form (F8 88 80 80 80)': [0xf8, 0x88, 0x80, 0x80, 0x80],
	'truncated (E2 82)': [0xe2, 0x82],
	'stray continuation (80)': [0x80],
};

function jsonWith(prefix, bytes, suffix) {
	return Buffer.concat([Buffer.from(prefix), Buffer.from(bytes), Buffer.from(suffix)]);
}

test('OAuth token endpoint: malformed UTF-8 in a JSON body is invalid_request', async () => {
	for (const [name, bytes] of Object.entries(MALFORMED)) {
		const body = jsonWith('{"grant_type":"client_credentials","client_id":"a', bytes, '","client_secret":"b"}');
		const r = await s.req('POST', '/api/open/oauth/token', { body, headers: { 'content-type': 'application/json' } });
		assert.strictEqual(r.status, 400, name);
		assert.strictEqual(r.json.error, 'invalid_request', name);
	}
});

test('OLX: malformed UTF-8 anywhere in an advert is the seed\'s JSON syntax error, and nothing is stored', async () => {
	const want = { data: { error: { status: 400, title: 'Bad Request', detail: 'Error while decoding JSON data: Syntax error' } } };
	const text = JSON.stringify(advertBody());
	const at = text.indexOf('"name":"') + '"name":"'.length;	// inside the contact name
	for (const [name, bytes] of Object.entries(MALFORMED)) {
		const body = jsonWith(text.slice(0, at), bytes, text.slice(at));
		const r = await s.req('POST', '/api/partner/adverts', { token: a.token, body,
			headers: { 'content-type': 'application/json' } });
		assert.strictEqual(r.status, 400, name);
		assert.deepStrictEqual(r.json, want, name);
	}
	const list = await s.req('GET', '/api/partner/adverts', { token: a.token });
	assert.strictEqual(list.status, 200);
	assert.deepStrictEqual(list.json.data, []);
});

test('OLX: valid four-byte UTF-8 and \\u escapes are still accepted', async () => {
	const text = JSON.stringify(advertBody({ contact: { name: 'Jan \u{1F600} \u00f3', phone: '500600700' } }));
	const r = await s.req('POST', '/api/partner/adverts', { token: a.token, body: Buffer.from(text),
		headers: { 'content-type': 'application/json' } });
	assert.strictEqual(r.status, 200, JSON.stringify(r.json));
	assert.strictEqual(r.json.data.contact.name, 'Jan \u{1F600} \u00f3');
});
