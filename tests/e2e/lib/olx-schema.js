'use strict';
// Checks OLX Partner API responses against the published OpenAPI document.
//
// The document lives outside the repo (../shared/specs from the repo root) and
// is not copied in. When it is absent: under CI (CI=true) every check fails,
// since a CI run without it would pass without checking anything; elsewhere
// the checks are skipped with a loud notice on stderr, so the suite still
// runs on a bare checkout but nobody mistakes that run for a checked one.
//
// Five rules bridge the gap between the document and live OLX:
//  - live OLX wraps every payload in {"data": ...} while most documented
//    schemas show the bare object or array: when the schema has no top-level
//    `data` property and the body has one, the checker validates body.data;
//  - formats are not validated: the document says `format: date-time` but its
//    own examples (and OLX) use "2018-01-30 08:26:36", which is not RFC 3339;
//  - a property the document's own example shows as null may be null (the
//    attribute example writes `unit`, `validation.min` and `max` as null while
//    typing them string, integer and string, without `nullable`). Nothing
//    else becomes nullable: a null the examples never show still fails;
//  - a schema that says `type: object` with no properties while its own
//    example is a list (billing, prepaid and postpaid invoices) describes
//    that list: an array of objects whose fields, where present, have the
//    types of the example's first item;
//  - an error answer the document types as a list of error objects (the
//    400s of /packets, /zones and /users/me/packets) may be the error
//    object alone: seed 001's "Payment errors" show live OLX answering
//    {"error": {...}}, as on every other path.
//
// createChecker(specPath, options) serves other faces' documents too (see
// allegro-schema.js): their media type, a document with $refs, no envelope.

const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const Ajv = require('ajv');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SPEC_PATH = path.join(REPO_ROOT, '..', 'shared', 'specs', 'olx-partner-api.yaml');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const BODY_SHOWN = 2000; // characters of a failing body put in the message

// One compiled route table per template: literal segments outrank `{param}`
// segments, so /users/me wins over /users/{id} and /categories/suggestion over
// /categories/{categoryId}.
function compileTemplate(template) {
	const names = [];
	const segs = template.split('/').filter(Boolean);
	const src = segs.map((s) => {
		const m = /^\{([^}]+)\}$/.exec(s);
		if (m) { names.push(m[1]); return '([^/]+)'; }
		return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}).join('/');
	// rank: one digit per segment, 1 for literal, 0 for param; compared as strings
	const rank = segs.map((s) => (s.startsWith('{') ? '0' : '1')).join('');
	return { template, names, rank, re: new RegExp('^/' + src + '/?$') };
}

// Tests send malformed escapes on purpose; keep the raw text rather than throw.
function safeDecode(s) {
	try { return decodeURIComponent(s); } catch { return s; }
}

function inCi() {
	return /^(1|true|yes)$/i.test(process.env.CI || '');
}

function missingInCi(specPath, label = 'OLX') {
	return new assert.AssertionError({
		message: `${label.toLowerCase()}-schema: the ${label} document ${specPath} is missing and CI is set: ` +
			`a CI run must check every ${label} response, so it fails instead of skipping the checks`,
		operator: `check${label}`,
	});
}

// For tests that need the document itself: false when it is there, a skip
// reason (after the loud notice) when it is not, and a failure under CI.
function specSkipReason(specPath = SPEC_PATH, label = 'OLX') {
	if (fs.existsSync(specPath)) return false;
	if (inCi()) throw missingInCi(specPath, label);
	warnSkipped(specPath, label);
	return `${label} document not found at ${specPath}: NOT CHECKED`;
}

function warnSkipped(specPath, label = 'OLX') {
	const bar = '!'.repeat(72);
	process.stderr.write(`${bar}\n!! ${label.toLowerCase()}-schema: ${specPath} not found.\n` +
		`!! ${label} responses in this run are NOT checked against the ${label} document.\n` +
		`!! (Under CI=true this is a failure.)\n${bar}\n`);
}

