'use strict';
// The OLX traffic of a seller's whole advert workflow, sent through Prism's
// validating proxy (@stoplight/prism-cli, `prism proxy --errors`): a checker
// of the published OpenAPI document that nobody on this project wrote.
// Prism checks each request and each response against the document; an
// error-level violation in either fails the test.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { startSouk, freePort, REPO_ROOT } = require('./lib/server');
const { createClient } = require('./lib/http');
const { advertBody, jobBody, seller, waitStatus } = require('./lib/adverts');
const { SPEC_PATH: SPEC, specSkipReason } = require('./lib/olx-schema');

const PRISM = path.join(REPO_ROOT, 'node_modules', '.bin', 'prism');
const skip = specSkipReason() || (!fs.existsSync(PRISM) ? 'prism is not installed (npm ci)' : false);

let s, prism, via, a, log = '';

async function startPrism(upstream) {
	const port = await freePort();
	prism = spawn(PRISM, ['proxy', SPEC, upstream, '--errors', '-h', '127.0.0.1', '-p', String(port)],
		{ stdio: ['ignore', 'pipe', 'pipe'] });
	prism.stdout.on('data', (d) => { log += d; });
	prism.stderr.on('data', (d) => { log += d; });
	const end = Date.now() + 60000;
	while (!/Prism is listening/.test(log)) {
		if (Date.now() > end || prism.exitCode !== null) throw new Error(`prism did not start:\n${log}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return `http://127.0.0.1:${port}`;
}

// The document shows a few answers bare where live OLX (and souk) wrap them
// in {"data": ...}: for those, the missing top-level shape (an array, or the
// object's required members) must be Prism's only complaint.
const WRAPPER = /^Response body must (be array|have required property '\w+')$/;

// A request through the proxy; Prism's own verdicts are asserted here.
async function call(method, p, opts = {}) {
	const { bare, ...rest } = opts;
	const r = await via.req(method, p, { token: a.token, version: '2.0', check: false, ...rest });
	if (bare) {
		assert.strictEqual(r.status, 500, `${method} ${p}: ${r.text}`);
		assert.ok(r.json.validation.length > 0);
		for (const v of r.json.validation) {
			assert.deepStrictEqual(v.location, ['response', 'body'], `${method} ${p}: ${r.text}`);
			assert.match(v.message, WRAPPER, `${method} ${p}: ${r.text}`);
		}
		return r;
	}
	const violations = r.headers['sl-violations'] ? JSON.parse(r.headers['sl-violations']) : [];
	const errors = violations.filter((v) => v.severity === 'Error');
	assert.deepStrictEqual(errors, [], `${method} ${p}: ${r.status} ${r.text}`);
	assert.ok(!/problem\+json/.test(r.headers['content-type'] || ''), `${method} ${p}: Prism refused it: ${r.text}`);
	return r;
}

test('a seller\'s advert workflow through Prism\'s validating proxy', { skip, timeout: 120000 }, async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	try {
		a = await seller(s);
		via = createClient(await startPrism(`${s.url}/api/partner`));
		assert.strictEqual((await call('GET', '/users/me')).status, 200);
		assert.strictEqual((await call('GET', '/categories/1581')).status, 200);
		await call('GET', '/categories/1581/attributes', { bare: true });
		assert.strictEqual((await call('GET', '/cities/1394')).status, 200);
		await call('GET', '/cities/1394/districts', { bare: true });
		const body = advertBody();
		const created = await call('POST', '/adverts', { json: body });
		assert.strictEqual(created.status, 200, created.text);
		const id = created.json.data.id;
		assert.strictEqual((await call('POST', '/adverts', { json: jobBody() })).status, 200);
		assert.strictEqual((await call('GET', `/adverts/${id}`)).status, 200);
		assert.strictEqual((await call('GET', '/adverts?offset=0&limit=10')).status, 200);
		await waitStatus(s, a.token, id, 'active');
		await call('PUT', `/adverts/${id}`, { json: { ...body, title: 'Bluzka damska bawełniana rozmiar L' }, bare: true });
		assert.strictEqual((await call('GET', `/adverts/${id}/statistics`)).status, 200);
		assert.strictEqual((await call('DELETE', `/adverts/${id}/statistics/advert-views`)).status, 204);
		await call('POST', `/adverts/${id}/logos`, { json: { url: 'https://shop.test/logo.png' }, bare: true });
		await call('GET', `/adverts/${id}/logos`, { bare: true });
		const logos = await s.req('GET', `/api/partner/adverts/${id}/logos`, { token: a.token });
		assert.strictEqual(logos.json.data.length, 1);
		assert.strictEqual((await call('DELETE', `/adverts/${id}/logos/${logos.json.data[0].id}`)).status, 204);
		assert.strictEqual((await call('POST', `/adverts/${id}/commands`, { json: { command: 'deactivate', is_success: true } })).status, 204);
		assert.strictEqual((await call('DELETE', `/adverts/${id}`)).status, 204);
	} finally {
		if (prism) prism.kill('SIGTERM');
		await s.stop();
	}
});
