'use strict';
// Allegro's categories and parameters (seed 002 §2) over the marketplace's
// catalog: the same tree and attribute definitions the OLX face serves, in
// Allegro's shape (CategoryDto, CategoryParameter), names in the request's
// language. Every answer is checked against Allegro's document by the
// request helper; the whole tree is compared with what the OLX face says.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { makeUser } = require('./lib/oauth-flow');
const { appToken } = require('./lib/tokens');
const { makeAllegroApp, allegroToken, allegroCodeGrant } = require('./lib/allegro');
const { checkAllegroParameters } = require('./lib/allegro-schema');

const OPTION_KEYS = ['advertisement', 'advertisementPriceOptional', 'variantsByColorPatternAllowed',
	'offersWithProductPublicationEnabled', 'productCreationEnabled', 'sellerCanRequirePurchaseComments'];

let s, app, tok, olx;
test.before(async () => {
	s = await startSouk();
	app = makeAllegroApp(s);
	const t = await allegroToken(s, app, { grant_type: 'client_credentials' });
	assert.strictEqual(t.status, 200, t.text);
	tok = t.json.access_token;
	olx = await appToken(s);
});
test.after(() => s && s.stop());

async function get(path, lang, token = tok) {
	const r = await s.req('GET', path, { token, headers: lang ? { 'Accept-Language': lang } : {} });
	if (r.status === 200) checkAllegroParameters(r.json);
	return r;
}
const olxGet = (path, lang) =>
	s.req('GET', '/api/partner' + path, { token: olx, headers: lang ? { 'Accept-Language': lang } : {} });

function assertNotFound(r) {
	assert.strictEqual(r.status, 404, r.text);
	assert.strictEqual(r.json.errors.length, 1);
	assert.strictEqual(r.json.errors[0].code, 'NotFoundException');
	assert.strictEqual(r.json.errors[0].message, 'The category with the given ID does not exist.');
}

test('no parent.id: the main categories, each with a null parent, ids as strings, names in English by default', async () => {
	const r = await get('/sale/categories');
	assert.strictEqual(r.status, 200, r.text);
	assert.match(r.headers['content-type'], /^application\/vnd\.allegro\.public\.v1\+json/);
	const top = (await olxGet('/categories?parent_id=0')).json.data;
	assert.deepStrictEqual(r.json.categories.map((c) => c.id), top.map((c) => String(c.id)));
	const vehicles = r.json.categories.find((c) => c.id === '5');
	assert.deepStrictEqual(vehicles, { id: '5', name: 'Vehicles', parent: null, leaf: false, options: {
		advertisement: false, advertisementPriceOptional: false, variantsByColorPatternAllowed: false,
		offersWithProductPublicationEnabled: false, productCreationEnabled: false,
		sellerCanRequirePurchaseComments: false } });
	const pl = await get('/sale/categories', 'pl-PL');
	assert.strictEqual(pl.json.categories.find((c) => c.id === '5').name, 'Motoryzacja');
	// "*" is any language: Allegro's default
	assert.strictEqual((await get('/sale/categories', '*')).json.categories.find((c) => c.id === '5').name, 'Vehicles');
});

test('parent.id: the children, with the seed\'s leaf and options; a leaf has none; an unknown id is a 404', async () => {
	const r = await get('/sale/categories?parent.id=5');
	assert.strictEqual(r.status, 200, r.text);
	const cars = r.json.categories.find((c) => c.id === '84');
	assert.deepStrictEqual(cars, { id: '84', name: 'Cars', parent: { id: '5' }, leaf: true, options: {
		advertisement: true, advertisementPriceOptional: false, variantsByColorPatternAllowed: false,
		offersWithProductPublicationEnabled: false, productCreationEnabled: false,
		sellerCanRequirePurchaseComments: false } });
	for (const c of r.json.categories) assert.deepStrictEqual(c.parent, { id: '5' });
	assert.deepStrictEqual((await get('/sale/categories?parent.id=84')).json, { categories: [] });
	// an empty parent.id is no parent
	assert.strictEqual((await get('/sale/categories?parent.id=')).json.categories.length,
		(await get('/sale/categories')).json.categories.length);
	for (const bad of ['999999', 'abc', '-5', '0', '5x', '+5', '%205', '99999999999999999999'])
		assertNotFound(await get('/sale/categories?parent.id=' + bad));
});

test('GET /sale/categories/{id}: one category; an unknown or malformed id is a 404 in Allegro\'s envelope', async () => {
	const r = await get('/sale/categories/84', 'pl-PL');
	assert.strictEqual(r.status, 200, r.text);
	assert.strictEqual(r.json.name, 'Samochody osobowe');
	assert.deepStrictEqual(r.json.parent, { id: '5' });
	assert.strictEqual(r.json.leaf, true);
	assert.deepStrictEqual(Object.keys(r.json.options).sort(), [...OPTION_KEYS].sort());
	assertNotFound(await get('/sale/categories/999999'));
	assertNotFound(await get('/sale/categories/nope'));
	assertNotFound(await get('/sale/categories/999999/parameters'));
});

