'use strict';
// The sign-in endpoints counted per client address: OLX's token endpoint,
// Allegro's token endpoint and its device authorization endpoint. Before,
// no route was limited per address and a client could call them without
// end (guessing client secrets, asking for device codes in a loop). Each is
// an operator setting; past it the endpoint answers 429 with Retry-After in
// its own RFC 6749 form, one address spent leaves another its own, the
// limits are apart from one another, and the marketplace clock refills them.
// The clients stand behind a trusted proxy (the address it wrote in
// X-Forwarded-For is theirs), so one test machine can be many clients.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp, advanceClock } = require('./lib/oauth-flow');
const { setting } = require('./lib/adverts');
const { makeAllegroApp } = require('./lib/allegro');

let s;
test.before(async () => { s = await startSouk({ args: ['--trusted-proxies', '127.0.0.1'] }); });
test.after(() => s && s.stop());

const from = (address) => ({ 'x-forwarded-for': address });

function olxToken(app, address, secret = app.client_secret) {
	return s.req('POST', '/api/open/oauth/token', { headers: from(address),
		form: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: secret, scope: 'v2 read' } });
}

function allegroPost(path, app, address, form) {
	return s.req('POST', path, { headers: from(address), basic: { user: app.client_id, pass: app.client_secret }, form });
}
const allegroToken = (app, address) => allegroPost('/auth/oauth/token', app, address, { grant_type: 'client_credentials' });
const deviceCode = (app, address) => allegroPost('/auth/oauth/device', app, address, { client_id: app.client_id });

function tooMany(r, body) {
	assert.strictEqual(r.status, 429, r.text);
	assert.match(r.headers['retry-after'], /^[1-9]\d*$/);
	assert.match(r.headers['content-type'], /^application\/json/);
	assert.strictEqual(r.headers['cache-control'], 'no-store');
	assert.deepStrictEqual(r.json, body);
	return Number(r.headers['retry-after']);
}

const OLX_429 = { error: 'too_many_requests', error_description: 'Too many requests hit the API too quickly',
	error_human_title: 'Too many requests.' };
const ALLEGRO_429 = { error: 'too_many_requests', error_description: 'Too many requests. Try again later.' };

test('OLX token endpoint: per address, wrong secrets counted too, another address served', async () => {
	await setting(s, 'ratelimit.olx.token', '3/60');
	const app = makeApp(s);
	assert.strictEqual((await olxToken(app, '198.51.100.1')).status, 200);
	const guess = await olxToken(app, '198.51.100.1', 'guess');
	assert.strictEqual(guess.json.error, 'invalid_client', guess.text);
	assert.strictEqual((await olxToken(app, '198.51.100.1')).status, 200);
	assert.strictEqual(tooMany(await olxToken(app, '198.51.100.1'), OLX_429), 20);
	// a guess past the limit is not even checked
	tooMany(await olxToken(app, '198.51.100.1', 'guess'), OLX_429);
	assert.strictEqual((await olxToken(app, '198.51.100.2')).status, 200);
	// an IPv6 client is one client across its /64
	for (let i = 0; i < 3; i++) assert.strictEqual((await olxToken(app, `2001:db8:7:7::${i + 1}`)).status, 200);
	tooMany(await olxToken(app, '2001:db8:7:7:ffff::1'), OLX_429);
	await advanceClock(s, 60);
	assert.strictEqual((await olxToken(app, '198.51.100.1')).status, 200);
	await setting(s, 'ratelimit.olx.token', '1200/60');
});

test('Allegro: the token and device endpoints per address, each its own limit', async () => {
	await setting(s, 'ratelimit.allegro.token', '2/60');
	await setting(s, 'ratelimit.allegro.device', '2/60');
	const app = makeAllegroApp(s);
	for (let i = 0; i < 2; i++) assert.strictEqual((await deviceCode(app, '203.0.113.5')).status, 200);
	tooMany(await deviceCode(app, '203.0.113.5'), ALLEGRO_429);
	// the device limit spent, the token endpoint still has its own
	for (let i = 0; i < 2; i++) assert.strictEqual((await allegroToken(app, '203.0.113.5')).status, 200);
	tooMany(await allegroToken(app, '203.0.113.5'), ALLEGRO_429);
	// another address; OLX's token endpoint is another limit again
	assert.strictEqual((await deviceCode(app, '203.0.113.6')).status, 200);
	assert.strictEqual((await allegroToken(app, '203.0.113.6')).status, 200);
	assert.strictEqual((await olxToken(makeApp(s), '203.0.113.5')).status, 200);
	await advanceClock(s, 60);
	assert.strictEqual((await deviceCode(app, '203.0.113.5')).status, 200);
	await setting(s, 'ratelimit.allegro.token', '1200/60');
	await setting(s, 'ratelimit.allegro.device', '60/60');
});

test('off lifts an address limit; a value that is not LIMIT/SECONDS is refused', async () => {
	await setting(s, 'ratelimit.allegro.device', 'off');
	const app = makeAllegroApp(s);
	for (let i = 0; i < 70; i++) assert.strictEqual((await deviceCode(app, '192.0.2.77')).status, 200);
	const r = await s.req('PUT', '/api/admin/settings/ratelimit.allegro.device', { token: require('./lib/adverts').operator(s),
		json: { value: 'many' } });
	assert.strictEqual(r.status, 400, r.text);
	await setting(s, 'ratelimit.allegro.device', '60/60');
});
