#!/usr/bin/env node
// Validate a places file produced by derive.js (format: docs/DATA.md).
//
//   node tools/places/check.js data/places/pl.tsv [--overrides tools/places/pl.json]
//
// Checks the structure (row kinds, field counts, unique ids, references),
// that every coordinate lies in the country's bounding box, that the cities
// of a few regions lie in that region's box, and that districts are near
// their city. The boxes come from the country's overrides file (default:
// tools/places/<xx>.json, xx taken from the file header). Exits 1 on error.
'use strict';

const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
let file = null;
let overridesFile = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--overrides') overridesFile = args[++i];
  else file = args[i];
}
if (!file) {
  process.stderr.write('usage: check.js FILE.tsv [--overrides FILE.json]\n');
  process.exit(2);
}

const errors = [];
const err = (line, msg) => errors.push(file + ':' + line + ': ' + msg);

const buf = fs.readFileSync(file);
const text = buf.toString('utf8');
if (Buffer.compare(Buffer.from(text, 'utf8'), buf) !== 0) err(0, 'file is not valid UTF-8');

const regions = new Map();
const cities = new Map();
const districts = new Map();
let country = null;

const isInt = (s) => /^[1-9][0-9]*$/.test(s);
const num = (s) => (/^-?[0-9]+(\.[0-9]+)?$/.test(s) ? Number(s) : NaN);

text.split('\n').forEach((line, idx) => {
  const n = idx + 1;
  if (line === '') return;
  if (line.startsWith('#')) {
    const m = /country=([A-Z]{2})/.exec(line);
    if (m) country = m[1];
    return;
  }
  const f = line.split('\t');
  const want = { R: 6, C: 9, D: 6 }[f[0]];
  if (!want) return err(n, 'unknown row kind ' + JSON.stringify(f[0]));
  if (f.length !== want) return err(n, f[0] + ' row needs ' + want + ' fields, has ' + f.length);
  if (!isInt(f[1])) return err(n, 'bad id ' + JSON.stringify(f[1]));
  const id = Number(f[1]);
  let lat;
  let lon;
  if (f[0] === 'R') {
    if (regions.has(id)) err(n, 'duplicate region id ' + id);
    if (!f[3]) err(n, 'empty region name');
    lat = num(f[4]); lon = num(f[5]);
    regions.set(id, { n, code: f[2], name: f[3], lat, lon });
  } else if (f[0] === 'C') {
    if (cities.has(id)) err(n, 'duplicate city id ' + id);
    if (!isInt(f[2]) || !regions.has(Number(f[2]))) err(n, 'city refers to unknown region ' + f[2]);
    if (!f[3]) err(n, 'empty city name');
    if (!/^[0-9]+$/.test(f[8])) err(n, 'bad population ' + JSON.stringify(f[8]));
    lat = num(f[6]); lon = num(f[7]);
    cities.set(id, { n, region: Number(f[2]), name: f[3], lat, lon });
  } else {
    if (districts.has(id)) err(n, 'duplicate district id ' + id);
    if (!isInt(f[2]) || !cities.has(Number(f[2]))) err(n, 'district refers to unknown city ' + f[2]);
    if (!f[3]) err(n, 'empty district name');
    lat = num(f[4]); lon = num(f[5]);
    districts.set(id, { n, city: Number(f[2]), name: f[3], lat, lon });
  }
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) err(n, 'bad latitude');
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) err(n, 'bad longitude');
});

if (regions.size === 0) err(0, 'no regions');
if (cities.size === 0) err(0, 'no cities');

// Same name twice in one region and county is almost certainly a duplicate.
{
  const seen = new Map();
  for (const c of cities.values()) {
    const k = c.region + '\t' + c.name + '\t' + c.lat.toFixed(2) + '\t' + c.lon.toFixed(2);
    if (seen.has(k)) err(c.n, 'duplicate city ' + c.name + ' (line ' + seen.get(k) + ')');
    seen.set(k, c.n);
  }
}

if (!overridesFile && country) {
  const def = path.join(__dirname, country.toLowerCase() + '.json');
  if (fs.existsSync(def)) overridesFile = def;
}
const ov = overridesFile ? JSON.parse(fs.readFileSync(overridesFile, 'utf8')) : {};
const inBox = (b, lat, lon) => lat >= b.lat_min && lat <= b.lat_max && lon >= b.lon_min && lon <= b.lon_max;

if (ov.bbox) {
  for (const [kind, map] of [['region', regions], ['city', cities], ['district', districts]]) {
    for (const x of map.values()) {
      if (!inBox(ov.bbox, x.lat, x.lon)) err(x.n, kind + ' ' + x.name + ' outside the country box');
    }
  }
}
const regionBoxes = ov.region_bboxes || {};
for (const [name, box] of Object.entries(regionBoxes)) {
  const r = [...regions.entries()].find(([, v]) => v.name === name);
  if (!r) {
    err(0, 'region ' + name + ' (from the overrides) missing');
    continue;
  }
  let count = 0;
  for (const c of cities.values()) {
    if (c.region !== r[0]) continue;
    count++;
    if (!inBox(box, c.lat, c.lon)) err(c.n, 'city ' + c.name + ' outside the box of region ' + name);
  }
  if (count === 0) err(r[1].n, 'region ' + name + ' has no cities');
}

// A district more than 25 km from its city centre is misplaced.
const km = (a, b) => {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
};
for (const d of districts.values()) {
  const c = cities.get(d.city);
  if (c && km(c, d) > 25) err(d.n, 'district ' + d.name + ' is ' + km(c, d).toFixed(1) + ' km from ' + c.name);
}

if (errors.length) {
  process.stderr.write(errors.slice(0, 50).join('\n') + '\n');
  if (errors.length > 50) process.stderr.write('... ' + (errors.length - 50) + ' more\n');
  process.stderr.write('check: ' + file + ': ' + errors.length + ' error(s)\n');
  process.exit(1);
}
process.stdout.write('check: ' + file + ': ok, ' + regions.size + ' regions, ' + cities.size
  + ' cities, ' + districts.size + ' districts\n');
