'use strict';
// The device flow (RFC 8628) as the tests drive it: the device's request
// at /auth/oauth/device (client by HTTP Basic, parameters in a form or the
// query string), its polls of the token endpoint, and a signed-in person
// confirming the user code on /device with the cookie-jar browser.

const assert = require('node:assert');
const { Browser } = require('./oauth-flow');
const { allegroToken } = require('./allegro');

const DEVICE = '/auth/oauth/device';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const USER_CODE_RE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

function deviceStart(s, app, params = {}, { via = 'form', basic = true } = {}) {
	const opts = basic ? { basic: { user: app.client_id, pass: app.client_secret } } : {};
	const fields = { client_id: app.client_id, ...params };
	if (via === 'query') return s.req('POST', `${DEVICE}?${new URLSearchParams(fields)}`, opts);
	return s.req('POST', DEVICE, { ...opts, form: fields });
}

function devicePoll(s, app, deviceCode) {
	return allegroToken(s, app, { grant_type: DEVICE_GRANT, device_code: deviceCode });
}

// Signs `user` in on /device (the browser may already be signed in) and
// answers the confirmation page for `userCode` with `decision`; returns the
// last response.
async function deviceConfirm(s, user, userCode, { decision = 'allow', browser = new Browser(s) } = {}) {
	const path = `/device?user_code=${encodeURIComponent(userCode)}`;
	let r = await browser.req('GET', path);
	if (r.status === 200 && r.text.includes('action="/oauth/login"')) {
		const login = await browser.login(r, user.email, user.password);
		assert.strictEqual(login.status, 303, login.text);
		assert.strictEqual(login.headers.location, path);
		r = await browser.req('GET', login.headers.location);
	}
	if (r.status !== 200 || !r.text.includes('action="/device"')) return r;
	const f = browser.form(r.text, '/device');
	return browser.req('POST', '/device', { form: { ...f.fields, decision } });
}

module.exports = { DEVICE, DEVICE_GRANT, USER_CODE_RE, deviceStart, devicePoll, deviceConfirm };
