'use strict';
// Requests on one draft that race: a rewrite racing its deletion never
// brings the draft back nor fails otherwise than with 404, and two
// rewrites racing leave one of them whole, never a mix of both.

const test = require('node:test');
const assert = require('node:assert');
const { offerServer, completeOffer, offerReq } = require('./lib/offers');

const ROUNDS = 12;

let s, seller, contact;
test.before(async () => ({ s, seller, contact } = await offerServer({ args: ['--threads', '4'] })));
test.after(() => s && s.stop());

async function draft(name) {
	const r = await offerReq(s, seller, 'POST', '/sale/offers', completeOffer(seller, contact, { name }));
	assert.strictEqual(r.status, 201, r.text);
	return r.json;
}

test('a PUT racing the DELETE of its draft: 200 before it or 404 after it, and the draft stays deleted', async () => {
	const drafts = await Promise.all(Array.from({ length: ROUNDS }, (_, i) => draft(`Bluzka do wyścigu ${i}`)));
	const answers = await Promise.all(drafts.map(async (o) => {
		const path = `/sale/offers/${o.id}`;
		const [put, del] = await Promise.all([
			offerReq(s, seller, 'PUT', path, completeOffer(seller, contact, { name: `Bluzka poprawiona ${o.id}` })),
			offerReq(s, seller, 'DELETE', path),
		]);
		return { o, put, del };
	}));
	for (const { o, put, del } of answers) {
		assert.ok([200, 404].includes(put.status), `PUT ${o.id}: ${put.status} ${put.text}`);
		assert.strictEqual(del.status, 204, `DELETE ${o.id}: ${del.text}`);
		assert.strictEqual((await offerReq(s, seller, 'GET', `/sale/offers/${o.id}`)).status, 404);
	}
	const list = await offerReq(s, seller, 'GET', '/sale/offers?limit=1000');
	assert.ok(!list.json.offers.some((x) => drafts.some((o) => o.id === x.id)), 'a deleted draft is listed');
});

test('two PUTs racing on one draft leave one of them whole', async () => {
	for (let i = 0; i < ROUNDS; i++) {
		const o = await draft(`Bluzka dwóch zapisów ${i}`);
		const body = (k) => completeOffer(seller, contact, {
			name: `Bluzka wersja ${k} numer ${i}`, external: { id: `v${k}` },
			sellingMode: { format: 'ADVERTISEMENT', price: { amount: `${10 + k}`, currency: 'PLN' } },
			location: { countryCode: 'PL', province: k === 1 ? 'WIELKOPOLSKIE' : 'MAZOWIECKIE',
				city: k === 1 ? 'Poznań' : 'Warszawa', postCode: k === 1 ? '60-166' : '00-001' },
		});
		const rs = await Promise.all([1, 2].map((k) => offerReq(s, seller, 'PUT', `/sale/offers/${o.id}`, body(k))));
		for (const r of rs) assert.strictEqual(r.status, 200, r.text);
		const g = (await offerReq(s, seller, 'GET', `/sale/offers/${o.id}`)).json;
		const k = g.external.id === 'v1' ? 1 : 2;
		assert.strictEqual(g.name, `Bluzka wersja ${k} numer ${i}`);
		assert.strictEqual(g.sellingMode.price.amount, `${10 + k}.00`);
		assert.strictEqual(g.location.city, k === 1 ? 'Poznań' : 'Warszawa');
		assert.deepStrictEqual(g.validation.errors, []);
	}
});
