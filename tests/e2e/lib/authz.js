'use strict';
// What the authorization matrix (50-authz-matrix) knows about souk's routes:
// how to make each kind of object a route's {param} names, a valid body for
// each route that takes one, and each face's denials. The route table itself
// comes from `souk routes`; anything a route needs that is not here fails the
// matrix, so a new route cannot go uncovered.

const { advertBody } = require('./adverts');

// Object kinds by the path up to and including the parameter: the value an
// owner's fixture gives it, and whether the object belongs to one seller
// (another seller must get the face's "not the owner" denial for it). An
// object under another (its parent) also gets the answer another seller
// must get when naming it under a parent of their own.
const PARAMS = {
	'/api/partner/adverts/{id}': { kind: 'advert', owned: true, value: (f) => f.advert.id },
	// Another seller naming the owner's logo under their own advert.
	'/api/partner/adverts/{id}/logos/{logoId}': { kind: 'logo', owned: true, value: (f) => f.logo.id,
		underOwnParent: { status: 404, body: { error: { status: 404, title: 'Not Found', detail: 'Logo not found' } } } },
	'/api/partner/adverts/{id}/statistics/{name}': { kind: 'statistic', owned: false, value: () => 'advert-views' },
	'/api/partner/users/{id}': { kind: 'user', owned: false, value: (f) => f.owner.user.id },
	'/api/partner/regions/{id}': { kind: 'region', owned: false, value: (f) => f.ref.region },
	'/api/partner/cities/{id}': { kind: 'city', owned: false, value: (f) => f.ref.city },
	'/api/partner/districts/{id}': { kind: 'district', owned: false, value: (f) => f.ref.district },
	'/api/partner/categories/{id}': { kind: 'category', owned: false, value: (f) => f.ref.category },
	'/sale/categories/{categoryId}': { kind: 'category', owned: false, value: (f) => f.ref.category },
	// Another seller's contact does not exist for them.
	'/sale/offer-contacts/{id}': { kind: 'contact', owned: true, value: (f) => f.contact.id,
		notOwner: { status: 404, body: { errors: [{ code: 'NotFoundException', message: 'Contact not found',
			details: null, path: null, userMessage: 'Function not available. Contact the application author.' }] } } },
	// A thread exists for its two participants only: for anyone else it is
	// the 404 of a thread that does not exist.
	'/api/partner/threads/{id}': { kind: 'thread', owned: true, value: (f) => f.thread.thread_id,
		notOwner: { status: 404, body: { error: { status: 404, title: 'Not Found', detail: 'Thread not found' } } } },
	'/api/partner/threads/{id}/messages/{messageId}': { kind: 'message', owned: true,
		value: (f) => f.thread.message_id },
	// A business's logo or banner: another business's id is one it does not have.
	'/api/partner/users-business/me/logos/{logoId}': { kind: 'business logo', owned: true,
		value: (f) => f.businessLogo.id,
		notOwner: { status: 404, body: { error: { status: 404, title: 'Not Found', detail: 'Logo not found' } } } },
	'/api/partner/users-business/me/banners/{bannerId}': { kind: 'business banner', owned: true,
		value: (f) => f.businessBanner.id,
		notOwner: { status: 404, body: { error: { status: 404, title: 'Not Found', detail: 'Banner not found' } } } },
	'/api/admin/users/{id}': { kind: 'user', owned: false, value: (f) => f.other.user.id },
	'/api/admin/adverts/{id}': { kind: 'advert', owned: true, value: (f) => f.advert.id },
	// a subscription plan the operator made for the matrix (the fixture's)
	'/api/admin/plans/{id}': { kind: 'plan', owned: false, value: (f) => f.plan },
	// The owner's draft through today's flow; another seller's does not exist for them.
	'/sale/product-offers/{offerId}': { kind: 'offer', owned: true, value: (f) => f.offer.id,
		notOwner: { status: 404, body: { errors: [{ code: 'NotFoundException', message: 'Offer not found',
			details: null, path: null, userMessage: 'Function not available. Contact the application author.' }] } } },
	// The owner's publication of it (the fixture's command), an operation of
	// today's flow.
	'/sale/product-offers/{offerId}/operations/{operationId}': { kind: 'operation', owned: true,
		value: (f) => f.command,
		notOwner: { status: 404, body: { errors: [{ code: 'NotFoundException', message: 'Offer not found',
			details: null, path: null, userMessage: 'Function not available. Contact the application author.' }] } } },
	// The owner's publication command; another seller's id is refused, as on Allegro.
	'/sale/offer-publication-commands/{commandId}': { kind: 'command', owned: true, value: (f) => f.command,
		notOwner: { status: 403, body: { errors: [{ code: 'AccessDenied', message: 'The command belongs to another user',
			details: null, path: null, userMessage: 'You do not have access to this resource.' }] } } },
	'/api/admin/users/{id}': { kind: 'user', owned: false, value: (f) => f.owner.user.id },
	// An offer's classifieds packages: another seller's offer has none for them.
	'/sale/offer-classifieds-packages/{offerId}': { kind: 'offer', owned: true, value: (f) => f.offer.id,
		notOwner: { status: 404, body: { errors: [{ code: 'ClassifiedForOfferNotFoundException',
			message: 'Classified not found', details: null, path: null,
			userMessage: 'Function not available. Contact the application author.' }] } } },
	'/sale/classifieds-packages/{packageId}': { kind: 'package', owned: false,
		value: () => '6174be19-56f9-484b-b72c-43b0b00785e8' },
	'/api/admin/settings/{key}': { kind: 'setting', owned: false, value: () => 'adverts.free_limit' },
	// a category the operator made for the matrix (the fixture's)
	'/api/admin/categories/{id}': { kind: 'category', owned: false, value: (f) => f.category },
	// The owner's Allegro draft (their OLX advert is an offer too, but only a
	// draft may be deleted); another seller's does not exist for them.
	// The owner's OLX advert is their Wallapop item; another seller's does
	// not exist for them.
	'/items/{id}': { kind: 'item', owned: true, value: (f) => f.advert.id,
		notOwner: { status: 404, body: { code: 'INVALID_ITEM_ID', message: 'There is no item of this user with this id' } } },
	// The owner's item's first image (given through OLX: named by a hash of
	// its URL); e2e 116 names it under another seller's item.
	'/items/{id}/images/{imageId}': { kind: 'item image', owned: true, value: (f) => f.itemImage },
	'/items/categories/{id}': { kind: 'category', owned: false, value: (f) => f.ref.category },
	// A Wallapop webhook is its seller's through the app that registered
	// it: anyone else's is a webhook that does not exist.
	'/webhooks/{webhookId}': { kind: 'webhook', owned: true, value: (f) => f.webhook.id,
		notOwner: { status: 404, body: { code: 'INVALID_WEBHOOK_ID', message: 'No webhook with this id' } } },
	// The operator reads the owner's webhook's deliveries.
	'/api/admin/users/{id}/webhooks/{webhookId}': { kind: 'webhook', owned: false, value: (f) => f.webhook.id },
	'/sale/offers/{id}': { kind: 'offer', owned: true, value: (f) => f.offer.id,
		notOwner: { status: 404, body: { errors: [{ code: 'NotFoundException', message: 'Offer not found',
			details: null, path: null, userMessage: 'Function not available. Contact the application author.' }] } } },
};

