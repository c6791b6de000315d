'use strict';
// OLX's business profile: GET and PUT /users-business/me round trip, its
// validation, logos and banners fetched, normalised and served by souk
// (core/media) and kept past the images' expiry while a profile names them,
// a private account refused everywhere until the operator makes it a
// business, another business's logo not found, and the business's name and
// logo on the public page of its adverts. Every answer is checked against
// the OLX document by the request helper.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeApp, makeUser, codeGrant, advanceClock } = require('./lib/oauth-flow');
const { advertBody, operator, setting, waitStatus, create } = require('./lib/adverts');
const { fixture, imageHost, serve, fetchImage, jpegInfo } = require('./lib/images');
const { patience } = require('./lib/patience');

const B = '/api/partner/users-business/me';
let s, host, biz, other, priv;

async function account(business) {
	const user = makeUser(s, { business });
	return { user, token: (await codeGrant(s, makeApp(s), user)).access_token };
}

test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	host = await imageHost('127.0.0.1', {
		'/logo.png': serve(fixture('alpha.png'), 'image/png'),
		'/banner.jpg': serve(fixture('photo-gps-rotated.jpg'), 'image/jpeg'),
		'/notes.txt': serve(Buffer.from('not an image'), 'image/png'),
	});
	biz = await account(true);
	other = await account(true);
	priv = await account(false);
});
test.after(async () => { await host?.close(); return s && s.stop(); });

const invalid = (field, title) => ({ error: { status: 400, title: 'Invalid request',
	detail: 'Data validation error occurred', validation: [{ field, title }] } });
const FORBIDDEN = { error: { status: 403, title: 'Forbidden', detail: 'Only business accounts have a business profile' } };

const PROFILE = {
	name: 'Sklep Odzieżowy Ania', description: 'Odzież damska, nowa i używana.', subdomain: 'sklep-ania',
	website_url: 'https://sklep-ania.test', address: { street: 'Prosta', number: '12a', postcode: '00-850', city: 'Warszawa' },
	phones: ['600100200', '+48 22 555 01 02'],
};

test('a new business profile shows the account; PUT replaces it whole; GET reads it back', async () => {
	let r = await s.req('GET', B, { token: biz.token });
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual(r.json.data, { id: biz.user.id, name: 'Test Seller', description: '', subdomain: '',
		website_url: '', address: { street: '', number: '', postcode: '', city: '' }, phones: [] });
	r = await s.req('PUT', B, { token: biz.token, json: PROFILE });
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual(r.json.data, { id: biz.user.id, ...PROFILE });
	assert.deepStrictEqual((await s.req('GET', B, { token: biz.token })).json.data, r.json.data);
	// What GET gave, sent back with nulls, is accepted; a field left out is emptied.
	r = await s.req('PUT', B, { token: biz.token, json: { ...PROFILE, description: null, phones: null, address: { city: 'Kraków' } } });
	assert.strictEqual(r.status, 200, r.text);
	assert.deepStrictEqual([r.json.data.description, r.json.data.phones, r.json.data.address],
		['', [], { street: '', number: '', postcode: '', city: 'Kraków' }]);
	r = await s.req('PUT', B, { token: biz.token, json: PROFILE });
	assert.strictEqual(r.status, 200);
});