// JSON pointer escaping (RFC 6901) of one reference token.
function pointerToken(s) {
	return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

// A copy of schema in which every property that the example in force (the
// schema's own, else the part of an enclosing example that describes it)
// shows as null also accepts null.
function nullableFromExamples(schema, example) {
	if (!schema || typeof schema !== 'object') return schema;
	const out = Array.isArray(schema) ? schema.slice() : { ...schema };
	const ex = schema.example !== undefined ? schema.example : example;
	if (out.properties && typeof out.properties === 'object') {
		const exObj = ex && typeof ex === 'object' && !Array.isArray(ex) ? ex : {};
		out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => {
			const child = nullableFromExamples(v, exObj[k]);
			return [k, exObj[k] === null ? { anyOf: [child, { type: 'null' }] } : child];
		}));
	}
	if (out.items) out.items = nullableFromExamples(out.items, Array.isArray(ex) ? ex[0] : undefined);
	return out;
}

// The fourth bridge above: the list a bare-object schema's example shows.
function listFromExample(schema) {
	if (!schema || schema.type !== 'object' || schema.properties || !Array.isArray(schema.example)) return schema;
	const item = schema.example[0] || {};
	const typeOf = (v) => (v instanceof Date ? 'string' : typeof v === 'number' ? 'number' : typeof v);
	return { type: 'array', items: { type: 'object',
		properties: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, { type: typeOf(v) }])) } };
}

// The fifth bridge: a list of error objects, or one.
function errorAlone(schema) {
	const items = schema && schema.type === 'array' && schema.items;
	const isError = items && items.properties && items.properties.error && (items.required || []).includes('error');
	return isError ? { anyOf: [schema, items] } : schema;
}

// OpenAPI 3.0 writes `nullable: true` beside allOf/$ref without a `type`
// (Allegro's document does, often); Ajv refuses that, so such a schema
// becomes "it, or null".
function nullableWithoutType(node) {
	if (Array.isArray(node)) return node.map(nullableWithoutType);
	if (!node || typeof node !== 'object') return node;
	const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nullableWithoutType(v)]));
	if (out.nullable === true && out.type === undefined) {
		delete out.nullable;
		return { anyOf: [out, { type: 'null' }] };
	}
	return out;
}

