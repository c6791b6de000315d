'use strict';
// Allegro's leaky bucket per user (seed 004, "Leaky Bucket"): "If the user
// exceeds the number of requests per minute (RPM), the response time is
// extended. In the event of too many parallel requests submitted on behalf
// of the same user, the server will return HTTP error: 429". Before, souk
// answered 429 past the bucket. Now a burst of one user's writes past it is
// held (its connections suspended, no worker thread waiting) and served in
// turn, every one of them a success; another user's writes and the same
// user's reads are served meanwhile; a write past the user's requests in
// flight is refused in Allegro's format. The bucket runs on the marketplace
// clock, so the test moves the clock instead of waiting, and it knows a
// request is held from /metrics, not from how long it took.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeUser, advanceClock } = require('./lib/oauth-flow');
const { setting } = require('./lib/adverts');
const { ALLEGRO_MEDIA, makeAllegroApp, allegroCodeGrant, allegroMe } = require('./lib/allegro');
const { checkAllegroComponent } = require('./lib/allegro-schema');
const { patience } = require('./lib/patience');

let s, n = 0;
test.before(async () => { s = await startSouk(); });
test.after(() => s && s.stop());

const grant = async (app) => (await allegroCodeGrant(s, app, makeUser(s))).access_token;

const write = (token) => s.req('POST', '/sale/offer-contacts', { token,
	json: { name: `Kontakt numer ${++n}`, phones: [{ number: `6012345${String(n).padStart(2, '0')}` }] } });

async function metric(name) {
	const r = await s.req('GET', '/metrics');
	const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(r.text);
	assert.ok(m, `no ${name} in /metrics`);
	return Number(m[1]);
}

function tooMany(r) {
	assert.strictEqual(r.status, 429, r.text);
	assert.strictEqual(r.headers['content-type'].split(';')[0], ALLEGRO_MEDIA);
	assert.match(r.headers['retry-after'], /^[1-9]\d*$/);
	assert.strictEqual(r.json.errors[0].code, 'TooManyRequestsException');
	checkAllegroComponent('ErrorsHolder', r.json);
}

// Polls /metrics until `want` requests are held (bounded).
async function held(want) {
	const end = Date.now() + patience(10000);
	let now;
	while ((now = await metric('souk_requests_held')) !== want && Date.now() < end)
		await new Promise((r) => setTimeout(r, 20));
	assert.strictEqual(now, want, 'requests held');
}

test('a burst of one user\'s writes past the bucket is held and served in turn, not refused; others are not slowed', async () => {
	await setting(s, 'ratelimit.allegro.user_write', '2/60');	// a burst of 2, then one every 30 s
	await setting(s, 'ratelimit.allegro.user_parallel', '3');
	const app = makeAllegroApp(s);
	const [alice, bob] = [await grant(app), await grant(app)];
	const delayed = await metric('souk_requests_delayed_total');

	for (let i = 0; i < 2; i++) assert.strictEqual((await write(alice)).status, 201);
	assert.strictEqual(await metric('souk_requests_delayed_total'), delayed, 'the burst was held');
	// Past the burst: two writes at once, each held, one 30 s and one 60 s.
	const late = [write(alice), write(alice)];
	await held(2);

	// Meanwhile another user of the same app writes at once, and alice reads.
	const other = await write(bob);
	assert.strictEqual(other.status, 201, other.text);
	assert.strictEqual((await allegroMe(s, alice)).status, 200);
	assert.strictEqual(await metric('souk_requests_held'), 2, 'bob\'s write waited behind alice\'s');

	// Half a minute on, the first held write is served; the second still waits.
	await advanceClock(s, 30);
	const first = await Promise.race(late);
	assert.strictEqual(first.status, 201, first.text);
	assert.match(first.json.id, /^[0-9a-f-]{36}$/);	// a contact made (the face checks its schema)
	await held(1);
	await advanceClock(s, 30);
	for (const r of await Promise.all(late)) assert.strictEqual(r.status, 201, r.text);
	await held(0);
	assert.strictEqual(await metric('souk_requests_delayed_total'), delayed + 2);

	const list = await s.req('GET', '/sale/offer-contacts', { token: alice });
	assert.strictEqual(list.status, 200, list.text);
	assert.strictEqual(list.json.contacts.length, 4, 'every write of the burst made its contact');
	await setting(s, 'ratelimit.allegro.user_write', '600/60');
	await advanceClock(s, 60);
});

test('too many parallel writes of one user: 429 TooManyRequestsException; a wait past the window too', async () => {
	await setting(s, 'ratelimit.allegro.user_write', '1/60');
	await setting(s, 'ratelimit.allegro.user_parallel', '2');
	const carol = await grant(makeAllegroApp(s)), dave = await grant(makeAllegroApp(s));
	assert.strictEqual((await write(carol)).status, 201);
	const waiting = write(carol);	// held a minute: one in flight
	await held(1);
	// A third would wait two minutes, past the bucket's window: refused.
	tooMany(await write(carol));
	// One in flight is now the limit: the next write is one too many.
	await setting(s, 'ratelimit.allegro.user_parallel', '1');
	tooMany(await write(carol));
	// Another user is not in carol's count.
	assert.strictEqual((await write(dave)).status, 201);
	await advanceClock(s, 60);
	assert.strictEqual((await waiting).status, 201);
	await held(0);
	// The held write ended: carol has her place back.
	await advanceClock(s, 60);
	assert.strictEqual((await write(carol)).status, 201);
	await setting(s, 'ratelimit.allegro.user_parallel', '10');
	await setting(s, 'ratelimit.allegro.user_write', '600/60');
});

test('stopping the server with a request held ends cleanly', async () => {
	const own = await startSouk();
	try {
		await setting(own, 'ratelimit.allegro.user_write', '1/60');
		const t = (await allegroCodeGrant(own, makeAllegroApp(own), makeUser(own))).access_token;
		const w = (token) => own.req('POST', '/sale/offer-contacts', { token,
			json: { name: 'Kontakt', phones: [{ number: '601234599' }] } });
		assert.strictEqual((await w(t)).status, 201);
		const pending = w(t).catch((e) => e);
		const end = Date.now() + patience(10000);
		while (!/^souk_requests_held 1$/m.test((await own.req('GET', '/metrics')).text) && Date.now() < end)
			await new Promise((r) => setTimeout(r, 20));
		await own.stop();	// throws unless the process exits 0 on SIGTERM
		await pending;
	} finally {
		await own.stop();
	}
});
