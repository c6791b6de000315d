'use strict';
// The operator's view of a seller's webhooks (GET
// /api/admin/users/{id}/webhooks): every app's, oldest first, deleted ones
// gone, with where events go and which, and never a signing token.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { operator } = require('./lib/adverts');
const { webhookSeller, createWebhook, liftSellerLimit } = require('./lib/webhooks');

let s;
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);
});
test.after(() => s && s.stop());

const list = (id, token = operator(s)) => s.req('GET', `/api/admin/users/${id}/webhooks`, { token });

test('the operator lists a seller\'s webhooks through every app, without their tokens', async () => {
	const first = await webhookSeller(s);
	const second = await webhookSeller(s, { user: first.user });
	const stranger = await webhookSeller(s, { app: first.app });
	const a = await createWebhook(first, { url: 'https://one.test/?seller=1', events: ['ITEM_LISTED', 'SALE_COMPLETED'] });
	const gone = await createWebhook(first, { url: 'https://one.test/gone', events: ['ITEM_BANNED'] });
	const b = await createWebhook(second, { url: 'https://two.test/?seller=1', events: ['CHAT_LEAD_CREATED'] });
	await createWebhook(stranger, { url: 'https://stranger.test/', events: ['ITEM_LISTED'] });
	assert.strictEqual((await first.as.remove(gone.id)).status, 204);
	const rotated = (await second.as.rotate(b.id)).json.token;

	const r = await list(first.user.id);
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.user_id, first.user.id);
	assert.deepStrictEqual(r.json.webhooks.map(({ id, url, events }) => ({ id, url, events })), [
		{ id: a.id, url: 'https://one.test/?seller=1', events: ['SALE_COMPLETED', 'ITEM_LISTED'] },
		{ id: b.id, url: 'https://two.test/?seller=1', events: ['CHAT_LEAD_CREATED'] },
	]);
	assert.notStrictEqual(r.json.webhooks[0].app_id, r.json.webhooks[1].app_id);
	for (const w of r.json.webhooks) {
		assert.deepStrictEqual(Object.keys(w).sort(), ['app_id', 'created_at', 'events', 'id', 'updated_at', 'url']);
		assert.ok(Number.isInteger(w.created_at) && w.updated_at >= w.created_at);
	}
	for (const secret of [a.token, b.token, rotated]) assert.ok(!r.text.includes(secret), 'a token in the operator\'s view');
});

test('a seller without webhooks has an empty list; an unknown one is a 404; a seller\'s token is refused', async () => {
	const seller = await webhookSeller(s);
	let r = await list(seller.user.id);
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual(r.json, { user_id: seller.user.id, webhooks: [] });
	for (const id of ['999999', 'abc', '0']) {
		r = await list(id);
		assert.strictEqual(r.status, 404, r.text);
		assert.strictEqual(r.json.error.detail, 'User not found');
	}
	r = await list(seller.user.id, seller.token);
	assert.strictEqual(r.status, 401, r.text);
});
