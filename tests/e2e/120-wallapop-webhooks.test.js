'use strict';
// Wallapop's webhook registry (wallapop-webhooks.yaml): register, list,
// change, rotate the token of and delete a webhook; the URL's query string
// kept exactly (seed 000: how an integrator tells its sellers apart); a
// webhook is its seller's through the app that registered it, anyone
// else's (another seller, another app of the same seller) is a 404.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { codeGrant, makeApp, makeUser } = require('./lib/oauth-flow');
const { EVENT_TYPES, webhookSeller, createWebhook, liftSellerLimit } = require('./lib/webhooks');

let s;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);
});
test.after(() => s && s.stop());

test('a webhook goes through its whole life: create, list, update, rotate the token, delete', async () => {
	const seller = await webhookSeller(s);
	const url = 'https://integrator.test/hooks/wallapop?id=12345&user=a%20b&x=1&x=2';
	const made = await createWebhook(seller, { url, events: ['ITEM_LISTED', 'SALE_COMPLETED'] });

	let r = await seller.as.list();
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual(r.json, [{ id: made.id, url, token: made.token,
		events: ['SALE_COMPLETED', 'ITEM_LISTED'] }]);

	const url2 = 'http://127.0.0.1:9/other?seller=%E2%82%AC&empty=';
	r = await seller.as.update(made.id, { url: url2, events: ['CHAT_LEAD_CREATED'] });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual(r.text, '');
	r = await seller.as.list();
	assert.deepStrictEqual(r.json, [{ id: made.id, url: url2, token: made.token, events: ['CHAT_LEAD_CREATED'] }]);

	r = await seller.as.rotate(made.id);
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.id, made.id);
	assert.match(r.json.token, /^[A-Za-z0-9]{64}$/);
	assert.notStrictEqual(r.json.token, made.token);
	const rotated = r.json.token;
	r = await seller.as.list();
	assert.strictEqual(r.json[0].token, rotated);

	r = await seller.as.remove(made.id);
	assert.strictEqual(r.status, 204, r.text);
	r = await seller.as.list();
	assert.deepStrictEqual(r.json, []);
	for (const again of [seller.as.remove(made.id), seller.as.rotate(made.id),
		seller.as.update(made.id, { url, events: ['ITEM_LISTED'] })])
		assert.strictEqual((await again).status, 404);
});

test('every event type of the document can be subscribed to; the list keeps the order of creation', async () => {
	const seller = await webhookSeller(s);
	const a = await createWebhook(seller, { url: 'https://a.test/', events: EVENT_TYPES });
	const b = await createWebhook(seller, { url: 'https://b.test/', events: ['ITEM_BANNED', 'ITEM_BANNED'] });
	const r = await seller.as.list();
	assert.deepStrictEqual(r.json.map((w) => w.id), [a.id, b.id]);
	assert.deepStrictEqual(r.json[0].events, EVENT_TYPES);
	assert.deepStrictEqual(r.json[1].events, ['ITEM_BANNED']);
	assert.notStrictEqual(a.token, b.token);
	assert.notStrictEqual(a.id, b.id);
});

test('another seller\'s webhook is a 404 for every call, and is left as it was', async () => {
	const owner = await webhookSeller(s);
	const url = 'https://owner.test/hook?id=1';
	const made = await createWebhook(owner, { url, events: ['ITEM_LISTED'] });
	const other = await webhookSeller(s, { app: owner.app });

	assert.deepStrictEqual((await other.as.list()).json, []);
	for (const r of [await other.as.update(made.id, { url: 'https://evil.test/', events: ['ITEM_LISTED'] }),
		await other.as.rotate(made.id), await other.as.remove(made.id)]) {
		assert.strictEqual(r.status, 404, r.text);
		assert.strictEqual(r.json.code, 'INVALID_WEBHOOK_ID');
	}
	assert.deepStrictEqual((await owner.as.list()).json, [{ id: made.id, url, token: made.token,
		events: ['ITEM_LISTED'] }]);
});

test('the same seller through another app sees none of the first app\'s webhooks', async () => {
	const first = await webhookSeller(s);
	const made = await createWebhook(first, { url: 'https://first.test/', events: ['ITEM_LISTED'] });
	const second = await webhookSeller(s, { user: first.user });
	assert.deepStrictEqual((await second.as.list()).json, []);
	for (const r of [await second.as.update(made.id, { url: 'https://second.test/', events: ['ITEM_LISTED'] }),
		await second.as.rotate(made.id), await second.as.remove(made.id)])
		assert.strictEqual(r.status, 404, r.text);
	const own = await createWebhook(second, { url: 'https://second.test/', events: ['SALE_COMPLETED'] });
	assert.deepStrictEqual((await second.as.list()).json.map((w) => w.id), [own.id]);
	assert.deepStrictEqual((await first.as.list()).json.map((w) => w.id), [made.id]);
});

test('an id that is no webhook at all is a 404 in the face\'s error shape', async () => {
	const seller = await webhookSeller(s);
	for (const id of ['5d5ae7a4-2d0d-4be1-a5da-b49e3291e5cd', '1', "' OR 1=1 --", 'x'.repeat(300)]) {
		const r = await seller.as.rotate(id);
		assert.strictEqual(r.status, 404, r.text);
		assert.deepStrictEqual(Object.keys(r.json).sort(), ['code', 'message']);
	}
});

test('without a token, or with another face\'s token, the registry answers USER_UNAUTHORIZED', async () => {
	let r = await s.req('GET', '/webhooks');
	assert.strictEqual(r.status, 401, r.text);
	assert.strictEqual(r.json.code, 'USER_UNAUTHORIZED');
	r = await s.req('POST', '/webhooks', { token: 'not-a-token', json: { url: 'https://a.test/', events: ['ITEM_LISTED'] } });
	assert.strictEqual(r.status, 401, r.text);
	assert.strictEqual(r.json.code, 'USER_UNAUTHORIZED');
	const olx = await codeGrant(s, makeApp(s, { scopes: 'v2 read write' }), makeUser(s));
	r = await s.req('GET', '/webhooks', { token: olx.access_token });
	assert.strictEqual(r.status, 403, r.text);
	assert.strictEqual(r.json.code, 'USER_UNAUTHORIZED');
});
