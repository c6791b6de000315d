'use strict';
// Linked apps and Allegro's self-contained tokens: the page lists an Allegro
// app with its scope names, and revoking it there refuses its JWT at once
// (the token still verifies with the public key; souk checks it against the
// store, through the per-thread cache and its revocation generation).

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { Browser, makeUser } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroToken, allegroCodeGrant, allegroMe, verifyJwt } = require('./lib/allegro');

let s, app, seller;
test.before(async () => {
	s = await startSouk({ args: ['--threads', '4'] });
	app = makeAllegroApp(s, { name: 'Allegro lister' });
	seller = makeUser(s);
});
test.after(() => s && s.stop());

test('revoking an Allegro app on the linked-apps page ends its JWT and refresh token at once', async () => {
	const browser = new Browser(s);
	const t = await allegroCodeGrant(s, app, seller, { browser, scope: 'allegro:api:profile:read allegro:api:sale:offers:write' });
	// warm every worker's cache with the live token
	for (let i = 0; i < 16; i++) assert.strictEqual((await allegroMe(s, t.access_token)).status, 200);

	const page = await browser.req('GET', '/account/apps');
	assert.strictEqual(page.status, 200);
	assert.match(page.text, /Allegro lister/);
	assert.match(page.text, /allegro:api:profile:read allegro:api:sale:offers:write/);
	const form = browser.form(page.text, '/account/apps/revoke');
	assert.strictEqual(form.fields.client_id, String(app.client_id));
	const revoked = await browser.req('POST', '/account/apps/revoke', { form: form.fields });
	assert.strictEqual(revoked.status, 303);

	// still a valid signature, but souk refuses it on every worker
	assert.strictEqual((await verifyJwt(s, t.access_token)).user_name, String(seller.id));
	const answers = await Promise.all(Array.from({ length: 16 }, () => allegroMe(s, t.access_token)));
	for (const r of answers) {
		assert.strictEqual(r.status, 401, r.text);
		assert.deepStrictEqual(r.json, { error: 'invalid_token', error_description: 'Invalid access token' });
	}
	const r = await allegroToken(s, app, { grant_type: 'refresh_token', refresh_token: t.refresh_token });
	assert.strictEqual(r.json.error, 'invalid_grant');
	assert.doesNotMatch((await browser.req('GET', '/account/apps')).text, /Allegro lister/);

	// signing in again asks for consent again and works
	const again = await allegroCodeGrant(s, app, seller, { browser });
	assert.strictEqual((await allegroMe(s, again.access_token)).status, 200);
});
