'use strict';
// Threads and messages through the OLX face: a buyer (played through the
// operator's sandbox) writes on an active advert, the seller's app reads and
// answers; unread counts, mark-as-read, favourites per participant,
// attachments, filters and paging, the validation envelope, a third user
// who sees nothing, a seller who cannot write first, the event journal,
// and first messages racing into one thread. Every OLX answer is checked
// against the document by the request helper.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { sql } = require('./lib/oauth-flow');
const { advertBody, seller, operator, waitStatus, create } = require('./lib/adverts');
const { userToken } = require('./lib/tokens');

let s, a, key, ad, n = 0;
const T = '/api/partner/threads';

test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	a = await seller(s);
	key = operator(s);
	ad = await activeAdvert(a);
});
test.after(() => s && s.stop());

async function activeAdvert(who) {
	const made = await create(s, who.token, advertBody({ title: `Bluzka damska wątek numer ${++n} rozmiar M` }));
	return waitStatus(s, who.token, made.id, 'active');
}

// The sandbox's buyer writes on an advert: {status, json}.
function buyerWrites(advertId, email, json) {
	return s.req('POST', `/api/admin/adverts/${advertId}/messages`, { token: key,
		json: { buyer: { email, name: 'Kupujący' }, ...json } });
}

async function opened(advertId, email, text = 'Dzień dobry, czy bluzka jest jeszcze dostępna?', extra = {}) {
	const r = await buyerWrites(advertId, email, { text, ...extra });
	assert.strictEqual(r.status, 201, r.text);
	return r.json;
}

const notFound = (detail) => ({ error: { status: 404, title: 'Not Found', detail } });
const invalid = (field, title) => ({ error: { status: 400, title: 'Invalid request',
	detail: 'Data validation error occurred', validation: [{ field, title }] } });

