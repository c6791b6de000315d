#!/usr/bin/env node
// Validate data/categories.json and data/reference.json (format: docs/DATA.md).
//
//   node tools/places/check-categories.js [data/categories.json] [data/reference.json]
//
// Exits 1 when anything is wrong, listing every problem found.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const catFile = process.argv[2] || path.join(root, 'data', 'categories.json');
const refFile = process.argv[3] || path.join(root, 'data', 'reference.json');

const errors = [];
const err = (where, msg) => errors.push(where + ': ' + msg);

function load(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    err(file, 'cannot read: ' + e.message);
    return null;
  }
}

const isObj = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
const isPosInt = (x) => Number.isInteger(x) && x > 0;
const nonEmpty = (x) => typeof x === 'string' && x.trim() !== '';

function checkLabels(where, label, langs) {
  if (!isObj(label)) return err(where, 'must be an object with one text per language');
  for (const l of langs) if (!nonEmpty(label[l])) err(where, 'missing "' + l + '" text');
  for (const k of Object.keys(label)) if (!langs.includes(k)) err(where, 'unknown language "' + k + '"');
}

const VALIDATION_KEYS = ['type', 'required', 'numeric', 'min', 'max', 'allow_multiple_values', 'decimals'];
const ATTR_KEYS = ['code', 'label', 'unit', 'validation', 'values'];

function checkAttribute(where, a, langs) {
  if (!isObj(a)) return err(where, 'attribute must be an object');
  for (const k of Object.keys(a)) if (!ATTR_KEYS.includes(k)) err(where, 'unknown key "' + k + '"');
  if (typeof a.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(a.code)) err(where, 'bad code ' + JSON.stringify(a.code));
  checkLabels(where + '.label', a.label, langs);
  if (a.unit !== null && !nonEmpty(a.unit)) err(where, 'unit must be null or a non-empty string');
  const v = a.validation;
  if (!isObj(v)) return err(where, 'validation missing');
  for (const k of VALIDATION_KEYS) if (!(k in v)) err(where, 'validation.' + k + ' missing');
  for (const k of Object.keys(v)) if (!VALIDATION_KEYS.includes(k)) err(where, 'unknown validation key "' + k + '"');
  if (!['salary', 'price', 'attribute'].includes(v.type)) err(where, 'validation.type must be salary, price or attribute');
  for (const k of ['required', 'numeric', 'allow_multiple_values']) {
    if (typeof v[k] !== 'boolean') err(where, 'validation.' + k + ' must be a boolean');
  }
  for (const k of ['min', 'max']) {
    if (v[k] !== null && !Number.isInteger(v[k])) err(where, 'validation.' + k + ' must be null or an integer');
    if (v[k] !== null && !v.numeric) err(where, 'validation.' + k + ' set on a non-numeric attribute');
  }
  if (Number.isInteger(v.min) && Number.isInteger(v.max) && v.min > v.max) err(where, 'min > max');
  if (!Number.isInteger(v.decimals) || v.decimals < 0 || v.decimals > 6) err(where, 'validation.decimals must be an integer from 0 to 6');
  else if (v.decimals > 0 && (!v.numeric || v.type !== 'attribute')) err(where, 'decimals set on a non-numeric attribute or a price or salary');
  if (v.type === 'price' && (a.code !== 'price' || !v.numeric)) err(where, 'price-type attribute must be the numeric "price"');
  if (v.type === 'salary' && (a.code !== 'salary' || !v.numeric)) err(where, 'salary-type attribute must be the numeric "salary"');
  if (!Array.isArray(a.values)) return err(where, 'values must be an array');
  if (a.values.length > 0 && v.numeric) err(where, 'numeric attribute with a list of values');
  if (v.allow_multiple_values && a.values.length === 0) err(where, 'allow_multiple_values without a list of values');
  const codes = new Set();
  a.values.forEach((x, i) => {
    const w = where + '.values[' + i + ']';
    if (!isObj(x) || !nonEmpty(x.code)) return err(w, 'value needs a code');
    if (codes.has(x.code)) err(w, 'duplicate value code ' + x.code);
    codes.add(x.code);
    checkLabels(w + '.label', x.label, langs);
    for (const k of Object.keys(x)) if (!['code', 'label'].includes(k)) err(w, 'unknown key "' + k + '"');
  });
}

