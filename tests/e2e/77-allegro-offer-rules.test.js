'use strict';
// Seed 002's rules for an offer, word for word: the title (at most 50
// characters from the listed set, & counted as its entity), the description
// (sections of one or two items, the tag list and its nesting, images from
// the offer's own gallery, 100 sections, 40000 bytes), the location (16
// voivodeships, a post code for Polish addresses), the selling mode and its
// price, the contact and the invoice. What may not even be stored is a 422
// naming the field; what a draft may hold but not publish is in
// validation.errors. Answers are checked against the document's components.

const test = require('node:test');
const assert = require('node:assert');
const { sql } = require('./lib/oauth-flow');
const { checkAllegroComponent } = require('./lib/allegro-schema');
const { CATEGORY, allegroSeller, offerServer, makeContact, completeOffer, offerReq, errorsAt, assertError } =
	require('./lib/offers');

let s, seller, contact;
test.before(async () => ({ s, seller, contact } = await offerServer()));
test.after(() => s && s.stop());

// A complete draft with `over` applied: 201 with its validation, or the 422.
async function post(over, headers) {
	const r = await offerReq(s, seller, 'POST', '/sale/offers', completeOffer(seller, contact, over), headers);
	if (r.status === 422) {
		checkAllegroComponent('ErrorsHolder', r.json);
		for (const e of r.json.errors) assert.strictEqual(e.code, 'VALIDATION_ERROR');
	}
	return r;
}

function refused(r, path, message) {
	assert.strictEqual(r.status, 422, r.text);
	assertError(r.json, path, message);
}

function accepted(r) {
	assert.strictEqual(r.status, 201, r.text);
	return r.json;
}

test('title: at most 50 characters, & counted as &amp;, only the listed characters', async () => {
	const fifty = 'Bluzka damska bawełniana czarna rozmiar M na lato!';
	assert.strictEqual([...fifty].length, 50);
	assert.deepStrictEqual(accepted(await post({ name: fifty })).validation.errors, []);
	refused(await post({ name: fifty + 'x' }), 'name', 'The title cannot exceed 50 characters.');
	// 46 characters and one & (five): 50 counted, then 51
	const amp = 'Bluzka & koszulka damska, czarna, rozmiar M.';
	assert.deepStrictEqual(accepted(await post({ name: amp + 'ab' })).validation.errors, []);
	refused(await post({ name: amp + 'abc' }), 'name', 'The title cannot exceed 50 characters.');
	// a sign not on the seed's list: stored, not publishable
	const o = accepted(await post({ name: 'Bluzka damska ☺ rozmiar M' }));
	assertError(o, 'name', 'The title may contain only the supported letters, numbers and special signs.');
	assert.strictEqual(o.validation.errors.length, 1);
	// and every listed sign is fine
	assert.deepStrictEqual(accepted(await post({ name: 'Żółć „x” – 5° ² ³ € × µ ⌀ ß æ œ …' })).validation.errors, []);
	// in Polish when asked
	const pl = await post({ name: fifty + 'x' }, { 'Accept-Language': 'pl-PL' });
	assert.strictEqual(pl.status, 422);
	assert.strictEqual(errorsAt(pl.json, 'name')[0].message, 'The title cannot exceed 50 characters.');
	assert.strictEqual(errorsAt(pl.json, 'name')[0].userMessage, 'Tytuł nie może przekraczać 50 znaków.');
});

test('a name and a category are what a draft needs; the category must exist and be a leaf', async () => {
	let r = await offerReq(s, seller, 'POST', '/sale/offers', { category: { id: String(CATEGORY) } });
	refused(r, 'name', 'The title is required.');
	r = await offerReq(s, seller, 'POST', '/sale/offers', { name: 'Bluzka damska', category: null });
	refused(r, 'category.id', 'The category is required.');
	refused(await post({ category: { id: '999999' } }), 'category.id', 'The category does not exist.');
	const o = accepted(await post({ category: { id: '642' }, parameters: [] }));
	assertError(o, 'category.id', 'Ads can be listed in the lowest tier category only ("leaf": true).');
	// wrong types name their field
	r = await offerReq(s, seller, 'POST', '/sale/offers', { name: 5, category: 'x' });
	assert.strictEqual(r.status, 422, r.text);
	assert.ok(errorsAt(r.json, 'name').length && errorsAt(r.json, 'category').length, r.text);
});