// Public routes that take an id, and why no token is asked for.
const PUBLIC_BY_DESIGN = {
	'GET /oferta/{id}': 'the public page of an active advert; others are 404 (42-lifecycle)',
	'POST /oferta/{id}/phone': 'reveals the phone on the public page, behind the page\'s CSRF token',
	'POST /oferta/{id}/observe': 'observing from the public page, behind the page\'s CSRF token',
	'POST /oferta/{id}/messages': 'a signed-in buyer writes to the seller from the public page: the pages\' session and CSRF token (86-web-messages)',
	'GET /account/messages/{id}': '"My messages": the pages\' session; another user\'s thread is a 404 (86-web-messages)',
	'POST /account/messages/{id}': 'a reply from "My messages": the pages\' session and CSRF token; another user\'s thread is a 404 (86-web-messages)',
	'GET /images/{key}': 'an uploaded image, at the location sellers put in their listings for anyone to see',
};

// Query strings the routes that need one are called with.
const QUERIES = {
	'GET /api/partner/locations': '?latitude=52.2546&longitude=20.9084',
	'GET /api/partner/categories/suggestion': '?q=Bluzka%20damska%20czarna',
	'GET /api/partner/packets': '?category_id=1581&payment_method=account',
	'GET /api/partner/zones': '?category_id=1581',
	'GET /sale/classifieds-packages': '?category.id=1581',
};