// options (defaults are OLX's):
//  - label: the face's name in messages;
//  - media: the response media types to look for, in order;
//  - basePath: the servers' path prefix; undefined: read from servers[0];
//  - refs: the document's schemas use $ref: compile against the whole document;
//  - envelope: bodies may come wrapped in {"data": ...} (OLX);
//  - nullsFromExamples: the OLX bridge above;
//  - nullable: JSON pointers ("#/components/schemas/CategoryDto/properties/parent")
//    to schemas of the document that also accept null, where the live API
//    writes null and the document forgot to say so.
function createChecker(specPath = SPEC_PATH, options = {}) {
	const opt = { label: 'OLX', media: ['application/json'], basePath: undefined, refs: false,
		envelope: true, nullsFromExamples: true, nullable: [], corrections: [], ...options };
	let spec = null;      // parsed document, null when absent
	let base = '';        // server base path, e.g. /api/partner
	let routes = [];      // compiled templates, best match first
	let loaded = false;
	let skipNoticed = false;
	const validators = new Map();
	const seen = new Map(); // "GET /template" -> {count, statuses:{}}
	// A whole OpenAPI document is no JSON Schema: it is added unchecked.
	const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: !opt.refs });

	// Throws on every call, not only the first, while the document is
	// missing under CI: no later check may pass by finding the cache empty.
	function load() {
		if (!loaded) {
			loaded = true;
			if (fs.existsSync(specPath)) parse();
		}
		if (!spec && inCi()) throw missingInCi(specPath, opt.label);
		return spec;
	}

	function parse() {
		spec = yaml.load(fs.readFileSync(specPath, 'utf8'));
		const server = spec.servers && spec.servers[0] && spec.servers[0].url;
		if (opt.basePath !== undefined) base = opt.basePath;
		else base = server ? new URL(server).pathname.replace(/\/$/, '') : '';
		for (const ptr of opt.nullable) {
			const parts = ptr.replace(/^#\//, '').split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
			const parent = parts.slice(0, -1).reduce((o, k) => (o ? o[k] : undefined), spec);
			const key = parts[parts.length - 1];
			if (!parent || !parent[key]) throw new Error(`${opt.label} checker: ${ptr} is not in the document`);
			parent[key] = { anyOf: [parent[key], { type: 'null' }] };
		}
		for (const c of opt.corrections) {
			const parts = c.pointer.replace(/^#\//, '').split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
			const parent = parts.slice(0, -1).reduce((o, k) => (o ? o[k] : undefined), spec);
			const key = parts[parts.length - 1];
			if (!parent || !parent[key]) throw new Error(`${opt.label} checker: ${c.pointer} is not in the document`);
			parent[key] = c.schema;
		}
		if (opt.refs) ajv.addSchema(nullableWithoutType(spec), 'doc');
		routes = Object.keys(spec.paths).map(compileTemplate);
		routes.sort((a, b) => (a.rank.length - b.rank.length) || (a.rank < b.rank ? 1 : a.rank > b.rank ? -1 : 0));
	}

	// Concrete request path (with the /api/partner base, query allowed) ->
	// {template, params} or null when no documented path matches.
	function match(reqPath) {
		if (!load()) return null;
		let p = reqPath.split('?')[0];
		if (!p.startsWith(base + '/')) return null;
		p = p.slice(base.length);
		for (const r of routes) {
			const m = r.re.exec(p);
			if (!m) continue;
			const params = {};
			r.names.forEach((n, i) => { params[n] = safeDecode(m[i + 1]); });
			return { template: r.template, params };
		}
		return null;
	}

	// The response schema, or null; with refs, a $ref into the document.
	function schemaFor(method, template, status) {
		const op = spec.paths[template][method.toLowerCase()];
		const resp = op && op.responses && op.responses[String(status)];
		const type = resp && resp.content && opt.media.find((m) => resp.content[m]);
		const media = type && resp.content[type];
		if (!media || !media.schema) return null;
		if (!opt.refs) return media.schema;
		return { $ref: 'doc#/' + ['paths', template, method.toLowerCase(), 'responses', String(status),
			'content', type, 'schema'].map(pointerToken).join('/') };
	}

	function record(method, template, status, outcome) {
		const key = method.toUpperCase() + ' ' + template;
		const e = seen.get(key) || { count: 0, statuses: {} };
		e.count++;
		const s = (e.statuses[status] = e.statuses[status] || { valid: 0, invalid: 0, unchecked: 0 });
		s[outcome]++;
		seen.set(key, e);
	}

	function check(method, reqPath, status, body) {
		if (!load()) {
			if (!skipNoticed) {
				skipNoticed = true;
				warnSkipped(specPath, opt.label);
			}
			return;
		}
		const hit = match(reqPath);
		if (!hit) return;
		const schema = schemaFor(method, hit.template, status);
		if (!schema) { record(method, hit.template, status, 'unchecked'); return; }
		const key = `${method.toUpperCase()} ${hit.template} ${status}`;
		let validate = validators.get(key);
		if (!validate) {
			validate = ajv.compile(opt.nullsFromExamples ? nullableFromExamples(errorAlone(listFromExample(schema))) : schema);
			validators.set(key, validate);
		}
		const documentsEnvelope = !opt.envelope || !!(schema.properties && schema.properties.data);
		const isEnvelope = body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body;
		const payload = !documentsEnvelope && isEnvelope ? body.data : body;
		if (validate(payload)) { record(method, hit.template, status, 'valid'); return; }
		record(method, hit.template, status, 'invalid');
		const shown = JSON.stringify(body, null, 1);
		throw new assert.AssertionError({
			message: `${opt.label} schema mismatch for ${key} (request ${method.toUpperCase()} ${reqPath}):\n` +
				ajv.errorsText(validate.errors, { separator: '\n', dataVar: documentsEnvelope || !isEnvelope ? 'body' : 'body.data' }) +
				'\nerrors: ' + JSON.stringify(validate.errors) +
				'\nbody: ' + (shown.length > BODY_SHOWN ? shown.slice(0, BODY_SHOWN) + '…' : shown),
			actual: payload,
			expected: schema,
			operator: `check${opt.label}`,
		});
	}

	// A body against one of the document's components (refs only): for
	// answers the document gives no schema for, such as a 406 or 415.
	const components = new Map();
	function checkComponent(name, body) {
		if (!components.has(name)) components.set(name, { $ref: 'doc#/components/schemas/' + pointerToken(name) });
		checkSchema(components.get(name), body, `component ${name}`);
	}

	// A body against a schema of the caller's that may $ref the document's
	// components ("doc#/components/schemas/..."), for answers whose path the
	// document no longer lists; `what` names it in the failure.
	function checkSchema(schema, body, what) {
		if (!load()) {
			if (!skipNoticed) {
				skipNoticed = true;
				warnSkipped(specPath, opt.label);
			}
			return;
		}
		let validate = validators.get(schema);
		if (!validate) {
			validate = ajv.compile(schema);
			validators.set(schema, validate);
		}
		if (validate(body)) return;
		const shown = JSON.stringify(body, null, 1);
		throw new assert.AssertionError({
			message: `${opt.label} schema mismatch for ${what}:\n` +
				ajv.errorsText(validate.errors, { separator: '\n', dataVar: 'body' }) +
				'\nbody: ' + (shown.length > BODY_SHOWN ? shown.slice(0, BODY_SHOWN) + '…' : shown),
			actual: body, expected: schema, operator: `check${opt.label}`,
		});
	}

	// Every documented operation, as "METHOD /template", for coverage reports.
	function operations() {
		if (!load()) return [];
		const out = [];
		for (const t of Object.keys(spec.paths))
			for (const m of Object.keys(spec.paths[t]))
				if (METHODS.includes(m)) out.push(m.toUpperCase() + ' ' + t);
		return out;
	}

	function coverage() {
		return Object.fromEntries([...seen].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));
	}

	return {
		get available() { return !!load(); },
		get basePath() { load(); return base; },
		specPath, match, check, checkComponent, checkSchema, operations, coverage,
	};
}