test('description: the tag list, its nesting, the gallery, 100 sections, two columns, 40000 bytes', async () => {
	const text = (content) => ({ sections: [{ items: [{ type: 'TEXT', content }] }] });
	refused(await post({ description: text('opis tekstowy') }), 'description.sections[0].items[0]',
		'You must put content in HTML tags. Use only lower case letters in HTML tag.');
	refused(await post({ description: text('<P>Opis</P>') }), 'description.sections[0].items[0]',
		'You must put content in HTML tags. Use only lower case letters in HTML tag.');
	refused(await post({ description: text('<h1><b>Tytuł sekcji</b></h1>') }), 'description.sections[0].items[0]',
		'You cannot format h1 and h2 tags.');
	refused(await post({ description: text('<p>a <i>b</i></p>') }), 'description.sections[0].items[0]',
		'Use only the following HTML tags: h1, h2, p, ul, ol, li, b.');
	refused(await post({ description: text('<p>Opis <p>w akapicie</p></p>') }), 'description.sections[0].items[0]',
		'You can use <b></b> tags in <p></p>, <ul></ul> and <ol></ol>, and <p></p> tags in <ul></ul> and <ol></ol>.');
	// the seed's own example of combining the tags is fine
	const seedExample = '<h1>Lorem ipsum dolor sit amet</h1><p><b>Aliquam vitae</b>. Vivamus egestas.</p>' +
		'<ul><li><b>Nulla eu justo.</b></li><li>Sed vitae metus.</li></ul><ol><li><p><b>In eget</b></p></li></ol>';
	assert.deepStrictEqual(accepted(await post({ description: text(seedExample) })).validation.errors, []);

	const image = (url) => ({ sections: [{ items: [{ type: 'TEXT', content: '<p>Opis bluzki damskiej.</p>' },
		{ type: 'IMAGE', url }] }] });
	refused(await post({ description: image('https://img.test/elsewhere.jpg') }), 'description.sections[0].items[1]',
		'Use only images that are saved in the ad gallery that are transferred in the images array.');
	assert.deepStrictEqual(accepted(await post({ description: image(seller.images[1]) })).validation.errors, []);

	const three = { sections: [{ items: [{ type: 'TEXT', content: '<p>a</p>' }, { type: 'TEXT', content: '<p>b</p>' },
		{ type: 'TEXT', content: '<p>c</p>' }] }] };
	refused(await post({ description: three }), 'description.sections[0].items',
		'You cannot create a section with more columns.');
	const many = (n) => ({ sections: Array.from({ length: n }, (_, i) => ({ items: [{ type: 'TEXT', content: `<p>Część ${i}</p>` }] })) });
	assert.deepStrictEqual(accepted(await post({ description: many(100) })).validation.errors, []);
	refused(await post({ description: many(101) }), 'description.sections', 'The description can have up to 100 sections.');
	const big = (bytes) => text(`<p>${'ł'.repeat((bytes - 7) / 2)}</p>`);	/* ł is two bytes */
	assert.deepStrictEqual(accepted(await post({ description: big(39999) })).validation.errors, []);
	refused(await post({ description: big(40001) }), 'description',
		'The maximum description size you can transfer is 40000 bytes.');
	const o = accepted(await post({ description: { sections: [] } }));
	assertError(o, 'description', 'Please describe your offer.');
	// what the dialect itself cannot hold
	refused(await post({ description: { sections: [{ items: [] }] } }), 'description.sections[0].items',
		'A section holds one item (one column) or two (two columns).');
	refused(await post({ description: { sections: [{ items: [{ type: 'TEXT' }] }] } }),
		'description.sections[0].items[0].content', 'A TEXT item has its content.');
	refused(await post({ description: { sections: [{ items: [{ type: 'IMAGE', url: null }] }] } }),
		'description.sections[0].items[0].url', 'An IMAGE item has its url.');
	refused(await post({ description: { sections: [{ items: [{ type: 'VIDEO', url: seller.images[0] }] }] } }),
		'description.sections[0].items[0]', 'The item type must be TEXT or IMAGE.');
});

