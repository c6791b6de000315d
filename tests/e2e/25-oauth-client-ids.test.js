'use strict';
// Client ids are numbers, as the OLX document shows them (client_id=123) and
// as OLX clients type them: an integer in a JSON body, digits in a form body
// or in HTTP Basic. They are drawn at random, not counted up, so one app's id
// says nothing about another's. An app created before ids were numeric keeps
// its old id, and it goes on working.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp, makeUser, codeGrant, token, sql, me } = require('./lib/oauth-flow');

const TOKEN = '/api/open/oauth/token';
const INT32_MAX = 2147483647;

let s;
test.before(async () => { s = await startSouk(); });
test.after(() => s && s.stop());

function assertIssued(r) {
	assert.strictEqual(r.status, 200, r.text);
	assert.match(r.json.access_token, /^[0-9a-f]{40}$/);
}

test('client id typed as an integer: new apps get random numeric ids that fit an int32', () => {
	const ids = Array.from({ length: 6 }, (_, i) => makeApp(s, { name: `Numbered ${i}` }).client_id);
	for (const id of ids) {
		assert.match(id, /^[1-9][0-9]{8,9}$/);
		assert.ok(Number(id) <= INT32_MAX, id);
	}
	assert.strictEqual(new Set(ids).size, ids.length);
	// Not a sequence: no id is its neighbour's plus one.
	for (let i = 1; i < ids.length; i++) assert.notStrictEqual(Number(ids[i]) - Number(ids[i - 1]), 1);
	const app = makeApp(s, { name: 'Secret length' });
	assert.match(app.client_secret, /^[0-9a-f]{64}$/);
});

test('client id typed as an integer: a JSON number, a form field and HTTP Basic all authenticate', async () => {
	const app = makeApp(s, { name: 'Integer client' });
	const n = Number(app.client_id);

	// What a client whose model says `client_id: int` sends.
	const body = `{"grant_type":"client_credentials","client_id":${n},"client_secret":"${app.client_secret}","scope":"v2 read"}`;
	const json = await s.req('POST', TOKEN, { body, headers: { 'content-type': 'application/json' } });
	assertIssued(json);
	assert.strictEqual(json.json.scope, 'v2 read');

	assertIssued(await token(s, { grant_type: 'client_credentials', client_id: n, client_secret: app.client_secret }));
	assertIssued(await s.req('POST', TOKEN, { form: { grant_type: 'client_credentials' },
		basic: { user: String(n), pass: app.client_secret } }));

	// The user flow end to end with the numeric id, refresh included.
	const seller = makeUser(s);
	const t = await codeGrant(s, app, seller);
	assert.strictEqual((await me(s, t.access_token)).status, 200);
	const body2 = JSON.stringify({ grant_type: 'refresh_token', client_id: n, client_secret: app.client_secret,
		refresh_token: t.refresh_token });
	assertIssued(await s.req('POST', TOKEN, { body: body2, headers: { 'content-type': 'application/json' } }));

	// Another app's number, a number with the secret of another app, and a
	// look-alike spelling are all the same invalid_client.
	const other = makeApp(s, { name: 'Other integer client' });
	const invalid = { error: 'invalid_client', error_description: 'The client credentials are invalid' };
	for (const client_id of [Number(other.client_id), `0${app.client_id}`, `${app.client_id}.0`, n + 1]) {
		const r = await s.req('POST', TOKEN, { json: { grant_type: 'client_credentials', client_id,
			client_secret: app.client_secret } });
		assert.strictEqual(r.status, 400, `${client_id}: ${r.text}`);
		assert.deepStrictEqual(r.json, invalid);
	}
});

test('client id of an app made before ids were numeric keeps working after the upgrade', async () => {
	const app = makeApp(s, { name: 'Old hex app' });
	const hex = 'a1b2c3d4e5f60718';
	sql(s, `UPDATE apps SET client_id = '${hex}' WHERE client_id = '${app.client_id}'`);
	assertIssued(await token(s, { grant_type: 'client_credentials', client_id: hex, client_secret: app.client_secret }));
	assertIssued(await s.req('POST', TOKEN, { form: { grant_type: 'client_credentials' },
		basic: { user: hex, pass: app.client_secret } }));
	const seller = makeUser(s);
	const t = await codeGrant(s, { ...app, client_id: hex }, seller);
	assert.strictEqual((await me(s, t.access_token)).status, 200);
});
