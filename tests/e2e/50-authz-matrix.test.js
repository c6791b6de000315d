'use strict';
// The authorization matrix, generated from the route table (`souk routes`):
// every route that asks for a token, called on the owner's objects with no
// token, a bad one, an expired one, a revoked one, an app's
// (client_credentials) token, another seller's token, tokens that lack a
// scope and tokens of an app of the other face, gets the right denial in its face's format and none of the owner's
// data, and leaves the owner's data as it was. The owner's own call is the
// control that the request would otherwise have worked. A route whose object
// kind, body or face the matrix does not know fails here (lib/authz.js).

const { test, describe, before, after } = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startSouk, runSouk } = require('./lib/server');
const { makeApp, makeUser, codeGrant, authorize, token, advanceClock, parseForms, me, Browser } = require('./lib/oauth-flow');
const { advertBody, seller, operator, setting } = require('./lib/adverts');
const { PARAMS, PUBLIC_BY_DESIGN, DENIALS, CONTROL_SETUP, concretePath, paramsOf, bodyFor, bodyHeaders,
	publicationCommand } = require('./lib/authz');
const { makeAllegroApp, allegroToken, allegroCodeGrant } = require('./lib/allegro');
const { fixture, imageHost, serve } = require('./lib/images');
const { makeWallapopApp, wallapopToken, wallapopCodeGrant } = require('./lib/wallapop');

const MARK = 'matrycowa';          // in every title of the owner's adverts
const OWNER_PHONE = '612398745';   // the owner's contact phone, never shown to others
const BAD = 'deadbeef'.repeat(5);  // the shape of a token, issued to nobody

function routeTable() {
	const r = runSouk(['routes']);
	assert.strictEqual(r.status, 0, r.stderr);
	return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}
const ROUTES = routeTable();

let s, f, images, n = 0;

// A user-context token of `app` for `user`, revoked from the user's
// linked-apps page.
async function revokedToken(user) {
	const app = makeApp(s, { name: 'App to be revoked' });
	const b = new Browser(s);
	const a = await authorize(s, { client_id: app.client_id, response_type: 'code', state: 'r' },
		{ email: user.email, password: user.password, browser: b });
	const t = await token(s, { grant_type: 'authorization_code', client_id: app.client_id,
		client_secret: app.client_secret, code: a.params.get('code') });
	assert.strictEqual(t.status, 200, t.text);
	assert.strictEqual((await me(s, t.json.access_token)).status, 200, 'the token worked before the revoke');
	const page = await b.req('GET', '/account/apps');
	const form = parseForms(page.text).find((x) => x.action === '/account/apps/revoke' &&
		x.fields.client_id === app.client_id);
	assert.ok(form, `no revoke form for ${app.client_id}`);
	const r = await b.req('POST', '/account/apps/revoke', { form: form.fields });
	assert.strictEqual(r.status, 303, r.text);
	return t.json.access_token;
}

// The same set of tokens from Allegro's endpoint, for the Allegro face's
// routes; `expire` moves the clock past the life of those issued before.
// A token of app for user, whose consent the user then revokes on the
// linked-apps page.
async function revokedGrant(app, user, grant) {
	const b = new Browser(s);
	const revoked = (await grant(s, app, user, { browser: b })).access_token;
	const page = await b.req('GET', '/account/apps');
	const form = parseForms(page.text).find((x) => x.action === '/account/apps/revoke' &&
		x.fields.client_id === app.client_id);
	assert.strictEqual((await b.req('POST', '/account/apps/revoke', { form: form.fields })).status, 303);
	return revoked;
}

async function allegroTokens(user, expire) {
	const app = makeAllegroApp(s, { name: 'Allegro owner app' });
	const expired = (await allegroCodeGrant(s, app, user)).access_token;
	await expire();
	const revoked = await revokedGrant(makeAllegroApp(s, { name: 'Allegro app to be revoked' }), user, allegroCodeGrant);
	const cc = await allegroToken(s, app, { grant_type: 'client_credentials' });
	assert.strictEqual(cc.status, 200, cc.text);
	const scope = 'allegro:api:sale:offers:read allegro:api:sale:offers:write';
	const readOnly = 'allegro:api:profile:read allegro:api:sale:offers:read';
	return {
		owner: (await allegroCodeGrant(s, app, user)).access_token,
		other: (await allegroCodeGrant(s, app, makeUser(s))).access_token,
		expired, revoked, app: cc.json.access_token,
		scopes: { [scope]: (await allegroCodeGrant(s, app, user, { scope })).access_token,
			[readOnly]: (await allegroCodeGrant(s, app, user, { scope: readOnly })).access_token },
	};
}

