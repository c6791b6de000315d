'use strict';
// Debian's chromium driven by playwright-core, for tests that need a real
// browser: `skip` says why they cannot run here (no chromium installed).

const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed`;

function launchChromium() {
	const { chromium } = require('playwright-core');
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

module.exports = { CHROMIUM, skip, launchChromium };
