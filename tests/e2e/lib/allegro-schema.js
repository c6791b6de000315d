'use strict';
// Checks Allegro REST API responses against Allegro's OpenAPI document
// (../shared/specs/allegro-rest-api.yaml from the repo root), with the
// checker the OLX face uses (olx-schema.js): the same rules for a missing
// document (a failure under CI, a loud skip elsewhere), Allegro's media type,
// schemas resolved through the document's $refs, and `nullable` as the
// document writes it, plus the nulls seed 004 promises where the document
// has no `nullable` (below). The sign-in endpoints (/auth/oauth/*) are not in the
// document; tests check those bodies themselves.

const path = require('node:path');
const { createChecker, specSkipReason } = require('./olx-schema');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const ALLEGRO_SPEC_PATH = path.join(REPO_ROOT, '..', 'shared', 'specs', 'allegro-rest-api.yaml');
const ALLEGRO_MEDIA = 'application/vnd.allegro.public.v1+json';
const ALLEGRO_MEDIA_BETA = 'application/vnd.allegro.beta.v1+json';

// Seed 004: "Empty fields (with null value) are each time attached to the
// response". Where an empty field has a schema without `nullable`, it is
// listed here: a top-level category has no parent; a parameter's requiredIf
// and displayedIf are null when there is no condition (the document's own
// descriptions say so).
const NULLABLE = [
	'#/components/schemas/CategoryDto/properties/parent',
	'#/components/schemas/CategoryParameter/properties/requiredIf',
	'#/components/schemas/CategoryParameter/properties/displayedIf',
];

const checker = createChecker(ALLEGRO_SPEC_PATH, {
	label: 'Allegro', media: [ALLEGRO_MEDIA, 'application/json'], basePath: '', refs: true,
	envelope: false, nullsFromExamples: false, nullable: NULLABLE,
});

// Paths of the Allegro face (the document's servers carry no path prefix).
function isAllegroPath(p) {
	const bare = p.split('?')[0];
	return bare === '/me' || bare.startsWith('/sale/') || bare.startsWith('/pricing/');
}

module.exports = {
	ALLEGRO_SPEC_PATH,
	ALLEGRO_MEDIA,
	ALLEGRO_MEDIA_BETA,
	isAllegroPath,
	checkAllegro: checker.check,
	// A body against a component of the document: ErrorsHolder, AuthError.
	checkAllegroComponent: checker.checkComponent,
	matchAllegroPath: checker.match,
	allegroSpecSkipReason: () => specSkipReason(ALLEGRO_SPEC_PATH, 'Allegro'),
};
