'use strict';
// The registry's calls count in Wallapop's per-seller limit (36 a second,
// ratelimit.wallapop.seller; lowered here so that no timing decides the
// outcome): past it a 429 in the document's Error shape with Retry-After,
// for that seller only, and nothing done.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { operator, setting } = require('./lib/adverts');
const { webhookSeller } = require('./lib/webhooks');

let s;
test.before(async () => { s = await startSouk(); });
test.after(() => s && s.stop());

test('past the seller\'s limit the registry answers 429 with Retry-After, and the other seller goes on', async () => {
	const busy = await webhookSeller(s);
	const calm = await webhookSeller(s, { app: busy.app });
	await setting(s, 'ratelimit.wallapop.seller', '3/600');
	for (let i = 0; i < 3; i++) assert.strictEqual((await busy.as.list()).status, 200);
	const r = await busy.as.create({ url: 'https://busy.test/', events: ['ITEM_LISTED'] });
	assert.strictEqual(r.status, 429, r.text);
	assert.deepStrictEqual(Object.keys(r.json).sort(), ['code', 'message']);
	assert.ok(Number(r.headers['retry-after']) >= 1, JSON.stringify(r.headers));
	assert.strictEqual((await calm.as.list()).status, 200);
	const seen = await s.req('GET', `/api/admin/users/${busy.user.id}/webhooks`, { token: operator(s) });
	assert.deepStrictEqual(seen.json.webhooks, [], 'the refused creation made nothing');
});