test('bad profiles get the validation envelope and change nothing', async () => {
	const before = (await s.req('GET', B, { token: biz.token })).json.data;
	const cases = [
		[{ ...PROFILE, name: '' }, invalid('name', 'This value should not be blank.')],
		[{ ...PROFILE, name: 'x'.repeat(101) }, invalid('name', 'This value is too long. It should have 100 characters or less.')],
		[{ ...PROFILE, subdomain: 'Sklep Ani' }, invalid('subdomain', 'Nieprawidłowa wartość')],
		[{ ...PROFILE, subdomain: '-ab' }, invalid('subdomain', 'Nieprawidłowa wartość')],
		[{ ...PROFILE, website_url: 'sklep-ania' }, invalid('website_url', 'This value is not a valid URL.')],
		[{ ...PROFILE, phones: ['abc'] }, invalid('phones[0]', 'Invalid phone format')],
		[{ ...PROFILE, phones: Array(6).fill('600100200') }, invalid('phones', 'This collection should contain 5 elements or less.')],
		[{ ...PROFILE, phones: '600100200' }, invalid('phones', 'Nieprawidłowa wartość')],
		[{ ...PROFILE, name: 7 }, invalid('name', 'Nieprawidłowa wartość')],
		[{ ...PROFILE, address: { ...PROFILE.address, city: 'x'.repeat(101) } },
			invalid('address.city', 'This value is too long. It should have 100 characters or less.')],
	];
	for (const [body, want] of cases) {
		const r = await s.req('PUT', B, { token: biz.token, json: body });
		assert.deepStrictEqual([r.status, r.json], [400, want], JSON.stringify(body).slice(0, 100));
	}
	for (const body of [{ ...PROFILE, logo: { url: 'x' } }, { ...PROFILE, address: { ...PROFILE.address, flat: '3' } }]) {
		const r = await s.req('PUT', B, { token: biz.token, json: body });
		assert.strictEqual(r.status, 400);
		assert.strictEqual(r.json.data.error.detail, 'Error while decoding JSON data: Syntax error');
	}
	// Another business cannot take the subdomain, nor end the profile that has it.
	const taken = await s.req('PUT', B, { token: other.token, json: { ...PROFILE, name: 'Inny sklep' } });
	assert.deepStrictEqual([taken.status, taken.json], [400, invalid('subdomain', 'This value is already used.')]);
	assert.deepStrictEqual((await s.req('GET', B, { token: biz.token })).json.data, before);
});

test('a private account gets 403 everywhere until the operator makes it a business', async () => {
	const calls = [['GET', B], ['PUT', B, PROFILE], ['GET', `${B}/logos`], ['POST', `${B}/logos`, { url: `${host.base}/logo.png` }],
		['DELETE', `${B}/logos/1`], ['GET', `${B}/banners`], ['POST', `${B}/banners`, { url: `${host.base}/banner.jpg` }],
		['DELETE', `${B}/banners/1`]];
	const hits = host.hits.length;
	for (const [method, path, json] of calls) {
		const r = await s.req(method, path, { token: priv.token, json });
		assert.deepStrictEqual([r.status, r.json], [403, FORBIDDEN], `${method} ${path}`);
	}
	assert.strictEqual(host.hits.length, hits, 'nothing fetched for a private account');
	const key = operator(s);
	let r = await s.req('PUT', `/api/admin/users/${priv.user.id}/business`, { token: key, json: { is_business: true } });
	assert.deepStrictEqual([r.status, r.json], [200, { id: priv.user.id, is_business: true }]);
	assert.strictEqual((await s.req('GET', B, { token: priv.token })).status, 200);
	assert.strictEqual((await s.req('GET', '/api/partner/users/me', { token: priv.token })).json.data.is_business, true);
	r = await s.req('PUT', `/api/admin/users/${priv.user.id}/business`, { token: key, json: { is_business: false } });
	assert.strictEqual(r.status, 200);
	assert.strictEqual((await s.req('GET', B, { token: priv.token })).status, 403);
	r = await s.req('PUT', '/api/admin/users/999999/business', { token: key, json: { is_business: true } });
	assert.strictEqual(r.status, 404);
	r = await s.req('PUT', `/api/admin/users/${priv.user.id}/business`, { token: key, json: { is_business: 'yes' } });
	assert.strictEqual(r.status, 400);
});