// Where the OLX document contradicts itself. GET and PUT /users-business/me
// share one schema (a YAML alias), so one correction serves both.
const OLX_CORRECTIONS = [{
	pointer: '#/paths/~1users-business~1me/get/responses/200/content/application~1json/schema/properties/banner/properties/url',
	schema: { type: 'string' },
	why: 'banner.url is typed object, but its example is a URL string, as logo.url and every other URL of the document',
}];

const defaultChecker = createChecker(SPEC_PATH, { corrections: OLX_CORRECTIONS });

// Test files run in separate processes; with SOUK_OLX_COVERAGE_DIR set each one
// leaves its share of the coverage record there for a report to merge.
process.on('exit', () => {
	const dir = process.env.SOUK_OLX_COVERAGE_DIR;
	const cov = defaultChecker.coverage();
	if (!dir || Object.keys(cov).length === 0) return;
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `olx-coverage-${process.pid}.json`), JSON.stringify(cov, null, 1));
});

module.exports = {
	SPEC_PATH,
	OLX_CORRECTIONS,
	nullableFromExamples,
	createChecker,
	specSkipReason,
	checkOlx: defaultChecker.check,
	matchOlxPath: defaultChecker.match,
	olxOperations: defaultChecker.operations,
	olxCoverage: defaultChecker.coverage,
	olxSpecAvailable: () => defaultChecker.available,
};
