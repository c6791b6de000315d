'use strict';
// OLX categories, attributes, suggestion, languages and currencies, with
// Accept-Language. Every body is also checked against the OLX document.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const fs = require('node:fs');
const yaml = require('js-yaml');
const { appToken } = require('./lib/tokens');
const { SPEC_PATH, createChecker, olxSpecAvailable } = require('./lib/olx-schema');

const P = '/api/partner';
let s, token;
test.before(async () => {
	s = await startSouk();
	token = await appToken(s);
});
test.after(() => s && s.stop());

const get = (path, lang, opts = {}) =>
	s.req('GET', P + path, { token, headers: lang ? { 'Accept-Language': lang } : {}, ...opts });

function assertNotFound(r) {
	assert.strictEqual(r.status, 404, r.text);
	assert.deepStrictEqual(r.json, { error: { status: 404, title: 'Not Found', detail: 'Category not found' } });
}

test('the seed\'s category bodies, word for word', async () => {
	assert.deepStrictEqual((await get('/categories/1755')).json, { data: {
		id: 1755, name: 'Praca inżynieryjna, techniczna', parent_id: 1447, photos_limit: 0, is_leaf: true } });
	assert.deepStrictEqual((await get('/categories/1581')).json, { data: {
		id: 1581, name: 'Bluzki i koszulki', parent_id: 642, photos_limit: 8, is_leaf: true } });
});

test('Accept-Language picks the name language; unknown falls back to Polish', async () => {
	assert.strictEqual((await get('/categories/1581', 'en')).json.data.name, 'Blouses & T-shirts');
	assert.strictEqual((await get('/categories/1581', 'en-GB,en;q=0.9')).json.data.name, 'Blouses & T-shirts');
	assert.strictEqual((await get('/categories/1581', 'de-DE, pl;q=0.5, en;q=0.4')).json.data.name, 'Bluzki i koszulki');
	assert.strictEqual((await get('/categories/1581', 'fr;q=1, en;q=0.2')).json.data.name, 'Blouses & T-shirts');
	assert.strictEqual((await get('/categories/1581', 'uk')).json.data.name, 'Bluzki i koszulki');
	assert.strictEqual((await get('/categories/1581', 'xx')).json.data.name, 'Bluzki i koszulki');
	assert.strictEqual((await get('/categories/1581', 'EN')).json.data.name, 'Blouses & T-shirts');
});

test('categories: all without parent_id, the top level with 0, children of one', async () => {
	const all = (await get('/categories')).json.data;
	assert.strictEqual(all.length, 142);
	const top = (await get('/categories?parent_id=0')).json.data;
	assert.strictEqual(top.length, 13);
	assert.ok(top.every((c) => c.parent_id === 0 && c.is_leaf === false));
	assert.deepStrictEqual(top[0], { id: 5, name: 'Motoryzacja', parent_id: 0, photos_limit: 16, is_leaf: false });
	const flats = (await get('/categories?parent_id=14', 'en')).json.data;
	assert.deepStrictEqual(flats.map((c) => [c.id, c.name]), [[1307, 'Flats for sale'], [1309, 'Flats for rent']]);
	// a leaf has no children
	assert.deepStrictEqual((await get('/categories?parent_id=1755')).json, { data: [] });
	// children listed under a parent are exactly those naming it
	for (const c of top) {
		const kids = (await get(`/categories?parent_id=${c.id}`)).json.data;
		assert.deepStrictEqual(kids.map((k) => k.id), all.filter((k) => k.parent_id === c.id).map((k) => k.id));
	}
});

test('categories: unknown parent is a 404, a malformed one a 400', async () => {
	assertNotFound(await get('/categories?parent_id=424242'));
	for (const q of ['parent_id=abc', 'parent_id=-1', 'parent_id=']) {
		const r = await get('/categories?' + q);
		assert.strictEqual(r.status, 400, q);
		assert.strictEqual(r.json.error.validation[0].field, 'parent_id');
	}
});

