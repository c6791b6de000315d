'use strict';
// Wallapop's categories and their attributes over the marketplace's one
// catalog: the same tree the OLX and Allegro faces serve, nested as the
// document's CategoriesResponse, with only leaves assignable to items (and
// only they without subcategories); a category's attributes typed as the
// document's three schemas with the OLX face's codes, values and bounds.
// Every answer is checked against the document by the request helper.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { appToken } = require('./lib/tokens');
const { wallapopSeller } = require('./lib/wallapop-images');

let s, who, olx;
test.before(async () => {
	s = await startSouk();
	who = await wallapopSeller(s);
	olx = await appToken(s);
});
test.after(() => s && s.stop());

const get = (path, lang) => s.req('GET', path, { token: who.wallapop,
	headers: lang ? { 'Accept-Language': lang } : {} });
const olxGet = (path, lang) =>
	s.req('GET', '/api/partner' + path, { token: olx, headers: lang ? { 'Accept-Language': lang } : {} });

function flatten(list, out = []) {
	for (const c of list) {
		out.push(c);
		flatten(c.subcategories, out);
	}
	return out;
}

test('the whole tree, nested; only leaves are assignable, and they have no subcategories', async () => {
	const r = await get('/items/categories');
	assert.strictEqual(r.status, 200, r.text);
	const all = flatten(r.json.categories);
	const olxAll = (await olxGet('/categories')).json.data;
	assert.deepStrictEqual(all.map((c) => c.id).sort((a, b) => a - b), olxAll.map((c) => c.id).sort((a, b) => a - b));
	const byId = new Map(olxAll.map((c) => [c.id, c]));
	for (const c of all) {
		const o = byId.get(c.id);
		assert.strictEqual(c.assignable_to_item, o.is_leaf, `category ${c.id}`);
		assert.strictEqual(c.parent_id, o.parent_id || null, `category ${c.id}`);
		if (c.assignable_to_item) assert.deepStrictEqual(c.subcategories, []);
		for (const sub of c.subcategories) assert.strictEqual(sub.parent_id, c.id);
	}
	for (const top of r.json.categories) assert.strictEqual(top.parent_id, null);
	const vehicles = r.json.categories.find((c) => c.id === 5);
	assert.strictEqual(vehicles.name, 'Vehicles');
	assert.strictEqual(vehicles.assignable_to_item, false);
	assert.ok(vehicles.subcategories.some((c) => c.id === 84 && c.name === 'Cars' && c.assignable_to_item));
});

test('names in the Accept-Language where the catalog has it, else English', async () => {
	const names = async (lang) => (await get('/items/categories', lang)).json.categories.find((c) => c.id === 5).name;
	assert.strictEqual(await names('pl-PL,pl;q=0.9'), 'Motoryzacja');
	assert.strictEqual(await names('es'), 'Vehicles');
	assert.strictEqual(await names('es-ES, pl;q=0.5'), 'Motoryzacja');
	assert.strictEqual(await names(undefined), 'Vehicles');
});

test('attributes of cars: discrete values, numbers with ranges, text, the price not among them', async () => {
	const r = await get('/items/categories/84/attributes');
	assert.strictEqual(r.status, 200, r.text);
	const olxAttrs = (await olxGet('/categories/84/attributes', 'en')).json.data;
	const mine = new Map(r.json.attributes.map((a) => [a.id, a]));
	assert.ok(!mine.has('price'), 'the price is the item\'s price, not an attribute');
	for (const o of olxAttrs.filter((x) => x.code !== 'price')) {
		const a = mine.get(o.code);
		assert.ok(a, `attribute ${o.code}`);
		assert.strictEqual(a.is_mandatory, o.validation.required, o.code);
		if (o.values.length) {
			assert.strictEqual(a.type, 'discrete_values');
			assert.deepStrictEqual(a.options.values, o.values.map((v) => ({ id: v.code, title: v.label })));
			assert.strictEqual(a.options.max_choices, o.validation.allow_multiple_values ? o.values.length : 1);
		} else if (o.validation.numeric) {
			assert.strictEqual(a.type, 'numeric');
			assert.strictEqual(a.data_type.type, 'integer');
		} else {
			assert.strictEqual(a.type, 'text');
		}
	}
	assert.deepStrictEqual(mine.get('year'), { id: 'year', type: 'numeric', is_mandatory: true,
		data_type: { type: 'integer', format: 'int64' }, range: { greater_than_or_equal: 1900, less_than_or_equal: 2026 } });
	assert.deepStrictEqual(mine.get('vin'), { id: 'vin', type: 'text', is_mandatory: false, max_length: 250 });
	assert.deepStrictEqual(mine.get('state'), { id: 'state', type: 'discrete_values', is_mandatory: true,
		options: { max_choices: 1, values: [{ id: 'new', title: 'New' }, { id: 'used', title: 'Used' }] } });
	assert.strictEqual(mine.get('features').options.max_choices, mine.get('features').options.values.length);
	const pl = await get('/items/categories/84/attributes', 'pl');
	assert.strictEqual(pl.json.attributes.find((a) => a.id === 'state').options.values[1].title, 'Używane');
});

test('a number with decimal places is a number; a parent category has no attributes', async () => {
	const tyres = await get('/items/categories/1527/attributes');
	assert.deepStrictEqual(tyres.json.attributes.find((a) => a.id === 'rim_diameter').data_type,
		{ type: 'number', format: 'double' });
	const parent = await get('/items/categories/5/attributes');
	assert.strictEqual(parent.status, 200, parent.text);
	assert.deepStrictEqual(parent.json.attributes, []);
});

test('a category that does not exist is a 404 in the document\'s Error', async () => {
	for (const id of ['424242', 'abc', '0', '-5']) {
		const r = await get(`/items/categories/${id}/attributes`);
		assert.strictEqual(r.status, 404, r.text);
		assert.deepStrictEqual(r.json, { code: 'INVALID_CATEGORY_LEAF', message: 'There is no category with this id' });
	}
});

test('only a Wallapop token reads them', async () => {
	assert.strictEqual((await s.req('GET', '/items/categories')).status, 401);
	const r = await s.req('GET', '/items/categories', { token: who.token });
	assert.strictEqual(r.status, 403, r.text);
	assert.strictEqual(r.json.code, 'USER_UNAUTHORIZED');
});