// Wallapop's tokens live five minutes: the expired one is taken before the
// clock moves, the others after.
async function wallapopTokens(user, olxToken) {
	const app = makeWallapopApp(s, { name: 'Wallapop owner app' });
	// Items are where their seller is: both sellers have a place.
	const other = makeUser(s);
	for (const u of [user, other]) {
		const r = await s.req('PUT', `/api/admin/users/${u.id}/place`, { token: operator(s), json: { city_id: 1394 } });
		assert.strictEqual(r.status, 200, r.text);
	}
	const revoked = await revokedGrant(makeWallapopApp(s, { name: 'Wallapop app to be revoked' }), user,
		wallapopCodeGrant);
	const cc = await wallapopToken(s, app, { grant_type: 'client_credentials' });
	assert.strictEqual(cc.status, 200, cc.text);
	return {
		owner: (await wallapopCodeGrant(s, app, user)).access_token,
		other: (await wallapopCodeGrant(s, app, other)).access_token,
		revoked, app: cc.json.access_token,
		scopes: { 'v2 read write': olxToken },
	};
}

before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100000' } });
	await setting(s, 'adverts.free_limit', 100000);
	// Publication commands of the fixture wait: the owner's offers stay as they are seen.
	await setting(s, 'publication.paused', 1);
	// An image queued for its background fetch wakes the job runner: the
	// owner's adverts stay `new` for moderators, as they are seen.
	await setting(s, 'moderation.manual', 1);
	// Every route is called several times a second as one seller: Wallapop's
	// 36 a second per seller (e2e 124 tests it) would refuse some of them.
	await setting(s, 'ratelimit.wallapop.seller', '100000/1');
	images = await imageHost('127.0.0.1', { '/photo.png': serve(fixture('alpha.png'), 'image/png') });
	await setting(s, 'images.allow_ranges', '127.0.0.1');
	const app = makeApp(s, { name: 'Owner app' });
	const user = makeUser(s);
	// An expired token: one issued, then the clock moved past its life.
	const first = await codeGrant(s, app, user);
	assert.strictEqual((await me(s, first.access_token)).status, 200);
	const wallapopExpired = (await wallapopCodeGrant(s, makeWallapopApp(s, { name: 'Wallapop app' }), user)).access_token;
	const allegro = await allegroTokens(user, () => advanceClock(s, first.expires_in + 60));
	// Tokens that hold one of the offers' scopes and not the other.
	const offersApp = makeAllegroApp(s, { name: 'Allegro offers app' });
	for (const only of ['allegro:api:sale:offers:read', 'allegro:api:sale:offers:write'])
		allegro.scopes[only] = (await allegroCodeGrant(s, offersApp, user, { scope: only })).access_token;
	const scoped = async (scope) => (await codeGrant(s, makeApp(s, { name: `Only ${scope}` }), user, { scope })).access_token;
	const cc = await token(s, { grant_type: 'client_credentials', client_id: app.client_id,
		client_secret: app.client_secret, scope: 'v2 read write' });
	assert.strictEqual(cc.status, 200, cc.text);
	const city = await s.req('GET', '/api/partner/cities/1394', { token: cc.json.access_token });
	assert.strictEqual(city.status, 200, city.text);
	f = {
		owner: { user, token: (await codeGrant(s, app, user)).access_token },
		other: { ...(await seller(s)), phone: '698765432' },
		allegro,
		wallapop: { ...(await wallapopTokens(user, (await codeGrant(s, app, user)).access_token)), expired: wallapopExpired },
		tokens: {
			expired: first.access_token,
			revoked: await revokedToken(user),
			app: cc.json.access_token,
			scopes: { 'v2 read': await scoped('v2 read'), 'v2 write': await scoped('v2 write'),
				'read write': await scoped('read write') },
		},
		operator: operator(s),
		ref: { region: city.json.data.region_id, city: 1394, district: 32, category: 1581 },
		imageUrl: `${images.base}/photo.png`,
	};
	// Money on the other seller's account: a purchase of their own (a route
	// that names no object of the owner's) is allowed and must work.
	const funded = await s.req('POST', `/api/admin/users/${f.other.user.id}/money/top-ups`, { token: f.operator,
		json: { amount: 1000 } });
	assert.strictEqual(funded.status, 201, funded.text);
	// One Allegro offer contact of the owner's for every route that names one.
	const contact = await s.req('POST', '/sale/offer-contacts', { token: allegro.owner,
		headers: { 'Content-Type': 'application/vnd.allegro.public.v1+json' },
		body: JSON.stringify({ name: `Kontakt ${MARK}`, phones: [{ number: OWNER_PHONE }] }) });
	assert.strictEqual(contact.status, 201, contact.text);
	f.contact = contact.json;
	// The owner's thread: a buyer asked about an active advert of theirs.
	const sold = await s.req('POST', '/api/partner/adverts', { token: f.owner.token,
		json: advertBody({ title: `Bluzka damska ${MARK} z pytaniem rozmiar M`,
			contact: { name: 'Właścicielka', phone: OWNER_PHONE } }) });
	assert.strictEqual(sold.status, 200, sold.text);
	const accepted = await s.req('POST', `/api/admin/adverts/${sold.json.data.id}/moderation`, { token: f.operator,
		json: { decision: 'accept' } });
	assert.strictEqual(accepted.status, 200, accepted.text);
	const asked = await s.req('POST', `/api/admin/adverts/${sold.json.data.id}/messages`, { token: f.operator,
		json: { buyer: { email: 'asking-buyer@souk.test' }, text: `Pytanie o ${MARK}` } });
	assert.strictEqual(asked.status, 201, asked.text);
	f.thread = asked.json;
	assert.strictEqual((await me(s, f.tokens.expired)).status, 401, 'the expired token still works');
});
after(async () => { await images?.close(); return s && s.stop(); });

