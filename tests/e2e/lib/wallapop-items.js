'use strict';
// What the Wallapop item tests share: a seller signed in through a Wallapop
// app with a place set by the operator (an item is where its seller is), a
// valid item body for the demo categories, creating items, and the
// document's Error component check for refusals.

const assert = require('node:assert');
const { makeUser } = require('./oauth-flow');
const { makeWallapopApp, wallapopCodeGrant } = require('./wallapop');
const { DATA, operator } = require('./adverts');
const { checkWallapopItemsComponent } = require('./wallapop-schema');

// PUT /api/admin/users/{id}/place: where the seller is.
async function setPlace(s, userId, cityId = DATA.warsaw, districtId) {
	const json = { city_id: cityId };
	if (districtId) json.district_id = districtId;
	const r = await s.req('PUT', `/api/admin/users/${userId}/place`, { token: operator(s), json });
	assert.strictEqual(r.status, 200, r.text);
	return r.json;
}

// A seller with a Wallapop token: {app, user, token}. place: false leaves
// the seller without one.
async function wallapopSeller(s, { app, user, place = DATA.warsaw } = {}) {
	app = app || makeWallapopApp(s);
	user = user || makeUser(s);
	if (place) await setPlace(s, user.id, place);
	const t = await wallapopCodeGrant(s, app, user);
	return { app, user, token: t.access_token, refresh: t.refresh_token };
}

// A CreateItemRequest that the demo leaf (DATA.leaf: state and size
// required) accepts; `item` and `top` override members.
function itemBody({ item = {}, attributes = {}, image = 'http://images.test/ok-1.jpg', ...top } = {}) {
	return {
		item: {
			category_leaf_id: String(DATA.leaf),
			title: 'Bluzka damska bawełniana rozmiar M',
			description: 'Bluzka w bardzo dobrym stanie, noszona kilka razy. Kolor czarny, bawełna.',
			price: { cash_amount: 25.5, currency: 'EUR' },
			attributes: { state: 'used', size: 'm', ...attributes },
			...item,
		},
		main_image: { url: image },
		...top,
	};
}

// POST /items: the new item's id.
async function createItem(s, token, body = itemBody()) {
	const r = await s.req('POST', '/items', { token, json: body });
	assert.strictEqual(r.status, 201, r.text);
	assert.match(r.json.id, /^\d+$/);
	return r.json.id;
}

// A published item: created, then accepted by the operator's moderation.
async function publishItem(s, token, body = itemBody()) {
	const id = await createItem(s, token, body);
	const r = await s.req('POST', `/api/admin/adverts/${id}/moderation`, { token: operator(s), json: { decision: 'accept' } });
	assert.strictEqual(r.status, 200, r.text);
	return id;
}

async function getItem(s, token, id) {
	const r = await s.req('GET', `/items/${id}`, { token });
	assert.strictEqual(r.status, 200, r.text);
	return r.json;
}

// A refusal: its status and code, its body the document's Error.
function assertError(r, status, code, message) {
	assert.strictEqual(r.status, status, r.text);
	checkWallapopItemsComponent('Error', r.json);
	assert.strictEqual(r.json.code, code, r.text);
	if (message) assert.match(r.json.message, message);
}

module.exports = { setPlace, wallapopSeller, itemBody, createItem, publishItem, getItem, assertError };