test('category and attributes not found', async () => {
	assertNotFound(await get('/categories/424242'));
	assertNotFound(await get('/categories/abc'));
	assertNotFound(await get('/categories/424242/attributes'));
});

test('attributes: OLX shape, bounds, values, labels per language', async () => {
	const r = await get('/categories/84/attributes');
	assert.strictEqual(r.status, 200);
	const byCode = Object.fromEntries(r.json.data.map((a) => [a.code, a]));
	assert.deepStrictEqual(byCode.price, { code: 'price', label: 'Cena', unit: null, validation: { type: 'price',
		required: true, numeric: true, min: null, max: null, allow_multiple_values: false }, values: [] });
	assert.deepStrictEqual(byCode.year.validation, { type: 'attribute', required: true, numeric: true,
		min: 1900, max: '2026', allow_multiple_values: false });
	assert.deepStrictEqual(byCode.state.values, [{ code: 'new', label: 'Nowe' }, { code: 'used', label: 'Używane' }]);
	assert.strictEqual(byCode.mileage.unit, 'km');
	const en = Object.fromEntries((await get('/categories/84/attributes', 'en')).json.data.map((a) => [a.code, a]));
	assert.strictEqual(en.year.label, 'Year of manufacture');
	assert.deepStrictEqual(en.state.values, [{ code: 'new', label: 'New' }, { code: 'used', label: 'Used' }]);
	// jobs: salary and the job attributes of the document
	const job = (await get('/categories/1755/attributes')).json.data.map((a) => a.code);
	for (const c of ['salary', 'type', 'contract', 'manager', 'remote_recruitment']) assert.ok(job.includes(c), c);
	// a category that is not a leaf has none
	assert.deepStrictEqual((await get('/categories/5/attributes')).json, { data: [] });
});

// The document's own example of an attribute: price, with unit, min and max
// written as null. Real clients model those keys as required.
function documentAttributeExample() {
	const doc = yaml.load(fs.readFileSync(SPEC_PATH, 'utf8'));
	return doc.paths['/categories/{categoryId}/attributes'].get.responses['200']
		.content['application/json'].schema.items.example;
}

test('attributes: unit, min and max are null when absent, as in the document\'s example', async () => {
	const price = (await get('/categories/84/attributes')).json.data.find((a) => a.code === 'price');
	if (olxSpecAvailable()) assert.deepStrictEqual(price, documentAttributeExample());
	// every attribute of every category carries the three keys
	const cats = (await get('/categories')).json.data;
	let seen = 0;
	for (const c of cats.filter((x) => x.is_leaf)) {
		const r = await get(`/categories/${c.id}/attributes`);
		assert.strictEqual(r.status, 200);
		for (const a of r.json.data) {
			seen++;
			assert.ok('unit' in a && (a.unit === null || typeof a.unit === 'string'), `${c.id} ${a.code} unit`);
			assert.ok('min' in a.validation && (a.validation.min === null || Number.isInteger(a.validation.min)),
				`${c.id} ${a.code} min`);
			assert.ok('max' in a.validation && (a.validation.max === null || typeof a.validation.max === 'string'),
				`${c.id} ${a.code} max`);
		}
	}
	assert.ok(seen > 0);
});

test('the OLX checker takes null only where the document\'s example shows it', { skip: !olxSpecAvailable() }, () => {
	const checkOlx = createChecker().check;	// its own record: these bodies are made up
	const path = P + '/categories/84/attributes';
	const attr = (over) => ({ data: [{ ...documentAttributeExample(), ...over }] });
	checkOlx('GET', path, 200, attr({}));
	checkOlx('GET', path, 200, attr({ unit: 'kg', validation: { type: 'attribute', min: 1, max: '9' } }));
	assert.throws(() => checkOlx('GET', path, 200, attr({ label: null })), /schema mismatch/);
	assert.throws(() => checkOlx('GET', path, 200, attr({ code: null })), /schema mismatch/);
	assert.throws(() => checkOlx('GET', path, 200, attr({ validation: { type: 'price', required: null } })), /schema mismatch/);
	assert.throws(() => checkOlx('GET', path, 200, attr({ validation: { type: 'price', min: '1' } })), /schema mismatch/);
});