// A logo or banner of the owner's business, for the route that deletes one.
async function businessImage(kind) {
	const r = await s.req('POST', `/api/partner/users-business/me/${kind}`, { token: f.owner.token,
		json: { url: f.imageUrl } });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data[0];
}

// The owner's objects every route is called on: a fresh advert with a logo
// (and a business logo or banner for the route that deletes one).
async function ownerObjects(route) {
	const ad = await s.req('POST', '/api/partner/adverts', { token: f.owner.token,
		json: advertBody({ title: `Bluzka damska ${MARK} numer ${++n} rozmiar M`,
			contact: { name: 'Właścicielka', phone: OWNER_PHONE },
			// two, so that deleting one leaves the item an image
			images: route.path.includes('/images/{') ? [{ url: f.imageUrl }, { url: f.imageUrl }] : undefined }) });
	assert.strictEqual(ad.status, 200, ad.text);
	const logo = await s.req('POST', `/api/partner/adverts/${ad.json.data.id}/logos`, { token: f.owner.token,
		json: { url: 'https://shop.test/owner-logo.png' } });
	assert.strictEqual(logo.status, 200, logo.text);
	const offer = await s.req('POST', '/sale/offers', { token: f.allegro.owner,
		headers: { 'Content-Type': 'application/vnd.allegro.public.v1+json' },
		json: { name: `Bluzka ${MARK} numer ${++n}`, category: { id: '1581' } } });
	assert.strictEqual(offer.status, 201, offer.text);
	const command = crypto.randomUUID();
	const cmd = await s.req('PUT', `/sale/offer-publication-commands/${command}`, { token: f.allegro.owner,
		json: publicationCommand(offer.json.id) });
	assert.strictEqual(cmd.status, 201, cmd.text);
	const category = await s.req('POST', '/api/admin/categories', { token: f.operator,
		json: { parent_id: null, names: { pl: `Dział próbny numer ${++n}` } } });
	assert.strictEqual(category.status, 201, category.text);
	const fx = { ...f, advert: ad.json.data, logo: logo.json.data, offer: offer.json, command, category: category.json.id };
	if (route.path.startsWith('/api/admin/plans/{')) {
		const plan = await s.req('POST', '/api/admin/plans', { token: f.operator,
			json: { name: `Plan próbny numer ${++n}`, limits: [] } });
		assert.strictEqual(plan.status, 201, plan.text);
		fx.plan = plan.json.id;
	}
	if (route.path.includes('/images/{'))
		fx.itemImage = crypto.createHash('sha256').update(fx.advert.images[0].url).digest('hex').slice(0, 32);
	if (route.path.includes('/users-business/me/logos/{')) fx.businessLogo = await businessImage('logos');
	if (route.path.includes('/users-business/me/banners/{')) fx.businessBanner = await businessImage('banners');
	if (route.path.includes('/webhooks/{')) {
		const hook = await s.req('POST', '/webhooks', { token: f.wallapop.owner,
			json: { url: `https://owner.test/hook?mark=${MARK}&n=${++n}`, events: ['ITEM_LISTED'] } });
		assert.strictEqual(hook.status, 200, hook.text);
		fx.webhook = hook.json;
	}
	return fx;
}

