'use strict';
// Seed 003's event journals, read from the marketplace's one event feed:
// GET /sale/offer-events shows a seller's offers going live, changing
// (through either face), changing price, ending (publication.endedBy) and
// being archived, oldest first, each id usable as `from`, within 24 hours;
// GET /sale/category-events shows the category tree's changes the
// operator API makes (add, rename, move, delete), within three months. A
// `from` older than the window is refused, never silently skipped. Every
// answer is checked against the document.

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startSouk } = require('./lib/server');
const { allegroSeller, makeContact, completeOffer, offerReq, assignPackage } = require('./lib/offers');
const { makeApp, codeGrant, advanceClock } = require('./lib/oauth-flow');
const { makeAllegroApp, allegroToken, allegroCodeGrant, ALLEGRO_MEDIA } = require('./lib/allegro');
const { advertBody, operator, setting, waitStatus } = require('./lib/adverts');
const { patience } = require('./lib/patience');

let s, seller, olx, contact;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '100' } });
	await setting(s, 'moderation.delay_seconds', 0);
	seller = await allegroSeller(s);
	olx = (await codeGrant(s, makeApp(s), seller.user)).access_token;
	contact = await makeContact(s, seller);
});
test.after(() => s && s.stop());

const CMD = '/sale/offer-publication-commands';

async function journal(query = '', who = seller) {
	const r = await offerReq(s, who, 'GET', `/sale/offer-events${query}`);
	assert.strictEqual(r.status, 200, r.text);
	return r.json.offerEvents;
}

