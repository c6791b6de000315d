'use strict';
// The advert's public page: its "observe" cookie stays small however many
// adverts a browser observes (past 16 KiB of headers every request of the
// browser would be refused with 431), and a HEAD, which shows nothing to
// anyone, counts no view.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { Browser } = require('./lib/oauth-flow');
const { advertBody, seller, create, setting, waitStatus } = require('./lib/adverts');

const OBSERVE_MAX = 64;

let s, a, ad;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off' } });
	await setting(s, 'moderation.delay_seconds', 0);
	a = await seller(s);
	ad = await create(s, a.token, advertBody());
	await waitStatus(s, a.token, ad.id, 'active');
});
test.after(() => s && s.stop());

async function stats() {
	const r = await s.req('GET', `/api/partner/adverts/${ad.id}/statistics`, { token: a.token });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data;
}

test('a HEAD of /oferta/{id} counts no view; a GET counts one', async () => {
	const before = (await stats()).advert_views;
	for (let i = 0; i < 3; i++) {
		const h = await s.req('HEAD', `/oferta/${ad.id}`);
		assert.strictEqual(h.status, 200);
		assert.strictEqual(h.text, '');
	}
	assert.strictEqual((await stats()).advert_views, before);
	assert.strictEqual((await s.req('GET', `/oferta/${ad.id}`)).status, 200);
	assert.strictEqual((await stats()).advert_views, before + 1);
});

async function observe(b) {
	const page = await b.req('GET', `/oferta/${ad.id}`);
	assert.strictEqual(page.status, 200, page.text);
	const f = b.form(page.text, `/oferta/${ad.id}/observe`);
	const r = await b.req('POST', `/oferta/${ad.id}/observe`, { form: f.fields });
	assert.strictEqual(r.status, 303, r.text);
	const set = r.cookies.find((c) => c.startsWith('souk_observed='));
	assert.ok(set, 'no observe cookie set');
	return /^souk_observed=([^;]*)/.exec(set)[1];
}

test('the observe cookie of a browser that observed many adverts stays bounded', async () => {
	const b = new Browser(s);
	// A browser that observed 600 adverts before: about 5 KiB of cookie.
	const many = Array.from({ length: 600 }, (_, i) => 5000000 + i);
	b.jar.set('souk_observed', `.${many.join('.')}.`);
	const before = (await stats()).users_observing;
	const list = await observe(b);
	const ids = list.split('.').filter(Boolean);
	assert.ok(ids.length <= OBSERVE_MAX, `${ids.length} ids in the cookie`);
	assert.strictEqual(ids[ids.length - 1], String(ad.id));
	assert.deepStrictEqual(ids.slice(0, -1), many.slice(-(ids.length - 1)).map(String), 'the latest ones are kept');
	assert.ok(list.length < 2048, `${list.length} bytes`);
	assert.strictEqual((await stats()).users_observing, before + 1);
	// The browser is still served, and still observes the advert.
	const page = await b.req('GET', `/oferta/${ad.id}`);
	assert.strictEqual(page.status, 200);
	assert.match(page.text, /You observe this advert\./);
});

test('the observe cookie: garbage or one enormous id is replaced, not extended', async () => {
	for (const junk of ['x'.repeat(1500), `.${'9'.repeat(2000)}.`, '.7.8.<script>.']) {
		const b = new Browser(s);
		b.jar.set('souk_observed', junk);
		const list = await observe(b);
		assert.strictEqual(list, `.${ad.id}.`);
	}
});