// The regression: an offer stored any image URL it was given, though seed
// 002 §3 lets listings use only images POST /sale/images took.
test('images: only the seller\'s own uploads souk still keeps; any other URL refused at its place, even in a draft', async () => {
	const HOSTED = 'You can use only images you have previously transferred by calling POST on /sale/images.';
	const gallery = (...urls) => ({ images: urls.map((url) => ({ url })),
		description: { sections: [{ items: [{ type: 'TEXT', content: '<p>Bluzka w bardzo dobrym stanie.</p>' }] }] } });
	refused(await post(gallery(seller.images[0], 'https://img.test/bluzka-1.jpg')), 'images[1]', HOSTED);
	// another seller's upload, and a key souk never gave, both under souk's own address
	const other = await allegroSeller(s, { app: seller.app });
	let r = await post(gallery(other.images[0], seller.images[1]));
	refused(r, 'images[0]', HOSTED);
	assert.strictEqual(r.json.errors.length, 1, r.text);
	refused(await post(gallery(`${s.url}/images/${'0'.repeat(32)}`)), 'images[0]', HOSTED);
	// a partial draft is refused the same: nothing is stored
	r = await offerReq(s, seller, 'POST', '/sale/offers', { name: 'Bluzka', category: { id: String(CATEGORY) },
		images: [{ url: 'http://127.0.0.1:1/x.jpg' }] });
	refused(r, 'images[0]', HOSTED);
	const list = await offerReq(s, seller, 'GET', '/sale/offers?name=Bluzka&publication.status=INACTIVE&limit=1000');
	assert.ok(!list.json.offers.some((o) => o.name === 'Bluzka'), list.text);
	// the seller's own, in their order, stored under the location POST /sale/images gave
	const o = accepted(await post(gallery(seller.images[1], seller.images[0])));
	assert.deepStrictEqual(o.images, [{ url: seller.images[1] }, { url: seller.images[0] }]);
	assert.deepStrictEqual(o.validation.errors, []);
	// and a PUT is held to the same
	r = await offerReq(s, seller, 'PUT', `/sale/offers/${o.id}`, { ...o, ...gallery('https://img.test/x.jpg') });
	refused(r, 'images[0]', HOSTED);
});

test('location: the 16 voivodeships, a city, a post code for Polish addresses; the city is the place of that name', async () => {
	const loc = (over) => ({ location: { countryCode: 'PL', province: 'WIELKOPOLSKIE', city: 'Poznań', postCode: '60-166', ...over } });
	refused(await post(loc({ province: 'MAZOWSZE' })), 'location.province',
		'The province must be one of the 16 voivodeships, such as WIELKOPOLSKIE.');
	refused(await post(loc({ postCode: '60166' })), 'location.postCode', 'The postal code is not valid for the country.');
	let o = accepted(await post(loc({ province: null, postCode: null })));
	assertError(o, 'location.province', 'Province is required in the case of countryCode PL.');
	assertError(o, 'location.postCode', 'Postal code is required in the case of Polish addresses.');
	assert.strictEqual(o.validation.errors.length, 2);
	o = accepted(await post(loc({ city: null })));
	assertError(o, 'location.city', 'City may not be empty.');
	o = accepted(await post({ location: { countryCode: 'DE', city: 'Berlin', postCode: '10115' } }));
	assert.deepStrictEqual(o.validation.errors, []);
	assert.deepStrictEqual(o.location, { countryCode: 'DE', province: null, city: 'Berlin', postCode: '10115' });
	// Poznań in Wielkopolskie is the places' Poznań: the row every face reads names it by id
	o = accepted(await post(loc({})));
	const row = sql(s, `SELECT c.name, r.name FROM adverts a JOIN cities c ON c.id = a.city_id JOIN regions r ON r.id = c.region_id WHERE a.id = ${Number(o.id)}`);
	assert.strictEqual(row, 'Poznań|Wielkopolskie');
	assert.deepStrictEqual(o.location, { countryCode: 'PL', province: 'WIELKOPOLSKIE', city: 'Poznań', postCode: '60-166' });
});

