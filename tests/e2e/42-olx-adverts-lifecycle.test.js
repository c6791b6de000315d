'use strict';
// The advert lifecycle of seed 001: moderation (automatic and by a
// moderator), the free limit, the seller's commands, the 14-day refresh
// rule, expiry by the job runner, and the public page's counters.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql, advanceClock, Browser } = require('./lib/oauth-flow');
const { advertBody, seller, reauth, operator, setting, waitStatus, create } = require('./lib/adverts');

let s, a, n = 0;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	a = await seller(s);
});
test.after(() => s && s.stop());

// Each advert needs its own title: the duplicate rule rejects copies.
const body = (over = {}) => advertBody({ title: `Bluzka damska model ${++n} rozmiar M`, ...over });
const cmd = (token, id, json) => s.req('POST', `/api/partner/adverts/${id}/commands`, { token, json });
const validation = (field, title) => ({ error: { status: 400, title: 'Invalid request',
	detail: 'Data validation error occurred', validation: [{ field, title }] } });
// Statuses past `removed_by_user` are real OLX statuses the published list
// schema leaves out of its enum, so those reads skip the schema check.
const noCheck = { check: false };

test('new -> active by the automatic rules within seconds, with activated_at and valid_to', async () => {
	const ad = await create(s, a.token, body());
	assert.strictEqual(ad.status, 'new');
	const active = await waitStatus(s, a.token, ad.id, 'active');
	const days = (Date.parse(active.valid_to) - Date.parse(active.activated_at)) / 86400000;
	assert.strictEqual(days, 30);
	assert.match(sql(s, `SELECT group_concat(actor_kind || ':' || json_extract(payload, '$.cause'), ',') FROM events
		WHERE listing_id = ${ad.id} AND type = 'listing.status_changed'`), /^system:moderation_accept$/);
});

test('banned words are blocked, a duplicate or a suspicious price is moderated, with a reason', async () => {
	const first = await create(s, a.token, body({ title: 'Bluzka damska oryginalna rozmiar S' }));
	await waitStatus(s, a.token, first.id, 'active');
	const dup = await create(s, a.token, body({ title: 'Bluzka damska ORYGINALNA rozmiar s' }));
	const d = await waitStatus(s, a.token, dup.id, 'moderated', noCheck);
	const reason = await s.req('GET', `/api/partner/adverts/${dup.id}/moderation-reason`, { token: a.token });
	assert.strictEqual(reason.status, 200);
	assert.match(reason.json.data.email_notification, new RegExp(`^<p>Duplicate of your active advert ${first.id}\\.</p>$`));
	assert.strictEqual(d.status, 'moderated');
	const cheap = await create(s, a.token, body({ price: { value: 0.5, currency: 'PLN' } }));
	await waitStatus(s, a.token, cheap.id, 'moderated', noCheck);
	const banned = await create(s, a.token, body({ description: 'Sprzedam bluzkę, gratis dorzucę podróbka torebki znanej marki, stan idealny, rozmiar M, kolor czarny.' }));
	await waitStatus(s, a.token, banned.id, 'blocked', noCheck);
	// A moderated advert the seller fixes goes back to moderation.
	const fixed = await s.req('PUT', `/api/partner/adverts/${cheap.id}`, { token: a.token, json: body({ price: { value: 35, currency: 'PLN' } }) });
	assert.strictEqual(fixed.status, 200, fixed.text);
	assert.strictEqual(fixed.json.data.status, 'new');
	await waitStatus(s, a.token, cheap.id, 'active');
});

