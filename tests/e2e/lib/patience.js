'use strict';
// How long the suite waits for the server before calling it stuck.
//
// Sanitizer builds are slower: ASan+UBSan about 2-4x, ThreadSanitizer 5-15x.
// `make test` and `make tsan` say which build runs through SOUK_SANITIZED
// ("address" or "thread"; any other non-empty value counts as address), and
// every bound on waiting for souk is scaled by it here, in one place, so a
// slow build gets more time without any test knowing which build it drives.
// Only waits are scaled: no test asserts how long anything took.

const FACTORS = { '': 1, address: 4, thread: 12 };

function factor(kind = process.env.SOUK_SANITIZED || '') {
	return FACTORS[kind] ?? FACTORS.address;
}

// A wait bound, in ms, for this build.
function patience(ms) {
	return ms * factor();
}

module.exports = { patience, factor };
