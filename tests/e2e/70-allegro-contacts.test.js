'use strict';
// Allegro's offer contacts (seed 002 §1) over the marketplace's contact
// records: UUIDs, the seed's requests and its normalised phone numbers, PUT
// with the structure a GET gave (nulls included), the rules in the seed's
// words with the field's path (422), another seller's contact as a 404, and
// the limit of 50 held against racing creates. Answers are checked against
// Allegro's document (ContactResponse, ContactResponseList; ErrorsHolder for
// the refusals the document gives no body).

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeUser } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroCodeGrant, ALLEGRO_MEDIA } = require('./lib/allegro');
const { checkAllegroComponent } = require('./lib/allegro-schema');
const { advertBody } = require('./lib/adverts');
const { userToken } = require('./lib/tokens');

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let s, app;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off' } });
	app = makeAllegroApp(s);
});
test.after(() => s && s.stop());

async function sellerToken(scope) {
	const user = makeUser(s);
	return { user, token: (await allegroCodeGrant(s, app, user, scope ? { scope } : {})).access_token };
}

function send(token, method, path, json, lang) {
	const headers = { Accept: ALLEGRO_MEDIA };
	if (json !== undefined) headers['Content-Type'] = ALLEGRO_MEDIA;
	if (lang) headers['Accept-Language'] = lang;
	return s.req(method, path, { token, headers, body: json === undefined ? undefined : JSON.stringify(json) });
}

// A refusal: {"errors": [...]} per the document, with these (path, message) pairs.
function refused(r, status, expected) {
	assert.strictEqual(r.status, status, r.text);
	checkAllegroComponent('ErrorsHolder', r.json);
	assert.deepStrictEqual(r.json.errors.map((e) => [e.path, e.message]), expected, r.text);
	return r.json.errors;
}

const SEED_CREATE = { name: 'Auta terenowe', emails: [{ address: 'test@test.pl' }],
	phones: [{ number: '555-555-666' }, { number: '555555667' }] };

test('the seed\'s walk: create (201, a UUID, phones normalised), read it, list it, replace it', async () => {
	const { token } = await sellerToken();
	const c = await send(token, 'POST', '/sale/offer-contacts', SEED_CREATE);
	assert.strictEqual(c.status, 201, c.text);
	assert.match(c.headers['content-type'], /^application\/vnd\.allegro\.public\.v1\+json/);
	assert.match(c.json.id, UUID4);
	assert.deepStrictEqual(c.json, { id: c.json.id, name: 'Auta terenowe', emails: [{ address: 'test@test.pl' }],
		phones: [{ number: '+48 55 555 56 66' }, { number: '+48 55 555 56 67' }] });

	const got = await send(token, 'GET', `/sale/offer-contacts/${c.json.id}`);
	assert.strictEqual(got.status, 200, got.text);
	assert.deepStrictEqual(got.json, c.json);

	// a mobile number in threes, a geographic one by its area code, +48 and 0048 taken
	const second = await send(token, 'POST', '/sale/offer-contacts', { name: 'Ciężarówki',
		phones: [{ number: '788788788' }, { number: '+48 755 755 755' }] });
	assert.strictEqual(second.status, 201, second.text);
	assert.deepStrictEqual(second.json.phones, [{ number: '+48 788 788 788' }, { number: '+48 75 575 57 55' }]);
	assert.deepStrictEqual(second.json.emails, []);

	const list = await send(token, 'GET', '/sale/offer-contacts');
	assert.strictEqual(list.status, 200, list.text);
	assert.deepStrictEqual(list.json, { contacts: [c.json, second.json] });

	const put = await send(token, 'PUT', `/sale/offer-contacts/${c.json.id}`, { name: 'Auta terenowe',
		emails: [{ address: 'test@test.pl' }], phones: [{ number: '555-555-777' }] });
	assert.strictEqual(put.status, 200, put.text);
	assert.deepStrictEqual(put.json, { id: c.json.id, name: 'Auta terenowe', emails: [{ address: 'test@test.pl' }],
		phones: [{ number: '+48 55 555 57 77' }] });
	assert.deepStrictEqual((await send(token, 'GET', `/sale/offer-contacts/${c.json.id}`)).json, put.json);
});

