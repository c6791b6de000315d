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

// The whole offer of seed 002 §6-7 (POST /sale/offers, GET|PUT
// /sale/offers/{id}), which the 2026 document no longer lists: checked
// against the document's own offer components (SaleProductOfferResponseV1's
// parts, ImageUrl for the seed's {url} images). Every field is present; a
// part the seed's own draft shows as null may be null, and nothing else.
const doc = (name) => ({ $ref: `doc#/components/schemas/${name}` });
const orNull = (schema) => ({ anyOf: [schema, { type: 'null' }] });
const NULL_PARTS = ['ean', 'compatibilityList', 'stock', 'delivery', 'afterSalesServices', 'additionalServices',
	'sizeTable', 'fundraisingCampaign', 'promotion'];
const OFFER_SCHEMA = {
	type: 'object',
	required: ['id', 'name', 'category', 'parameters', 'description', 'images', 'sellingMode', 'publication',
		'payments', 'location', 'external', 'attachments', 'contact', 'validation', 'createdAt', 'updatedAt',
		...NULL_PARTS],
	properties: {
		id: { type: 'string', pattern: '^[0-9]+$' },
		name: { type: 'string' },
		category: orNull(doc('OfferCategory')),
		parameters: { type: 'array', items: doc('ParameterProductOfferResponse') },
		description: orNull(doc('StandardizedDescription')),
		images: { type: 'array', items: { allOf: [doc('ImageUrl'), { required: ['url'] }] } },
		sellingMode: orNull(doc('SellingMode')),
		publication: {
			type: 'object', required: ['status'],
			properties: {
				status: doc('OfferStatus'), duration: orNull(doc('OfferDuration')),
				startingAt: orNull(doc('OfferStartingAt')), endingAt: orNull(doc('OfferEndingAt')),
			},
		},
		payments: orNull(doc('Payments')),
		// Seed 004: an empty field is there as null, not left out; each
		// member keeps the document's type and limits otherwise.
		location: orNull({ type: 'object', required: ['countryCode', 'province', 'city', 'postCode'],
			properties: Object.fromEntries(['countryCode', 'province', 'city', 'postCode'].map((k) =>
				[k, orNull({ $ref: `doc#/components/schemas/Location/properties/${k}` })])) }),
		external: orNull(doc('ExternalId')),
		attachments: { type: 'array' },
		contact: orNull(doc('Contact')),
		validation: { allOf: [doc('Validation'), { required: ['errors', 'validatedAt'],
			properties: { errors: { type: 'array', items: { required: ['code', 'message', 'path', 'userMessage'] } } } }] },
		createdAt: { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$' },
		updatedAt: { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$' },
		...Object.fromEntries(NULL_PARTS.map((k) => [k, { type: 'null' }])),
	},
};

// The document types each category parameter by a discriminator on `type`,
// which the response check does not follow: each one of a
// GET /sale/categories/{id}/parameters answer is checked against its own.
const PARAMETER_SCHEMA = { dictionary: 'Dictionary', integer: 'Integer', float: 'Float', string: 'String' };
function checkAllegroParameters(body) {
	for (const p of (body && body.parameters) || []) {
		if (!PARAMETER_SCHEMA[p.type]) throw new Error(`parameter ${p.id}: type ${p.type}`);
		checker.checkComponent(`${PARAMETER_SCHEMA[p.type]}CategoryParameter`, p);
	}
}

module.exports = {
	checkAllegroParameters,
	checkAllegroOffer: (body) => checker.checkSchema(OFFER_SCHEMA, body, 'the offer (seed 002 §6-7)'),
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
