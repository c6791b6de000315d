'use strict';
// The Allegro face's route table against Allegro's document: a route the
// document describes asks for what its `security` says (a path open to
// application tokens takes any token; one for users only asks for the
// user's scopes). Routes the 2026 document no longer lists (the draft
// offer resources) are reported, not failed.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const yaml = require('js-yaml');
const { runSouk } = require('./lib/server');
const { ALLEGRO_SPEC_PATH, allegroSpecSkipReason } = require('./lib/allegro-schema');

const skip = allegroSpecSkipReason();

function allegroRoutes() {
	const r = runSouk(['routes']);
	assert.strictEqual(r.status, 0, r.stderr);
	return r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.face === 'allegro');
}

// The document's path template for a route's ("{id}" and "{categoryId}"
// name the same segment).
function documented(doc, route) {
	const shape = (p) => p.replace(/\{[^}]+\}/g, '{}');
	const template = Object.keys(doc.paths).find((p) => shape(p) === shape(route.path));
	return template && doc.paths[template][route.method.toLowerCase()];
}

test('every Allegro route the document describes asks for the document\'s token kind and scopes', { skip }, (t) => {
	const doc = yaml.load(fs.readFileSync(ALLEGRO_SPEC_PATH, 'utf8'));
	const routes = allegroRoutes();
	assert.ok(routes.some((r) => r.path.startsWith('/sale/offer-contacts')), 'no contact routes');
	assert.ok(routes.some((r) => r.path.startsWith('/sale/categories')), 'no category routes');
	const undocumented = [];
	for (const r of routes) {
		const op = documented(doc, r);
		if (!op) {
			undocumented.push(`${r.method} ${r.path}`);
			continue;
		}
		const at = `${r.method} ${r.path}`;
		const security = op.security || doc.security || [];
		const forApps = security.find((s) => s['bearer-token-for-application']);
		const forUsers = security.find((s) => s['bearer-token-for-user']);
		assert.ok(forApps || forUsers, `${at}: the document names no bearer token`);
		if (forApps) {
			assert.strictEqual(r.auth, 'token', `${at}: application tokens are allowed`);
			assert.strictEqual(r.scopes, forApps['bearer-token-for-application'].join(' '), at);
		} else {
			assert.strictEqual(r.auth, 'user', `${at}: a user's token is needed`);
			assert.deepStrictEqual(r.scopes.split(' ').filter(Boolean).sort(),
				[...forUsers['bearer-token-for-user']].sort(), at);
		}
	}
	if (undocumented.length) t.diagnostic(`not in the 2026 document: ${undocumented.join(', ')}`);
});

// The versions a resource is served in: the vnd.allegro types of its
// request and answer bodies in the document.
function documentedMedia(op) {
	const types = new Set();
	const add = (content) => Object.keys(content || {}).map((t) => t.replace(/\s+/g, ''))
		.filter((t) => t.startsWith('application/vnd.allegro.')).forEach((t) => types.add(t));
	add(op.requestBody && op.requestBody.content);
	for (const r of Object.values(op.responses || {})) add(r.content);
	return [...types].sort();
}

test('every Allegro route takes the versions the document lists for it (public v1 where it lists none)', { skip }, () => {
	const doc = yaml.load(fs.readFileSync(ALLEGRO_SPEC_PATH, 'utf8'));
	const routes = allegroRoutes();
	for (const r of routes) {
		const op = documented(doc, r);
		// seed 002's draft resources, gone from the 2026 document, are public v1 in its examples
		const want = op && documentedMedia(op).length ? documentedMedia(op) : ['application/vnd.allegro.public.v1+json'];
		assert.deepStrictEqual([...r.media].sort(), want, `${r.method} ${r.path}`);
	}
});