// What must hold before the owner's control call works, beyond the fixture
// ("METHOD path" -> (souk, fixture) -> Promise).
// The owner's advert is new (the job runner is held back); views are
// simulated and commands given on an active one.
async function activate(s, fx) {
	const r = await s.req('POST', `/api/admin/adverts/${fx.advert.id}/moderation`, { token: fx.operator,
		json: { decision: 'accept' } });
	if (r.status !== 200) throw new Error(`accepting advert ${fx.advert.id}: ${r.status} ${r.text}`);
}
// Money on the owner's account, so a purchase can work.
async function fund(s, fx) {
	const r = await s.req('POST', `/api/admin/users/${fx.owner.user.id}/money/top-ups`, { token: fx.operator,
		json: { amount: 1000 } });
	if (r.status !== 201) throw new Error(`topping up seller ${fx.owner.user.id}: ${r.status} ${r.text}`);
}
// The owner's item moved by a command of theirs first.
function itemCommand(cmd) {
	return async (s, fx) => {
		const r = await s.req('PUT', `/items/${fx.advert.id}/${cmd}`, { token: fx.wallapop.owner });
		if (r.status !== 204) throw new Error(`${cmd} of item ${fx.advert.id}: ${r.status} ${r.text}`);
	};
}
const CONTROL_SETUP = {
	// Commands of a published item (the owner's advert is accepted first).
	'PUT /items/{id}/sold': activate,
	'PUT /items/{id}/inactivate': activate,
	'PUT /items/{id}/reserve': activate,
	'PUT /items/{id}/unreserve': async (s, fx) => { await activate(s, fx); await itemCommand('reserve')(s, fx); },
	'PUT /items/{id}/activate': async (s, fx) => { await activate(s, fx); await itemCommand('inactivate')(s, fx); },
	'POST /api/partner/adverts/{id}/paid-features': async (s, fx) => { await activate(s, fx); await fund(s, fx); },
	'POST /api/partner/adverts/{id}/packets': fund,
	'POST /api/partner/users/me/packets': fund,
	// The owner's offer has a package once one is chosen.
	'GET /sale/offer-classifieds-packages/{offerId}': async (s, fx) => {
		const r = await s.req('PUT', `/sale/offer-classifieds-packages/${fx.offer.id}`, { token: fx.allegro.owner,
			headers: { 'Content-Type': 'application/vnd.allegro.public.v1+json' },
			json: { basePackage: { id: '6174be19-56f9-484b-b72c-43b0b00785e8' } } });
		if (r.status !== 200) throw new Error(`choosing a package for offer ${fx.offer.id}: ${r.status} ${r.text}`);
	},
	'POST /api/admin/adverts/{id}/simulate': activate,
	'POST /api/admin/adverts/{id}/messages': activate,
	'POST /api/partner/adverts/{id}/commands': activate,
};

