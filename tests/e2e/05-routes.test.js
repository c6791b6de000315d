'use strict';
// The route table against the OLX document: every OLX route souk serves is
// an operation of the document, asks for the scopes the document names, and
// the share of the document's operations served is reported.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const yaml = require('js-yaml');
const { runSouk } = require('./lib/server');
const { SPEC_PATH, matchOlxPath, olxOperations, specSkipReason } = require('./lib/olx-schema');

const skip = specSkipReason();

function routes() {
	const r = runSouk(['routes']);
	assert.strictEqual(r.status, 0, r.stderr);
	return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

test('souk routes lists the table; operator routes need a key, OLX routes a scope', () => {
	const all = routes();
	assert.ok(all.length > 40);
	for (const r of all) {
		if (r.path.startsWith('/api/admin')) assert.strictEqual(r.auth, 'operator', r.path);
		if (r.face === 'olx') {
			assert.ok(r.path.startsWith('/api/partner/'), r.path);
			assert.match(r.scopes, /\bv2\b/, r.path);
			assert.notStrictEqual(r.auth, 'public', r.path);
		}
	}
});

test('every OLX route is a documented operation with the documented scopes', { skip }, (t) => {
	const doc = yaml.load(fs.readFileSync(SPEC_PATH, 'utf8'));
	const served = new Set();
	for (const r of routes().filter((x) => x.face === 'olx')) {
		const concrete = r.path.replace(/\{[^}]+\}/g, '1');
		const m = matchOlxPath(concrete);
		assert.ok(m, `${r.method} ${r.path} is not in the OLX document`);
		const op = doc.paths[m.template][r.method.toLowerCase()];
		assert.ok(op, `${r.method} ${m.template} is not in the OLX document`);
		// A few operations document no security at all; souk asks for the
		// same token and scopes as their neighbours there.
		const want = ((op.security || [])[0] || {}).access_token;
		if (want) assert.deepStrictEqual(r.scopes.split(' ').sort(), [...want].sort(), `${r.method} ${m.template} scopes`);
		served.add(`${r.method} ${m.template}`);
	}
	const ops = olxOperations();
	t.diagnostic(`OLX operations served: ${served.size} of ${ops.length}`);
	t.diagnostic(`not yet: ${ops.filter((o) => !served.has(o)).join(', ')}`);
	assert.ok(served.size >= 55, `only ${served.size} operations served: one was lost`);
});