// Runs a command and waits until its one task is done (an activation with
// the free base package assigned, as a client does first).
async function publish(action, offerId) {
	if (action === 'ACTIVATE') await assignPackage(s, seller, offerId);
	const id = crypto.randomUUID();
	const put = await offerReq(s, seller, 'PUT', `${CMD}/${id}`,
		{ publication: { action }, offerCriteria: [{ offers: [{ id: offerId }], type: 'CONTAINS_OFFERS' }] });
	assert.strictEqual(put.status, 201, put.text);
	const end = Date.now() + patience(10000);
	for (;;) {
		const g = await offerReq(s, seller, 'GET', `${CMD}/${id}`);
		if (g.json.taskCount.success + g.json.taskCount.failed === 1) return g.json.taskCount;
		assert.ok(Date.now() < end, `command ${id} did not finish: ${g.text}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function signInAgain() {
	seller.token = (await allegroCodeGrant(s, seller.app, seller.user)).access_token;
	olx = (await codeGrant(s, makeApp(s), seller.user)).access_token;
}

test('an offer\'s life in the journal, from both faces, with from, limit and type', async () => {
	const external = `journal-${crypto.randomUUID()}`;
	const o = await offerReq(s, seller, 'POST', '/sale/offers',
		completeOffer(seller, contact, { name: 'Bluzka w dzienniku zdarzeń', external: { id: external } }));
	assert.strictEqual(o.status, 201, o.text);
	// A draft's edits are not offer events (it is INACTIVE).
	assert.strictEqual((await offerReq(s, seller, 'PUT', `/sale/offers/${o.json.id}`,
		{ ...o.json, name: 'Bluzka w dzienniku zdarzeń 2' })).status, 200);
	assert.deepStrictEqual((await publish('ACTIVATE', o.json.id)), { total: 1, success: 1, failed: 0 });

	// A change of price through the OLX face, then of the title through Allegro's.
	const ad = await s.req('GET', `/api/partner/adverts/${o.json.id}`, { token: olx });
	assert.strictEqual(ad.status, 200, ad.text);
	const put = await s.req('PUT', `/api/partner/adverts/${o.json.id}`, { token: olx,
		json: advertBody({ title: 'Bluzka damska z dziennika zdarzeń', contact: { name: 'Anna', phone: '600100200' },
			price: { value: 59.99, currency: 'PLN' }, external_id: external }) });
	assert.strictEqual(put.status, 200, put.text);
	assert.deepStrictEqual(await publish('END', o.json.id), { total: 1, success: 1, failed: 0 });

	const all = (await journal()).filter((e) => e.offer.id === o.json.id);
	assert.deepStrictEqual(all.map((e) => e.type), ['OFFER_ACTIVATED', 'OFFER_CHANGED', 'OFFER_PRICE_CHANGED', 'OFFER_ENDED']);
	for (const e of all) {
		assert.match(e.id, /^[A-Za-z0-9]+$/);
		assert.match(e.occurredAt, /Z$/);
		assert.deepStrictEqual(e.offer.external, { id: external });
	}
	assert.deepStrictEqual(all[3].offer.publication, { endedBy: 'USER' });

	// type, comma-joined or repeated
	assert.deepStrictEqual((await journal('?type=OFFER_ENDED')).map((e) => e.offer.id), [o.json.id]);
	const two = await journal('?type=OFFER_ACTIVATED&type=OFFER_ENDED');
	assert.deepStrictEqual(two.map((e) => e.type), ['OFFER_ACTIVATED', 'OFFER_ENDED']);
	assert.deepStrictEqual((await journal('?type=OFFER_ACTIVATED,OFFER_ENDED')).map((e) => e.id), two.map((e) => e.id));
	assert.deepStrictEqual(await journal('?type=OFFER_BID_PLACED'), []);

	// from is exclusive; limit pages through the same list
	const paged = [];
	let from = '';
	for (;;) {
		const page = await journal(`?limit=1${from}`);
		if (!page.length) break;
		assert.strictEqual(page.length, 1);
		paged.push(page[0]);
		from = `&from=${page[0].id}`;
	}
	assert.deepStrictEqual(paged, await journal());
	assert.deepStrictEqual(await journal(`?from=${all[3].id}`), []);
	assert.deepStrictEqual((await journal(`?from=${all[1].id}`)).map((e) => e.type), ['OFFER_PRICE_CHANGED', 'OFFER_ENDED']);

	// Deleted through the OLX face once ended: archived. A draft deleted is no offer's event.
	assert.strictEqual((await s.req('DELETE', `/api/partner/adverts/${o.json.id}`, { token: olx })).status, 204);
	const d = await offerReq(s, seller, 'POST', '/sale/offers', { name: 'Szkic do usunięcia', category: { id: '1581' } });
	assert.strictEqual((await offerReq(s, seller, 'DELETE', `/sale/offers/${d.json.id}`)).status, 204);
	const archived = await journal(`?type=OFFER_ARCHIVED&from=${all[3].id}`);
	assert.deepStrictEqual(archived.map((e) => [e.offer.id, e.offer.external]), [[o.json.id, { id: external }]]);

	// another seller's journal does not show it
	const other = await allegroSeller(s, { app: seller.app });
	assert.deepStrictEqual(await journal('', other), []);
});

test('bad from, limit and type are 400; a from older than 24 hours is refused, not skipped', async () => {
	for (const q of ['?limit=0', '?limit=1001', '?limit=x', '?type=OFFER_SOLD', '?from=%%%', '?from=Zm9v', '?from=999999999']) {
		const r = await offerReq(s, seller, 'GET', `/sale/offer-events${q}`);
		assert.strictEqual(r.status, 400, `${q}: ${r.text}`);
		assert.strictEqual(r.json.errors[0].code, 'InvalidQueryParameterException');
	}
	const o = await offerReq(s, seller, 'POST', '/sale/offers',
		completeOffer(seller, contact, { name: 'Bluzka która się zestarzeje', external: { id: 'old-1' } }));
	assert.strictEqual(o.status, 201, o.text);
	await publish('ACTIVATE', o.json.id);
	const [first] = await journal('?type=OFFER_ACTIVATED');
	assert.ok(first);
	await advanceClock(s, 25 * 3600);
	await signInAgain();
	const r = await offerReq(s, seller, 'GET', `/sale/offer-events?from=${first.id}`);
	assert.strictEqual(r.status, 400, r.text);
	assert.strictEqual(r.json.errors[0].path, 'from');
	// without from: what happened in the last 24 hours, which is nothing
	assert.deepStrictEqual(await journal(), []);
});

async function admin(method, path, json) {
	return s.req(method, `/api/admin${path}`, { token: operator(s), json });
}

test('category events: the operator adds, renames, moves and deletes; the journal tells, for any token', async () => {
	const app = makeAllegroApp(s);
	const cc = await allegroToken(s, app, { grant_type: 'client_credentials' });
	assert.strictEqual(cc.status, 200, cc.text);
	const appToken = cc.json.access_token;
	const read = async (query = '') => {
		const r = await s.req('GET', `/sale/category-events${query}`, { token: appToken, headers: { Accept: ALLEGRO_MEDIA } });
		assert.strictEqual(r.status, 200, r.text);
		return r.json.events;
	};
	// to the end of what is there (the seed's categories were created too)
	let from = '';
	for (let page = await read(); page.length; page = await read(from)) from = `?from=${page[page.length - 1].id}`;
	const leaf = await s.req('GET', '/sale/categories/1581', { token: appToken, headers: { Accept: ALLEGRO_MEDIA } });
	const parent = leaf.json.parent.id;
	const top = await s.req('GET', '/sale/categories', { token: appToken, headers: { Accept: ALLEGRO_MEDIA } });
	const other = top.json.categories.map((c) => c.id).find((id) => id !== parent);

	const made = await admin('POST', '/categories', { parent_id: Number(parent), names: { pl: 'Tuniki', en: 'Tunics' } });
	assert.strictEqual(made.status, 201, made.text);
	const id = String(made.json.id);
	const seen = await s.req('GET', `/sale/categories/${id}`, { token: appToken, headers: { Accept: ALLEGRO_MEDIA } });
	assert.strictEqual(seen.status, 200, seen.text);
	assert.strictEqual(seen.json.name, 'Tunics');
	assert.strictEqual(seen.json.leaf, true);

	assert.strictEqual((await admin('PUT', `/categories/${id}`, { names: { en: 'Tunics and kaftans' } })).status, 200);
	assert.strictEqual((await admin('PUT', `/categories/${id}`, { parent_id: Number(other) })).status, 200);
	// refused: a leaf as a parent, a category under itself, one in use
	assert.strictEqual((await admin('POST', '/categories', { parent_id: 1581, names: { pl: 'Pod liściem' } })).status, 409);
	assert.strictEqual((await admin('PUT', `/categories/${other}`, { parent_id: Number(id) })).status, 409);
	assert.strictEqual((await admin('DELETE', `/categories/${parent}`)).status, 409);
	assert.strictEqual((await admin('POST', '/categories', { parent_id: Number(parent), names: { xx: 'Nie' } })).status, 400);
	assert.strictEqual((await admin('DELETE', `/categories/${id}?redirect_id=1581`)).status, 204);
	const gone = await s.req('GET', `/sale/categories/${id}`, { token: appToken, headers: { Accept: ALLEGRO_MEDIA } });
	assert.strictEqual(gone.status, 404, gone.text);

	const events = await read(from);
	assert.deepStrictEqual(events.map((e) => e.type), ['CATEGORY_CREATED', 'CATEGORY_RENAMED', 'CATEGORY_MOVED', 'CATEGORY_DELETED']);
	for (const e of events) assert.strictEqual(e.category.id, id);
	assert.deepStrictEqual(events[0].category, { id, leaf: true, name: 'Tunics', parent: { id: parent } });
	assert.strictEqual(events[1].category.name, 'Tunics and kaftans');
	assert.deepStrictEqual(events[2].category.parent, { id: other });
	assert.deepStrictEqual(events[3].redirectCategory, { id: '1581' });
	// Polish names for a Polish reader
	const pl = await s.req('GET', `/sale/category-events${from}&type=CATEGORY_CREATED`, { token: appToken,
		headers: { Accept: ALLEGRO_MEDIA, 'Accept-Language': 'pl-PL' } });
	assert.strictEqual(pl.json.events[0].category.name, 'Tuniki');

	// kept three months: later, a from that old is refused
	await advanceClock(s, 93 * 86400);
	const old = await s.req('GET', `/sale/category-events?from=${events[0].id}`,
		{ token: (await allegroToken(s, app, { grant_type: 'client_credentials' })).json.access_token, headers: { Accept: ALLEGRO_MEDIA } });
	assert.strictEqual(old.status, 400, old.text);
	await signInAgain();
});
