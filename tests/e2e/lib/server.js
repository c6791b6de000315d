'use strict';
// Starts a real souk process for one test file: free port, fresh database in
// its own temp dir, output captured to a log. stop() fails the test when the
// process did not exit cleanly, so sanitizer reports (non-zero exit, or a
// report on stderr) surface as test failures with the report attached.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { createClient } = require('./http');
const { patience } = require('./patience');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const START_TIMEOUT_MS = patience(15000);
const STOP_TIMEOUT_MS = patience(10000);
const CLI_TIMEOUT_MS = patience(30000);
// Sanitizers may be built to keep going after a report (exit 0); catch those too.
const SANITIZER_RE = /ERROR: (AddressSanitizer|LeakSanitizer|ThreadSanitizer|MemorySanitizer)|runtime error:|WARNING: ThreadSanitizer/;

const live = new Set();
// A test process that dies mid-file must not leave servers behind.
process.on('exit', () => { for (const p of live) p.kill('SIGKILL'); });

function soukBin() {
	return path.resolve(REPO_ROOT, process.env.SOUK_BIN || 'build/souk');
}

// Bind port 0, read the port, release it. Another process can grab it in
// between; startSouk retries when the server reports the address in use.
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

// Runs a souk subcommand synchronously. Returns {status, signal, stdout, stderr}.
function runSouk(args, { env = {}, input, bin = soukBin() } = {}) {
	const r = spawnSync(bin, args, {
		env: { ...process.env, ...env }, input, encoding: 'utf8', timeout: CLI_TIMEOUT_MS,
	});
	if (r.error) throw r.error;
	return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// Runs a subcommand against `db` and returns its stdout parsed as JSON (or the
// trimmed text when it is not JSON). Throws with stderr on a non-zero exit or
// a sanitizer report.
function cli(args, { db, env, input, bin } = {}) {
	const full = db ? [...args, '--db', db] : args;
	const r = runSouk(full, { env, input, bin });
	if (r.status !== 0 || SANITIZER_RE.test(r.stderr))
		throw new Error(`souk ${full.join(' ')} exited ${r.status ?? r.signal}\n--- stderr ---\n${r.stderr}\n--- stdout ---\n${r.stdout}`);
	const out = r.stdout.trim();
	try { return JSON.parse(out); } catch { return out; }
}

// Healthy means this child answered: the port freePort gave may have been
// taken by another souk in between, which would answer /healthz while this
// one exits with the address in use. The answer's Trace-Id must show up in
// this child's own access log (unless it was told to keep quiet).
async function waitHealthy(url, exited, logText, quiet) {
	const deadline = Date.now() + START_TIMEOUT_MS;
	const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
	while (Date.now() < deadline) {
		if (exited.done) return false;
		try {
			const res = await fetch(url + '/healthz', { signal: AbortSignal.timeout(1000) });
			await res.arrayBuffer();
			const trace = res.headers.get('trace-id');
			if (res.status === 200 && (quiet || !trace)) return true;
			if (res.status === 200) {
				const seen = Date.now() + 5000;
				while (!exited.done && Date.now() < seen && !logText().includes(`trace=${trace} `)) await sleep(20);
				if (logText().includes(`trace=${trace} `)) return true;
			}
		} catch { /* not listening yet */ }
		await sleep(50);
	}
	return false;
}

// opts: {env: extra environment, args: extra `serve` arguments (e.g.
// ['--threads', '4']), bin: binary path (default $SOUK_BIN or build/souk),
// db: an existing database to serve again (a restart: its folder is left to
// the instance that made it)}.
async function startSouk({ env = {}, args = [], bin = soukBin(), db: reuse } = {}) {
	if (!fs.existsSync(bin))
		throw new Error(`souk binary not found at ${bin}: build it first (make), or set SOUK_BIN`);
	for (let attempt = 1; ; attempt++) {
		const dir = reuse ? path.dirname(reuse) : fs.mkdtempSync(path.join(os.tmpdir(), 'souk-e2e-'));
		const db = reuse || path.join(dir, 'souk.db');
		const logPath = path.join(dir, reuse ? `server-${Date.now()}-${attempt}.log` : 'server.log');
		const removeDir = () => { if (!reuse) fs.rmSync(dir, { recursive: true, force: true }); };
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const log = fs.openSync(logPath, 'a');
		const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, ...args], {
			env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
		});
		live.add(child);
		let stderr = '';
		child.stdout.on('data', (d) => fs.writeSync(log, d));
		child.stderr.on('data', (d) => { stderr += d; fs.writeSync(log, d); });
		const exited = { done: false, code: null, signal: null };
		// 'close' rather than 'exit': it fires after stdout/stderr are drained
		const exitPromise = new Promise((resolve) => child.on('close', (code, signal) => {
			Object.assign(exited, { done: true, code, signal });
			live.delete(child);
			resolve();
		}));
		// e.g. EACCES on a binary without the x bit: reported like an early exit
		child.on('error', (e) => {
			stderr += String(e);
			fs.writeSync(log, `spawn failed: ${e}\n`);
			Object.assign(exited, { done: true, code: -1 });
		});
		const logText = () => fs.readFileSync(logPath, 'utf8');

		const quiet = args.includes('--quiet') || !!(env.SOUK_QUIET || process.env.SOUK_QUIET);
		if (!(await waitHealthy(url, exited, logText, quiet))) {
			if (!exited.done) { child.kill('SIGKILL'); await exitPromise; }
			fs.closeSync(log);
			const text = logText();
			if (attempt < 3 && /address already in use|EADDRINUSE/i.test(text)) {
				removeDir();
				continue;
			}
			throw new Error(`souk did not become healthy on ${url} within ${START_TIMEOUT_MS} ms ` +
				`(exit ${exited.code ?? exited.signal}); log ${logPath}:\n${text}`);
		}

		// SIGKILL: the process ends mid-write, as in a crash;
		// stop() afterwards only tidies up.
		let crashed = false;
		const crash = async () => {
			crashed = true;
			if (!exited.done) {
				child.kill('SIGKILL');
				await exitPromise;
			}
		};

		let stopped = null;
		const stop = () => (stopped = stopped || (async () => {
			if (!exited.done) {
				child.kill('SIGTERM');
				const t = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
				await exitPromise;
				clearTimeout(t);
			}
			fs.closeSync(log);
			const bad = SANITIZER_RE.test(stderr) || (!crashed && (exited.code !== 0 || exited.signal !== null));
			if (bad) {
				const how = exited.signal ? `killed by ${exited.signal}` : `exited ${exited.code}`;
				throw new Error(`souk ${how} (expected clean exit 0 on SIGTERM); log kept at ${logPath}:\n${logText()}`);
			}
			if (!crashed) removeDir(); // a crashed server's database is kept for a restart
		})());

		const http = createClient(url);
		return {
			url, port, db, dir, logPath, pid: child.pid,
			http,                 // {req, get, post, put, patch, del, withToken}
			req: http.req,
			cli: (cliArgs, opts = {}) => cli(cliArgs, { ...opts, db, env: { ...env, ...(opts.env || {}) }, bin }),
			log: logText,
			exited: () => exited.done,
			crash,
			stop,
		};
	}
}

module.exports = { REPO_ROOT, soukBin, freePort, runSouk, cli, startSouk };