test('a moderator decides when moderation is manual', async () => {
	await setting(s, 'moderation.manual', 1);
	const key = operator(s);
	try {
		const ad = await create(s, a.token, body());
		await new Promise((r) => setTimeout(r, 400));
		let g = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
		assert.strictEqual(g.json.data.status, 'new', 'waits for the moderator');
		const q = await s.req('GET', '/api/admin/moderation/queue', { token: key });
		assert.ok(q.json.data.some((x) => x.id === ad.id));
		let r = await s.req('POST', `/api/admin/adverts/${ad.id}/moderation`, { token: key, json: { decision: 'reject' } });
		assert.strictEqual(r.status, 400, 'a refusal needs a reason');
		r = await s.req('POST', `/api/admin/adverts/${ad.id}/moderation`, { token: key,
			json: { decision: 'reject', reason: 'Photos show a different item.' } });
		assert.strictEqual(r.status, 200, r.text);
		assert.strictEqual(r.json.status, 'moderated');
		const reason = await s.req('GET', `/api/partner/adverts/${ad.id}/moderation-reason`, { token: a.token });
		assert.strictEqual(reason.json.data.email_notification, '<p>Photos show a different item.</p>');
		const other = await create(s, a.token, body());
		r = await s.req('POST', `/api/admin/adverts/${other.id}/moderation`, { token: key, json: { decision: 'accept' } });
		assert.strictEqual(r.json.status, 'active');
		r = await s.req('POST', `/api/admin/adverts/${other.id}/moderation`, { token: key,
			json: { decision: 'block', reason: 'Scam reported by buyers.' } });
		assert.strictEqual(r.json.status, 'blocked');
		r = await s.req('POST', '/api/admin/adverts/999999/moderation', { token: key, json: { decision: 'accept' } });
		assert.strictEqual(r.status, 404);
		g = await s.req('GET', `/api/partner/adverts/${other.id}`, { token: a.token, check: false });
		assert.strictEqual(g.json.data.status, 'blocked');
	} finally {
		await setting(s, 'moderation.manual', 0);
	}
});

test('over the free limit an advert is limited; finish ends it; activate needs a free slot', async () => {
	const u = await seller(s);
	await setting(s, 'adverts.free_limit', 1);
	try {
		const first = await create(s, u.token, body());
		const second = await create(s, u.token, body());
		assert.strictEqual(second.status, 'limited');
		let r = await cmd(u.token, second.id, { command: 'activate' });
		assert.strictEqual(r.status, 400);
		await waitStatus(s, u.token, first.id, 'active');
		r = await cmd(u.token, first.id, { command: 'deactivate', is_success: false });
		assert.strictEqual(r.status, 204);
		r = await cmd(u.token, second.id, { command: 'activate' });
		assert.strictEqual(r.status, 204, r.text);
		await waitStatus(s, u.token, second.id, 'active');
		const third = await create(s, u.token, body());
		assert.strictEqual(third.status, 'limited');
		r = await cmd(u.token, third.id, { command: 'finish' });
		assert.strictEqual(r.status, 204);
		const g = await s.req('GET', `/api/partner/adverts/${third.id}`, { token: u.token });
		assert.strictEqual(g.json.data.status, 'removed_by_user');
	} finally {
		await setting(s, 'adverts.free_limit', 50);
	}
});

test('18/19. deactivate needs an active advert and is_success; DELETE needs an inactive one', async () => {
	const ad = await create(s, a.token, body());
	let r = await cmd(a.token, ad.id, { command: 'deactivate', is_success: true });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation('ad', 'Ad has to be active'));
	await waitStatus(s, a.token, ad.id, 'active');
	r = await s.req('DELETE', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation('ad', 'Invalid status'));
	r = await cmd(a.token, ad.id, { command: 'deactivate' });
	assert.strictEqual(r.status, 400, 'is_success is required');
	r = await cmd(a.token, ad.id, { command: 'deactivate', is_success: true });
	assert.strictEqual(r.status, 204);
	assert.match(sql(s, `SELECT json_extract(payload, '$.reason') || ' ' || json_extract(payload, '$.end_reason')
		FROM events WHERE listing_id = ${ad.id} ORDER BY seq DESC LIMIT 1`), /^sold sold$/);
	r = await cmd(a.token, ad.id, { command: 'activate' });
	assert.strictEqual(r.status, 204);
	const g = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(g.json.data.status, 'active');
	// Refused commands, sent to the live advert, leave it as it was.
	r = await cmd(a.token, ad.id, { command: 'explode' });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation('command', 'Invalid value'));
	r = await cmd(a.token, ad.id, { command: 'deactivate', is_success: 'yes' });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation('is_success', 'Invalid value'));
	r = await cmd(a.token, ad.id, { command: 'deactivate', is_success: true, extra: 1 });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, { data: { error: { status: 400, title: 'Bad Request',
		detail: 'Error while decoding JSON data: Syntax error' } } });
	const unchanged = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.deepStrictEqual(unchanged.json.data, g.json.data, 'a refused command changed the advert');
	r = await cmd(a.token, ad.id, { command: 'deactivate', is_success: false });
	assert.strictEqual(r.status, 204);
	r = await s.req('DELETE', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(r.status, 204);
	r = await s.req('GET', `/api/partner/adverts/${ad.id}`, { token: a.token });
	assert.strictEqual(r.status, 404, 'deleted');
	// A valid command to the deleted advert finds nothing.
	r = await cmd(a.token, ad.id, { command: 'activate' });
	assert.strictEqual(r.status, 404);
});

