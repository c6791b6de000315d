'use strict';
// Reads the demo accounts `souk serve` prints on a new marketplace.

const { patience } = require('./patience');

async function demoAccounts(s, timeoutMs = patience(10000)) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const log = s.log();
		const m = {
			clientId: /client_id (\S+)/.exec(log),
			secret: /client_secret (\S+)/.exec(log),
			redirect: /redirect_uri (\S+)/.exec(log),
			seller: /seller login\s+(\S+) \/ (\S+)/.exec(log),
			curl: /^ *(curl -s .*\\\n.*scope='v2 read write')$/m.exec(log),
		};
		if (Object.values(m).every(Boolean)) {
			return {
				clientId: m.clientId[1], secret: m.secret[1], redirectUri: m.redirect[1],
				seller: { email: m.seller[1], password: m.seller[2] }, curl: m.curl[1],
			};
		}
		if (Date.now() > deadline) throw new Error(`no demo accounts in the server log:\n${log}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

module.exports = { demoAccounts };
