'use strict';
// The login form is throttled before any Argon2id runs: per account (the
// e-mail, whether anyone has it or not: five attempts, five more slowed 5,
// 10, 20, 40 and 80 s apart, then refused for 15 minutes, the right password
// too) and per address (twenty failures, ten slowed, then refused). The throttle runs on the marketplace
// clock, which the operator API advances. Before this, 400 wrong passwords
// were all answered 401, and 16 clients hammering the login starved /healthz.

const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startSouk } = require('./lib/server');
const { Browser, makeUser, advanceClock } = require('./lib/oauth-flow');

const LOCK = 900;
const ACCOUNT_BUDGET = 10; // five free and five slowed attempts
const ADDRESS_BUDGET = 30; // twenty free and ten slowed failures

let s;
test.before(async () => { s = await startSouk(); });
test.after(() => s && s.stop());
// Each test starts with every counter forgotten.
test.afterEach(() => advanceClock(s, LOCK + 1));

async function loginForm() {
	const b = new Browser(s);
	const page = await b.req('GET', '/oauth/login');
	return { b, fields: b.form(page.text, '/oauth/login').fields };
}

function attempt({ b, fields }, email, password) {
	return b.req('POST', '/oauth/login', { form: { ...fields, email, password } });
}

function refused(r) {
	assert.strictEqual(r.status, 429, r.text);
	assert.match(r.text, /Too many sign-in attempts\. Please wait \d+ (seconds|minutes) and try again\./);
	assert.match(r.headers['retry-after'], /^[1-9]\d*$/);
	assert.ok(!r.cookies.some((c) => c.startsWith('souk_session=')), 'a session was started');
	return Number(r.headers['retry-after']);
}

test('login throttling: 400 wrong passwords are refused past a few, and then the right one too until the window passes', async () => {
	const user = makeUser(s);
	const form = await loginForm();
	// The attack as it was made: 400 wrong passwords, 20 at a time.
	const statuses = [];
	for (let i = 0; i < 400; i += 20) {
		const rs = await Promise.all(Array.from({ length: 20 }, (_, j) => attempt(form, user.email, `wrong-${i + j}`)));
		statuses.push(...rs.map((r) => r.status));
	}
	const answered = statuses.filter((x) => x === 401).length;
	assert.ok(answered >= 5 && answered <= ACCOUNT_BUDGET, `${answered} passwords were checked`);
	assert.strictEqual(statuses.filter((x) => x === 429).length, 400 - answered);

	// Slowed: each wait passed on the marketplace clock lets one more guess
	// through, until the account is locked.
	let wait = refused(await attempt(form, user.email, 'wrong again'));
	let checked = answered;
	while (wait < LOCK / 2) {
		await advanceClock(s, wait);
		const r = await attempt(form, user.email, 'wrong again');
		if (r.status === 401) checked++;
		else wait = refused(r);
		if (r.status === 401) wait = refused(await attempt(form, user.email, 'wrong again'));
	}
	assert.strictEqual(checked, ACCOUNT_BUDGET);

	// Locked: the right password is refused as well, with the same page.
	const right = await attempt(form, user.email, user.password);
	assert.ok(refused(right) > LOCK / 2);
	assert.match(right.text, /minutes/);
	await advanceClock(s, LOCK - 60);
	refused(await attempt(form, user.email, user.password));
	await advanceClock(s, 61);
	const ok = await attempt(form, user.email, user.password);
	assert.strictEqual(ok.status, 303, ok.text);
});

function masked(r) {
	const message = (/<p class="error">([^<]*)<\/p>/.exec(r.text) || [])[1];
	return `${r.status} ${message.replace(/\d+/g, 'N')}`;
}

test('login throttling: an unknown e-mail is answered exactly as a known one with a wrong password', async () => {
	const user = makeUser(s);
	const known = [];
	const form = await loginForm();
	for (let i = 0; i < 8; i++) known.push(masked(await attempt(form, user.email, `wrong-${i}`)));
	await advanceClock(s, LOCK + 1);
	const unknown = [];
	for (let i = 0; i < 8; i++) unknown.push(masked(await attempt(form, `nobody-${user.email}`, `wrong-${i}`)));
	assert.deepStrictEqual(unknown, known);
	assert.deepStrictEqual(known.slice(0, 5), Array(5).fill('401 Wrong e-mail address or password.'));
	assert.match(known[5], /^429 Too many sign-in attempts/);
	// Spelling the e-mail otherwise is the same account to the throttle.
	refused(await attempt(form, `NOBODY-${user.email.toUpperCase()}`, 'x'));
});

test('login throttling: /healthz stays responsive while 16 clients hammer the login with fresh e-mails', async () => {
	const lanes = await Promise.all(Array.from({ length: 16 }, loginForm));
	let hammering = true;
	const statuses = [];
	const hammer = lanes.map(async (form) => {
		for (let i = 0; i < 25; i++) {
			const email = `guess-${crypto.randomBytes(6).toString('hex')}@souk.test`;
			statuses.push((await attempt(form, email, 'password1')).status);
		}
	});
	const health = (async () => {
		const answers = [];
		while (hammering) {
			const r = await fetch(`${s.url}/healthz`, { signal: AbortSignal.timeout(10000) });
			await r.arrayBuffer();
			answers.push(r.status);
		}
		return answers;
	})();
	await Promise.all(hammer);
	hammering = false;
	const answers = await health;
	assert.ok(answers.length > 0 && answers.every((x) => x === 200), `healthz: ${answers}`);
	// Argon2id ran only for the address's budget; the rest were refused first.
	const checked = statuses.filter((x) => x === 401).length;
	assert.ok(checked >= 20 && checked <= ADDRESS_BUDGET, `${checked} of ${statuses.length} passwords were checked`);
	assert.strictEqual(statuses.filter((x) => x === 429).length, statuses.length - checked);
});
