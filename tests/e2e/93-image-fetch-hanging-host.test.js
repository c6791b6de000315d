'use strict';
// An image host that never answers holds back no other job. The images.fetch
// job waits on other servers (up to its 10 s deadline for a batch), so it
// runs on a runner of its own: while a fetch from a host that accepted the
// connection and never answers is under way, a new advert is still
// moderated and an outdated one still expires. Each is asserted to happen
// while the hung request is still open (the fetch has not given up yet);
// then the fetch gives up and the image is refused. Queueing a fetch wakes
// that runner: with a tick of an hour, an added image and an item's main
// image are still fetched.

const test = require('node:test');
const assert = require('node:assert');
const { startSouk } = require('./lib/server');
const { liftSellerLimit } = require('./lib/webhooks');
const { advanceClock } = require('./lib/oauth-flow');
const { advertBody, create, reauth, waitStatus } = require('./lib/adverts');
const { itemBody, createItem } = require('./lib/wallapop-items');
const { jpeg, jpegHost, wallapopSeller, item, addImage, fetches, settled } = require('./lib/wallapop-images');
const { patience } = require('./lib/patience');

let s, host, who;
const hung = [];	// the hanging requests' sockets, each {closed}
test.before(async () => {
	s = await startSouk();
	await liftSellerLimit(s);
	host = await jpegHost(s, {
		'/hang.jpg': (req) => {
			const h = { closed: false, socket: req.socket };
			req.socket.on('close', () => { h.closed = true; });
			hung.push(h);
		},
	});
	who = await wallapopSeller(s);
});
test.after(async () => {
	for (const h of hung) h.socket.destroy();
	if (host) await host.close();
	return s && s.stop();
});

async function until(what, done) {
	const end = Date.now() + patience(15000);
	while (!(await done())) {
		if (Date.now() > end) assert.fail(`still waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

const stillHanging = (what) => assert.ok(hung.length === 1 && !hung[0].closed,
	`${what} waited for the image fetch to give up`);

test('a fetch from a host that never answers: moderation and expiry go on meanwhile', async () => {
	const id = await item(s, who);
	const r = await addImage(s, who, id, `${host.base}/hang.jpg`, 0);
	assert.strictEqual(r.status, 201, r.text);
	await until('the fetch to reach the host', () => hung.length > 0);

	// moderation: a new advert becomes active
	const ad = await create(s, who.token, advertBody({ title: 'Kurtka zimowa męska puchowa rozmiar L' }));
	await waitStatus(s, who.token, ad.id, 'active', { timeoutMs: patience(30000) });
	stillHanging('moderation');

	// expiry: past its valid_to the job ends it ('outdated' is a status the
	// OLX document's enum omits, as in the lifecycle tests)
	await advanceClock(s, 31 * 86400);
	await reauth(s, who);
	await waitStatus(s, who.token, ad.id, 'outdated', { timeoutMs: patience(30000), check: false });
	stillHanging('expiry');

	// the fetch itself still ends: it gives up, and the image is refused
	await until('the fetch to give up', async () => (await fetches(s, id)).every((f) => f.state !== 'pending'));
	const [f] = await fetches(s, id);
	assert.deepStrictEqual([f.id, f.state, f.reason], [r.json.id, 'failed',
		'The image could not be downloaded from this URL']);
	assert.ok(hung[0].closed, 'the fetch closed its connection when it gave up');
});

test('queueing a fetch wakes its runner: an added image and a main image arrive with no tick to wait for', async () => {
	const idle = await startSouk({ env: { SOUK_JOB_TICK_MS: '3600000' } });
	let photos;
	try {
		await liftSellerLimit(idle);
		const photo = await jpeg(idle, 400, 300);
		photos = await jpegHost(idle, { '/photo.jpg': photo });
		const seller = await wallapopSeller(idle);
		const id = await item(idle, seller);
		const added = await addImage(idle, seller, id, `${photos.base}/photo.jpg`, 0);
		assert.strictEqual(added.status, 201, added.text);
		assert.deepStrictEqual((await settled(idle, seller, id)).map((i) => i.id), [added.json.id]);
		const made = await createItem(idle, seller.wallapop, itemBody({ image: `${photos.base}/photo.jpg` }));
		assert.strictEqual((await settled(idle, seller, made)).length, 1);
	} finally {
		if (photos) await photos.close();
		await idle.stop();
	}
});