test('selling mode: ADVERTISEMENT with a price {amount string, currency}', async () => {
	refused(await post({ sellingMode: { format: 'BUY_NOW', price: { amount: '10', currency: 'PLN' } } }), 'sellingMode.format',
		'Classified ads are sold in the ADVERTISEMENT format only.');
	for (const amount of ['12.345', '-5', 'abc', '']) {
		const r = await post({ sellingMode: { format: 'ADVERTISEMENT', price: { amount, currency: 'PLN' } } });
		assert.strictEqual(r.status, 422, `${amount}: ${r.text}`);
		assert.ok(errorsAt(r.json, 'sellingMode.price.amount').length, r.text);
	}
	let r = await post({ sellingMode: { format: 'ADVERTISEMENT', price: { amount: '10', currency: 'pln' } } });
	assert.strictEqual(r.status, 422, r.text);
	assert.ok(errorsAt(r.json, 'sellingMode.price.currency').length, r.text);
	refused(await post({ sellingMode: { format: 'ADVERTISEMENT', price: { amount: '100000000000000', currency: 'PLN' } } }),
		'sellingMode.price', 'The price is too high.');
	let o = accepted(await post({ sellingMode: { format: 'ADVERTISEMENT', price: { amount: '33000', currency: 'PLN' } } }));
	assert.deepStrictEqual(o.sellingMode.price, { amount: '33000.00', currency: 'PLN' });
	o = accepted(await post({ sellingMode: null }));
	assertError(o, 'sellingMode.price', 'You must select at least one selling mode and provide the required prices.');
	// and, with no selling mode, a company account's offer lacks after sales conditions (seed 002 §6)
	assertError(o, 'afterSalesServices',
		'After sales service conditions (return policies, implied warranties) are required by company account.');
	assert.strictEqual(o.validation.errors.length, 2);
});

test('contact: an existing contact of this seller; invoice: one of the four', async () => {
	refused(await post({ contact: { id: '0c046252-9559-4ecb-8ea3-879f60e46947' } }), 'contact.id',
		'The contact does not exist. Retrieve it by calling GET /sale/offer-contacts.');
	const other = await allegroSeller(s, { app: seller.app });
	refused(await post({ contact: { id: await makeContact(s, other, 'Cudzy') } }), 'contact.id',
		'The contact does not exist. Retrieve it by calling GET /sale/offer-contacts.');
	let o = accepted(await post({ contact: null }));
	assertError(o, 'contact.id', 'Contact may not be empty.');
	refused(await post({ payments: { invoice: 'PARAGON' } }), 'payments.invoice',
		'The invoice must be VAT, VAT_MARGIN, WITHOUT_VAT or NO_INVOICE.');
	for (const invoice of ['VAT', 'VAT_MARGIN', 'WITHOUT_VAT', 'NO_INVOICE']) {
		o = accepted(await post({ payments: { invoice } }));
		assert.deepStrictEqual(o.payments, { invoice });
	}
	o = accepted(await post({ payments: null }));
	assertError(o, 'payments', 'Payments may not be empty.');
});

test('parameters: the category\'s definitions; what is missing named in one error', async () => {
	let o = accepted(await post({ parameters: [] }));
	assertError(o, 'parameters', 'Missing required parameters: Stan, Rozmiar.');
	assert.strictEqual(o.validation.errors.length, 1);
	o = accepted(await post({ parameters: [{ id: 'state', valuesIds: ['state_broken'], values: [], rangeValue: null },
		{ id: 'size', valuesIds: ['size_m'], values: [], rangeValue: null }, { id: 'colour', valuesIds: [], values: ['red'] }] }));
	assertError(o, 'parameters', 'Invalid value of parameter state.');
	assertError(o, 'parameters', 'The category has no parameter colour.');
	assert.strictEqual(o.validation.errors.length, 2);
	const pl = await post({ parameters: [] }, { 'Accept-Language': 'pl-PL' });
	assert.strictEqual(errorsAt(pl.json, 'parameters')[0].userMessage, 'Brak wymaganych parametrów: Stan, Rozmiar.');
});