// The other seller's own advert, for naming the owner's objects under it.
async function otherAdvert() {
	const ad = await s.req('POST', '/api/partner/adverts', { token: f.other.token,
		json: advertBody({ title: `Bluzka damska cudza numer ${++n} rozmiar S` }) });
	assert.strictEqual(ad.status, 200, ad.text);
	return ad.json.data;
}

// All the owner can see of their objects, as the owner.
async function ownerView(fx) {
	const id = fx.advert.id;
	const out = {};
	for (const p of ['/api/partner/users/me', '/api/partner/users-business/me', '/api/partner/users-business/me/logos',
		'/api/partner/users-business/me/banners', `/api/partner/adverts/${id}`, `/api/partner/adverts/${id}/logos`,
		`/api/partner/adverts/${id}/statistics`, '/api/partner/adverts?limit=1000']) {
		const r = await s.req('GET', p, { token: f.owner.token });
		assert.strictEqual(r.status, 200, `${p}: ${r.text}`);
		out[p] = r.json;
	}
	for (const p of [`/api/partner/threads/${fx.thread.thread_id}`, `/api/partner/threads/${fx.thread.thread_id}/messages`]) {
		const r = await s.req('GET', p, { token: f.owner.token });
		assert.strictEqual(r.status, 200, `${p}: ${r.text}`);
		out[p] = r.json;
	}
	const hooks = await s.req('GET', '/webhooks', { token: f.wallapop.owner });
	assert.strictEqual(hooks.status, 200, hooks.text);
	out['/webhooks'] = hooks.json;
	for (const p of [`/sale/offers/${fx.offer.id}`, '/sale/offers?limit=1000']) {
		const r = await s.req('GET', p, { token: f.allegro.owner });
		assert.strictEqual(r.status, 200, `${p}: ${r.text}`);
		if (r.json.validation) delete r.json.validation.validatedAt;	/* the time of the read */
		out[p] = r.json;
	}
	return out;
}

function leaks(text) {
	return [MARK, OWNER_PHONE, f.owner.user.email].filter((secret) => text.includes(secret));
}

// Credentials a route is called with, and what each must get.
// The owner's token for the route's face.
function ownerToken(route) {
	if (route.auth === 'operator') return f.operator;
	const tokens = DENIALS[route.face].tokens;
	return tokens ? f[tokens].owner : f.owner.token;
}

function cases(route) {
	const face = DENIALS[route.face];
	const needs = route.scopes ? route.scopes.split(' ') : [];
	const owned = paramsOf(route).find((p) => p.owned);
	const T = face.tokens ? f[face.tokens] : { ...f.tokens, other: f.other.token, owner: f.owner.token };
	const out = [
		['no token', undefined, face.noToken || face.invalid],
		['bad token', BAD, face.invalid],
		['expired token', T.expired, face.invalid],
		['revoked token', T.revoked, face.invalid],
	];
	if (route.auth === 'operator') {
		out.push(['app token', T.app, face.invalid], ['another seller', T.other, face.invalid],
			['owner\'s token', T.owner, face.invalid]);
		return out;
	}
	// A token of an app registered for the other face only, the owner's
	// and an app's: it holds none of this face's scopes, refused as such
	// even on a route that names no scope (an OLX token read Allegro's
	// categories).
	const foreign = face.tokens === 'allegro' ? { owner: f.owner.token, app: f.tokens.app }
		: { owner: f.allegro.owner, app: f.allegro.app };
	out.push(['the other face\'s token (the owner\'s)', foreign.owner, face.scope],
		['the other face\'s app token', foreign.app, face.scope]);
	out.push(['app token', T.app, route.auth === 'user' ? face.notUser : 'allowed']);
	out.push(['another seller', T.other, owned ? owned.notOwner || face.notOwner : 'allowed']);
	for (const [granted, tok] of Object.entries(T.scopes)) {
		const have = granted.split(' ');
		if (!needs.every((x) => have.includes(x))) out.push([`scope "${granted}"`, tok, face.scope]);
	}
	return out;
}