// A command publishing one offer (the fixture makes one with it).
function publicationCommand(offerId) {
	return { publication: { action: 'ACTIVATE' }, offerCriteria: [{ offers: [{ id: offerId }], type: 'CONTAINS_OFFERS' }] };
}

let titles = 0;
// A valid body for each route that takes one ("METHOD path" -> fixture -> body).
const BODIES = {
	'POST /sale/offers': () => ({ name: `Bluzka nowa numer ${++titles}`, category: { id: '1581' } }),
	'POST /sale/product-offers': () => ({ name: `Bluzka dzisiejsza numer ${++titles}`, category: { id: '1581' } }),
	'PATCH /sale/product-offers/{offerId}': () => ({ name: `Bluzka łatana numer ${++titles}` }),
	'PUT /sale/offers/{id}': () => ({ name: `Bluzka zmieniona numer ${++titles}`, category: { id: '1581' } }),
	'POST /api/partner/adverts': (f) => advertBody({ title: `Bluzka damska nowa model ${++titles} rozmiar S`,
		contact: { name: 'Kto', phone: f.other.phone } }),
	'PUT /api/partner/adverts/{id}': () => advertBody({ title: `Bluzka damska zmieniona wersja ${++titles} rozmiar L` }),
	'POST /api/partner/adverts/{id}/commands': () => ({ command: 'deactivate', is_success: false }),
	'POST /api/partner/adverts/{id}/logos': () => ({ url: 'https://shop.test/other-logo.png' }),
	'POST /sale/offer-contacts': () => ({ name: 'Kontakt', emails: [{ address: 'kontakt@souk.test' }],
		phones: [{ number: '600700800' }] }),
	'PUT /sale/offer-contacts/{id}': () => ({ name: 'Kontakt zmieniony', phones: [{ number: '600700801' }] }),
	'POST /api/partner/threads/{id}/messages': () => ({ text: 'Odpowiedź sprzedającej' }),
	'POST /api/partner/threads/{id}/commands': () => ({ command: 'set-favourite', is_favourite: true }),
	'POST /api/admin/adverts/{id}/messages': () => ({ buyer: { email: `sandbox-buyer-${++titles}@souk.test` },
		text: 'Pytanie z piaskownicy' }),
	// No subdomain: the owner and another business both write theirs.
	'PUT /api/partner/users-business/me': () => ({ name: 'Sklep testowy', phones: ['600100200'] }),
	'POST /api/partner/users-business/me/logos': (f) => ({ url: f.imageUrl }),
	'POST /api/partner/users-business/me/banners': (f) => ({ url: f.imageUrl }),
	'PUT /api/admin/users/{id}/business': () => ({ is_business: true }),
	'PUT /api/admin/users/{id}/place': () => ({ city_id: 1394 }),
	'POST /items': () => wallapopItem(),
	'POST /items/{id}/images': (f) => ({ url: f.imageUrl, order: 0 }),
	'PUT /items/{id}': () => wallapopItem(),
	// the status commands take no body
	'PUT /items/{id}/sold': () => undefined,
	'PUT /items/{id}/activate': () => undefined,
	'PUT /items/{id}/inactivate': () => undefined,
	'PUT /items/{id}/reserve': () => undefined,
	'PUT /items/{id}/unreserve': () => undefined,
	'POST /api/admin/clock/advance': () => ({ seconds: 1 }),
	'POST /api/admin/adverts/{id}/moderation': () => ({ decision: 'accept' }),
	'POST /api/admin/adverts/{id}/simulate': () => ({ action: 'view', count: 1 }),
	'PUT /api/admin/settings/{key}': () => ({ value: '1000' }),
	'POST /api/admin/plans': () => ({ name: `Plan numer ${++titles}`, limits: [{ total: 5, category_ids: [642] }] }),
	'PUT /api/admin/plans/{id}': () => ({ name: `Plan zmieniony ${++titles}`, limits: [{ total: null, category_ids: [642] }] }),
	'PUT /api/admin/users/{id}/plan': () => ({ plan_id: null }),
	'POST /api/admin/users/{id}/money/top-ups': () => ({ amount: 1 }),
	'PUT /api/admin/users/{id}/money/postpaid': () => ({ enabled: false }),
	'PUT /api/admin/prices': () => ({ category_id: 0, product: 'bump_up', amount: 9 }),
	'POST /api/partner/adverts/{id}/paid-features': () => ({ code: 'bump_up', payment_method: 'account' }),
	'POST /api/partner/adverts/{id}/packets': () => ({ payment_method: 'account' }),
	'POST /api/partner/users/me/packets': () => ({ category_id: 1581, size: 5, payment_method: 'account' }),
	'PUT /sale/offer-classifieds-packages/{offerId}': () => ({ basePackage: { id: '6174be19-56f9-484b-b72c-43b0b00785e8' } }),
	'POST /pricing/offer-fee-preview': () => ({ offer: { category: { id: '1581' } },
		classifiedsPackages: { basePackage: { id: '6174be19-56f9-484b-b72c-43b0b00785e8' } } }),
	// paused, as the matrix keeps it: resuming would run the held-back jobs
	'POST /api/admin/categories': () => ({ parent_id: null, names: { pl: `Dział numer ${++titles}` } }),
	'PUT /api/admin/categories/{id}': () => ({ names: { pl: `Dział przemianowany ${++titles}` } }),
	'PUT /api/admin/workers/publication': () => ({ paused: true }),
	// the command the owner's fixture made, repeated (it answers as the first time)
	'PUT /sale/offer-publication-commands/{commandId}': (f) => publicationCommand(f.offer.id),
	// a file on the test's own image host, which the operator allowed
	'POST /sale/images': (f) => ({ url: f.imageUrl }),
	'POST /webhooks': () => ({ url: `https://integrator.test/hook?n=${++titles}`, events: ['ITEM_LISTED'] }),
	'PUT /webhooks/{webhookId}': () => ({ url: `https://integrator.test/moved?n=${++titles}`, events: ['SALE_COMPLETED'] }),
	'PATCH /webhooks/{webhookId}/token': () => undefined,	// the document gives it no body
};

