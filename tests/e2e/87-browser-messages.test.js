'use strict';
// A conversation end to end in a real browser (Debian's chromium through
// playwright-core): a buyer signs in from the advert's page and writes to
// the seller; the seller's app finds the thread through the OLX face, reads
// it and answers; the buyer sees the answer on "My messages". The pages'
// CSP, cookies, redirects and forms all apply as a browser applies them.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeUser } = require('./lib/oauth-flow');
const { advertBody, seller, waitStatus, create } = require('./lib/adverts');
const { skip, launchChromium } = require('./lib/chromium');
const { fixture, imageHost, serve } = require('./lib/images');
const { setting } = require('./lib/adverts');

let s, a, ad, browser, host;
test.before(async () => {
	if (skip) return;
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	a = await seller(s);
	ad = await waitStatus(s, a.token, (await create(s, a.token, advertBody())).id, 'active');
	browser = await launchChromium();
});
test.after(async () => {
	if (browser) await browser.close();
	if (host) await host.close();
	if (s) await s.stop();
});

test('the buyer writes from the advert page, the seller\'s app answers, the buyer reads it', { skip, timeout: 90000 }, async () => {
	const buyer = makeUser(s, { business: false });
	const context = await browser.newContext();
	const page = await context.newPage();
	const violations = [];
	page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text()); });

	await page.goto(`${s.url}/oferta/${ad.id}`);
	await Promise.all([page.waitForURL(/\/oauth\/login/), page.click('#sign-in-to-write')]);
	await page.fill('#email', buyer.email);
	await page.fill('#password', buyer.password);
	await Promise.all([page.waitForURL(new RegExp(`/oferta/${ad.id}$`)), page.click('button[type=submit]')]);
	await page.fill('#message', 'Dzień dobry!\nCzy bluzka jest jeszcze dostępna?');
	await Promise.all([page.waitForURL(/\/account\/messages\/\d+/), page.click('text=Send message')]);
	assert.match(await page.textContent('#messages'), /Czy bluzka jest jeszcze dostępna\?/);

	// The seller's app: the thread, unread, from this buyer, about this advert.
	const threads = await s.req('GET', '/api/partner/threads', { token: a.token });
	assert.strictEqual(threads.status, 200, threads.text);
	assert.strictEqual(threads.json.data.length, 1);
	const t = threads.json.data[0];
	assert.deepStrictEqual([t.advert_id, t.interlocutor_id, t.total_count, t.unread_count], [ad.id, buyer.id, 1, 1]);
	const msgs = await s.req('GET', `/api/partner/threads/${t.id}/messages`, { token: a.token });
	assert.deepStrictEqual(msgs.json.data.map((m) => [m.type, m.text]),
		[['received', 'Dzień dobry!\nCzy bluzka jest jeszcze dostępna?']]);
	assert.strictEqual((await s.req('POST', `/api/partner/threads/${t.id}/commands`, { token: a.token,
		json: { command: 'mark-as-read' } })).status, 204);
	const answer = await s.req('POST', `/api/partner/threads/${t.id}/messages`, { token: a.token,
		json: { text: 'Tak, jest dostępna. Zapraszam!' } });
	assert.strictEqual(answer.status, 200, answer.text);

	// The buyer: "My messages" says something is new; the thread shows it.
	await page.goto(`${s.url}/account/messages`);
	assert.match(await page.textContent('#unread'), /^1 unread$/);
	await Promise.all([page.waitForURL(new RegExp(`/account/messages/${t.id}$`)), page.click(`a[href="/account/messages/${t.id}"]`)]);
	const texts = await page.$$eval('#messages .msg', (els) => els.map((e) => [e.className, e.querySelector('.text').textContent]));
	assert.deepStrictEqual(texts, [['msg sent', 'Dzień dobry!\nCzy bluzka jest jeszcze dostępna?'],
		['msg received', 'Tak, jest dostępna. Zapraszam!']]);
	// The buyer answers from the thread page; the seller's app sees it.
	await page.fill('#message', 'Dziękuję, odbiorę jutro.');
	await Promise.all([page.waitForURL(new RegExp(`/account/messages/${t.id}#m\\d+$`)), page.click('text=Send message')]);
	const after = await s.req('GET', `/api/partner/threads/${t.id}`, { token: a.token });
	assert.deepStrictEqual([after.json.data.total_count, after.json.data.unread_count], [3, 1]);
	const seen = (await s.req('GET', `/api/partner/threads/${t.id}/messages`, { token: a.token })).json.data;
	assert.deepStrictEqual(seen.map((m) => [m.type, m.is_read]), [['received', true], ['sent', true], ['received', false]]);
	assert.deepStrictEqual(violations, []);
	await context.close();
});

test('a business seller\'s logo shows on the advert page under the pages\' CSP', { skip, timeout: 60000 }, async () => {
	host = await imageHost('127.0.0.1', { '/logo.png': serve(fixture('alpha.png'), 'image/png') });
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	const r = await s.req('POST', '/api/partner/users-business/me/logos', { token: a.token, json: { url: `${host.base}/logo.png` } });
	assert.strictEqual(r.status, 200, r.text);
	const context = await browser.newContext();
	const page = await context.newPage();
	const violations = [];
	page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text()); });
	await page.goto(`${s.url}/oferta/${ad.id}`);
	await page.waitForFunction(() => document.querySelector('#business-logo').complete);
	assert.ok(await page.$eval('#business-logo', (img) => img.naturalWidth) > 0, 'the logo was loaded');
	assert.match(await page.textContent('#business'), /Test Seller/);
	assert.deepStrictEqual(violations, []);
	await context.close();
});
