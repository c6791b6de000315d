'use strict';
// The buyer's side on the marketplace's own pages, form by form: the advert
// page asks a visitor to sign in, gives a signed-in buyer a form (behind the
// pages' CSRF token) and the seller none; a message opens the thread and
// lands on it; "My messages" lists the user's threads with what is new;
// opening a thread reads it; a reply from the thread page; a refused
// message keeps its text; a stranger's thread is a 404.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { Browser, makeUser } = require('./lib/oauth-flow');
const { advertBody, seller, waitStatus, create } = require('./lib/adverts');

let s, a, ad, n = 0;
test.before(async () => {
	s = await startSouk({ env: { SOUK_IMAGE_CHECK: 'off', SOUK_JOB_TICK_MS: '50' } });
	a = await seller(s);
	ad = await waitStatus(s, a.token, (await create(s, a.token, advertBody())).id, 'active');
});
test.after(() => s && s.stop());

// A browser signed in as a new buyer (a private account).
async function buyer() {
	const u = makeUser(s, { business: false });
	const b = new Browser(s);
	const page = await b.req('GET', '/oauth/login');
	const r = await b.login(page, u.email, u.password);
	assert.strictEqual(r.status, 303, r.text);
	return { ...u, b };
}

async function write(b, text, advertId = ad.id) {
	const page = await b.req('GET', `/oferta/${advertId}`);
	assert.strictEqual(page.status, 200, page.text);
	const f = b.form(page.text, `/oferta/${advertId}/messages`);
	return b.req('POST', `/oferta/${advertId}/messages`, { form: { ...f.fields, text } });
}