const INVALID_TOKEN = { error: 'invalid_token', error_description: 'The access token provided is invalid' };
const INSUFFICIENT_SCOPE = { error: 'insufficient_scope',
	error_description: 'The request requires higher privileges than provided by the access token',
	error_human_title: 'Insufficient scope.' };

// A Wallapop item the demo leaf takes (its seller has a place).
function wallapopItem() {
	return { item: { category_leaf_id: '1581', title: `Bluzka numer ${++titles}`, description: 'Bluzka, noszona raz.',
		price: { cash_amount: 10, currency: 'EUR' }, attributes: { state: 'used', size: 'm' } },
	main_image: { url: 'http://images.test/a.jpg' } };
}

const WALLAPOP_UNAUTHORIZED = { code: 'USER_UNAUTHORIZED',
	message: 'The access token is missing, expired or revoked: sign the user in again or refresh it' };

// Each face's denials, as {status, body, authenticate (WWW-Authenticate)}.
const DENIALS = {
	olx: {
		invalid: { status: 401, body: INVALID_TOKEN, authenticate: /^Bearer error="invalid_token"/ },
		scope: { status: 401, body: INSUFFICIENT_SCOPE, authenticate: /^Bearer error="insufficient_scope"/ },
		notUser: { status: 400, body: { error: { status: 400, title: 'Bad Request', detail: 'Invalid owner in token' } } },
		// Seed 001, publishing error 13: OLX answers another seller's advert
		// with this, not with a 404.
		notOwner: { status: 400, body: { error: { status: 400, title: 'Invalid request',
			detail: 'Data validation error occurred',
			validation: [{ field: 'ad', title: 'You are not the owner of this ad' }] } } },
	},
	admin: {
		invalid: { status: 401, body: { error: { status: 401, detail: 'An operator key is required (souk operator create)' } },
			authenticate: /^Bearer realm="souk-admin"/ },
	},
	// Seed 004: a 401 in OAuth2's short form (without a token, the seed's
	// own words), any other refusal in {"errors": [...]}. Its routes are
	// called with tokens of Allegro's endpoint (`tokens: 'allegro'`).
	allegro: {
		tokens: 'allegro',
		noToken: { status: 401, body: { error: 'unauthorized',
			error_description: 'Full authentication is required to access this resource' } },
		invalid: { status: 401, body: { error: 'invalid_token', error_description: 'Invalid access token' },
			authenticate: /^Bearer error="invalid_token"/ },
		scope: { status: 403, body: { errors: [{ code: 'AccessDenied', message: 'Access is denied', details: null,
			path: null, userMessage: 'You do not have access to this resource.' }] } },
		notUser: { status: 403, body: { errors: [{ code: 'AccessDenied',
			message: 'Access is denied: this resource needs a token with user context', details: null, path: null,
			userMessage: 'You do not have access to this resource.' }] } },
	},
	// Wallapop's sign-in endpoints (userinfo): RFC 6750's invalid_token
	// for every refusal; called with tokens of Wallapop's endpoint.
	'wallapop-oauth': {
		tokens: 'wallapop',
		invalid: { status: 401, body: INVALID_TOKEN },
		scope: { status: 401, body: INVALID_TOKEN },
		notUser: { status: 401, body: INVALID_TOKEN },
	},
	// Wallapop's items and webhooks: the documents' Error, USER_UNAUTHORIZED
	// for every refusal of the caller; another seller's object a 404.
	wallapop: {
		tokens: 'wallapop',
		noToken: { status: 401, body: WALLAPOP_UNAUTHORIZED, authenticate: /^Bearer realm="wallapop-connect"/ },
		invalid: { status: 401, body: WALLAPOP_UNAUTHORIZED, authenticate: /^Bearer error="invalid_token"/ },
		scope: { status: 403, body: { code: 'USER_UNAUTHORIZED',
			message: 'This token was not issued for Wallapop Connect: use a token of a Wallapop app' } },
		notUser: { status: 403, body: { code: 'USER_UNAUTHORIZED', message: 'This resource needs a token issued for a user' } },
	},
};