test('logos and banners: fetched and served by souk, listed newest first, deleted by id, at most five', async () => {
	let r = await s.req('POST', `${B}/logos`, { token: biz.token, json: { url: `${host.base}/logo.png` } });
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.data.length, 1);
	const logo = r.json.data[0];
	assert.match(logo.id, /^\d+$/);
	assert.match(logo.url, new RegExp(`^${s.url}/images/[0-9a-f]{32}$`));
	const img = await fetchImage(logo.url);
	assert.strictEqual(img.status, 200);
	assert.strictEqual(img.headers['content-type'], 'image/jpeg');
	assert.ok(jpegInfo(img.bytes).width > 0, 'normalised to a JPEG');

	r = await s.req('POST', `${B}/banners`, { token: biz.token, json: { url: `${host.base}/banner.jpg` } });
	assert.strictEqual(r.status, 200, r.text);
	const banner = r.json.data[0];
	const profile = (await s.req('GET', B, { token: biz.token })).json.data;
	assert.deepStrictEqual([profile.logo, profile.banner], [{ url: logo.url }, { url: banner.url }]);

	// Another business neither sees nor deletes them.
	assert.deepStrictEqual((await s.req('GET', `${B}/logos`, { token: other.token })).json.data, []);
	r = await s.req('DELETE', `${B}/logos/${logo.id}`, { token: other.token });
	assert.deepStrictEqual([r.status, r.json], [404, { error: { status: 404, title: 'Not Found', detail: 'Logo not found' } }]);
	// A banner's id is not a logo's.
	r = await s.req('DELETE', `${B}/logos/${banner.id}`, { token: biz.token });
	assert.strictEqual(r.status, 404);

	for (const [url, title] of [[`${host.base}/missing.png`, 'Image error: Remote file not exists'],
		[`${host.base}/notes.txt`, 'Image error: Invalid image file'], ['', 'This value should not be blank.']]) {
		r = await s.req('POST', `${B}/logos`, { token: biz.token, json: { url } });
		assert.deepStrictEqual([r.status, r.json], [400, invalid('url', title)], url);
	}
	for (let i = 0; i < 4; i++) {
		r = await s.req('POST', `${B}/logos`, { token: biz.token, json: { url: `${host.base}/logo.png` } });
		assert.strictEqual(r.status, 200, r.text);
	}
	assert.strictEqual(r.json.data.length, 5);
	const newest = r.json.data[0];
	const hits = host.hits.length;
	r = await s.req('POST', `${B}/logos`, { token: biz.token, json: { url: `${host.base}/logo.png` } });
	assert.deepStrictEqual([r.status, r.json], [400, invalid('url', 'Image error: Image limit exceeded')]);
	assert.strictEqual(host.hits.length, hits, 'a full set fetches nothing');
	assert.strictEqual((await s.req('GET', B, { token: biz.token })).json.data.logo.url, newest.url);

	r = await s.req('DELETE', `${B}/logos/${newest.id}`, { token: biz.token });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual((await s.req('DELETE', `${B}/logos/${newest.id}`, { token: biz.token })).status, 404);
	const left = (await s.req('GET', `${B}/logos`, { token: biz.token })).json.data;
	assert.strictEqual(left.length, 4);
	assert.ok(!left.some((l) => l.id === newest.id));
	r = await s.req('DELETE', `${B}/banners/${banner.id}`, { token: biz.token });
	assert.strictEqual(r.status, 204);
	assert.strictEqual((await s.req('GET', B, { token: biz.token })).json.data.banner, undefined);
});

