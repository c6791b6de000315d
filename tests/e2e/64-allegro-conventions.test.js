'use strict';
// Allegro's conventions (seed 004) as the dispatcher enforces them for the
// face, seen from GET /me: the versioned media type chosen by Accept (406
// NotAcceptableException otherwise, before any token is looked at; "*/*"
// and no Accept are fine), the answer in the type asked for, a body in
// another type refused with 415, Trace-Id on every answer of the face, and
// Accept-Language choosing userMessage. Error bodies are checked against
// the document's ErrorsHolder and AuthError components.

const test = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const { startSouk } = require('./lib/server');
const { makeUser } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroCodeGrant, allegroMe, ALLEGRO_MEDIA } = require('./lib/allegro');
const { ALLEGRO_MEDIA_BETA, checkAllegroComponent } = require('./lib/allegro-schema');

const NOT_ACCEPTABLE = 'Not acceptable representation requested. Please check \'Accept\' request header';
const USER_MESSAGE_EN = 'The request contains incorrect data. Contact the author of the application.';
const USER_MESSAGE_PL = 'Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji.';

let s, token;
test.before(async () => {
	s = await startSouk();
	const app = makeAllegroApp(s);
	const seller = makeUser(s);
	token = (await allegroCodeGrant(s, app, seller)).access_token;
});
test.after(() => s && s.stop());

function errorsHolder(r, status, code) {
	assert.strictEqual(r.status, status, r.text);
	checkAllegroComponent('ErrorsHolder', r.json);
	assert.strictEqual(r.json.errors.length, 1, r.text);
	assert.strictEqual(r.json.errors[0].code, code, r.text);
	return r.json.errors[0];
}

// GET with a body, which fetch will not send.
function getWithBody(path, headers, body) {
	return new Promise((resolve, reject) => {
		const req = http.request(`${s.url}${path}`, { method: 'GET', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					resolve({ status: res.statusCode, headers: res.headers, text, json: JSON.parse(text) });
				});
			});
		req.on('error', reject);
		req.end(body);
	});
}

// The document lists GET /me (as every resource souk serves) in public v1
// only: beta v1 is another representation there. Which version each route
// takes is the route table's (`souk routes`, checked against the document
// by 72-allegro-routes); the parser of both is unit-tested.
test('Accept: the route\'s version (public v1 for /me), */*, application/* and none are served in it', async () => {
	const cases = [
		[ALLEGRO_MEDIA, ALLEGRO_MEDIA],
		['*/*', ALLEGRO_MEDIA],
		['application/*', ALLEGRO_MEDIA],
		[null, ALLEGRO_MEDIA],
		[`application/json;q=0.9, ${ALLEGRO_MEDIA}`, ALLEGRO_MEDIA],
		[`${ALLEGRO_MEDIA_BETA};q=0.8, ${ALLEGRO_MEDIA};q=0.5`, ALLEGRO_MEDIA],
		[`${ALLEGRO_MEDIA_BETA}, */*;q=0.1`, ALLEGRO_MEDIA],
		['text/html, */*;q=0.1', ALLEGRO_MEDIA],
	];
	for (const [accept, answered] of cases) {
		const r = await allegroMe(s, token, accept);
		assert.strictEqual(r.status, 200, `${accept}: ${r.text}`);
		assert.strictEqual(r.headers['content-type'], answered, String(accept));
		assert.ok(r.json.id, r.text);
	}
});

test('a wrong Accept is 406 NotAcceptableException in the face\'s envelope, before the token is looked at', async () => {
	for (const accept of ['application/json', 'text/html', 'application/vnd.allegro.public.v2+json',
		'application/vnd.allegro.beta.v2+json', `${ALLEGRO_MEDIA};q=0`, 'application/xml, text/*', ALLEGRO_MEDIA_BETA]) {
		for (const t of [token, undefined, 'not-a-token']) {
			const r = await allegroMe(s, t, accept);
			const e = errorsHolder(r, 406, 'NotAcceptableException');
			assert.deepStrictEqual(e, { code: 'NotAcceptableException', message: NOT_ACCEPTABLE, details: null, path: null,
				userMessage: USER_MESSAGE_EN }, accept);
			assert.strictEqual(r.headers['content-type'], ALLEGRO_MEDIA);
		}
	}
});