function checkCategories(doc) {
  if (!isObj(doc)) return;
  if (doc.format !== 'souk-categories' || doc.version !== 1) err(catFile, 'format/version must be souk-categories/1');
  const langs = doc.languages;
  if (!Array.isArray(langs) || !langs.includes('pl') || !langs.includes('en')) {
    err(catFile, 'languages must include pl and en');
    return;
  }
  if (!Array.isArray(doc.categories) || doc.categories.length === 0) return err(catFile, 'no categories');
  const byId = new Map();
  for (const c of doc.categories) {
    const where = 'category ' + (c && c.id);
    if (!isObj(c) || !isPosInt(c.id)) {
      err(catFile, 'category without a positive integer id');
      continue;
    }
    if (byId.has(c.id)) err(where, 'duplicate id');
    byId.set(c.id, c);
    checkLabels(where + '.name', c.name, langs);
    if (!Number.isInteger(c.photos_limit) || c.photos_limit < 0) err(where, 'photos_limit must be an integer >= 0');
    if (typeof c.is_leaf !== 'boolean') err(where, 'is_leaf must be a boolean');
    if (!isObj(c.keywords)) err(where, 'keywords missing');
    if (!Array.isArray(c.attributes)) err(where, 'attributes must be an array');
  }
  const children = new Map();
  for (const c of byId.values()) {
    const where = 'category ' + c.id;
    if (c.parent_id !== null) {
      if (!byId.has(c.parent_id)) err(where, 'parent ' + c.parent_id + ' does not exist');
      if (!children.has(c.parent_id)) children.set(c.parent_id, []);
      children.get(c.parent_id).push(c);
    }
    // Depth and cycles.
    let depth = 1;
    let p = c.parent_id;
    const seen = new Set([c.id]);
    while (p !== null && byId.has(p)) {
      if (seen.has(p)) {
        err(where, 'cycle in parents');
        break;
      }
      seen.add(p);
      depth++;
      p = byId.get(p).parent_id;
    }
    if (depth > 3) err(where, 'tree deeper than 3 levels');
  }
  for (const c of byId.values()) {
    const where = 'category ' + c.id;
    const hasChildren = children.has(c.id);
    if (c.is_leaf === hasChildren) err(where, 'is_leaf is ' + c.is_leaf + ' but it has ' + (hasChildren ? '' : 'no ') + 'children');
    if (!isObj(c.keywords) || !Array.isArray(c.attributes)) continue;
    for (const l of langs) {
      const kw = c.keywords[l];
      if (!Array.isArray(kw)) {
        err(where, 'keywords.' + l + ' must be an array');
        continue;
      }
      if (c.is_leaf && kw.length === 0) err(where, 'leaf without ' + l + ' keywords');
      if (!c.is_leaf && kw.length > 0) err(where, 'keywords on a non-leaf category');
      const s = new Set();
      for (const k of kw) {
        if (!nonEmpty(k) || k !== k.toLowerCase()) err(where, 'keyword must be non-empty lower case: ' + JSON.stringify(k));
        if (s.has(k)) err(where, 'duplicate keyword ' + k);
        s.add(k);
      }
    }
    if (!c.is_leaf && c.attributes.length > 0) err(where, 'attributes on a non-leaf category');
    if (c.is_leaf && c.attributes.length === 0) err(where, 'leaf without attributes');
    const codes = new Set();
    let priced = 0;
    c.attributes.forEach((a, i) => {
      checkAttribute(where + ' attribute ' + ((a && a.code) || i), a, langs);
      if (a && codes.has(a.code)) err(where, 'duplicate attribute code ' + a.code);
      if (a) codes.add(a.code);
      if (a && a.validation && (a.validation.type === 'price' || a.validation.type === 'salary')) priced++;
    });
    if (priced > 1) err(where, 'more than one price/salary attribute');
  }

  // Facts the OLX documentation examples rely on.
  const expect = (id, pl, parent, photos) => {
    const c = byId.get(id);
    if (!c) return err('category ' + id, 'missing (used by the API examples)');
    if (c.name.pl !== pl || c.parent_id !== parent || c.photos_limit !== photos || !c.is_leaf) {
      err('category ' + id, 'must be the leaf "' + pl + '", parent ' + parent + ', photos_limit ' + photos);
    }
  };
  expect(1755, 'Praca inżynieryjna, techniczna', 1447, 0);
  expect(1581, 'Bluzki i koszulki', 642, 8);
  const job = byId.get(1755);
  if (job) {
    const vals = (code) => {
      const a = job.attributes.find((x) => x.code === code);
      return a ? a.values.map((v) => v.code) : [];
    };
    const need = { type: ['fulltime', 'parttime'], contract: ['contract'], manager: ['0', '1'], remote_recruitment: ['0', '1'] };
    for (const [code, want] of Object.entries(need)) {
      for (const w of want) if (!vals(code).includes(w)) err('category 1755', 'attribute ' + code + ' lacks value ' + w);
    }
    if (!job.attributes.some((a) => a.validation.type === 'salary')) err('category 1755', 'no salary attribute');
  }
  return byId;
}

