'use strict';
// The device flow with independent parts: openid-client's device
// authorization API (discovery of the endpoint through RFC 8414, the
// request, its own polling with the interval) while a person confirms the
// code in a real browser (Debian's chromium through playwright-core): the
// page asks them to sign in, shows the app, its scopes and the code, and
// Allow ends openid-client's polling with a JWT that jose verifies.

const test = require('node:test');
const assert = require('node:assert');
const client = require('openid-client');
const { startSouk } = require('./lib/server');
const { makeUser } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroMe, verifyJwt } = require('./lib/allegro');
const { USER_CODE_RE } = require('./lib/device');

const { skip, launchChromium } = require('./lib/chromium');

let s, app, seller, browser;
test.before(async () => {
	s = await startSouk();
	app = makeAllegroApp(s, { name: 'Allegro TV app' });
	seller = makeUser(s);
	if (skip) return;
	browser = await launchChromium();
});
test.after(async () => {
	if (browser) await browser.close();
	if (s) await s.stop();
});

function discover() {
	return client.discovery(new URL(`${s.url}/auth/oauth`), app.client_id, app.client_secret,
		client.ClientSecretBasic(app.client_secret), { algorithm: 'oauth2', execute: [client.allowInsecureRequests] });
}

test('openid-client polls while a person allows the code in chromium; the pair arrives once', { skip, timeout: 90000 }, async () => {
	const config = await discover();
	assert.strictEqual(config.serverMetadata().device_authorization_endpoint, `${s.url}/auth/oauth/device`);
	const d = await client.initiateDeviceAuthorization(config, { scope: 'allegro:api:profile:read allegro:api:sale:offers:write' });
	assert.match(d.user_code, USER_CODE_RE);
	assert.strictEqual(d.interval, 5);
	// the device polls from now on, as a real one would
	const polling = client.pollDeviceAuthorizationGrant(config, d);

	const context = await browser.newContext();
	const page = await context.newPage();
	const violations = [];
	page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text()); });
	await page.goto(d.verification_uri);
	assert.strictEqual(await page.title(), 'Sign in to souk - souk');
	await page.fill('#email', seller.email);
	await page.fill('#password', seller.password);
	await Promise.all([page.waitForURL(/\/device$/), page.click('button[type=submit]')]);
	// the person types the code as read from the screen
	await page.fill('#user_code', d.user_code.toLowerCase());
	await Promise.all([page.waitForURL(/\/device\?user_code=/), page.click('button[type=submit]')]);
	assert.match(await page.textContent('main'), /Allegro TV app/);
	assert.match(await page.textContent('main'), /allegro:api:sale:offers:write/);
	assert.strictEqual(await page.textContent('#code'), d.user_code);
	await Promise.all([page.waitForURL(/\/device$/), page.click('button[value=allow]')]);
	assert.match(await page.textContent('#done'), /The device is connected/);

	const tokens = await polling;
	assert.strictEqual(tokens.token_type, 'bearer');
	assert.strictEqual(tokens.scope, 'allegro:api:profile:read allegro:api:sale:offers:write');
	const claims = await verifyJwt(s, tokens.access_token);
	const me = await allegroMe(s, tokens.access_token);
	assert.strictEqual(me.status, 200, me.text);
	assert.strictEqual(claims.user_name, me.json.id);
	assert.strictEqual(claims.client_id, app.client_id);

	// the same device code again: spent
	await assert.rejects(client.pollDeviceAuthorizationGrant(config, { ...d, interval: 0 }),
		(e) => e.error === 'invalid_grant');

	// verification_uri_complete skips typing; Deny ends the next device's polling
	const d2 = await client.initiateDeviceAuthorization(config, {});
	const polling2 = client.pollDeviceAuthorizationGrant(config, d2);
	await page.goto(d2.verification_uri_complete);
	assert.strictEqual(await page.textContent('#code'), d2.user_code);
	await Promise.all([page.waitForURL(/\/device$/), page.click('button[value=deny]')]);
	await assert.rejects(polling2, (e) => e.error === 'access_denied');
	assert.deepStrictEqual(violations, []);
	await context.close();
});
