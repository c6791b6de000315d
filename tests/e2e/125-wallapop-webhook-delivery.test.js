'use strict';
// Webhooks delivered as Wallapop sends them (the webhooks guide; seed 000):
// a receiver written from the document verifies every signature, keeps
// each notification once by its id and sees, in order per item, every
// event the seller's listings go through, whichever face or page caused
// it: listed after moderation, inactivated, listed again, sold (OLX's
// commands), banned (moderation), out of stock (an item's update taking
// its units to 0, once), a buyer's first message (the sandbox's buyer) and
// not the second. The registered URL's query string arrives on
// every request. The seller's app and the operator read the same log.

const test = require('node:test');
const assert = require('node:assert');
const { advertBody, create, operator, waitStatus } = require('./lib/adverts');
const { webhookSeller } = require('./lib/webhooks');
const { createItem, getItem, itemBody, setPlace } = require('./lib/wallapop-items');
const { deliverySuite, logUntil } = require('./lib/wallapop-receiver');

// Items' images are not fetched here (their own tests fetch them).
const suite = deliverySuite(test, { path: '/hooks/wallapop?id=12345&user=a%20b', env: { SOUK_IMAGE_CHECK: 'off' } });

const cmd = (id, json) => suite.s.req('POST', `/api/partner/adverts/${id}/commands`,
	{ token: suite.scene.who.olx.token, json });

test('a listing\'s life arrives signed, once per notification, in order, with the query string', async () => {
	const { s, scene: { rx, who, advert: activeAdvert } } = suite;
	const ad = await activeAdvert();
	let r = await cmd(ad.id, { command: 'deactivate', is_success: false });
	assert.strictEqual(r.status, 204, r.text);
	r = await cmd(ad.id, { command: 'activate' });
	assert.strictEqual(r.status, 204, r.text);
	await waitStatus(s, who.olx.token, ad.id, 'active');
	r = await cmd(ad.id, { command: 'deactivate', is_success: true });
	assert.strictEqual(r.status, 204, r.text);

	const want = ['ITEM_LISTED', 'ITEM_INACTIVATED', 'ITEM_LISTED', 'SALE_COMPLETED'];
	await rx.until(() => rx.typesOf(ad.id).length >= want.length, 'the listing\'s four notifications');
	assert.deepStrictEqual(rx.typesOf(ad.id), want);
	assert.deepStrictEqual(rx.forged, []);
	assert.deepStrictEqual(rx.problems, []);
	assert.deepStrictEqual([...rx.queries], ['?id=12345&user=a%20b']);
	for (const e of rx.events) assert.strictEqual(rx.seen.get(e.id), 1, `${e.id} arrived more than once`);
});

test('an item moved through the Wallapop face tells the same webhook, in order', async () => {
	const { s, scene: { rx, who } } = suite;
	await setPlace(s, who.olx.user.id);
	const id = await createItem(s, who.wp.token);
	await waitStatus(s, who.olx.token, id, 'active');
	const put = async (cmd) => {
		const r = await s.req('PUT', `/items/${id}/${cmd}`, { token: who.wp.token });
		assert.strictEqual(r.status, 204, r.text);
	};
	await put('inactivate');
	await put('activate');
	await waitStatus(s, who.olx.token, id, 'active');
	await put('sold');
	const want = ['ITEM_LISTED', 'ITEM_INACTIVATED', 'ITEM_LISTED', 'SALE_COMPLETED'];
	await rx.until(() => rx.typesOf(id).length >= want.length, 'the item\'s four notifications');
	assert.deepStrictEqual(rx.typesOf(id), want);
});

test('an update taking an item\'s stock to 0 is one ITEM_OUT_OF_STOCK; the item stays listed', async () => {
	const { s, scene: { rx, who } } = suite;
	await setPlace(s, who.olx.user.id);
	const id = await createItem(s, who.wp.token, itemBody({ stock: { units: 2 } }));
	await waitStatus(s, who.olx.token, id, 'active');
	// The same item each time, only the units change: 2 -> 1 (still in
	// stock), 1 -> 0 (out), 0 -> 0 (nothing ran out again).
	for (const units of [1, 0, 0]) {
		const r = await s.req('PUT', `/items/${id}`, { token: who.wp.token, json: { item: itemBody().item, stock: { units } } });
		assert.strictEqual(r.status, 204, r.text);
	}
	const item = await getItem(s, who.wp.token, id);
	assert.deepStrictEqual(item.stock, { units: 0 });
	await waitStatus(s, who.olx.token, id, 'active');
	// A sale after them: once it is here, everything before it is too.
	const r = await s.req('PUT', `/items/${id}/sold`, { token: who.wp.token });
	assert.strictEqual(r.status, 204, r.text);
	await rx.until(() => rx.typesOf(id).includes('SALE_COMPLETED'), 'SALE_COMPLETED');
	assert.deepStrictEqual(rx.typesOf(id), ['ITEM_LISTED', 'ITEM_OUT_OF_STOCK', 'SALE_COMPLETED']);
	const out = rx.events.filter((e) => e.type === 'ITEM_OUT_OF_STOCK' && e.data.item_id === id);
	assert.strictEqual(out.length, 1);
	assert.deepStrictEqual(out[0].data, { item_id: id });
	assert.strictEqual(rx.seen.get(out[0].id), 1, 'ITEM_OUT_OF_STOCK arrived more than once');
	assert.deepStrictEqual(rx.forged, []);
	assert.deepStrictEqual(rx.problems, []);
});