describe('authorization matrix', () => {
	for (const route of ROUTES) {
		const name = `${route.method} ${route.path}`;
		const hasParam = route.path.includes('{');
		if (route.auth === 'public') {
			if (hasParam) test(`${name} is public by design`, () => {
				assert.ok(PUBLIC_BY_DESIGN[name], `${name} takes an id and asks for no token: ` +
					'add it to PUBLIC_BY_DESIGN in tests/e2e/lib/authz.js with the reason, or protect it');
			});
			continue;
		}
		test(name, async () => {
			assert.ok(DENIALS[route.face], `${name}: the matrix does not know the denials of face "${route.face}"`);
			const fx = await ownerObjects(route);
			const path = concretePath(route, fx);
			const before = await ownerView(fx);
			const checked = cases(route);
			assert.ok(checked.some(([who]) => who.startsWith('scope')) || route.auth === 'operator' || !route.scopes,
				`${name}: no token lacks one of its scopes (${route.scopes})`);
			for (const [who, tok, want] of checked) {
				const r = await s.req(route.method, path, { token: tok, json: bodyFor(route, fx), headers: bodyHeaders(route) });
				const what = `${name} with ${who}: ${r.status} ${r.text.slice(0, 300)}`;
				assert.deepStrictEqual(leaks(r.text), [], `the owner's data in the answer to ${what}`);
				if (want === 'allowed') {
					assert.ok(r.status >= 200 && r.status < 300, what);
					continue;
				}
				assert.strictEqual(r.status, want.status, what);
				assert.deepStrictEqual(r.json, want.body, what);
				if (want.authenticate) assert.match(r.headers['www-authenticate'] || '', want.authenticate, what);
			}
			const nested = paramsOf(route).slice(1).find((p) => p.underOwnParent);
			if (nested) {
				const mixed = concretePath(route, { ...fx, advert: await otherAdvert() });
				const r = await s.req(route.method, mixed, { token: f.other.token, json: bodyFor(route, fx), headers: bodyHeaders(route) });
				const what = `${name} as ${mixed} by its seller: ${r.status} ${r.text.slice(0, 300)}`;
				assert.deepStrictEqual(leaks(r.text), [], `the owner's data in the answer to ${what}`);
				assert.strictEqual(r.status, nested.underOwnParent.status, what);
				assert.deepStrictEqual(r.json, nested.underOwnParent.body, what);
			}
			assert.deepStrictEqual(await ownerView(fx), before, `${name}: a refused request changed the owner's data`);
			if (CONTROL_SETUP[name]) await CONTROL_SETUP[name](s, fx);
			const own = await s.req(route.method, path, { token: ownerToken(route), json: bodyFor(route, fx), headers: bodyHeaders(route) });
			assert.ok(own.status >= 200 && own.status < 300,
				`${name}: the owner's own call, the control, failed: ${own.status} ${own.text.slice(0, 300)}`);
		});
	}
});

test('a route the matrix cannot make objects for fails it', () => {
	const route = { method: 'GET', path: '/api/partner/widgets/{id}', face: 'olx', auth: 'user', scopes: 'v2 read' };
	assert.throws(() => concretePath(route, {}), /cannot make the object \/api\/partner\/widgets\/\{id\}/);
	assert.throws(() => bodyFor({ ...route, method: 'POST' }, {}), /no valid body/);
	assert.ok(PARAMS['/api/partner/adverts/{id}'].owned);
});

test('the table has routes that take ids, of each protected kind', () => {
	const withIds = ROUTES.filter((r) => r.path.includes('{') && r.auth !== 'public');
	assert.ok(withIds.length >= 15, `only ${withIds.length} protected routes take an id`);
	for (const auth of ['user', 'token', 'operator'])
		assert.ok(withIds.some((r) => r.auth === auth), `no ${auth} route takes an id`);
});
