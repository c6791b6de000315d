'use strict';
// Rate limits: one limiter in the dispatcher, per face and route class. Past
// an OLX limit (lowered through the operator's settings) the answer is the
// 429 of the OLX document's error catalogue with Retry-After; another client
// goes on unaffected; moving the marketplace clock by Retry-After lets the
// client back in; racing requests cannot slip past the limit.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const { startSouk, runSouk } = require('./lib/server');
const { SPEC_PATH, specSkipReason } = require('./lib/olx-schema');
const { seller, operator, setting } = require('./lib/adverts');
const { advanceClock } = require('./lib/oauth-flow');

const noSpec = specSkipReason();

// The catalogue row and the Error schema, read from the OLX document.
function olxDocument() {
	const spec = yaml.load(fs.readFileSync(SPEC_PATH, 'utf8'));
	const flat = spec.info.description.replace(/\s+/g, ' ');
	const row = /\|\s*(Too many requests)\s*\|\s*429\s*\|\s*([^|]*?)\s*\|/.exec(flat);
	assert.ok(row, 'the error catalogue has a 429 row');
	const validate = new Ajv({ strict: false }).compile(spec.components.schemas.Error);
	return { title: row[1], detail: row[2], validate };
}

let s, a, b;
test.before(async () => {
	s = await startSouk();
	a = await seller(s);
	b = await seller(s);	// another app, another seller
});
test.after(() => s && s.stop());

const me = (who) => s.req('GET', '/api/partner/users/me', { token: who.token });

test('past an OLX limit: 429 with the catalogue body and Retry-After; another client is unaffected',
	{ skip: noSpec }, async () => {
		const doc = olxDocument();
		await setting(s, 'ratelimit.olx.read', '5/60');
		const remaining = [];
		for (let i = 0; i < 5; i++) {
			const r = await me(a);
			assert.strictEqual(r.status, 200, r.text);
			assert.strictEqual(r.headers['x-ratelimit-limit'], '5');
			remaining.push(Number(r.headers['x-ratelimit-remaining']));
		}
		assert.deepStrictEqual(remaining, [4, 3, 2, 1, 0]);

		const over = await me(a);
		assert.strictEqual(over.status, 429, over.text);
		assert.ok(doc.validate(over.json), JSON.stringify(doc.validate.errors));
		assert.deepStrictEqual(over.json, { error: { status: 429, title: doc.title, detail: doc.detail } });
		assert.strictEqual(over.json.error.detail, 'Too many requests hit the API too quickly');
		// 5 a minute refill one every 12 s
		assert.strictEqual(over.headers['retry-after'], '12');
		assert.strictEqual(over.headers['x-ratelimit-remaining'], '0');
		assert.match(over.headers['content-type'], /application\/json/);

		// another client, another seller: its own allowance
		const other = await me(b);
		assert.strictEqual(other.status, 200, other.text);
		assert.strictEqual(other.headers['x-ratelimit-remaining'], '4');
		// the same seller's writes are another class: not spent by reads
		const write = await s.req('POST', '/api/partner/adverts', { token: a.token, json: {} });
		assert.notStrictEqual(write.status, 429);

		// the limiter's time is the marketplace clock: Retry-After later, one more
		await advanceClock(s, Number(over.headers['retry-after']));
		assert.strictEqual((await me(a)).status, 200);
		assert.strictEqual((await me(a)).status, 429);
		await setting(s, 'ratelimit.olx.read', 'off');
		const lifted = await me(a);
		assert.strictEqual(lifted.status, 200);
		assert.strictEqual(lifted.headers['x-ratelimit-limit'], undefined);
	});

test('requests racing past a limit: exactly the limit gets through', async () => {
	await setting(s, 'ratelimit.olx.write', '20/3600');
	const fresh = await seller(s);
	const all = await Promise.all(Array.from({ length: 60 }, () =>
		s.req('DELETE', '/api/partner/adverts/999999', { token: fresh.token })));
	const limited = all.filter((r) => r.status === 429).length;
	assert.strictEqual(limited, 40, all.map((r) => r.status).join(' '));
	for (const r of all.filter((x) => x.status === 429))
		assert.strictEqual(r.json.error.status, 429);
	await setting(s, 'ratelimit.olx.write', 'off');
});

test('limits are operator settings: a malformed value is refused and changes nothing', async () => {
	for (const value of ['0/60', '5', '5/0', '5/60s', 'x', '5/100000']) {
		const r = await s.req('PUT', '/api/admin/settings/ratelimit.olx.read', { token: operator(s), json: { value } });
		assert.strictEqual(r.status, 400, `${value}: ${r.text}`);
	}
	const unknown = await s.req('PUT', '/api/admin/settings/ratelimit.olx.nope', { token: operator(s), json: { value: '1/1' } });
	assert.strictEqual(unknown.status, 404);
	// every face names its class in the route table
	const routes = runSouk(['routes']).stdout.trim().split('\n').map((l) => JSON.parse(l));
	for (const r of routes.filter((x) => x.face === 'olx'))
		assert.strictEqual(r.rate_class, r.method === 'GET' ? 'olx.read' : 'olx.write', `${r.method} ${r.path}`);
});