async function suggest(q, lang) {
	const r = await get('/categories/suggestion?q=' + encodeURIComponent(q), lang);
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data;
}

test('suggestion: iPhone is a phone, with its path', async () => {
	const [first] = await suggest('iPhone 13 Pro 128GB');
	assert.deepStrictEqual(first, { id: 1502, name: 'Smartfony i telefony komórkowe',
		path: [{ id: 99, name: 'Elektronika' }, { id: 1501, name: 'Telefony' }] });
	const [en] = await suggest('iPhone 13 Pro 128GB', 'en');
	assert.deepStrictEqual(en.path.map((p) => p.name), ['Electronics', 'Phones']);
	assert.strictEqual(en.name, 'Mobile phones');
});

test('suggestion: flats, cars, inflected and diacritic-free titles', async () => {
	const flat = await suggest('Mieszkanie 3 pokoje');
	assert.deepStrictEqual(flat.slice(0, 2).map((c) => c.id), [1307, 1309]);
	assert.ok(flat.slice(0, 2).every((c) => c.path.some((p) => p.id === 14)), JSON.stringify(flat));
	assert.strictEqual((await suggest('Wynajmę mieszkanie 2 pokoje'))[0].id, 1309);
	// no Polish letters typed, capitals: same answer as with them
	assert.strictEqual((await suggest('WYNAJME MIESZKANIE'))[0].id, 1309);
	assert.strictEqual((await suggest('Ładowarka do telefonu'))[0].id, 1503);
	assert.strictEqual((await suggest('ladowarka do telefonu'))[0].id, 1503);
	const car = await suggest('Audi A4 kombi 2.0 TDI');
	assert.strictEqual(car[0].id, 84);
	assert.ok(!car.some((c) => c.id === 1514), 'audi is not audio'); // full words, not prefixes
	assert.strictEqual((await suggest('flat for rent, city centre', 'en'))[0].id, 1309);
});

test('suggestion: only leaves, at most five, nothing for gibberish', async () => {
	const all = (await get('/categories')).json.data;
	const leaf = new Set(all.filter((c) => c.is_leaf).map((c) => c.id));
	for (const q of ['rower górski', 'kanapa narożna', 'buty sportowe nike', 'iphone']) {
		const list = await suggest(q);
		assert.ok(list.length >= 1 && list.length <= 5, q);
		assert.ok(list.every((c) => leaf.has(c.id)), q);
	}
	assert.deepStrictEqual(await suggest('qwxzzy plmkk'), []);
});

test('suggestion: q missing or shorter than 3 characters is a 400', async () => {
	for (const q of ['', '?q=', '?q=ab', '?q=%20%20%20', '?q=!!!!']) {
		const r = await get('/categories/suggestion' + q);
		assert.strictEqual(r.status, 400, q);
		assert.strictEqual(r.json.error.validation[0].field, 'q');
	}
});

test('languages and currencies', async () => {
	assert.deepStrictEqual((await get('/languages')).json, { data: [
		{ code: 'pl', is_default: true }, { code: 'en', is_default: false }, { code: 'uk', is_default: false }] });
	const cur = (await get('/currencies')).json.data;
	assert.deepStrictEqual(cur[0], { code: 'PLN', label: 'zł', is_default: true });
	assert.deepStrictEqual(cur.map((c) => c.code), ['PLN', 'EUR', 'USD', 'UAH']);
	assert.strictEqual(cur.filter((c) => c.is_default).length, 1);
});