test('a visitor is asked to sign in, and coming back from it can write', async () => {
	const b = new Browser(s);
	const page = await b.req('GET', `/oferta/${ad.id}`);
	assert.match(page.text, new RegExp(`href="/oauth/login\\?next=/oferta/${ad.id}"`));
	assert.ok(!page.text.includes(`action="/oferta/${ad.id}/messages"`), 'no form before signing in');
	const u = makeUser(s, { business: false });
	const login = await b.req('GET', `/oauth/login?next=/oferta/${ad.id}`);
	const r = await b.login(login, u.email, u.password);
	assert.strictEqual(r.status, 303);
	assert.strictEqual(r.headers.location, `/oferta/${ad.id}`);
	const sent = await write(b, 'Dzień dobry, czy mogę odebrać jutro?');
	assert.strictEqual(sent.status, 303, sent.text);
	assert.match(sent.headers.location, /^\/account\/messages\/\d+#m\d+$/);
	const thread = await b.req('GET', sent.headers.location.split('#')[0]);
	assert.strictEqual(thread.status, 200);
	assert.match(thread.text, /class="msg sent"[^]*Dzień dobry, czy mogę odebrać jutro\?/);
	// Not signed in, a post gets the login page and sends nothing.
	const anon = new Browser(s);
	const p = await anon.req('GET', `/oferta/${ad.id}`);
	const f = anon.form(p.text, `/oferta/${ad.id}/observe`);
	const refused = await anon.req('POST', `/oferta/${ad.id}/messages`, { form: { csrf: f.fields.csrf, text: 'Hej' } });
	assert.strictEqual(refused.status, 401);
	assert.match(refused.text, /action="\/oauth\/login"/);
});

test('the form needs the page\'s CSRF token', async () => {
	const u = await buyer();
	const before = (await s.req('GET', '/api/partner/threads', { token: a.token })).json.data.length;
	for (const csrf of [undefined, '', 'f'.repeat(64)]) {
		const form = { text: 'Podrobiony formularz' };
		if (csrf !== undefined) form.csrf = csrf;
		const r = await u.b.req('POST', `/oferta/${ad.id}/messages`, { form });
		assert.strictEqual(r.status, 403, `csrf ${csrf}`);
	}
	// Another browser's token is refused too.
	const other = await buyer();
	const page = await other.b.req('GET', `/oferta/${ad.id}`);
	const f = other.b.form(page.text, `/oferta/${ad.id}/messages`);
	const r = await u.b.req('POST', `/oferta/${ad.id}/messages`, { form: { ...f.fields, text: 'Cudzy token' } });
	assert.strictEqual(r.status, 403);
	assert.strictEqual((await s.req('GET', '/api/partner/threads', { token: a.token })).json.data.length, before);
});

test('the seller gets no form on their own advert and cannot write first', async () => {
	const b = new Browser(s);
	const login = await b.req('GET', '/oauth/login');
	assert.strictEqual((await b.login(login, a.user.email, a.user.password)).status, 303);
	const page = await b.req('GET', `/oferta/${ad.id}`);
	assert.match(page.text, /This is your advert/);
	assert.ok(!page.text.includes(`action="/oferta/${ad.id}/messages"`));
	const f = b.form(page.text, `/oferta/${ad.id}/observe`);
	const r = await b.req('POST', `/oferta/${ad.id}/messages`, { form: { csrf: f.fields.csrf, text: 'Piszę pierwsza' } });
	assert.strictEqual(r.status, 403);
	assert.strictEqual((await s.req('GET', `/api/partner/threads?interlocutor_id=${a.user.id}`, { token: a.token })).json.data.length, 0);
});

test('"My messages" lists the threads with what is new; opening one reads it; a reply lands', async () => {
	const u = await buyer();
	const sent = await write(u.b, 'Czy cena jest do negocjacji?');
	const threadId = Number(/\/account\/messages\/(\d+)/.exec(sent.headers.location)[1]);
	// The seller's app answers twice.
	for (const text of ['Tak, trochę.', 'Proszę zaproponować cenę.']) {
		const r = await s.req('POST', `/api/partner/threads/${threadId}/messages`, { token: a.token, json: { text } });
		assert.strictEqual(r.status, 200, r.text);
	}
	let list = await u.b.req('GET', '/account/messages');
	assert.strictEqual(list.status, 200);
	assert.match(list.text, /id="unread">2 unread/);
	assert.match(list.text, new RegExp(`href="/account/messages/${threadId}">Bluzka damska bawełniana rozmiar M</a>`));
	assert.match(list.text, /3 messages, <strong>2 new<\/strong>/);
	// The advert page shows the conversation too.
	const advert = await u.b.req('GET', `/oferta/${ad.id}`);
	assert.match(advert.text, new RegExp(`href="/account/messages/${threadId}">Your conversation with the seller</a> \\(3 messages, 2 new\\)`));

	const thread = await u.b.req('GET', `/account/messages/${threadId}`);
	assert.deepStrictEqual([...thread.text.matchAll(/class="msg (sent|received)"[^]*?class="text">([^<]*)</g)].map((m) => [m[1], m[2]]),
		[['sent', 'Czy cena jest do negocjacji?'], ['received', 'Tak, trochę.'], ['received', 'Proszę zaproponować cenę.']]);
	list = await u.b.req('GET', '/account/messages');
	assert.match(list.text, /id="unread">0 unread/);
	const m = (await s.req('GET', `/api/partner/threads/${threadId}/messages`, { token: a.token })).json.data;
	assert.deepStrictEqual(m.map((x) => x.is_read), [false, true, true], 'the seller sees their answers read');

	const f = u.b.form(thread.text, `/account/messages/${threadId}`);
	const reply = await u.b.req('POST', `/account/messages/${threadId}`, { form: { ...f.fields, text: 'Może 40 zł?' } });
	assert.strictEqual(reply.status, 303, reply.text);
	const t = (await s.req('GET', `/api/partner/threads/${threadId}`, { token: a.token })).json.data;
	assert.deepStrictEqual([t.total_count, t.unread_count], [4, 2]);
});

test('a refused message keeps its text; markup is shown as text', async () => {
	const u = await buyer();
	const r = await write(u.b, '   ');
	assert.strictEqual(r.status, 400);
	assert.match(r.text, /Write a message first\./);
	const long = 'x'.repeat(4001);
	const r2 = await write(u.b, long);
	assert.strictEqual(r2.status, 400);
	assert.match(r2.text, /at most 4000 characters/);
	assert.ok(r2.text.includes(`>${long}</textarea>`), 'the text is kept');
	const sent = await write(u.b, '<script>alert(1)</script> & "cytat"');
	assert.strictEqual(sent.status, 303);
	const page = await u.b.req('GET', sent.headers.location.split('#')[0]);
	assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;cytat&quot;'));
	assert.ok(!page.text.includes('<script>'));
});

test('another user\'s thread is not found, and nothing in it is shown', async () => {
	const owner = await buyer();
	const sent = await write(owner.b, `Prywatne pytanie numer ${++n}`);
	const path = sent.headers.location.split('#')[0];
	const stranger = await buyer();
	const r = await stranger.b.req('GET', path);
	assert.strictEqual(r.status, 404);
	assert.ok(!r.text.includes('Prywatne pytanie'));
	assert.strictEqual((await stranger.b.req('GET', '/account/messages/999999')).status, 404);
	const own = await stranger.b.req('GET', `/oferta/${ad.id}`);
	const f = stranger.b.form(own.text, `/oferta/${ad.id}/observe`);
	const post = await stranger.b.req('POST', path, { form: { csrf: f.fields.csrf, text: 'Wtrącam się' } });
	assert.strictEqual(post.status, 404);
	assert.strictEqual((await new Browser(s).req('GET', path)).status, 401, 'the login page, without a session');
});

test('line breaks a browser sends as CRLF reach the seller\'s app as LF', async () => {
	const u = await buyer();
	const sent = await write(u.b, 'Pierwsza linia\r\nDruga linia\r\n\r\nCzwarta');
	assert.strictEqual(sent.status, 303, sent.text);
	const id = /\/account\/messages\/(\d+)/.exec(sent.headers.location)[1];
	const m = (await s.req('GET', `/api/partner/threads/${id}/messages`, { token: a.token })).json.data;
	assert.strictEqual(m[0].text, 'Pierwsza linia\nDruga linia\n\nCzwarta');
});
