'use strict';
// The curl lines people copy: the README's client_credentials line, the one
// `souk serve` prints for its demo app, and the code exchange shown on
// /demo/callback, each run with the real curl binary.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startSouk, REPO_ROOT } = require('./lib/server');
const { authorize, htmlUnescape, me } = require('./lib/oauth-flow');
const { demoAccounts } = require('./lib/demo');
const { patience } = require('./lib/patience');

let s, demo;
test.before(async () => {
	s = await startSouk();
	demo = await demoAccounts(s);
});
test.after(() => s && s.stop());

function sh(line, env = {}) {
	const out = execFileSync('sh', ['-c', line], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: patience(15000) });
	return JSON.parse(out);
}

test('the README\'s curl line gets an app token', () => {
	const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const m = /^(curl -s http:\/\/127\.0\.0\.1:8080\/api\/open\/oauth\/token -d grant_type=client_credentials.*)$/m.exec(readme);
	assert.ok(m, 'no client_credentials curl line in README.md');
	const line = m[1].replace('http://127.0.0.1:8080', s.url)
		.replace('CLIENT_ID', demo.clientId).replace('CLIENT_SECRET', demo.secret);
	const t = sh(line);
	assert.match(t.access_token, /^[0-9a-f]{40}$/);
	assert.strictEqual(t.token_type, 'bearer');
	assert.strictEqual(t.expires_in, 86400);
	assert.strictEqual(t.scope, 'v2 read write');
});

test('the curl line souk serve prints works as printed', () => {
	assert.ok(demo.curl.includes(s.url), demo.curl);
	const t = sh(demo.curl);
	assert.match(t.access_token, /^[0-9a-f]{40}$/);
	assert.match(t.refresh_token, /^[0-9a-f]{40}$/);
});

test('curl with HTTP Basic (-u) and a wrong secret', () => {
	const ok = sh(`curl -s -u '${demo.clientId}:${demo.secret}' ${s.url}/api/open/oauth/token -d grant_type=client_credentials`);
	assert.strictEqual(ok.scope, 'v2 read write');
	const bad = sh(`curl -s ${s.url}/api/open/oauth/token -d grant_type=client_credentials -d client_id=${demo.clientId} -d client_secret=nope`);
	assert.deepStrictEqual(bad, { error: 'invalid_client', error_description: 'The client credentials are invalid' });
});

test('the demo callback page shows the code and the exact curl line that exchanges it', async () => {
	const a = await authorize(s, { client_id: demo.clientId, response_type: 'code', state: 'curl-demo' },
		{ email: demo.seller.email, password: demo.seller.password });
	assert.ok(a.location.startsWith(`${demo.redirectUri}?code=`), a.location);
	const cb = new URL(a.location);
	const page = await s.req('GET', cb.pathname + cb.search);
	assert.strictEqual(page.status, 200);
	assert.strictEqual(page.headers['x-frame-options'], 'DENY');
	const code = cb.searchParams.get('code');
	assert.ok(page.text.includes(`<code id="code">${code}</code>`));
	assert.ok(page.text.includes('<code id="state">curl-demo</code>'));
	const line = htmlUnescape(/<pre id="curl">([\s\S]*?)<\/pre>/.exec(page.text)[1]);
	const t = sh(line, { CLIENT_SECRET: demo.secret });
	assert.match(t.access_token, /^[0-9a-f]{40}$/, JSON.stringify(t));
	const u = await me(s, t.access_token);
	assert.strictEqual(u.json.data.email, demo.seller.email);
	// once exchanged, the page says so
	const again = await s.req('GET', cb.pathname + cb.search);
	assert.match(again.text, /no longer valid/);
});

test('the demo callback page shows an error it received, escaped', async () => {
	const r = await s.req('GET', '/demo/callback?error=access_denied&state=%3Cb%3E');
	assert.strictEqual(r.status, 200);
	assert.ok(r.text.includes('<code id="error">access_denied</code>'));
	assert.ok(r.text.includes('&lt;b&gt;') && !r.text.includes('<b>'));
});