// The route's path with every {param} filled from the fixture; throws when
// a parameter's kind is unknown.
function concretePath(route, fixture) {
	return route.path.replace(/\{[^}]+\}/g, (param, at) => {
		const upTo = route.path.slice(0, at + param.length);
		const p = PARAMS[upTo];
		if (!p) throw new Error(`${route.method} ${route.path}: the matrix cannot make the object ` +
			`${upTo} names; add its kind to tests/e2e/lib/authz.js`);
		return encodeURIComponent(String(p.value(fixture)));
	}) + (QUERIES[`${route.method} ${route.path}`] || '');
}

function paramsOf(route) {
	return [...route.path.matchAll(/\{[^}]+\}/g)].map((m) => PARAMS[route.path.slice(0, m.index + m[0].length)]);
}

function bodyFor(route, fixture) {
	if (!['POST', 'PUT', 'PATCH'].includes(route.method)) return undefined;
	const make = BODIES[`${route.method} ${route.path}`];
	if (!make) throw new Error(`${route.method} ${route.path}: the matrix has no valid body for it; ` +
		'add one to tests/e2e/lib/authz.js');
	return make(fixture);
}

// Headers a body is sent with: the Allegro face takes its own media type only.
function bodyHeaders(route) {
	return DENIALS[route.face] && DENIALS[route.face].tokens === 'allegro' ?
		{ 'Content-Type': 'application/vnd.allegro.public.v1+json' } : {};
}

module.exports = { publicationCommand, PARAMS, PUBLIC_BY_DESIGN, DENIALS, CONTROL_SETUP, concretePath, paramsOf, bodyFor, bodyHeaders };
