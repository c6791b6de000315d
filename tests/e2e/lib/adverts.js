'use strict';
// What the advert tests share: a seller with a user token, a valid advert
// body for the demo categories, an operator key, a local image server, and
// polling for the job runner's decisions.

const assert = require('node:assert');
const http = require('node:http');
const { makeApp, makeUser, codeGrant } = require('./oauth-flow');
const { patience } = require('./patience');

// Demo data (data/categories.json, data/places/pl.tsv) the tests lean on.
const DATA = {
	leaf: 1581,		// Bluzki i koszulki: price, state, size required; 8 photos
	parent: 642,		// Odzież damska: not a leaf
	job: 1755,		// Praca inżynieryjna, techniczna: salary, no photos
	warsaw: 1394,
	warsawDistrict: 32,	// Bemowo
	krakow: 851,
	otherCityDistrict: 2,	// Fabryczna, Wrocław
};

function advertBody(over = {}) {
	return {
		title: 'Bluzka damska bawełniana rozmiar M',
		description: 'Bluzka w bardzo dobrym stanie, noszona kilka razy, bez plam i dziur. Kolor czarny, bawełna 100%, rozmiar M.',
		category_id: DATA.leaf,
		advertiser_type: 'private',
		contact: { name: 'Anna', phone: '600100200' },
		location: { city_id: DATA.warsaw, district_id: DATA.warsawDistrict, latitude: 52.2546, longitude: 20.9084 },
		price: { value: 49.99, currency: 'PLN', negotiable: true },
		attributes: [{ code: 'state', value: 'used' }, { code: 'size', value: 'm' }],
		...over,
	};
}

function jobBody(over = {}) {
	return {
		title: 'Inżynier automatyk praca w Krakowie',
		description: 'Szukamy inżyniera automatyka do zespołu utrzymania ruchu. Oferujemy umowę o pracę, szkolenia i prywatną opiekę medyczną.',
		category_id: DATA.job,
		advertiser_type: 'business',
		contact: { name: 'Dział HR' },
		location: { city_id: DATA.krakow },
		salary: { value_from: 9000, value_to: 12000, currency: 'PLN', negotiable: false, type: 'monthly' },
		attributes: [{ code: 'type', value: 'fulltime' }, { code: 'contract', value: 'contract' },
			{ code: 'manager', value: '0' }, { code: 'remote_recruitment', value: '0' }],
		...over,
	};
}

// A seller who authorized an app: {app, user, token}.
async function seller(s, { app, scope } = {}) {
	app = app || makeApp(s);
	const user = makeUser(s);
	const t = await codeGrant(s, app, user, scope ? { scope } : undefined);
	return { app, user, token: t.access_token };
}

// After the clock moved past the token's life: the seller signs in again.
async function reauth(s, who) {
	who.token = (await codeGrant(s, who.app, who.user)).access_token;
	return who;
}

function operator(s) {
	if (!s.operatorKey) s.operatorKey = s.cli(['operator', 'create', '--name', 'advert-tests']).token;
	return s.operatorKey;
}

async function setting(s, key, value) {
	const r = await s.req('PUT', `/api/admin/settings/${key}`, { token: operator(s), json: { value: String(value) } });
	assert.strictEqual(r.status, 200, r.text);
}

// Polls GET /adverts/{id} until its status is one of `want` (bounded).
async function waitStatus(s, token, id, want, { timeoutMs = patience(8000), check } = {}) {
	const wanted = [].concat(want);
	const end = Date.now() + timeoutMs;
	let last;
	while (Date.now() < end) {
		last = await s.req('GET', `/api/partner/adverts/${id}`, { token, check });
		if (last.status === 200 && wanted.includes(last.json.data.status)) return last.json.data;
		await new Promise((r) => setTimeout(r, 100));
	}
	assert.fail(`advert ${id} did not reach ${wanted} (last: ${last && last.text})`);
}

async function create(s, token, body) {
	const r = await s.req('POST', '/api/partner/adverts', { token, json: body });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.data;
}

// A tiny image host on 127.0.0.1: /ok-N.jpg answers 200, anything else 404;
// hits() counts the requests it received. Image checks reach only public
// addresses unless the operator lists more: given a souk, this allows
// 127.0.0.1 there.
async function imageServer(s) {
	if (s) await setting(s, 'images.allow_ranges', '127.0.0.1');
	let hits = 0;
	return new Promise((resolve) => {
		const srv = http.createServer((req, res) => {
			hits++;
			if (/^\/ok-\d+\.jpg$/.test(req.url)) {
				res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 4 });
				res.end(req.method === 'HEAD' ? undefined : 'jpeg');
			} else {
				res.writeHead(404);
				res.end();
			}
		});
		srv.listen(0, '127.0.0.1', () => {
			const base = `http://127.0.0.1:${srv.address().port}`;
			resolve({ base, url: (n) => `${base}/ok-${n}.jpg`, hits: () => hits, close: () => srv.close() });
		});
	});
}

module.exports = { DATA, advertBody, jobBody, seller, reauth, operator, setting, waitStatus, create, imageServer };
