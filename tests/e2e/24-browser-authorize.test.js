'use strict';
// The authorization pages in a real browser (Debian's chromium through
// playwright-core): sign in, allow, land on /demo/callback with the code,
// exchange it. Cookies, form posts, redirects and the pages' CSP all have to
// work as a browser applies them.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { token, me } = require('./lib/oauth-flow');
const { demoAccounts } = require('./lib/demo');

const { skip, launchChromium } = require('./lib/chromium');

let s, demo, browser;
test.before(async () => {
	if (skip) return;
	s = await startSouk();
	demo = await demoAccounts(s);
	browser = await launchChromium();
});
test.after(async () => {
	if (browser) await browser.close();
	if (s) await s.stop();
});

test('sign in, allow, land on the demo callback, exchange the code', { skip, timeout: 60000 }, async () => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const violations = [];
	page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text()); });

	const url = `${s.url}/oauth/authorize/?client_id=${demo.clientId}&response_type=code&state=browser-1&scope=read+write+v2`;
	await page.goto(url);
	assert.strictEqual(await page.title(), 'Sign in to souk - souk');
	await page.fill('#email', demo.seller.email);
	await page.fill('#password', 'not the password');
	await page.click('button[type=submit]');
	assert.match(await page.textContent('.error'), /Wrong e-mail address or password/);

	await page.fill('#password', demo.seller.password);
	await Promise.all([page.waitForURL(/\/oauth\/authorize/), page.click('button[type=submit]')]);
	assert.match(await page.textContent('main'), /souk demo app/);
	await Promise.all([page.waitForURL(/\/demo\/callback\?/), page.click('button[value=allow]')]);

	const landed = new URL(page.url());
	assert.strictEqual(landed.origin + landed.pathname, demo.redirectUri);
	assert.strictEqual(landed.searchParams.get('state'), 'browser-1');
	const code = (await page.textContent('#code')).trim();
	assert.match(code, /^[0-9a-f]{40}$/);
	assert.strictEqual(code, landed.searchParams.get('code'));
	assert.match(await page.textContent('#curl'), /grant_type=authorization_code/);

	const t = await token(s, { grant_type: 'authorization_code', client_id: demo.clientId,
		client_secret: demo.secret, code });
	assert.strictEqual(t.status, 200, t.text);
	const u = await me(s, t.json.access_token);
	assert.strictEqual(u.json.data.email, demo.seller.email);

	// the linked-apps page lists the app; revoking it kills the token
	await page.goto(`${s.url}/account/apps`);
	assert.match(await page.textContent('table'), /souk demo app/);
	await Promise.all([page.waitForURL(/\/account\/apps$/), page.click('text=Revoke')]);
	assert.match(await page.textContent('main'), /not authorized any application/);
	assert.strictEqual((await me(s, t.json.access_token)).status, 401);
	assert.deepStrictEqual(violations, []);
	await context.close();
});

test('the consent page refuses to be framed', { skip, timeout: 60000 }, async () => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const target = `${s.url}/oauth/authorize?client_id=${demo.clientId}&response_type=code`;
	await page.setContent(`<iframe id="f" src="${target}"></iframe>`);
	await page.waitForTimeout(500);
	const frame = page.frames().find((f) => f !== page.mainFrame());
	const text = frame ? await frame.evaluate(() => document.body ? document.body.innerText : '').catch(() => '') : '';
	assert.ok(!/Sign in|Allow/.test(text), `the page rendered inside a frame: ${text}`);
	await context.close();
});
