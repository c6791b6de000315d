'use strict';
// Allegro's limit (seed 004, "Limiting the number of queries"): requests are
// counted per client id, and past the limit the client id is blocked for a
// minute and answered 429 Too Many Requests, in Allegro's error envelope
// (TooManyRequestsException) with Retry-After. The limit is lowered with the
// operator's setting instead of sending 9000 requests; the block runs on the
// marketplace clock, which the operator API advances.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeUser, advanceClock } = require('./lib/oauth-flow');
const { setting } = require('./lib/adverts');
const { ALLEGRO_MEDIA, makeAllegroApp, allegroCodeGrant, allegroMe } = require('./lib/allegro');
const { checkAllegroComponent } = require('./lib/allegro-schema');

let s;
test.before(async () => { s = await startSouk(); });
test.after(() => s && s.stop());

const grant = async (app) => (await allegroCodeGrant(s, app, makeUser(s))).access_token;

function tooMany(r, lang = 'en') {
	assert.strictEqual(r.status, 429, r.text);
	assert.strictEqual(r.headers['content-type'].split(';')[0], ALLEGRO_MEDIA);
	assert.match(r.headers['retry-after'], /^[1-9]\d*$/);
	assert.strictEqual(r.headers['x-ratelimit-limit'], undefined);
	assert.strictEqual(r.json.errors.length, 1, r.text);
	const e = r.json.errors[0];
	assert.strictEqual(e.code, 'TooManyRequestsException');
	assert.strictEqual(e.message, 'Too Many Requests');
	assert.strictEqual(e.userMessage, lang === 'pl'
		? 'Zbyt wiele żądań. Spróbuj ponownie później.' : 'Too many requests. Try again later.');
	checkAllegroComponent('ErrorsHolder', r.json);
	return Number(r.headers['retry-after']);
}

test('past the client id limit: 429 TooManyRequestsException with Retry-After, the client id blocked a minute, another client served', async () => {
	await setting(s, 'ratelimit.allegro.client', '5/60');
	const app = makeAllegroApp(s), other = makeAllegroApp(s);
	const [alice, bob, carol] = [await grant(app), await grant(app), await grant(other)];
	for (let i = 0; i < 3; i++) assert.strictEqual((await allegroMe(s, alice)).status, 200);
	// the count is the client id's, whichever user its token speaks for
	for (let i = 0; i < 2; i++) assert.strictEqual((await allegroMe(s, bob)).status, 200);
	assert.strictEqual(tooMany(await allegroMe(s, alice)), 60);
	tooMany(await allegroMe(s, bob));
	assert.strictEqual((await allegroMe(s, carol)).status, 200);	// another client id

	// Blocked for the minute from the request past the limit, not for the
	// rest of a window: half a minute on, half a minute left.
	await advanceClock(s, 30);
	const r = await s.req('GET', '/me', { token: alice, headers: { Accept: ALLEGRO_MEDIA, 'Accept-Language': 'pl-PL' } });
	assert.ok(tooMany(r, 'pl') <= 30);
	await advanceClock(s, 30);
	for (let i = 0; i < 5; i++) assert.strictEqual((await allegroMe(s, alice)).status, 200);
	tooMany(await allegroMe(s, bob));
	await setting(s, 'ratelimit.allegro.client', '9000/60');
	await advanceClock(s, 60);
});

test('a request that fails authentication is not counted against the client id', async () => {
	await setting(s, 'ratelimit.allegro.client', '3/60');
	const app = makeAllegroApp(s);
	const t = await grant(app);
	for (let i = 0; i < 10; i++) assert.strictEqual((await allegroMe(s, t + 'x')).status, 401);
	for (let i = 0; i < 3; i++) assert.strictEqual((await allegroMe(s, t)).status, 200);
	tooMany(await allegroMe(s, t));
	await setting(s, 'ratelimit.allegro.client', '9000/60');
	await advanceClock(s, 60);
});

test('requests of one client id racing past the limit: exactly the limit gets through', async () => {
	await setting(s, 'ratelimit.allegro.client', '10/60');
	const app = makeAllegroApp(s);
	const tokens = [await grant(app), await grant(app)];
	const all = await Promise.all(Array.from({ length: 40 }, (_, i) => allegroMe(s, tokens[i % 2])));
	assert.strictEqual(all.filter((r) => r.status === 200).length, 10, all.map((r) => r.status).join(' '));
	for (const r of all.filter((x) => x.status !== 200)) tooMany(r);
	await setting(s, 'ratelimit.allegro.client', '9000/60');
	await advanceClock(s, 60);
});
