'use strict';
// What the webhook registry refuses, each with INVALID_BODY_REQUEST in the
// document's Error shape and nothing stored: a URL that is not an absolute
// http(s) URL with a host or is too long, events missing, empty or naming a
// type the document does not list, bodies of the wrong shape; and the
// number of webhooks one seller may register through one app.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { webhookSeller, createWebhook, liftSellerLimit } = require('./lib/webhooks');

const URL_MAX = 2048;
const PER_APP_MAX = 20;

let s, seller, existing;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);
	seller = await webhookSeller(s);
	existing = await createWebhook(seller, { url: 'https://kept.test/?id=1', events: ['ITEM_LISTED'] });
});
test.after(() => s && s.stop());

const good = { url: 'https://integrator.test/hook?id=7', events: ['ITEM_LISTED'] };
const long = (n) => 'https://integrator.test/' + 'a'.repeat(n - 'https://integrator.test/'.length);

const bad = [
	['no url', { events: ['ITEM_LISTED'] }],
	['url null', { url: null, events: ['ITEM_LISTED'] }],
	['url a number', { url: 42, events: ['ITEM_LISTED'] }],
	['url empty', { url: '', events: ['ITEM_LISTED'] }],
	['url relative', { url: '/hook', events: ['ITEM_LISTED'] }],
	['url without a scheme', { url: 'integrator.test/hook', events: ['ITEM_LISTED'] }],
	['url ftp', { url: 'ftp://integrator.test/hook', events: ['ITEM_LISTED'] }],
	['url javascript', { url: 'javascript:alert(1)', events: ['ITEM_LISTED'] }],
	['url without a host', { url: 'https:///hook', events: ['ITEM_LISTED'] }],
	['url with a space', { url: 'https://integrator.test/a hook', events: ['ITEM_LISTED'] }],
	['url with a newline', { url: 'https://integrator.test/\r\nX-Injected: 1', events: ['ITEM_LISTED'] }],
	['url with a NUL', { url: 'https://integrator.test/\u0000x', events: ['ITEM_LISTED'] }],
	['url with a bad port', { url: 'https://integrator.test:99999/', events: ['ITEM_LISTED'] }],
	// libcurl, which sends deliveries, reads these as http://a.test/...: a
	// URL is kept exactly, so it must mean what it says
	['url with one slash', { url: 'http:/integrator.test/x://y', events: ['ITEM_LISTED'] }],
	['url with port 0', { url: 'http://integrator.test:0/', events: ['ITEM_LISTED'] }],
	['url one byte too long', { url: long(URL_MAX + 1), events: ['ITEM_LISTED'] }],
	['no events', { url: good.url }],
	['events empty', { url: good.url, events: [] }],
	['events a string', { url: good.url, events: 'ITEM_LISTED' }],
	['events with an unknown type', { url: good.url, events: ['ITEM_LISTED', 'ITEM_SOLD'] }],
	['events in lower case', { url: good.url, events: ['item_listed'] }],
	['events with a number', { url: good.url, events: [4] }],
	['events with null', { url: good.url, events: [null] }],
	['a body that is an array', [good]],
	['a body that is a string', 'https://integrator.test/'],
];

test('POST refuses each bad body with INVALID_BODY_REQUEST and stores nothing', async () => {
	for (const [what, body] of bad) {
		const r = await seller.as.create(body);
		assert.strictEqual(r.status, 400, `${what}: ${r.text}`);
		assert.strictEqual(r.json.code, 'INVALID_BODY_REQUEST', what);
		assert.ok(r.json.message.length > 0, what);
	}
	const r = await seller.as.list();
	assert.deepStrictEqual(r.json.map((w) => w.id), [existing.id]);
});

test('PUT refuses each bad body the same way and leaves the webhook as it was', async () => {
	for (const [what, body] of bad) {
		const r = await seller.as.update(existing.id, body);
		assert.strictEqual(r.status, 400, `${what}: ${r.text}`);
		assert.strictEqual(r.json.code, 'INVALID_BODY_REQUEST', what);
	}
	const r = await seller.as.list();
	assert.deepStrictEqual(r.json, [{ id: existing.id, url: 'https://kept.test/?id=1', token: existing.token,
		events: ['ITEM_LISTED'] }]);
});

test('malformed JSON and a body of another type are refused in the face\'s shape', async () => {
	let r = await s.req('POST', '/webhooks', { token: seller.token, body: '{"url": "https://a.test/", ',
		headers: { 'Content-Type': 'application/json' } });
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual(r.json.code, 'INVALID_BODY_REQUEST');
	r = await s.req('POST', '/webhooks', { token: seller.token, form: { url: 'https://a.test/', events: 'ITEM_LISTED' } });
	assert.strictEqual(r.status, 415, r.text);
	assert.deepStrictEqual(Object.keys(r.json).sort(), ['code', 'message']);
});

test('a URL of exactly the longest length is kept whole, and so is an unusual query string', async () => {
	for (const url of [long(URL_MAX), 'https://integrator.test:8443/h?seller=caf%C3%A9&a=&b&=c&x=%26&y=1+2',
		'http://[::1]:8080/h?id=%00', 'HTTPS://Integrator.TEST/Hook?ID=Mixed']) {
		const made = await createWebhook(seller, { url, events: ['ITEM_LISTED'] });
		const r = await seller.as.list();
		assert.strictEqual(r.json.find((w) => w.id === made.id).url, url);
		assert.strictEqual((await seller.as.remove(made.id)).status, 204);
	}
});

test(`a seller registers at most ${PER_APP_MAX} webhooks per app; deleting one makes room`, async () => {
	const other = await webhookSeller(s);
	const made = [];
	for (let i = 0; i < PER_APP_MAX; i++)
		made.push(await createWebhook(other, { url: `https://many.test/?n=${i}`, events: ['ITEM_LISTED'] }));
	let r = await other.as.create({ url: 'https://many.test/?n=over', events: ['ITEM_LISTED'] });
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual(r.json.code, 'INVALID_BODY_REQUEST');
	assert.match(r.json.message, /at most 20 webhooks/);
	assert.strictEqual((await other.as.remove(made[3].id)).status, 204);
	await createWebhook(other, { url: 'https://many.test/?n=again', events: ['ITEM_LISTED'] });
	r = await other.as.list();
	assert.strictEqual(r.json.length, PER_APP_MAX);
});

test('creations racing for the last place: exactly one gets it', async () => {
	const racer = await webhookSeller(s);
	for (let i = 0; i < PER_APP_MAX - 1; i++)
		await createWebhook(racer, { url: `https://race.test/?n=${i}`, events: ['ITEM_LISTED'] });
	const rs = await Promise.all(Array.from({ length: 8 }, (_, i) =>
		racer.as.create({ url: `https://race.test/?last=${i}`, events: ['ITEM_LISTED'] })));
	assert.deepStrictEqual(rs.map((r) => r.status).sort(), [200, 400, 400, 400, 400, 400, 400, 400]);
	assert.strictEqual((await racer.as.list()).json.length, PER_APP_MAX);
});
