'use strict';
// webhooks.js -- webhook deliveries per second to a local receiver
// (`node bench/webhooks.js`, also the last step of `make bench`).
//
// One souk with a seller's webhook subscribed to ITEM_LISTED on a receiver
// on 127.0.0.1 that checks every signature with the webhook's token and
// counts each notification id once. BENCH_WEBHOOKS (5000) listings going
// live are written to the event feed in one transaction; the clock runs
// from that commit until the receiver has verified all of them (fan-out,
// queue, signing, POST, logging the attempt). The reference, in the same
// command and against the same receiver: a Node client POSTing the same
// signed bodies, as many at once as souk sends (webhooks.concurrency, 8),
// on kept-alive connections: what the receiver takes from a sender that
// does nothing else. Prints both rates and souk ÷ reference; fails when a
// signature does not verify, a notification is missing or repeated.

const assert = require('node:assert');
const http = require('node:http');
const { execFileSync } = require('node:child_process');
const { startSouk } = require('../tests/e2e/lib/server');
const { setting } = require('../tests/e2e/lib/adverts');
const { EVENT_TYPES, createWebhook, liftSellerLimit, webhookSeller } = require('../tests/e2e/lib/webhooks');
const { startReceiver, sign } = require('../tests/e2e/lib/wallapop-receiver');

const N = +process.env.BENCH_WEBHOOKS || 5000;
const CONCURRENCY = 8;

function sql(db, text) {
	return execFileSync('sqlite3', ['-cmd', '.timeout 10000', db], { input: text, encoding: 'utf8' }).trim();
}

// Waits for the receiver to hold n verified notifications; their time.
async function verified(rx, n, since) {
	const end = Date.now() + 600000;
	while (rx.events.length < n) {
		assert.ok(Date.now() < end, `only ${rx.events.length} of ${n} arrived`);
		assert.deepStrictEqual(rx.forged.length, 0, 'a signature did not verify');
		await new Promise((r) => setTimeout(r, 5));
	}
	return (Number(process.hrtime.bigint() - since) / 1e9);
}

function checkExact(rx, n) {
	assert.strictEqual(rx.forged.length, 0, 'a signature did not verify');
	assert.deepStrictEqual(rx.problems, []);
	assert.strictEqual(rx.events.length, n);
	for (const [id, times] of rx.seen) assert.strictEqual(times, 1, `${id} arrived ${times} times`);
}

async function soukRun() {
	const s = await startSouk({ args: ['--threads', '1'], env: { SOUK_QUIET: '1' } });
	try {
		await liftSellerLimit(s);
		await setting(s, 'webhooks.allow_ranges', '127.0.0.1');
		const rx = await startReceiver();
		const who = await webhookSeller(s);
		const hook = await createWebhook(who, { url: rx.url('/bench?seller=1'), events: EVENT_TYPES });
		rx.tokens.add(hook.token);
		// Listings going live, written as the use cases write them: in one
		// transaction, which the fan-out then reads by cursor.
		const now = Math.floor(Date.now() / 1000) + 5;
		const rows = [];
		for (let i = 1; i <= N; i++)
			rows.push(`('listing.status_changed', ${now}, ${who.user.id}, ${i}, 'system', 'new', 'active', '{}')`);
		const since = process.hrtime.bigint();
		sql(s.db, `BEGIN; INSERT INTO events(type, occurred_at, seller_id, listing_id, actor_kind, from_status,
			to_status, payload) VALUES ${rows.join(',')}; COMMIT;`);
		const secs = await verified(rx, N, since);
		checkExact(rx, N);
		const bodies = rx.events.map((e) => JSON.stringify({ id: e.id, type: e.type, occurred_on: e.occurred_on, data: e.data }));
		await rx.close();
		return { rate: N / secs, secs, bodies, token: hook.token };
	} finally {
		await s.stop();
	}
}

async function referenceRun(bodies, token) {
	const rx = await startReceiver({ tokens: [token] });
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	const post = (raw) => new Promise((resolve, reject) => {
		const ts = String(Date.now());
		const req = http.request(rx.url('/bench?seller=1'), { method: 'POST', agent, headers: {
			'Content-Type': 'application/json', 'X-Wallapop-Timestamp': ts, 'X-Wallapop-Signature': sign(token, raw, ts),
		} }, (res) => {
			res.resume();
			res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
		});
		req.on('error', reject);
		req.end(raw);
	});
	let next = 0;
	const since = process.hrtime.bigint();
	await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
		while (next < bodies.length) await post(bodies[next++]);
	}));
	const secs = await verified(rx, bodies.length, since);
	checkExact(rx, bodies.length);
	agent.destroy();
	await rx.close();
	return { rate: bodies.length / secs, secs };
}

async function main() {
	const souk = await soukRun();
	const ref = await referenceRun(souk.bodies, souk.token);
	const fmt = (x) => Math.round(x).toLocaleString('en-US');
	const line = `| webhook deliveries (ITEM_LISTED, ${fmt(N)}, ${CONCURRENCY} at once) | ${fmt(souk.rate)}/s ` +
		`(${souk.secs.toFixed(2)} s) | Node client, same bodies, keep-alive | ${fmt(ref.rate)}/s | ` +
		`${(souk.rate / ref.rate).toFixed(2)}x |`;
	console.log('| scenario | souk | reference | reference | souk ÷ ref |\n|---|---:|---|---:|---:|');
	console.log(line);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
