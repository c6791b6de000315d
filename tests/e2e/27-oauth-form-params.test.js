'use strict';
// Regression: the token endpoint and the pages decoded form bodies with two
// different rules. The pages kept a broken escape as written, and a parameter
// sent twice was silently read as its first value, where RFC 6749 (3.2)
// requires refusing the request. Now one decoder serves both: a repeated
// parameter or a field that does not decode is invalid_request, and the
// request is not carried out.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp } = require('./lib/oauth-flow');

const TOKEN = '/api/open/oauth/token';
let s, app;
test.before(async () => {
	s = await startSouk();
	app = makeApp(s);
});
test.after(() => s && s.stop());

const formPost = (body, headers = {}) => s.req('POST', TOKEN, { body,
	headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
const creds = () => `client_id=${encodeURIComponent(app.client_id)}&client_secret=${encodeURIComponent(app.client_secret)}`;

test('a well-formed form body still gets a token, with + and %XX decoded', async () => {
	const r = await formPost(`grant_type=client_credentials&${creds()}&scope=v2+read%20write`);
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.scope, 'v2 read write');
});

test('a repeated parameter is refused, whichever value comes first', async () => {
	for (const body of [
		`grant_type=client_credentials&${creds()}&scope=v2&scope=v2+read+write`,
		`grant_type=client_credentials&grant_type=client_credentials&${creds()}`,
		`grant_type=client_credentials&${creds()}&client_secret=wrong`,
		`grant_type=client_credentials&${creds()}&client_id=${encodeURIComponent(app.client_id)}`,
	]) {
		const r = await formPost(body);
		assert.strictEqual(r.status, 400, body);
		assert.strictEqual(r.json.error, 'invalid_request', body);
		assert.match(r.json.error_description, /^Parameter "[a-z_]+" was sent more than once$/, body);
		assert.strictEqual(r.headers['cache-control'], 'no-store');
	}
});

test('a broken escape or a NUL in any field is refused, not read as written', async () => {
	for (const body of [
		`grant_type=client_credentials&${creds()}&scope=v2%2`,
		`grant_type=client_credentials&${creds()}&scope=v2%zzread`,
		`grant_type=client_credentials&${creds()}&scope=v2%00`,
		`grant_type=client_credentials&${creds()}&x%GG=1`,
		Buffer.concat([Buffer.from(`grant_type=client_credentials&${creds()}&scope=v2`), Buffer.from([0]), Buffer.from('x')]),
	]) {
		const r = await formPost(body);
		assert.strictEqual(r.status, 400, String(body));
		assert.deepStrictEqual(r.json, { error: 'invalid_request',
			error_description: 'The request body is not valid form data' }, String(body));
	}
});

test('HTTP Basic credentials go through the same decoder: a broken escape is invalid_client', async () => {
	for (const user of [`${app.client_id}%2`, `${app.client_id}%00`]) {
		const basic = Buffer.from(`${user}:${app.client_secret}`).toString('base64');
		const r = await formPost('grant_type=client_credentials', { authorization: `Basic ${basic}` });
		assert.strictEqual(r.status, 400, user);
		assert.deepStrictEqual(r.json, { error: 'invalid_client', error_description: 'The client credentials are invalid' });
	}
	const ok = Buffer.from(`${encodeURIComponent(app.client_id)}:${encodeURIComponent(app.client_secret)}`).toString('base64');
	const r = await formPost('grant_type=client_credentials', { authorization: `Basic ${ok}` });
	assert.strictEqual(r.status, 200, r.text);
});