test('PUT with what a GET gave: the id is ignored, null is absent, an other country code is kept', async () => {
	const { token } = await sellerToken();
	const c = (await send(token, 'POST', '/sale/offer-contacts', SEED_CREATE)).json;
	const back = { ...c, name: 'Auta osobowe', emails: null, phones: [{ number: '+49 30 1234567' }], extra: null };
	const put = await send(token, 'PUT', `/sale/offer-contacts/${c.id}`, back);
	assert.strictEqual(put.status, 200, put.text);
	assert.deepStrictEqual(put.json, { id: c.id, name: 'Auta osobowe', emails: [], phones: [{ number: '+49301234567' }] });
	// an empty or null member is no value, as an absent one
	const empty = await send(token, 'POST', '/sale/offer-contacts', { name: 'Pusty', emails: [{ address: '' }],
		phones: [{ number: null }, {}] });
	assert.strictEqual(empty.status, 201, empty.text);
	assert.deepStrictEqual([empty.json.emails, empty.json.phones], [[], []]);
	// an id in the body names nothing: the path's contact is the one replaced
	const other = (await send(token, 'POST', '/sale/offer-contacts', { name: 'Drugi' })).json;
	const r = await send(token, 'PUT', `/sale/offer-contacts/${other.id}`, { ...put.json, name: 'Drugi zmieniony' });
	assert.strictEqual(r.json.id, other.id);
	assert.strictEqual((await send(token, 'GET', `/sale/offer-contacts/${c.id}`)).json.name, 'Auta osobowe');
});

test('the rules in the seed\'s words, every broken one at once, with the field\'s path (422)', async () => {
	const { token } = await sellerToken();
	refused(await send(token, 'POST', '/sale/offer-contacts', { emails: [{ address: 'a@b.pl' }] }), 422,
		[['name', 'Contact name is required.']]);
	refused(await send(token, 'POST', '/sale/offer-contacts', { name: 'x'.repeat(251) }), 422,
		[['name', 'Contact name cannot be longer than 250 characters.']]);
	assert.strictEqual((await send(token, 'POST', '/sale/offer-contacts', { name: 'ż'.repeat(250) })).status, 201);
	refused(await send(token, 'POST', '/sale/offer-contacts', { name: 'Dwa maile',
		emails: [{ address: 'a@b.pl' }, { address: 'c@d.pl' }],
		phones: [{ number: '600100200' }, { number: '600100201' }, { number: '600100202' }] }), 422, [
		['emails', 'Within one contact you can provide up to 1 email address.'],
		['phones', 'Within one contact you can provide up to 2 phone numbers.'],
	]);
	const errs = refused(await send(token, 'POST', '/sale/offer-contacts', { name: 'Zły',
		emails: [{ address: 'nie-mail' }], phones: [{ number: '600100200' }, { number: '12ab' }] }, 'pl-PL'), 422, [
		['emails[0].address', 'Invalid email address.'],
		['phones[1].number', 'Invalid phone number.'],
	]);
	assert.deepStrictEqual(errs.map((e) => [e.code, e.userMessage]), [['VALIDATION_ERROR', 'Niepoprawny adres e-mail.'],
		['VALIDATION_ERROR', 'Niepoprawny numer telefonu.']]);
	// the document's 128 characters for an address (a valid one of 129 is refused)
	const long = (n) => 'a'.repeat(60) + '@' + 'b'.repeat(60) + '.' + 'c'.repeat(n - 125) + '.pl';
	assert.strictEqual((await send(token, 'POST', '/sale/offer-contacts', { name: 'Długi',
		emails: [{ address: long(128) }] })).status, 201);
	refused(await send(token, 'POST', '/sale/offer-contacts', { name: 'Za długi', emails: [{ address: long(129) }] }),
		422, [['emails[0].address', 'Email address cannot be longer than 128 characters.']]);
	// wrong types name the member
	refused(await send(token, 'POST', '/sale/offer-contacts', { name: 5, emails: [{ address: 7 }], phones: ['600100200'] }),
		422, [['name', 'name must be a string'], ['emails[0].address', 'emails[0].address must be a string'],
			['phones[0]', 'phones[0] must be an object']]);
	refused(await send(token, 'POST', '/sale/offer-contacts', [1, 2]), 422, [[null, 'The body must be a JSON object']]);
	// not JSON: 400 from the dispatcher
	const bad = await s.req('POST', '/sale/offer-contacts', { token, body: '{"name":', headers: { 'Content-Type': ALLEGRO_MEDIA } });
	assert.strictEqual(bad.status, 400, bad.text);
	// nothing was stored by any of these
	assert.strictEqual((await send(token, 'GET', '/sale/offer-contacts')).json.contacts.length, 2);
	// PUT takes the same rules and changes nothing when refused
	const c = (await send(token, 'GET', '/sale/offer-contacts')).json.contacts[0];
	refused(await send(token, 'PUT', `/sale/offer-contacts/${c.id}`, { name: '' }), 422, [['name', 'Contact name is required.']]);
	assert.deepStrictEqual((await send(token, 'GET', `/sale/offer-contacts/${c.id}`)).json, c);
});