test('the whole tree is the OLX face\'s: ids, parents, leaves, names in both languages; price optional where OLX\'s price is', async () => {
	for (const lang of ['en', 'pl']) {
		const olxAll = (await olxGet('/categories', lang)).json.data;
		const seen = [];
		const walk = async (parent) => {
			const r = await get('/sale/categories' + (parent ? '?parent.id=' + parent : ''), lang);
			assert.strictEqual(r.status, 200);
			for (const c of r.json.categories) {
				seen.push(c);
				if (!c.leaf) await walk(c.id);
			}
		};
		await walk(null);
		assert.strictEqual(seen.length, olxAll.length);
		const byId = new Map(seen.map((c) => [c.id, c]));
		for (const o of olxAll) {
			const c = byId.get(String(o.id));
			assert.ok(c, `category ${o.id} missing`);
			assert.strictEqual(c.name, o.name);
			assert.deepStrictEqual(c.parent, o.parent_id ? { id: String(o.parent_id) } : null);
			assert.strictEqual(c.leaf, o.is_leaf);
			assert.strictEqual(c.options.advertisement, o.is_leaf);
			if (lang !== 'en' || !o.is_leaf) continue;
			const price = (await olxGet(`/categories/${o.id}/attributes`)).json.data.find((a) => a.code === 'price');
			assert.strictEqual(c.options.advertisementPriceOptional, !(price && price.validation.required), `${o.id}`);
		}
	}
});

test('parameters of a leaf: dictionary with value ids, integer with min and max, string with lengths; no price', async () => {
	const r = await get('/sale/categories/84/parameters');
	assert.strictEqual(r.status, 200, r.text);
	const byId = Object.fromEntries(r.json.parameters.map((p) => [p.id, p]));
	assert.ok(!byId.price, 'the price is sellingMode.price, not a parameter');
	assert.deepStrictEqual(byId.state, { id: 'state', name: 'Condition', type: 'dictionary', required: true,
		requiredForProduct: false, requiredIf: null, displayedIf: null, unit: null,
		options: { variantsAllowed: false, variantsEqual: false, ambiguousValueId: null, dependsOnParameterId: null,
			describesProduct: false, customValuesEnabled: false },
		dictionary: [{ id: 'state_new', value: 'New', dependsOnValueIds: [] },
			{ id: 'state_used', value: 'Used', dependsOnValueIds: [] }],
		restrictions: { multipleChoices: false } });
	assert.deepStrictEqual(byId.year.restrictions, { min: 1900, max: 2026, range: false });
	assert.strictEqual(byId.year.type, 'integer');
	assert.strictEqual(byId.mileage.unit, 'km');
	assert.strictEqual(byId.model.type, 'string');
	assert.deepStrictEqual(byId.model.restrictions, { minLength: 1, maxLength: 250, allowedNumberOfValues: 1 });
	assert.strictEqual(byId.features.restrictions.multipleChoices, true);
	// decimal places: a float with its precision
	const flat = Object.fromEntries((await get('/sale/categories/1307/parameters')).json.parameters.map((p) => [p.id, p]));
	assert.strictEqual(flat.m.type, 'float');
	assert.deepStrictEqual(flat.m.restrictions, { min: 1, max: 100000, range: false, precision: 2 });
	assert.strictEqual(flat.m.unit, 'm²');
	const pl = Object.fromEntries((await get('/sale/categories/84/parameters', 'pl-PL')).json.parameters
		.map((p) => [p.id, p]));
	assert.strictEqual(pl.state.name, 'Stan');
	assert.deepStrictEqual(pl.state.dictionary.map((d) => d.value), ['Nowe', 'Używane']);
	assert.deepStrictEqual((await get('/sale/categories/5/parameters')).json, { parameters: [] });
});

// validation.decimals of every numeric attribute, from the seed file.
const DECIMALS = new Map(require('../../data/categories.json').categories.flatMap((c) =>
	c.attributes.map((a) => [`${c.id} ${a.code}`, a.validation.decimals])));

test('every leaf\'s parameters are its OLX attributes mapped one to one (ids, values, types, bounds, required)', async () => {
	const leaves = (await olxGet('/categories')).json.data.filter((c) => c.is_leaf);
	for (const leaf of leaves) {
		const attrs = (await olxGet(`/categories/${leaf.id}/attributes`, 'en')).json.data
			.filter((a) => a.validation.type === 'attribute');
		const params = (await get(`/sale/categories/${leaf.id}/parameters`)).json.parameters;
		assert.deepStrictEqual(params.map((p) => p.id), attrs.map((a) => a.code), `${leaf.id}`);
		attrs.forEach((a, i) => {
			const p = params[i], v = a.validation, at = `${leaf.id} ${a.code}`;
			assert.strictEqual(p.name, a.label, at);
			assert.strictEqual(p.unit, a.unit, at);
			assert.strictEqual(p.required, v.required, at);
			if (a.values.length) {
				assert.strictEqual(p.type, 'dictionary', at);
				assert.deepStrictEqual(p.dictionary.map((d) => [d.id, d.value]),
					a.values.map((x) => [`${a.code}_${x.code}`, x.label]), at);
				assert.deepStrictEqual(p.restrictions, { multipleChoices: v.allow_multiple_values }, at);
			} else if (v.numeric) {
				// the OLX face has no decimal places: they come from the data file
				const decimals = DECIMALS.get(`${leaf.id} ${a.code}`);
				assert.strictEqual(p.type, decimals ? 'float' : 'integer', at);
				const want = { range: false };
				if (v.min !== null) want.min = v.min;
				if (v.max !== null) want.max = Number(v.max);
				if (decimals) want.precision = decimals;
				assert.deepStrictEqual(p.restrictions, want, at);
			} else {
				assert.strictEqual(p.type, 'string', at);
			}
		});
	}
});

test('authorization: an app\'s or a seller\'s Allegro token reads the catalog; none is the seed\'s 401', async () => {
	const seller = makeUser(s);
	const user = await allegroCodeGrant(s, app, seller, { scope: 'allegro:api:profile:read' });
	assert.strictEqual((await get('/sale/categories/84/parameters', null, user.access_token)).status, 200);
	const none = await s.req('GET', '/sale/categories');
	assert.strictEqual(none.status, 401);
	assert.deepStrictEqual(none.json, { error: 'unauthorized',
		error_description: 'Full authentication is required to access this resource' });
});