test('moderation bans a listing: ITEM_BANNED', async () => {
	const { s, scene: { rx, who } } = suite;
	const made = await create(s, who.olx.token, advertBody({ title: 'Bluzka damska podróbka markowa rozmiar M' }));
	// blocked is not in the enum of the OLX document's GET advert
	await waitStatus(s, who.olx.token, made.id, 'blocked', { check: false });
	await rx.until(() => rx.typesOf(made.id).length >= 1, 'ITEM_BANNED');
	assert.deepStrictEqual(rx.typesOf(made.id), ['ITEM_BANNED']);
});

test('a buyer\'s first message is a lead; the next one and the seller\'s answer are not', async () => {
	const { s, scene: { rx, who, advert: activeAdvert } } = suite;
	const ad = await activeAdvert();
	await rx.until(() => rx.typesOf(ad.id).length >= 1, 'ITEM_LISTED');
	const write = (text) => s.req('POST', `/api/admin/adverts/${ad.id}/messages`, { token: operator(s),
		json: { buyer: { email: 'kupujacy@souk.test', name: 'Kupujący' }, text } });
	let r = await write('Dzień dobry, czy bluzka jest jeszcze dostępna?');
	assert.strictEqual(r.status, 201, r.text);
	const thread = r.json.thread_id;
	r = await s.req('POST', `/api/partner/threads/${thread}/messages`, { token: who.olx.token,
		json: { text: 'Tak, jest dostępna.' } });
	assert.strictEqual(r.status, 200, r.text);
	r = await write('Dziękuję, biorę.');
	assert.strictEqual(r.status, 201, r.text);
	// A sale after them: once it is here, everything before it is too.
	r = await cmd(ad.id, { command: 'deactivate', is_success: true });
	assert.strictEqual(r.status, 204, r.text);
	await rx.until(() => rx.typesOf(ad.id).includes('SALE_COMPLETED'), 'SALE_COMPLETED');
	assert.deepStrictEqual(rx.typesOf(ad.id), ['ITEM_LISTED', 'CHAT_LEAD_CREATED', 'SALE_COMPLETED']);
	const lead = rx.events.find((e) => e.type === 'CHAT_LEAD_CREATED' && e.data.item_id === String(ad.id));
	assert.deepStrictEqual(lead.data, { item_id: String(ad.id), conversation_id: String(thread) });
});

test('the seller\'s app and the operator read the delivery log; another seller finds no such webhook', async () => {
	const { s, scene: { rx, who, hook } } = suite;
	// The receiver has answered everything; souk logs each answer after it.
	await logUntil(s, who, hook, (ds) => ds.length === rx.events.length && ds.every((d) => d.status === 'DELIVERED'),
		'every delivery logged');
	const r = await s.req('GET', `/webhooks/${hook.id}/deliveries?limit=2`, { token: who.wp.token });
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.deliveries.length, 2);
	const d = r.json.deliveries[0];
	assert.strictEqual(d.status, 'DELIVERED');
	assert.strictEqual(d.payload.id, d.id);
	assert.ok(rx.seen.has(d.id));
	assert.strictEqual(d.attempts.length, 1);
	assert.strictEqual(d.attempts[0].status_code, 200);
	assert.strictEqual(d.attempts[0].error, null);
	assert.ok(Number.isInteger(d.attempts[0].duration_ms));
	assert.ok(r.json.next);
	const page2 = await s.req('GET', `/webhooks/${hook.id}/deliveries?limit=2&before=${r.json.next}`, { token: who.wp.token });
	assert.strictEqual(page2.status, 200, page2.text);
	assert.ok(page2.json.deliveries.every((x) => !r.json.deliveries.some((y) => y.id === x.id)));

	const all = await s.req('GET', `/webhooks/${hook.id}/deliveries?limit=100`, { token: who.wp.token });
	assert.strictEqual(all.json.deliveries.length, rx.events.length);
	assert.strictEqual(all.json.next, null);
	const op = await s.req('GET', `/api/admin/users/${who.olx.user.id}/webhooks/${hook.id}/deliveries?limit=100`,
		{ token: operator(s) });
	assert.strictEqual(op.status, 200, op.text);
	assert.deepStrictEqual(op.json, all.json);

	const other = await webhookSeller(s);
	const theirs = await s.req('GET', `/webhooks/${hook.id}/deliveries`, { token: other.token });
	assert.strictEqual(theirs.status, 404, theirs.text);
	const wrongSeller = await s.req('GET', `/api/admin/users/${other.user.id}/webhooks/${hook.id}/deliveries`,
		{ token: operator(s) });
	assert.strictEqual(wrongSeller.status, 404, wrongSeller.text);
	const bad = await s.req('GET', `/webhooks/${hook.id}/deliveries?limit=0`, { token: who.wp.token });
	assert.strictEqual(bad.status, 400, bad.text);
	assert.strictEqual(bad.json.code, 'INVALID_BODY_REQUEST');
});
