'use strict';
// A webhook receiver written from Wallapop's guide, as an integrator
// writes one: it accepts POSTs, checks X-Wallapop-Signature (HMAC-SHA256 of
// "<raw body>:<X-Wallapop-Timestamp>" under the webhook's token, lowercase
// hex) against the tokens it holds, answers 2xx only to a request it
// verified, and keeps each notification once by its id. Every body is
// checked against the document's EventType and the guide's payload
// {id, type, occurred_on, data: {item_id}}.
//
// Modes: 'up' (answers 200), 'down' (closed: connections refused), 'hang'
// (holds each request without answering until release() answers it as
// the mode then says), or a status to
// answer instead of 200.

const assert = require('node:assert');
const crypto = require('node:crypto');
const http = require('node:http');
const { patience } = require('./patience');
const { checkWallapopWebhooksComponent } = require('./wallapop-schema');

function sign(token, raw, ts) {
	return crypto.createHmac('sha256', token).update(`${raw}:${ts}`).digest('hex');
}

function verifies(token, raw, ts, sig) {
	const want = Buffer.from(sign(token, raw, ts));
	const got = Buffer.from(String(sig || ''));
	return got.length === want.length && crypto.timingSafeEqual(got, want);
}

async function startReceiver({ tokens = [], port = 0 } = {}) {
	const r = {
		tokens: new Set(tokens),	// the tokens a signature may be made with
		mode: 'up',
		requests: 0,			// every POST that arrived
		forged: [],			// requests no token verifies
		events: [],			// first arrival of each id, in order
		seen: new Map(),		// id -> times it arrived
		queries: new Set(),		// query strings the requests carried
		held: [],			// answers held in 'hang'
		problems: [],			// bodies that break the document
	};
	const handle = (req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			r.requests++;
			const raw = Buffer.concat(chunks).toString('utf8');
			const url = new URL(req.url, 'http://receiver');
			r.queries.add(url.search);
			if (r.mode === 'hang') r.held.push(() => answer(req, res, raw, url));
			else answer(req, res, raw, url);
		});
	};
	// Verifies a request and answers it (2xx only to one a token verifies).
	function answer(req, res, raw, url) {
		const ts = req.headers['x-wallapop-timestamp'];
		const sig = req.headers['x-wallapop-signature'];
		const ok = req.method === 'POST' && /^\d{13}$/.test(String(ts)) &&
			[...r.tokens].some((t) => verifies(t, raw, ts, sig));
		if (!ok) {
			r.forged.push({ raw, ts, sig });
			res.writeHead(401);
			res.end();
			return;
		}
		let body;
		try {
			body = JSON.parse(raw);
			assert.deepStrictEqual(Object.keys(body), ['id', 'type', 'occurred_on', 'data']);
			assert.strictEqual(typeof body.id, 'string');
			checkWallapopWebhooksComponent('EventType', body.type);
			assert.ok(Number.isInteger(body.occurred_on) && body.occurred_on > 1e12, 'occurred_on in ms');
			assert.match(body.data.item_id, /^[1-9][0-9]*$/);
		} catch (e) {
			r.problems.push(`${e.message}: ${raw}`);
		}
		if (typeof r.mode === 'number') {
			res.writeHead(r.mode);
			res.end();
			return;
		}
		if (body && typeof body.id === 'string') {
			const n = r.seen.get(body.id) || 0;
			r.seen.set(body.id, n + 1);
			if (n === 0) r.events.push({ ...body, query: url.search });
		}
		res.writeHead(200);
		res.end();
	}
	let server;
	const listen = (p) => new Promise((resolve, reject) => {
		server = http.createServer(handle);
		server.keepAliveTimeout = 1;
		server.on('error', reject);
		server.listen(p, '127.0.0.1', () => resolve(server.address().port));
	});
	r.port = await listen(port);
	r.url = (path = '/hooks') => `http://127.0.0.1:${r.port}${path}`;
	// The types that arrived about one item, in order.
	r.typesOf = (itemId) => r.events.filter((e) => e.data.item_id === String(itemId)).map((e) => e.type);
	r.down = () => new Promise((resolve) => {
		r.mode = 'down';
		server.close(() => resolve());
		server.closeAllConnections();
	});
	r.up = async () => {
		if (r.mode === 'down') await listen(r.port);
		r.mode = 'up';
	};
	// Answers the held requests as the mode now says.
	r.release = () => {
		for (const go of r.held.splice(0)) go();
	};
	r.close = async () => {
		r.release();
		if (r.mode !== 'down') await r.down();
	};
	// Waits until cond() holds (bounded); fails with what arrived.
	r.until = async (cond, what, timeoutMs = 15000) => {
		const end = Date.now() + patience(timeoutMs);
		while (Date.now() < end) {
			if (cond()) return;
			await new Promise((res) => setTimeout(res, 50));
		}
		assert.fail(`receiver: ${what} did not happen; got ${JSON.stringify(r.events.map((e) => [e.type, e.data.item_id]))}` +
			` forged ${r.forged.length}, problems ${r.problems.join('; ')}`);
	};
	return r;
}