function checkReference(doc) {
  if (!isObj(doc)) return;
  if (doc.format !== 'souk-reference' || doc.version !== 1) err(refFile, 'format/version must be souk-reference/1');
  for (const [key, keys, pattern] of [
    ['languages', ['code', 'is_default'], /^[a-z]{2}$/],
    ['currencies', ['code', 'label', 'is_default'], /^[A-Z]{3}$/],
  ]) {
    const list = doc[key];
    if (!Array.isArray(list) || list.length === 0) {
      err(refFile, key + ' missing');
      continue;
    }
    const codes = new Set();
    let defaults = 0;
    list.forEach((x, i) => {
      const where = refFile + ' ' + key + '[' + i + ']';
      if (!isObj(x)) return err(where, 'must be an object');
      for (const k of Object.keys(x)) if (!keys.includes(k)) err(where, 'unknown key "' + k + '"');
      if (typeof x.code !== 'string' || !pattern.test(x.code)) err(where, 'bad code ' + JSON.stringify(x.code));
      if (codes.has(x.code)) err(where, 'duplicate code ' + x.code);
      codes.add(x.code);
      if (typeof x.is_default !== 'boolean') err(where, 'is_default must be a boolean');
      if (x.is_default) defaults++;
      if (keys.includes('label') && !nonEmpty(x.label)) err(where, 'label missing');
    });
    if (defaults !== 1) err(refFile, key + ' must have exactly one default');
  }
  const langs = (doc.languages || []).map((x) => x.code);
  for (const l of ['pl', 'en', 'uk']) if (!langs.includes(l)) err(refFile, 'language ' + l + ' missing');
  const curs = (doc.currencies || []).map((x) => x.code);
  for (const c of ['PLN', 'EUR', 'USD', 'UAH']) if (!curs.includes(c)) err(refFile, 'currency ' + c + ' missing');
}

const byId = checkCategories(load(catFile));
checkReference(load(refFile));

if (errors.length) {
  process.stderr.write(errors.join('\n') + '\ncheck-categories: ' + errors.length + ' error(s)\n');
  process.exit(1);
}
const all = [...byId.values()];
process.stdout.write('check-categories: ok, ' + all.length + ' categories, '
  + all.filter((c) => c.is_leaf).length + ' leaves, '
  + all.filter((c) => c.parent_id === null).length + ' top-level\n');