test('20. extend at most once in 14 days; expiry makes an advert outdated on time', async () => {
	const ad = await create(s, a.token, body());
	await waitStatus(s, a.token, ad.id, 'active');
	let r = await cmd(a.token, ad.id, { command: 'extend' });
	assert.strictEqual(r.status, 204, r.text);
	r = await cmd(a.token, ad.id, { command: 'extend' });
	assert.strictEqual(r.status, 400);
	assert.deepStrictEqual(r.json, validation('time', 'You cannot refresh ad more often than once in 14 days'));
	// The seller's day-long access token does not outlive the jump.
	await advanceClock(s, 15 * 86400);
	await reauth(s, a);
	r = await cmd(a.token, ad.id, { command: 'extend' });
	assert.strictEqual(r.status, 204, r.text);
	// Nobody calls the API: the job runner notices valid_to has passed.
	await advanceClock(s, 31 * 86400);
	await reauth(s, a);
	const out = await waitStatus(s, a.token, ad.id, 'outdated', noCheck);
	assert.strictEqual(out.status, 'outdated');
	assert.match(sql(s, `SELECT actor_kind || ':' || json_extract(payload, '$.cause') || ':' || to_status
		FROM events WHERE listing_id = ${ad.id} ORDER BY seq DESC LIMIT 1`), /^system:expire:outdated$/);
	r = await cmd(a.token, ad.id, { command: 'activate' });
	assert.strictEqual(r.status, 204);
});

test('the public page counts views, phone reveals and observers; statistics can be cleared', async () => {
	const ad = await create(s, a.token, body({ contact: { name: 'Anna', phone: '600100200' } }));
	const pub = await s.req('GET', `/oferta/${ad.id}`);
	assert.strictEqual(pub.status, 404, 'not public before moderation');
	await waitStatus(s, a.token, ad.id, 'active');
	const browser = new Browser(s);
	let page = await browser.req('GET', `/oferta/${ad.id}`);
	assert.strictEqual(page.status, 200);
	assert.match(page.text, /Bluzka damska model/);
	assert.ok(!page.text.includes('600100200'), 'the phone is hidden until asked for');
	await browser.req('GET', `/oferta/${ad.id}`);
	const phoneForm = browser.form(page.text, `/oferta/${ad.id}/phone`);
	page = await browser.req('POST', `/oferta/${ad.id}/phone`, { form: phoneForm.fields });
	assert.strictEqual(page.status, 200);
	assert.match(page.text, /600100200/);
	const observeForm = browser.form(page.text, `/oferta/${ad.id}/observe`);
	let o = await browser.req('POST', `/oferta/${ad.id}/observe`, { form: observeForm.fields });
	assert.strictEqual(o.status, 303);
	o = await browser.req('POST', `/oferta/${ad.id}/observe`, { form: observeForm.fields });
	const forged = await s.req('POST', `/oferta/${ad.id}/phone`, { form: { csrf: 'x' } });
	assert.strictEqual(forged.status, 403);
	const key = operator(s);
	const sim = await s.req('POST', `/api/admin/adverts/${ad.id}/simulate`, { token: key, json: { action: 'view', count: 10 } });
	assert.strictEqual(sim.status, 200, sim.text);
	let st = await s.req('GET', `/api/partner/adverts/${ad.id}/statistics`, { token: a.token });
	assert.deepStrictEqual(st.json.data, { advert_views: 12, phone_views: 1, users_observing: 1 });
	let r = await s.req('DELETE', `/api/partner/adverts/${ad.id}/statistics/advert-views`, { token: a.token });
	assert.strictEqual(r.status, 204);
	r = await s.req('DELETE', `/api/partner/adverts/${ad.id}/statistics/likes`, { token: a.token });
	assert.strictEqual(r.status, 404);
	st = await s.req('GET', `/api/partner/adverts/${ad.id}/statistics`, { token: a.token });
	assert.deepStrictEqual(st.json.data, { advert_views: 0, phone_views: 1, users_observing: 1 });
});