// A souk set for deliveries to this machine: automatic moderation at once,
// loopback allowed unless allow is false; a seller signed in to an OLX app
// (to change listings) and a Wallapop app, with a webhook for every type to
// a new receiver that holds its token: {rx, who: {olx, wp}, hook, advert}.
// advert(over) makes an active listing of the seller.
async function deliveryScene(s, { allow = true, path = '/hooks', receiver = {} } = {}) {
	const { advertBody, create, seller, setting, waitStatus } = require('./adverts');
	const { EVENT_TYPES, createWebhook, liftSellerLimit, webhookSeller } = require('./webhooks');
	await liftSellerLimit(s);
	await setting(s, 'moderation.delay_seconds', 0);
	if (allow) await setting(s, 'webhooks.allow_ranges', '127.0.0.1');
	const rx = await startReceiver(receiver);
	const olx = await seller(s);
	const who = { olx, wp: await webhookSeller(s, { user: olx.user }) };
	const hook = await createWebhook(who.wp, { url: rx.url(path), events: EVENT_TYPES });
	rx.tokens.add(hook.token);
	let n = 0;
	const advert = async (over = {}) => {
		const made = await create(s, olx.token, advertBody({ title: `Bluzka damska dostawa numer ${++n} M`, ...over }));
		return waitStatus(s, olx.token, made.id, 'active');
	};
	return { rx, who, hook, advert };
}

// The delivery log of hook (up to 100, newest first) as the operator reads
// it: the seller's short-lived token does not outlive a moved clock.
async function deliveryLog(s, who, hook) {
	const { operator } = require('./adverts');
	const r = await s.req('GET', `/api/admin/users/${who.olx.user.id}/webhooks/${hook.id}/deliveries?limit=100`,
		{ token: operator(s) });
	assert.strictEqual(r.status, 200, r.text);
	return r.json.deliveries;
}

// Polls the delivery log until cond(deliveries) holds; returns them.
async function logUntil(s, who, hook, cond, what) {
	const end = Date.now() + patience(15000);
	let last;
	while (Date.now() < end) {
		last = await deliveryLog(s, who, hook);
		if (cond(last)) return last;
		await new Promise((r) => setTimeout(r, 50));
	}
	assert.fail(`the log never showed ${what}: ${JSON.stringify(last, null, 1).slice(0, 2000)}`);
}

// A test file's souk and scene: started before its tests, closed after them.
// opts: deliveryScene's, and env for the server. Returns {s, scene},
// filled in once the tests run.
function deliverySuite(test, opts = {}) {
	const { startSouk } = require('./server');
	const suite = {};
	test.before(async () => {
		suite.s = await startSouk({ env: opts.env || {} });
		suite.scene = await deliveryScene(suite.s, opts);
	});
	test.after(async () => {
		if (suite.scene) await suite.scene.rx.close();
		if (suite.s) await suite.s.stop();
	});
	return suite;
}

module.exports = { startReceiver, sign, deliveryScene, deliveryLog, logUntil, deliverySuite };