test('Accept-Language chooses userMessage: pl-PL gives the seed\'s Polish, en-US and * English, q-values decide', async () => {
	const cases = [
		['pl-PL', USER_MESSAGE_PL, 'pl-PL'], ['pl', USER_MESSAGE_PL, 'pl-PL'], ['en-US', USER_MESSAGE_EN, 'en-US'],
		['*', USER_MESSAGE_EN, 'en-US'], [null, USER_MESSAGE_EN, 'en-US'], ['de-DE', USER_MESSAGE_EN, 'en-US'],
		['en-US;q=0.5, pl-PL;q=0.9', USER_MESSAGE_PL, 'pl-PL'], ['pl-PL;q=0.2, *;q=0.8', USER_MESSAGE_EN, 'en-US'],
	];
	for (const [lang, message, tag] of cases) {
		const headers = { Accept: 'application/json' };
		if (lang) headers['Accept-Language'] = lang;
		const r = await s.req('GET', '/me', { token, headers });
		assert.strictEqual(errorsHolder(r, 406, 'NotAcceptableException').userMessage, message, String(lang));
		assert.strictEqual(r.headers['content-language'], tag, String(lang));
	}
	// the seed's own 404, in both languages
	const en = await s.req('GET', '/sale/no-such-resource', { token, headers: { Accept: ALLEGRO_MEDIA, 'Accept-Language': 'en-US' } });
	assert.deepStrictEqual(errorsHolder(en, 404, 'NotFoundException'), { code: 'NotFoundException', message: 'Not found',
		details: null, path: null, userMessage: 'Function not available. Contact the application author.' });
	const pl = await s.req('GET', '/sale/no-such-resource', { token, headers: { Accept: ALLEGRO_MEDIA, 'Accept-Language': 'pl-PL' } });
	assert.strictEqual(errorsHolder(pl, 404, 'NotFoundException').userMessage,
		'Funkcja niedostępna. Skontaktuj się z autorem aplikacji.');
	// a successful answer says its language too
	const me = await s.req('GET', '/me', { token, headers: { Accept: ALLEGRO_MEDIA, 'Accept-Language': 'pl-PL' } });
	assert.strictEqual(me.status, 200);
	assert.strictEqual(me.headers['content-language'], 'pl-PL');
});

test('a body in another media type is 415 UnsupportedMediaTypeException', async () => {
	for (const ct of ['text/plain', 'application/json', 'application/x-www-form-urlencoded']) {
		const r = await getWithBody('/me', { Authorization: `Bearer ${token}`, Accept: ALLEGRO_MEDIA, 'Content-Type': ct }, '{}');
		errorsHolder(r, 415, 'UnsupportedMediaTypeException');
		assert.strictEqual(r.headers['content-type'], ALLEGRO_MEDIA);
		assert.match(r.headers['trace-id'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	}
	// the face's own type is fine (the body is ignored by a GET)
	const ok = await getWithBody('/me', { Authorization: `Bearer ${token}`, Accept: ALLEGRO_MEDIA, 'Content-Type': ALLEGRO_MEDIA }, '{}');
	assert.strictEqual(ok.status, 200, ok.text);
});

test('a JSON route takes its body in its version only: 415 for application/json or beta v1, 400 for a broken body', async () => {
	for (const ct of ['application/json', 'text/plain', 'application/vnd.allegro.public.v2+json', ALLEGRO_MEDIA_BETA,
		`${ALLEGRO_MEDIA_BETA}; charset=UTF-8`]) {
		const r = await s.req('POST', '/sale/offer-contacts', { token, body: '{"name":"Jan"}',
			headers: { Accept: ALLEGRO_MEDIA, 'Content-Type': ct } });
		const e = errorsHolder(r, 415, 'UnsupportedMediaTypeException');
		assert.match(e.message, /application\/vnd\.allegro\.public\.v1\+json/);
	}
	const broken = await s.req('POST', '/sale/offer-contacts', { token, body: '{"name":',
		headers: { Accept: ALLEGRO_MEDIA, 'Content-Type': ALLEGRO_MEDIA } });
	errorsHolder(broken, 400, 'BadRequestException');
	for (const ct of [ALLEGRO_MEDIA, `${ALLEGRO_MEDIA}; charset=UTF-8`]) {
		const ok = await s.req('POST', '/sale/offer-contacts', { token, json: { name: 'Jan Kowalski', emails: [{ address: 'jan@souk.test' }] },
			headers: { Accept: ALLEGRO_MEDIA, 'Content-Type': ct } });
		assert.notStrictEqual(ok.status, 415, ok.text);
		assert.ok(ok.status < 500, ok.text);
	}
});

test('Trace-Id on every answer of the face, a different one for each request', async () => {
	const answers = await Promise.all([
		allegroMe(s, token),                                   // 200
		allegroMe(s, undefined),                               // 401 unauthorized
		allegroMe(s, 'nope'),                                  // 401 invalid_token
		allegroMe(s, token, 'text/html'),                      // 406
		s.req('POST', '/me', { token, headers: { Accept: ALLEGRO_MEDIA } }),  // 405
		s.req('GET', '/sale/nothing-here', { token, headers: { Accept: ALLEGRO_MEDIA } }), // 404
		...Array.from({ length: 20 }, () => allegroMe(s, token)),
	]);
	const ids = new Set();
	for (const r of answers) {
		assert.match(r.headers['trace-id'] || '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `${r.status}: ${JSON.stringify(r.headers)}`);
		ids.add(r.headers['trace-id']);
	}
	assert.strictEqual(ids.size, answers.length);
	const statuses = answers.slice(0, 6).map((r) => r.status);
	assert.deepStrictEqual(statuses, [200, 401, 401, 406, 405, 404]);
	for (const r of answers.slice(1, 3)) checkAllegroComponent('AuthError', r.json);
	checkAllegroComponent('ErrorsHolder', answers[4].json);
});
