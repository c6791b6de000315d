'use strict';
// An item's life through its commands (PUT /items/{id}/sold, activate,
// inactivate, reserve, unreserve): 204 where the core's lifecycle allows
// the step, INVALID_STATUS from every other status (403, or 400 for reserve
// and unreserve, the statuses the document gives each), the item as it was
// after a refusal; the flags reserved, inactive, expired and sold appear
// only when true. Past the plan's slots an item is created all the same,
// inactive, and activated once a slot is free (seed 000).

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { operator, setting } = require('./lib/adverts');
const { patience } = require('./lib/patience');
const { wallapopSeller, itemBody, createItem, getItem, assertError, publishItem } = require('./lib/wallapop-items');

let s, a, b;
test.before(async () => {
	// The moderators' decisions are the tests' own (manual moderation); the
	// job runner expires listings on time.
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off' } });
	await setting(s, 'moderation.manual', 1);
	// Each step is read back many times: the per-seller limit has its own test.
	await setting(s, 'ratelimit.wallapop.seller', '100000/1');
	a = await wallapopSeller(s);
	b = await wallapopSeller(s);
});
test.after(() => s && s.stop());

const COMMANDS = ['sold', 'activate', 'inactivate', 'reserve', 'unreserve'];
const put = (token, id, cmd) => s.req('PUT', `/items/${id}/${cmd}`, { token });

function flags(item) {
	return ['reserved', 'inactive', 'expired', 'sold'].filter((f) => {
		if (item[f] === undefined) return false;
		assert.deepStrictEqual(item[f], { flag: true }, `${f} is written only when true`);
		return true;
	});
}

// The status a refused command answers with: the document lists 400 for
// reserve and unreserve only, 403 for the others.
const refusal = (cmd) => (cmd === 'reserve' || cmd === 'unreserve' ? 400 : 403);

// Each command but `allowed` is refused with INVALID_STATUS and changes nothing.
async function onlyAllowed(id, allowed) {
	const before = await getItem(s, a.token, id);
	const status = sql(s, `SELECT status || ' ' || reserved FROM adverts WHERE id = ${id}`);
	for (const cmd of COMMANDS.filter((c) => !allowed.includes(c))) {
		assertError(await put(a.token, id, cmd), refusal(cmd), 'INVALID_STATUS');
		assert.deepStrictEqual(await getItem(s, a.token, id), before, `refused ${cmd} changed the item`);
		assert.strictEqual(sql(s, `SELECT status || ' ' || reserved FROM adverts WHERE id = ${id}`), status);
	}
}

// Polls the item until the job runner has moved it (bounded).
async function waitFlag(id, flag) {
	const end = Date.now() + patience(8000);
	while (Date.now() < end) {
		if ((await getItem(s, a.token, id))[flag]) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	assert.fail(`item ${id} never became ${flag}`);
}

async function step(id, cmd, want) {
	const r = await put(a.token, id, cmd);
	assert.strictEqual(r.status, 204, `${cmd}: ${r.text}`);
	assert.strictEqual(r.text, '');
	assert.deepStrictEqual(flags(await getItem(s, a.token, id)), want, `after ${cmd}`);
}

test('an item being checked by moderation takes no command yet', async () => {
	const id = await createItem(s, a.token);
	assert.deepStrictEqual(flags(await getItem(s, a.token, id)), []);
	await onlyAllowed(id, []);
});

test('the whole life: reserve, unreserve, inactivate, activate, sell; every other command refused at each step', async () => {
	const id = await publishItem(s, a.token);
	await onlyAllowed(id, ['sold', 'inactivate', 'reserve']);
	await step(id, 'reserve', ['reserved']);
	await onlyAllowed(id, ['sold', 'inactivate', 'unreserve']);
	await step(id, 'unreserve', []);
	await step(id, 'inactivate', ['inactive']);
	await onlyAllowed(id, ['activate']);
	await step(id, 'activate', []);
	await step(id, 'reserve', ['reserved']);
	// Sold ends the reservation with the item.
	await step(id, 'sold', ['sold']);
	await onlyAllowed(id, []);
	// The sale is on record as the seller's word (the OLX face's is_success).
	assert.match(sql(s, `SELECT status || ' ' || end_reason FROM adverts WHERE id = ${id}`), /^removed_by_user sold$/);
	// A sold item can still be deleted.
	assert.strictEqual((await s.req('DELETE', `/items/${id}`, { token: a.token })).status, 204);
});

test('commands on another seller\'s item, or none: 404 INVALID_ITEM_ID', async () => {
	const id = await publishItem(s, a.token);
	for (const cmd of COMMANDS) {
		assertError(await put(b.token, id, cmd), 404, 'INVALID_ITEM_ID');
		assertError(await put(a.token, 99999999, cmd), 404, 'INVALID_ITEM_ID');
	}
	assert.deepStrictEqual(flags(await getItem(s, a.token, id)), []);
	const m = await s.req('GET', `/items/${id}/sold`, { token: a.token });
	assertError(m, 405, 'INVALID_BODY_REQUEST');
	assert.strictEqual(m.headers.allow, 'PUT');
});

test('past the plan\'s slots: 201 all the same, the item inactive; a slot freed, activate publishes it', async () => {
	const u = await wallapopSeller(s);
	await setting(s, 'adverts.free_limit', 1);
	try {
		const first = await publishItem(s, u.token);
		const r = await s.req('POST', '/items', { token: u.token, json: itemBody() });
		assert.strictEqual(r.status, 201, r.text);
		const over = r.json.id;
		assert.deepStrictEqual(flags(await getItem(s, u.token, over)), ['inactive']);
		// No slot yet: activate is refused and the item stays hidden.
		assertError(await put(u.token, over, 'activate'), 403, 'INVALID_STATUS', /slot/);
		assert.deepStrictEqual(flags(await getItem(s, u.token, over)), ['inactive']);
		assert.strictEqual((await put(u.token, first, 'sold')).status, 204);
		assert.strictEqual((await put(u.token, over, 'activate')).status, 204);
		assert.deepStrictEqual(flags(await getItem(s, u.token, over)), []);
		// The list shows both, each with its flags.
		const list = await s.req('GET', '/items', { token: u.token });
		assert.deepStrictEqual(list.json.data.map((i) => [i.id, flags(i)]), [[first, ['sold']], [over, []]]);
	} finally {
		await setting(s, 'adverts.free_limit', 50);
	}
});

test('an expired item carries expired and is activated again (last: it moves the clock)', async () => {
	const id = await publishItem(s, a.token);
	const r = await s.req('POST', '/api/admin/clock/advance', { token: operator(s), json: { seconds: 31 * 86400 } });
	assert.strictEqual(r.status, 200, r.text);
	// The seller's token ran out with the time: a new sign-in.
	a = await wallapopSeller(s, { app: a.app, user: a.user });
	await waitFlag(id, 'expired');
	await onlyAllowed(id, ['activate']);
	await step(id, 'activate', []);
});