test('a buyer writes, the seller reads the thread, answers, and the buyer sees the answer', async () => {
	const email = `buyer-${++n}@souk.test`;
	const first = await opened(ad.id, email, 'Czy jest jeszcze dostępna?', {
		attachments: [{ url: 'https://files.test/zdjecia/plama.jpg' }, { url: 'https://files.test/a?x=1', name: 'Paragon' }],
	});
	assert.strictEqual(first.total_count, 1);

	const list = await s.req('GET', T, { token: a.token });
	assert.strictEqual(list.status, 200, list.text);
	const t = list.json.data.find((x) => x.id === first.thread_id);
	assert.ok(t, list.text);
	assert.deepStrictEqual({ ...t, created_at: undefined }, { id: first.thread_id, advert_id: ad.id,
		interlocutor_id: first.buyer_id, total_count: 1, unread_count: 1, created_at: undefined, is_favourite: false });
	assert.match(t.created_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

	const one = await s.req('GET', `${T}/${t.id}`, { token: a.token });
	assert.deepStrictEqual(one.json.data, t);

	const msgs = await s.req('GET', `${T}/${t.id}/messages`, { token: a.token });
	assert.strictEqual(msgs.status, 200, msgs.text);
	assert.strictEqual(msgs.json.data.length, 1);
	const m = msgs.json.data[0];
	assert.strictEqual(m.type, 'received');
	assert.strictEqual(m.text, 'Czy jest jeszcze dostępna?');
	assert.strictEqual(m.is_read, false);
	assert.strictEqual(m.thread_id, t.id);
	assert.deepStrictEqual(m.attachments, [{ name: 'plama.jpg', url: 'https://files.test/zdjecia/plama.jpg' },
		{ name: 'Paragon', url: 'https://files.test/a?x=1' }]);
	const single = await s.req('GET', `${T}/${t.id}/messages/${m.id}`, { token: a.token });
	assert.deepStrictEqual(single.json.data, m);

	const answer = await s.req('POST', `${T}/${t.id}/messages`, { token: a.token, json: { text: 'Tak, jest dostępna.' } });
	assert.strictEqual(answer.status, 200, answer.text);
	assert.strictEqual(answer.json.data.type, 'sent');
	assert.deepStrictEqual(answer.json.data.attachments, []);

	const buyer = userToken(s, first.buyer_id);
	const seen = await s.req('GET', `${T}/${t.id}/messages`, { token: buyer });
	assert.deepStrictEqual(seen.json.data.map((x) => [x.type, x.text]),
		[['sent', 'Czy jest jeszcze dostępna?'], ['received', 'Tak, jest dostępna.']]);
	const mine = await s.req('GET', T, { token: buyer });
	assert.deepStrictEqual(mine.json.data.map((x) => [x.id, x.interlocutor_id, x.unread_count, x.total_count]),
		[[t.id, a.user.id, 1, 2]]);
});

test('unread counts and mark-as-read are each participant\'s own', async () => {
	const email = `buyer-${++n}@souk.test`;
	const first = await opened(ad.id, email);
	await opened(ad.id, email, 'Czy możliwa jest wysyłka?');
	const id = first.thread_id;
	const buyer = userToken(s, first.buyer_id);
	let t = (await s.req('GET', `${T}/${id}`, { token: a.token })).json.data;
	assert.strictEqual(t.unread_count, 2);
	assert.strictEqual(t.total_count, 2);
	await s.req('POST', `${T}/${id}/messages`, { token: a.token, json: { text: 'Tak, wysyłam kurierem.' } });

	const r = await s.req('POST', `${T}/${id}/commands`, { token: a.token, json: { command: 'mark-as-read' } });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual(r.text, '');
	t = (await s.req('GET', `${T}/${id}`, { token: a.token })).json.data;
	assert.strictEqual(t.unread_count, 0);
	const msgs = (await s.req('GET', `${T}/${id}/messages`, { token: a.token })).json.data;
	assert.deepStrictEqual(msgs.map((m) => [m.type, m.is_read]), [['received', true], ['received', true], ['sent', false]]);
	// The buyer's side: their messages were read, the answer is not yet.
	const b = (await s.req('GET', `${T}/${id}`, { token: buyer })).json.data;
	assert.strictEqual(b.unread_count, 1);
	const bm = (await s.req('GET', `${T}/${id}/messages`, { token: buyer })).json.data;
	assert.deepStrictEqual(bm.map((m) => [m.type, m.is_read]), [['sent', true], ['sent', true], ['received', false]]);
	assert.strictEqual((await s.req('POST', `${T}/${id}/commands`, { token: buyer, json: { command: 'mark-as-read' } })).status, 204);
	assert.strictEqual((await s.req('GET', `${T}/${id}`, { token: buyer })).json.data.unread_count, 0);
	// Marking again changes nothing and still answers 204.
	assert.strictEqual((await s.req('POST', `${T}/${id}/commands`, { token: buyer, json: { command: 'mark-as-read' } })).status, 204);
});

test('set-favourite sets and clears the caller\'s flag only', async () => {
	const first = await opened(ad.id, `buyer-${++n}@souk.test`);
	const id = first.thread_id;
	const buyer = userToken(s, first.buyer_id);
	let r = await s.req('POST', `${T}/${id}/commands`, { token: a.token, json: { command: 'set-favourite', is_favourite: true } });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual((await s.req('GET', `${T}/${id}`, { token: a.token })).json.data.is_favourite, true);
	assert.strictEqual((await s.req('GET', `${T}/${id}`, { token: buyer })).json.data.is_favourite, false);
	r = await s.req('POST', `${T}/${id}/commands`, { token: a.token, json: { command: 'set-favourite', is_favourite: false } });
	assert.strictEqual(r.status, 204, r.text);
	assert.strictEqual((await s.req('GET', `${T}/${id}`, { token: a.token })).json.data.is_favourite, false);
	r = await s.req('POST', `${T}/${id}/commands`, { token: a.token, json: { command: 'set-favourite' } });
	assert.deepStrictEqual([r.status, r.json], [400, invalid('is_favourite', 'This value should not be blank.')]);
	r = await s.req('POST', `${T}/${id}/commands`, { token: a.token, json: { command: 'set-favourite', is_favourite: 'yes' } });
	assert.deepStrictEqual([r.status, r.json], [400, invalid('is_favourite', 'Nieprawidłowa wartość')]);
	r = await s.req('POST', `${T}/${id}/commands`, { token: a.token, json: { command: 'archive' } });
	assert.deepStrictEqual([r.status, r.json], [400, invalid('command', 'Nieprawidłowa wartość')]);
	r = await s.req('POST', `${T}/${id}/commands`, { token: a.token, json: { command: 'mark-as-read', extra: 1 } });
	assert.strictEqual(r.status, 400);
	assert.strictEqual(r.json.data.error.detail, 'Error while decoding JSON data: Syntax error');
});

test('filters by advert and interlocutor, latest conversation first, paged', async () => {
	const other = await activeAdvert(a);
	const e1 = `buyer-${++n}@souk.test`, e2 = `buyer-${++n}@souk.test`;
	const t1 = await opened(other.id, e1);
	const t2 = await opened(other.id, e2);
	const t3 = await opened(ad.id, e2);
	let r = await s.req('GET', `${T}?advert_id=${other.id}`, { token: a.token });
	assert.deepStrictEqual(r.json.data.map((x) => x.id), [t2.thread_id, t1.thread_id]);
	r = await s.req('GET', `${T}?interlocutor_id=${t2.buyer_id}`, { token: a.token });
	assert.deepStrictEqual(r.json.data.map((x) => x.id), [t3.thread_id, t2.thread_id]);
	r = await s.req('GET', `${T}?advert_id=${other.id}&interlocutor_id=${t1.buyer_id}`, { token: a.token });
	assert.deepStrictEqual(r.json.data.map((x) => x.id), [t1.thread_id]);
	// A new message brings its thread to the top.
	await opened(other.id, e1, 'Jeszcze jedno pytanie.');
	r = await s.req('GET', `${T}?advert_id=${other.id}&limit=1`, { token: a.token });
	assert.deepStrictEqual(r.json.data.map((x) => x.id), [t1.thread_id]);
	r = await s.req('GET', `${T}?advert_id=${other.id}&limit=1&offset=1`, { token: a.token });
	assert.deepStrictEqual(r.json.data.map((x) => x.id), [t2.thread_id]);
	for (const q of ['advert_id=abc', 'interlocutor_id=-1', 'offset=-1', 'limit=0', 'limit=1001']) {
		r = await s.req('GET', `${T}?${q}`, { token: a.token });
		assert.deepStrictEqual([r.status, r.json], [400, invalid(q.split('=')[0], 'Nieprawidłowa wartość')], q);
	}
});

test('another user\'s thread is a 404 worded as one that does not exist', async () => {
	const first = await opened(ad.id, `buyer-${++n}@souk.test`);
	const stranger = await seller(s);
	const id = first.thread_id, mid = first.message_id;
	const answers = async (tid) => [
		await s.req('GET', `${T}/${tid}`, { token: stranger.token }),
		await s.req('GET', `${T}/${tid}/messages`, { token: stranger.token }),
		await s.req('GET', `${T}/${tid}/messages/${mid}`, { token: stranger.token }),
		await s.req('POST', `${T}/${tid}/messages`, { token: stranger.token, json: { text: 'Wtrącam się.' } }),
		await s.req('POST', `${T}/${tid}/commands`, { token: stranger.token, json: { command: 'mark-as-read' } }),
		await s.req('POST', `${T}/${tid}/commands`, { token: stranger.token, json: { command: 'set-favourite', is_favourite: true } }),
	].map((r) => [r.status, r.json]);
	const theirs = await answers(id);
	for (const got of theirs) assert.deepStrictEqual(got, [404, notFound('Thread not found')]);
	assert.deepStrictEqual(await answers(999999), theirs, 'a missing thread is answered the same');
	assert.deepStrictEqual((await s.req('GET', T, { token: stranger.token })).json.data, []);
	// Nothing changed for the participants.
	const t = (await s.req('GET', `${T}/${id}`, { token: a.token })).json.data;
	assert.deepStrictEqual([t.total_count, t.unread_count, t.is_favourite], [1, 1, false]);
	// A message of another thread, named under the caller's own: not found.
	const mineToo = await opened(ad.id, `buyer-${++n}@souk.test`);
	const r = await s.req('GET', `${T}/${mineToo.thread_id}/messages/${mid}`, { token: a.token });
	assert.deepStrictEqual([r.status, r.json], [404, notFound('Message not found')]);
	const bad = await s.req('GET', `${T}/abc`, { token: a.token });
	assert.deepStrictEqual([bad.status, bad.json], [404, notFound('Thread not found')]);
});

test('a seller cannot write first, nor on an advert buyers cannot see', async () => {
	let r = await buyerWrites(ad.id, a.user.email, { text: 'Piszę do siebie.' });
	assert.strictEqual(r.status, 409, r.text);
	assert.strictEqual(sql(s, `SELECT count(*) FROM threads WHERE buyer_id = ${a.user.id}`), '0');
	const fresh = await create(s, a.token, advertBody({ title: `Bluzka damska nowa numer ${++n} rozmiar S` }));
	if (fresh.status === 'new') {
		r = await s.req('POST', `/api/admin/adverts/${fresh.id}/moderation`, { token: key,
			json: { decision: 'block', reason: 'Test: hidden from buyers.' } });
		assert.strictEqual(r.status, 200, r.text);
	}
	r = await buyerWrites(fresh.id, `buyer-${++n}@souk.test`, { text: 'Halo?' });
	assert.strictEqual(r.status, 404, r.text);
	r = await buyerWrites(ad.id, 'not-an-address', { text: 'Halo?' });
	assert.strictEqual(r.status, 400, r.text);
});

test('bad messages get the OLX validation envelope and change nothing', async () => {
	const first = await opened(ad.id, `buyer-${++n}@souk.test`);
	const id = first.thread_id;
	const post = (json) => s.req('POST', `${T}/${id}/messages`, { token: a.token, json });
	const cases = [
		[{}, invalid('text', 'This value should not be blank.')],
		[{ text: '  \n ' }, invalid('text', 'This value should not be blank.')],
		[{ text: null }, invalid('text', 'This value should not be blank.')],
		[{ text: 5 }, invalid('text', 'Nieprawidłowa wartość')],
		[{ text: 'ż'.repeat(4001) }, invalid('text', 'This value is too long. It should have 4000 characters or less.')],
		[{ text: 'Plik', attachments: [{ url: 'ftp://files.test/a.pdf' }] },
			invalid('attachments[0].url', 'This value is not a valid URL.')],
		[{ text: 'Plik', attachments: [{ name: 'bez adresu' }] },
			invalid('attachments[0].url', 'This value should not be blank.')],
		[{ text: 'Plik', attachments: 'https://files.test/a.pdf' }, invalid('attachments', 'Nieprawidłowa wartość')],
		[{ text: 'Pliki', attachments: Array.from({ length: 11 }, (_, i) => ({ url: `https://files.test/${i}.pdf` })) },
			invalid('attachments', 'This collection should contain 10 elements or less.')],
	];
	for (const [body, want] of cases) {
		const r = await post(body);
		assert.deepStrictEqual([r.status, r.json], [400, want], JSON.stringify(body).slice(0, 80));
	}
	const syntax = await post({ text: 'Cześć', phone_number: '600100200' });
	assert.strictEqual(syntax.status, 400);
	assert.strictEqual(syntax.json.data.error.detail, 'Error while decoding JSON data: Syntax error');
	const broken = await s.req('POST', `${T}/${id}/messages`, { token: a.token, body: '{"text": ', headers: { 'Content-Type': 'application/json' } });
	assert.strictEqual(broken.status, 400);
	// Exactly 4000 characters is taken.
	const full = await post({ text: 'ż'.repeat(4000) });
	assert.strictEqual(full.status, 200, full.text.slice(0, 200));
	assert.strictEqual((await s.req('GET', `${T}/${id}`, { token: a.token })).json.data.total_count, 2);
});

test('every message is an event in the seller\'s feed, in its transaction', async () => {
	const first = await opened(ad.id, `buyer-${++n}@souk.test`);
	const answer = await s.req('POST', `${T}/${first.thread_id}/messages`, { token: a.token, json: { text: 'Odpowiedź.' } });
	const rows = sql(s, `SELECT seller_id, message_id, actor_kind, actor_user_id, json_extract(payload, '$.thread_id'),
		json_extract(payload, '$.listing_id'), json_extract(payload, '$.from') FROM events
		WHERE type = 'message.created' AND json_extract(payload, '$.thread_id') = ${first.thread_id} ORDER BY seq`);
	assert.strictEqual(rows, [
		`${a.user.id}|${first.message_id}|user|${first.buyer_id}|${first.thread_id}|${ad.id}|buyer`,
		`${a.user.id}|${answer.json.data.id}|user|${a.user.id}|${first.thread_id}|${ad.id}|seller`,
	].join('\n'));
	assert.strictEqual(sql(s, `SELECT count(*) FROM events WHERE type = 'message.created' AND listing_id IS NOT NULL`), '0');
});

test('first messages racing from one buyer open one thread and keep every message', async () => {
	const email = `buyer-${++n}@souk.test`;
	const rs = await Promise.all(Array.from({ length: 8 }, (_, i) => buyerWrites(ad.id, email, { text: `Pytanie ${i}` })));
	for (const r of rs) assert.strictEqual(r.status, 201, r.text);
	const ids = new Set(rs.map((r) => r.json.thread_id));
	assert.strictEqual(ids.size, 1);
	const [id] = ids;
	assert.strictEqual(new Set(rs.map((r) => r.json.buyer_id)).size, 1, 'one buyer account');
	const t = (await s.req('GET', `${T}/${id}`, { token: a.token })).json.data;
	assert.deepStrictEqual([t.total_count, t.unread_count], [8, 8]);
	// The seller answers while the buyer writes: both land, in one order.
	const both = await Promise.all([
		s.req('POST', `${T}/${id}/messages`, { token: a.token, json: { text: 'Odpowiadam.' } }),
		buyerWrites(ad.id, email, { text: 'I jeszcze jedno.' }),
	]);
	assert.deepStrictEqual(both.map((r) => r.status), [200, 201]);
	const msgs = (await s.req('GET', `${T}/${id}/messages`, { token: a.token })).json.data;
	assert.strictEqual(msgs.length, 10);
	assert.deepStrictEqual(msgs.map((m) => m.id), [...msgs.map((m) => m.id)].sort((x, y) => x - y));
});