test('the public page of a business seller\'s advert shows its name and logo', async () => {
	const profile = (await s.req('GET', B, { token: biz.token })).json.data;
	assert.ok(profile.logo, 'the business has a logo');
	const ad = await create(s, biz.token, advertBody({ title: 'Bluzka damska firmowa rozmiar M', advertiser_type: 'business' }));
	await waitStatus(s, biz.token, ad.id, 'active');
	const page = await s.req('GET', `/oferta/${ad.id}`);
	assert.strictEqual(page.status, 200);
	assert.match(page.text, new RegExp(`<p id="business"><img id="business-logo" height="48" src="${profile.logo.url}" alt=""> <strong>Sklep Odzieżowy Ania</strong></p>`));
	assert.match(page.headers['content-security-policy'], /img-src 'self'/);
	const plain = await create(s, other.token, advertBody({ title: 'Bluzka damska prywatna rozmiar S' }));
	await waitStatus(s, other.token, plain.id, 'active');
	// A business without a saved name shows its account's name, without a logo.
	const otherPage = await s.req('GET', `/oferta/${plain.id}`);
	assert.match(otherPage.text, /<p id="business"><strong>Test Seller<\/strong><\/p>/);
	const p = await account(false);
	const own = await create(s, p.token, advertBody({ title: 'Bluzka damska od osoby rozmiar L' }));
	await waitStatus(s, p.token, own.id, 'active');
	assert.ok(!(await s.req('GET', `/oferta/${own.id}`)).text.includes('id="business"'), 'a private seller shows none');
});

test('a logo outlives the images\' expiry; a deleted one does not', async () => {
	let r = await s.req('POST', `${B}/banners`, { token: biz.token, json: { url: `${host.base}/banner.jpg` } });
	const kept = r.json.data[0];
	r = await s.req('POST', `${B}/banners`, { token: biz.token, json: { url: `${host.base}/banner.jpg` } });
	const dropped = r.json.data[0];
	assert.strictEqual((await s.req('DELETE', `${B}/banners/${dropped.id}`, { token: biz.token })).status, 204);
	await advanceClock(s, 8 * 86400);
	biz.token = (await codeGrant(s, makeApp(s), biz.user)).access_token;	/* the old one expired */
	const end = Date.now() + patience(8000);
	while ((await fetchImage(dropped.url)).status !== 404 && Date.now() < end) await new Promise((x) => setTimeout(x, 100));
	assert.strictEqual((await fetchImage(dropped.url)).status, 404, 'the deleted banner\'s image expired');
	assert.strictEqual((await fetchImage(kept.url)).status, 200, 'the banner in use is kept');
	assert.strictEqual((await s.req('GET', B, { token: biz.token })).json.data.banner.url, kept.url);
});

test('racing for one subdomain: one business gets it, the other is told it is used', async () => {
	const x = await account(true), y = await account(true);
	const rs = await Promise.all([x, y].map((who, i) => s.req('PUT', B, { token: who.token,
		json: { name: `Wyścig ${i}`, subdomain: 'wyscig' } })));
	assert.deepStrictEqual(rs.map((r) => r.status).sort(), [200, 400]);
	const lost = rs.find((r) => r.status === 400);
	assert.deepStrictEqual(lost.json, invalid('subdomain', 'This value is already used.'));
	const names = await Promise.all([x, y].map(async (who) => (await s.req('GET', B, { token: who.token })).json.data));
	assert.strictEqual(names.filter((p) => p.subdomain === 'wyscig').length, 1);
	const winner = rs.findIndex((r) => r.status === 200);
	assert.deepStrictEqual(names.map((p) => p.name), winner === 0 ? ['Wyścig 0', 'Test Seller'] : ['Test Seller', 'Wyścig 1'],
		'the refused profile is unchanged');
});

test('racing uploads cannot pass five logos', async () => {
	const who = await account(true);
	const rs = await Promise.all(Array.from({ length: 8 }, () => s.req('POST', `${B}/logos`, { token: who.token,
		json: { url: `${host.base}/logo.png` } })));
	assert.strictEqual(rs.filter((r) => r.status === 200).length, 5);
	for (const r of rs.filter((x) => x.status !== 200)) assert.deepStrictEqual(r.json, invalid('url', 'Image error: Image limit exceeded'));
	assert.strictEqual((await s.req('GET', `${B}/logos`, { token: who.token })).json.data.length, 5);
});