test('an unknown id and another seller\'s contact are 404 for GET and PUT; the contact stays as it was', async () => {
	const owner = await sellerToken();
	const other = await sellerToken();
	const c = (await send(owner.token, 'POST', '/sale/offer-contacts', SEED_CREATE)).json;
	for (const id of [c.id, '0c046252-9559-4ecb-8ea3-879f60e46947', 'nope', '%27%20OR%201%3D1']) {
		const g = refused(await send(other.token, 'GET', `/sale/offer-contacts/${id}`), 404, [[null, 'Contact not found']]);
		assert.strictEqual(g[0].code, 'NotFoundException');
		refused(await send(other.token, 'PUT', `/sale/offer-contacts/${id}`, { name: 'Przejęty' }), 404,
			[[null, 'Contact not found']]);
	}
	assert.deepStrictEqual((await send(other.token, 'GET', '/sale/offer-contacts')).json, { contacts: [] });
	assert.deepStrictEqual((await send(owner.token, 'GET', `/sale/offer-contacts/${c.id}`)).json, c);
});

test('at most 50 contacts: ten creates racing for the last five slots, five win', async () => {
	const { token } = await sellerToken();
	for (let i = 0; i < 45; i++)
		assert.strictEqual((await send(token, 'POST', '/sale/offer-contacts', { name: `Kontakt ${i}` })).status, 201);
	const answers = await Promise.all(Array.from({ length: 10 }, (_, i) =>
		send(token, 'POST', '/sale/offer-contacts', { name: `Wyścig ${i}` })));
	const won = answers.filter((r) => r.status === 201);
	assert.strictEqual(won.length, 5, answers.map((r) => r.status).join(' '));
	for (const r of answers.filter((x) => x.status !== 201))
		refused(r, 422, [[null, 'You cannot have more than 50 contacts.']]);
	const list = (await send(token, 'GET', '/sale/offer-contacts')).json.contacts;
	assert.strictEqual(list.length, 50);
	assert.strictEqual(new Set(list.map((c) => c.id)).size, 50);
	// a full list still takes replacements
	assert.strictEqual((await send(token, 'PUT', `/sale/offer-contacts/${list[0].id}`, { name: 'Zmieniony' })).status, 200);
});

test('a contact made by the OLX face\'s inline {name, phone} is one of the seller\'s contacts here', async () => {
	const { user, token } = await sellerToken();
	const olx = userToken(s, user.id);
	const ad = await s.req('POST', '/api/partner/adverts', { token: olx,
		json: advertBody({ contact: { name: 'Anna z OLX', phone: '600100200' } }) });
	assert.strictEqual(ad.status, 200, ad.text);
	const list = (await send(token, 'GET', '/sale/offer-contacts')).json.contacts;
	assert.deepStrictEqual(list.map((c) => [c.name, c.phones]), [['Anna z OLX', [{ number: '+48 600 100 200' }]]]);
});

test('scopes as the document gives them: settings:write to create and replace, settings:read to read', async () => {
	const owner = await sellerToken();
	const c = (await send(owner.token, 'POST', '/sale/offer-contacts', SEED_CREATE)).json;
	const readOnly = (await allegroCodeGrant(s, app, owner.user, { scope: 'allegro:api:sale:settings:read' })).access_token;
	assert.strictEqual((await send(readOnly, 'GET', `/sale/offer-contacts/${c.id}`)).status, 200);
	assert.strictEqual((await send(readOnly, 'GET', '/sale/offer-contacts')).status, 200);
	refused(await send(readOnly, 'POST', '/sale/offer-contacts', SEED_CREATE), 403, [[null, 'Access is denied']]);
	refused(await send(readOnly, 'PUT', `/sale/offer-contacts/${c.id}`, SEED_CREATE), 403, [[null, 'Access is denied']]);
	const offers = (await allegroCodeGrant(s, app, owner.user, { scope: 'allegro:api:sale:offers:read' })).access_token;
	refused(await send(offers, 'GET', '/sale/offer-contacts'), 403, [[null, 'Access is denied']]);
});
