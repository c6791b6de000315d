'use strict';
// Checks Wallapop Connect responses against Wallapop's OpenAPI documents
// (../shared/specs/wallapop-items.yaml and wallapop-webhooks.yaml from the
// repo root), with the checker the other faces use (olx-schema.js): the same
// rules for a missing document (a failure under CI, a loud skip elsewhere)
// and schemas resolved through each document's $refs. The documents' server
// carries no path prefix: the items API answers at /items, the webhooks API
// at /webhooks. The sign-in endpoints (the realm's paths) are in neither
// document; tests check those bodies themselves.

const path = require('node:path');
const { createChecker, specSkipReason } = require('./olx-schema');

const SPECS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'specs');
const ITEMS_SPEC_PATH = path.join(SPECS, 'wallapop-items.yaml');
const WEBHOOKS_SPEC_PATH = path.join(SPECS, 'wallapop-webhooks.yaml');

const options = (label, nullable = []) => ({ label, media: ['application/json'], basePath: '', refs: true,
	envelope: false, nullsFromExamples: false, nullable });
// A root category's parent_id: "It returns `null` if the category is a
// root-level category", in the property's own description, typed integer
// without `nullable`.
const items = createChecker(ITEMS_SPEC_PATH, options('Wallapop items',
	['#/components/schemas/Category/properties/parent_id']));
const webhooks = createChecker(WEBHOOKS_SPEC_PATH, options('Wallapop webhooks'));

function bare(p) {
	return p.split('?')[0];
}

function isWallapopItemsPath(p) {
	const b = bare(p);
	return b === '/items' || b.startsWith('/items/');
}

function isWallapopWebhooksPath(p) {
	const b = bare(p);
	return b === '/webhooks' || b.startsWith('/webhooks/');
}

function isWallapopPath(p) {
	return isWallapopItemsPath(p) || isWallapopWebhooksPath(p);
}

// A response of either document; paths of neither are left alone.
function checkWallapop(method, reqPath, status, body) {
	if (isWallapopItemsPath(reqPath)) items.check(method, reqPath, status, body);
	else if (isWallapopWebhooksPath(reqPath)) webhooks.check(method, reqPath, status, body);
}

module.exports = {
	ITEMS_SPEC_PATH,
	WEBHOOKS_SPEC_PATH,
	isWallapopPath,
	isWallapopItemsPath,
	isWallapopWebhooksPath,
	checkWallapop,
	// A body against a component of a document: Error, Image, the delivery's
	// event type.
	checkWallapopItemsComponent: items.checkComponent,
	checkWallapopWebhooksComponent: webhooks.checkComponent,
	matchWallapopItemsPath: items.match,
	matchWallapopWebhooksPath: webhooks.match,
	wallapopSpecSkipReason: () => specSkipReason(ITEMS_SPEC_PATH, 'Wallapop items') ||
		specSkipReason(WEBHOOKS_SPEC_PATH, 'Wallapop webhooks'),
};
