'use strict';
// run.js -- souk's benchmarks (`make bench`). Builds the datasets, starts souk
// on each and the references (nginx, Glewlwyd, Prism) side by side, all pinned
// to one core, drives them with wrk pinned to the other, alternating targets
// run by run, and prints ratios against the references measured in the same
// run. Then counts instructions per request of the hot paths under callgrind
// against bench/baseline.json. Writes bench/out/results.json and the measured
// part of bench/RESULTS.md. Every step is bounded in time.
//
// Environment: BENCH_ADVERTS (10000000), BENCH_USERS (100000), BENCH_DURATION
// seconds per run (5), BENCH_RUNS (3), BENCH_CONNS (16), BENCH_SERVER_CPU (0),
// BENCH_LOAD_CPU (1), BENCH_CALLGRIND_N (200), BENCH_UPDATE_BASELINE=1,
// BENCH_ONLY=callgrind (only the instruction counts against the baseline,
// about two minutes: no large dataset, no wrk, RESULTS.md left as it is).

const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const os = require('node:os');
const { spawn, execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const BIN = process.env.BENCH_SOUK || path.join(ROOT, 'build/souk');
const GEN = path.join(ROOT, 'build/bench/gen');
const DATA = path.join(__dirname, 'data');
const OUT = path.join(__dirname, 'out');
const SPEC = path.resolve(ROOT, '../shared/specs/olx-partner-api.yaml');
const PRISM = path.join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');
const env = process.env;
const C = {
	adverts: +env.BENCH_ADVERTS || 10000000,
	users: +env.BENCH_USERS || 100000,
	dur: +env.BENCH_DURATION || 5,
	runs: +env.BENCH_RUNS || 3,
	conns: +env.BENCH_CONNS || 16,
	serverCpu: env.BENCH_SERVER_CPU || '0',
	loadCpu: env.BENCH_LOAD_CPU || '1',
	cgN: +env.BENCH_CALLGRIND_N || 200,
	seed: 20240601,
	sellerAdverts: 10000,
};
const OLX = '/api/partner';
const T0 = Date.now();
const log = (...a) => console.error(`[${((Date.now() - T0) / 1000).toFixed(0).padStart(4)}s]`, ...a);

// ---------------------------------------------------------------- processes

const children = new Set();
function start(name, cmd, args, opts = {}) {
	const out = fs.openSync(path.join(OUT, `${name}.log`), 'w');
	const p = spawn(cmd, args, { stdio: ['ignore', out, out], detached: true, ...opts });
	fs.closeSync(out);
	p.exited = new Promise((resolve) => p.on('exit', (code, sig) => resolve(code ?? sig)));
	children.add(p);
	p.exited.then(() => children.delete(p));
	return p;
}
async function stop(p, ms = 10000) {
	if (!children.has(p)) return;
	try { process.kill(-p.pid, 'SIGTERM'); } catch { /* gone */ }
	const t = setTimeout(() => { try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ } }, ms);
	await p.exited;
	clearTimeout(t);
}
function killAll() {
	for (const p of children) try { process.kill(-p.pid, 'SIGKILL'); } catch { /* gone */ }
}
process.on('exit', killAll);
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => { killAll(); process.exit(130); });
// The whole run is bounded: nothing outlives this watchdog.
setTimeout(() => { log('watchdog: time is up'); killAll(); process.exit(3); },
	(+env.BENCH_TIMEOUT_MIN || 28) * 60000).unref();

function sh(cmd, args, opts = {}) {
	return execFileSync(cmd, args, { encoding: 'utf8', timeout: 600000, maxBuffer: 64 << 20, ...opts });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function request(port, method, p, { headers = {}, body, timeout = 10000, agent } = {}) {
	return new Promise((resolve) => {
		const req = http.request({ host: '127.0.0.1', port, method, path: p, headers, timeout, agent }, (res) => {
			const chunks = [];
			res.on('data', (d) => chunks.push(d));
			res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (e) => resolve({ status: 0, body: String(e.message) }));
		if (body) req.write(body);
		req.end();
	});
}
async function waitReady(port, p, ms) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const r = await request(port, 'GET', p, { timeout: 1000 });
		if (r.status > 0 && r.status < 500) return true;
		await sleep(2);
	}
	return false;
}
const vmHWM = (pid) => {
	try { return +/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1] * 1024; } catch { return 0; }
};
const fileSize = (f) => { try { return fs.statSync(f).size; } catch { return 0; } };
const dbSize = (f) => fileSize(f) + fileSize(`${f}-wal`);

// ---------------------------------------------------------------- datasets

function cliJson(args) { return JSON.parse(sh(BIN, args)); }

function dataset(name, users, adverts) {
	const db = path.join(DATA, `${name}.db`);
	for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
	const t = Date.now();
	sh(BIN, ['migrate', '--db', db]);
	const app = cliJson(['app', 'create', '--name', 'bench', '--redirect-uri', 'http://127.0.0.1:9/cb', '--db', db]);
	const operator = cliJson(['operator', 'create', '--name', 'bench', '--db', db]);
	const pairsFile = path.join(DATA, `${name}.pairs`), sessionsFile = path.join(DATA, `${name}.sessions`);
	log(`dataset ${name}: ${users} users, ${adverts} adverts`);
	const info = JSON.parse(execFileSync(GEN, [db, String(app.client_id), String(users), String(adverts),
		String(Math.min(C.sellerAdverts, adverts)), String(C.seed), path.join(ROOT, 'data'), pairsFile, sessionsFile],
	{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 1200000 }));
	const pairs = fs.readFileSync(pairsFile, 'utf8').trim().split('\n').map((l) => l.split(' '))
		.map(([token, id]) => ({ token, id: +id }));
	return { name, db, app, operator, pairsFile, sessionsFile, ...info, pairList: pairs, build_s: (Date.now() - t) / 1000, size: dbSize(db) };
}

// ---------------------------------------------------------------- servers

let nextPort = 18400 + (process.pid % 500) * 10;
async function startSouk(ds) {
	const port = nextPort++;
	const t = process.hrtime.bigint();
	const p = start(`souk-${ds.name}`, 'taskset', ['-c', C.serverCpu, BIN, 'serve', '--listen', `127.0.0.1:${port}`,
		'--db', ds.db, '--threads', '1', '--quiet', '--no-demo'], { env: { ...env, SOUK_QUIET: '1' } });
	if (!await waitReady(port, '/healthz', 60000)) throw new Error(`souk on ${ds.name} did not start`);
	const startup_ms = Number(process.hrtime.bigint() - t) / 1e6;
	log(`souk on ${ds.name}: port ${port}, ready in ${startup_ms.toFixed(1)} ms`);
	// The create scenario measures the ordinary path (under the free limit,
	// into moderation): the limit is lifted, since a run posts thousands of
	// adverts per seller into one category. The token scenario asks from one
	// address thousands of times a second: its limit per address is lifted.
	const key = ds.operator.token;
	for (const [name, value] of [['adverts.free_limit', '100000000'], ['ratelimit.olx.token', 'off']]) {
		const r = await request(port, 'PUT', `/api/admin/settings/${name}`, {
			headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ value }) });
		if (r.status < 200 || r.status > 299) throw new Error(`cannot set ${name}: ${r.status} ${r.body}`);
	}
	return { kind: 'souk', name: `souk ${ds.name}`, ds, port, proc: p, startup_ms };
}

async function startNginx(body) {
	const dir = path.join(OUT, 'nginx');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, 'html'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'html/advert.json'), body);
	const port = nextPort++;
	// One process, one worker (master_process off): the HTTP ceiling of one
	// core. Keep-alive without a request cap, no access log, open files cached.
	fs.writeFileSync(path.join(dir, 'nginx.conf'), `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_timeout 65;
	keepalive_requests 10000000;
	open_file_cache max=16 inactive=60s;
	open_file_cache_valid 60s;
	client_body_temp_path ${dir}/tmp;
	proxy_temp_path ${dir}/tmp;
	fastcgi_temp_path ${dir}/tmp;
	uwsgi_temp_path ${dir}/tmp;
	scgi_temp_path ${dir}/tmp;
	server {
		listen 127.0.0.1:${port};
		root ${dir}/html;
		location ${OLX}/adverts/ {
			default_type application/json;
			try_files /advert.json =404;
		}
	}
}
`);
	const p = start('nginx', 'taskset', ['-c', C.serverCpu, 'nginx', '-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`]);
	if (!await waitReady(port, `${OLX}/adverts/1`, 10000)) throw new Error('nginx did not start');
	return { kind: 'nginx', name: 'nginx static file', port, proc: p };
}

async function startGlewlwyd() {
	const dir = path.join(DATA, 'glewlwyd');	// the same disk as souk's databases
	const port = nextPort++;
	sh('sh', [path.join(__dirname, 'glewlwyd.sh'), 'config', dir, String(port)]);
	const p = start('glewlwyd', 'taskset', ['-c', C.serverCpu, 'glewlwyd', `--config-file=${dir}/glewlwyd.conf`]);
	if (!await waitReady(port, '/config/', 20000)) throw new Error('glewlwyd did not start');
	const body = sh('sh', [path.join(__dirname, 'glewlwyd.sh'), 'provision', dir, String(port)]).trim();
	return { kind: 'glewlwyd', name: 'Glewlwyd 2.7.5', port, proc: p, tokenBody: body };
}

async function startPrism() {
	const port = nextPort++;
	const p = start('prism', 'taskset', ['-c', C.serverCpu, process.execPath, PRISM, 'mock', '-h', '127.0.0.1',
		'-p', String(port), SPEC], { env: { ...env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' } });
	if (!await waitReady(port, '/users/me', 60000)) throw new Error('prism did not start');
	return { kind: 'prism', name: 'Prism mock', port, proc: p };
}

// ---------------------------------------------------------------- scenarios

const PL_BOX = [49.0, 54.8, 14.1, 24.1];	// latitude, longitude bounds of Poland
const CREATE_BODY = JSON.stringify({
	title: 'Bluzka damska bawełniana rozmiar M',
	description: 'Bluzka w bardzo dobrym stanie, noszona kilka razy, bez plam i dziur. Kolor czarny, bawełna 100%, rozmiar M.',
	category_id: 1581,
	advertiser_type: 'private',
	contact: { name: 'Anna', phone: '600100200' },
	location: { city_id: 1394, district_id: 32, latitude: 52.2546, longitude: 20.9084 },
	price: { value: 49.99, currency: 'PLN', negotiable: true },
	attributes: [{ code: 'state', value: 'used' }, { code: 'size', value: 'm' }],
});

function suggestionWords() {
	const words = new Set();
	for (const line of fs.readFileSync(path.join(ROOT, 'data/categories.json'), 'utf8').split('\n')) {
		const m = /"keywords":\{"pl":(\[[^\]]*\])/.exec(line);
		if (m) for (const w of JSON.parse(m[1])) if (w.length >= 3) words.add(encodeURIComponent(w));
	}
	return [...words].slice(0, 400).join(',');
}

// Each scenario: the request, given a target (souk, reference) -> BENCH_* env.
// Every answer's status is checked by wrk, and a sample of bodies for a text
// the right answer holds (`expect`, souk's answers only; references are held
// to their status): a run with a wrong answer fails the benchmark. No
// scenario speaks with one token, which the token cache would always hold:
// GET and create speak for a thousand sellers (wrk rotates their tokens, each
// asking for its own adverts), as do locations and suggestions, and the lists
// for the bench seller (its 10,000 adverts) in its 256 sessions.
function scenarios(words) {
	const auth = (t) => `Authorization: Bearer ${t.ds ? t.ds.token : 'bench-token'}\nVersion: 2.0`;
	const prefix = (t) => (t.kind === 'prism' ? '' : OLX);
	const pairs = (t) => (t.ds ? { BENCH_PAIRS: t.ds.pairsFile } : { BENCH_IDS: '1,1,10000' });
	// the bench seller's own requests (its 10,000 adverts) in its many sessions
	const sessions = (t) => (t.ds ? { BENCH_PAIRS: t.ds.sessionsFile } : {});
	const jsonStatus = (t, code) => (t.kind === 'prism' || t.kind === 'nginx' || t.kind === 'glewlwyd' ? '' : String(code));
	return [
		{ key: 'get', title: 'GET /adverts/{id}, 1,000 sellers', refs: ['nginx', 'prism'], expect: '"status":"active"',
			req: (t) => ({ BENCH_PATH: `${prefix(t)}/adverts/{id}`, ...pairs(t), BENCH_HEADERS: auth(t),
				BENCH_STATUS: jsonStatus(t, 200) }) },
		{ key: 'list0', title: 'GET /adverts?limit=50, first page', refs: ['prism'],
			expect: (t) => `"total_elements":${t.ds.seller_adverts}`, req: (t) => ({
				BENCH_PATH: `${prefix(t)}/adverts?limit=50&offset=0`, ...sessions(t), BENCH_HEADERS: auth(t),
				BENCH_STATUS: jsonStatus(t, 200) }) },
		{ key: 'list', title: 'GET /adverts?limit=50&offset=5000..9950', refs: ['prism'],
			expect: (t) => `"total_elements":${t.ds.seller_adverts}`, req: (t) => ({
				BENCH_PATH: `${prefix(t)}/adverts?limit=50&offset={offset}`, BENCH_OFFSETS: '5000,9950,50',
				...sessions(t), BENCH_HEADERS: auth(t), BENCH_STATUS: jsonStatus(t, 200) }) },
		{ key: 'locations', title: 'GET /locations?latitude&longitude', refs: ['prism'], expect: '"data":[', req: (t) => ({
			BENCH_PATH: `${prefix(t)}/locations?latitude={lat}&longitude={lon}`, BENCH_BOX: PL_BOX.join(','),
			...pairs(t), BENCH_HEADERS: auth(t), BENCH_STATUS: jsonStatus(t, 200) }) },
		{ key: 'suggest', title: 'GET /categories/suggestion?q=', refs: ['prism'], expect: '"data":[', req: (t) => ({
			BENCH_PATH: `${prefix(t)}/categories/suggestion?q={q}`, BENCH_WORDS: words, ...pairs(t),
			BENCH_HEADERS: auth(t), BENCH_STATUS: jsonStatus(t, 200) }) },
		{ key: 'token', title: 'POST /api/open/oauth/token (client_credentials)', refs: ['glewlwyd'], expect: '"access_token":"',
			req: (t) => ({
				BENCH_METHOD: 'POST',
				BENCH_PATH: t.kind === 'glewlwyd' ? '/api/oidc/token' : '/api/open/oauth/token',
				BENCH_HEADERS: 'Content-Type: application/x-www-form-urlencoded',
				BENCH_BODY: t.kind === 'glewlwyd' ? t.tokenBody
					: `grant_type=client_credentials&client_id=${t.ds.app.client_id}&client_secret=${t.ds.app.client_secret}&scope=v2+read+write`,
				BENCH_STATUS: jsonStatus(t, 200),
			}) },
		{ key: 'create', title: 'POST /adverts, 1,000 sellers (validate, insert, event)', refs: ['prism'], expect: '"status":"new"',
			req: (t) => ({
				BENCH_METHOD: 'POST', BENCH_PATH: `${prefix(t)}/adverts`, BENCH_BODY: CREATE_BODY, ...pairs(t),
				BENCH_HEADERS: `${auth(t)}\nContent-Type: application/json`, BENCH_STATUS: jsonStatus(t, 200) }) },
	];
}
const expected = (scn, t) => (t.kind !== 'souk' || !scn.expect ? '' : typeof scn.expect === 'function' ? scn.expect(t) : scn.expect);

// One request as wrk would send its first one: is the endpoint there?
async function probe(t, scn) {
	const e = scn.req(t);
	const line = t.ds && e.BENCH_PAIRS ? fs.readFileSync(e.BENCH_PAIRS, 'utf8').split('\n')[0].split(' ') : null;
	const pair = line ? { token: line[0], id: +line[1] } : null;
	if (pair) e.BENCH_HEADERS = e.BENCH_HEADERS.replace(/Bearer \S+/, `Bearer ${pair.token}`);
	let p = e.BENCH_PATH.replace('{id}', pair ? String(pair.id) : e.BENCH_IDS ? e.BENCH_IDS.split(',')[0] : '1')
		.replace('{offset}', '5000').replace('{lat}', '52.2297').replace('{lon}', '21.0122')
		.replace('{q}', e.BENCH_WORDS ? e.BENCH_WORDS.split(',')[0] : 'rower');
	const headers = {};
	for (const line of (e.BENCH_HEADERS || '').split('\n')) {
		const i = line.indexOf(':');
		if (i > 0) headers[line.slice(0, i)] = line.slice(i + 1).trim();
	}
	return request(t.port, e.BENCH_METHOD || 'GET', p, { headers, body: e.BENCH_BODY });
}

// Before a scenario is timed, a sample of souk's answers to it is read whole
// and checked against what the dataset says they must be.
async function verify(t, scn) {
	const ds = t.ds, bad = [];
	const get = (p, token) => request(t.port, 'GET', p, { headers: { Authorization: `Bearer ${token}`, Version: '2.0' } });
	const json = (r) => { try { return JSON.parse(r.body); } catch { return null; } };
	if (scn.key === 'get') {
		for (const pr of ds.pairList.filter((_, k) => k % 61 === 0)) {
			const r = await get(`${OLX}/adverts/${pr.id}`, pr.token), b = json(r);
			if (r.status !== 200 || !b || b.data.id !== pr.id || b.data.status !== 'active') bad.push(`advert ${pr.id}: ${r.status} ${r.body.slice(0, 80)}`);
		}
	} else if (scn.key === 'list0' || scn.key === 'list') {
		const sessions = fs.readFileSync(ds.sessionsFile, 'utf8').trim().split('\n').map((l) => l.split(' ')[0]);
		for (const [k, off] of [0, 5000, 9950].entries()) {
			const r = await get(`${OLX}/adverts?limit=50&offset=${off}`, k ? sessions[k * 97] : ds.token), b = json(r);
			const ids = b && b.data ? b.data.map((a) => a.id) : [];
			if (r.status !== 200 || b.metadata.total_elements !== ds.seller_adverts || ids.length !== 50 ||
			    ids.some((id, k) => k && id <= ids[k - 1]))
				bad.push(`list offset ${off}: ${r.status}, total ${b && b.metadata ? b.metadata.total_elements : '?'}, ${ids.length} ids`);
		}
	} else if (scn.key === 'create') {
		const r = await probe(t, scn), b = json(r);
		if (r.status !== 200 || !b || b.data.status !== 'new' || b.data.title !== JSON.parse(CREATE_BODY).title)
			bad.push(`create: ${r.status} ${r.body.slice(0, 120)}`);
	}
	if (bad.length) failures.push(`${scn.key} on ${t.name}: wrong answers before timing: ${bad.slice(0, 3).join('; ')}`);
	return !bad.length;
}

// CPU use, to keep runs clean on a shared machine: user ticks of one CPU
// (/proc/stat) and the ticks of one process (all its threads).
function cpuUser(cpu) {
	const l = fs.readFileSync('/proc/stat', 'utf8').split('\n').find((x) => x.startsWith(`cpu${cpu} `));
	const f = l.trim().split(/\s+/).map(Number);
	return f[1] + f[2];
}
function cpuBusy() {
	const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
	return { busy: f[0] + f[1] + f[2] + f[5] + f[6], all: f.reduce((a, b) => a + b, 0) };
}
function procUser(pid) {
	try { return +fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[11]; } catch { return 0; }
}
// User and system ticks of one process: wrk spends most of its time in the kernel.
function procTotal(pid) {
	try {
		const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return +f[11] + +f[12];
	} catch { return 0; }
}
// Before a run: wait (at most 60 s) until the machine is idle.
async function waitQuiet() {
	for (let i = 0; i < 120; i++) {
		const a = cpuBusy();
		await sleep(500);
		const b = cpuBusy();
		if ((b.busy - a.busy) / Math.max(1, b.all - a.all) < 0.1) return true;
	}
	return false;
}

// One wrk run. wrk's own CPU use is sampled while it runs: near 100% of its
// core, the load generator and not the target sets the pace, and the result
// is marked (wrk_cpu), so a ratio against a reference it capped is not taken
// at face value.
function wrkOnce(t, scn, secs) {
	return new Promise((resolve) => {
		const e = { ...env, ...scn.req(t), BENCH_EXPECT: expected(scn, t) };
		const p = spawn('taskset', ['-c', C.loadCpu, 'wrk', '-t1', `-c${C.conns}`, `-d${secs}s`,
			'-s', path.join(__dirname, 'wrk.lua'), `http://127.0.0.1:${t.port}`], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
		const kill = setTimeout(() => p.kill('SIGKILL'), (secs + 20) * 1000);
		const t0 = Date.now(), u0 = procTotal(p.pid);
		let ticks = 0, ms = 0;
		const sample = setInterval(() => { ticks = procTotal(p.pid) - u0; ms = Date.now() - t0; }, 250);
		let out = '';
		p.stdout.on('data', (d) => { out += d; });
		p.stderr.on('data', (d) => { out += d; });
		p.on('exit', () => {
			clearTimeout(kill);
			clearInterval(sample);
			const m = /RESULT (\{.*\})/.exec(out);
			const r = m ? JSON.parse(m[1]) : { rps: 0, p99_ms: 0, error: out.slice(-300) };
			r.wrk_cpu = ms > 0 ? +(ticks / HZ / (ms / 1000)).toFixed(2) : 0;
			resolve(r);
		});
	});
}

// One measured run. Foreign work on the server's CPU (user ticks of that CPU
// not spent by the target) beyond 5% of the run marks it contaminated: it is
// run again, up to 3 times, and kept with a mark after that.
async function wrk(t, scn, secs) {
	let r;
	for (let attempt = 1; attempt <= 3; attempt++) {
		await waitQuiet();
		const c0 = cpuUser(C.serverCpu), p0 = procUser(t.proc.pid);
		r = await wrkOnce(t, scn, secs);
		const foreign = (cpuUser(C.serverCpu) - c0 - (procUser(t.proc.pid) - p0)) / (HZ * secs);
		r.foreign_cpu = Math.max(0, +foreign.toFixed(3));
		if (secs < 2 || foreign <= 0.05) return r;
		log(`  (run discarded: ${(foreign * 100).toFixed(0)}% of CPU ${C.serverCpu} used by other processes)`);
	}
	r.contaminated = true;
	return r;
}
const HZ = +(() => { try { return sh('getconf', ['CLK_TCK']).trim(); } catch { return '100'; } })();

const failures = [];	// wrong answers seen by any measured run: the bench fails
const median = (rs) => {
	const s = [...rs].sort((a, b) => a.rps - b.rps);
	return s[(s.length - 1) >> 1];
};

async function measure(scn, targets) {
	const res = Object.fromEntries(targets.map((t) => [t.name, []]));
	for (const t of targets) await wrk(t, scn, 1);	// warm-up, discarded
	for (let i = 0; i < C.runs; i++) {
		for (const t of targets) {
			const r = await wrk(t, scn, C.dur);
			res[t.name].push(r);
			log(`  ${scn.key} ${t.name} run ${i + 1}: ${r.rps.toFixed(0)} req/s p99 ${r.p99_ms} ms, wrk CPU ${r.wrk_cpu}` +
				(r.non2xx ? ` non-2xx ${r.non2xx}` : '') + (r.wrong ? ` WRONG ANSWERS ${r.wrong}` : '') +
				(r.error ? ` ${r.error}` : ''));
			if (r.wrong || r.socket_errors || (expected(scn, t) && !r.checked) || r.error) {
				failures.push(`${scn.key} on ${t.name} run ${i + 1}: ${r.wrong || 0} wrong of ${r.seen || 0} answers ` +
					`(${r.checked || 0} bodies checked), ${r.socket_errors || 0} socket errors${r.error ? `, ${r.error}` : ''}`);
			}
			await sleep(300);
		}
	}
	const med = {};
	for (const t of targets) {
		const m = median(res[t.name]);
		med[t.name] = { ...m, runs: res[t.name].map((r) => Math.round(r.rps)) };
	}
	return med;
}

// ---------------------------------------------------------------- callgrind

const CG_PATHS = ['get', 'get_sellers', 'token', 'create'];

// Where one request's instructions go: functions of the path's run minus the
// same functions of the run without it, per request; self and inclusive.
function annotate(file, inclusive) {
	const m = new Map();
	const text = sh('callgrind_annotate', ['--auto=no', `--inclusive=${inclusive ? 'yes' : 'no'}`, '--threshold=100', file]);
	for (const line of text.split('\n')) {
		const x = /^\s*([\d,]+)\s+\([^)]*\)\s+(.+?)(?: \[.*\])?$/.exec(line);
		if (x && !x[2].includes('PROGRAM TOTALS')) m.set(x[2], (m.get(x[2]) || 0) + +x[1].replace(/,/g, ''));
	}
	return m;
}
function profile(which, baseFile, file) {
	const out = [`Instructions per ${which} request by function (callgrind, ${C.cgN} requests minus the warm-up-only run)`];
	for (const inclusive of [false, true]) {
		const a = annotate(file, inclusive), b = annotate(baseFile, inclusive);
		const rows = [...a].map(([k, v]) => [k, (v - (b.get(k) || 0)) / C.cgN]).filter((r) => r[1] > 50)
			.sort((x, y) => y[1] - x[1]).slice(0, 40);
		out.push('', inclusive ? 'inclusive:' : 'self:');
		for (const [k, v] of rows) out.push(`${Math.round(v).toString().padStart(10)}  ${k}`);
	}
	fs.writeFileSync(path.join(OUT, `callgrind.${which}.txt`), `${out.join('\n')}\n`);
}
const WARM = 20, CG_CHECK_EVERY = 10;
async function callgrind(ds) {
	// One start before the copy: what souk makes on its first start (the
	// token signing key: an RSA key search whose cost differs run by run) is
	// then in every run's database, and the runs differ only by requests.
	const first = await startSouk(ds);
	await stop(first.proc);
	const pristine = `${ds.db}.pristine`;
	fs.copyFileSync(ds.db, pristine);
	const headers = { Authorization: `Bearer ${ds.token}`, Version: '2.0' };
	const getId = (k) => ds.first_advert + ds.stride * ((k * 7919) % ds.seller_adverts);
	// One advert of each of the other sellers, each asked for with its own
	// seller's token: no two requests of a run share a token, so none is
	// answered from the token cache (the warm-up, k from C.cgN on, neither).
	const sellers = [...new Map(ds.pairList.map((p) => [p.token, p])).values()];
	if (sellers.length < C.cgN + WARM) throw new Error(`callgrind needs ${C.cgN + WARM} sellers with tokens, the dataset has ${sellers.length}`);
	const seller = (k) => sellers[k];
	const send = {
		get: (port, k, agent) => request(port, 'GET', `${OLX}/adverts/${getId(k)}`, { headers, agent }),
		get_sellers: (port, k, agent) => request(port, 'GET', `${OLX}/adverts/${seller(k).id}`,
			{ headers: { ...headers, Authorization: `Bearer ${seller(k).token}` }, agent }),
		token: (port, k, agent) => request(port, 'POST', '/api/open/oauth/token', { agent,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `grant_type=client_credentials&client_id=${ds.app.client_id}&client_secret=${ds.app.client_secret}&scope=v2+read+write` }),
		create: (port, k, agent) => request(port, 'POST', `${OLX}/adverts`, { agent,
			headers: { ...headers, 'Content-Type': 'application/json' }, body: CREATE_BODY }),
	};
	// What a right answer holds: one answer in CG_CHECK_EVERY is read whole,
	// and a wrong one leaves the path unmeasured.
	const json = (r) => { try { return JSON.parse(r.body); } catch { return null; } };
	const right = {
		get: (k, b) => b && b.data && b.data.id === getId(k) && b.data.status === 'active',
		get_sellers: (k, b) => b && b.data && b.data.id === seller(k).id && b.data.status === 'active',
		token: (k, b) => b && typeof b.access_token === 'string' && b.access_token.length > 0,
		create: (k, b) => b && b.data && b.data.status === 'new' && b.data.title === JSON.parse(CREATE_BODY).title,
	};
	const one = async (which) => {
		const db = path.join(OUT, 'callgrind.db');
		for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
		fs.copyFileSync(pristine, db);
		const outFile = path.join(OUT, `callgrind.${which}.out`);
		const port = nextPort++;
		const p = start(`callgrind-${which}`, 'valgrind', ['--tool=callgrind', `--callgrind-out-file=${outFile}`,
			BIN, 'serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--threads', '1', '--quiet', '--no-demo'],
		{ env: { ...env, SOUK_QUIET: '1', SOUK_JOB_TICK_MS: '86400000' } });
		try {
			if (!await waitReady(port, '/healthz', 120000)) throw new Error('souk under callgrind did not start');
			const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
			const status = {};
			// the same warm-up in every run (statements prepared, caches filled), then N of one path
			for (const w of CG_PATHS) for (let k = 0; k < WARM; k++) await send[w](port, C.cgN + k, agent);
			if (which !== 'base') {
				for (let k = 0; k < C.cgN; k++) {
					const r = await send[which](port, k, agent);
					const ok = k % CG_CHECK_EVERY || right[which](k, json(r));
					const key = ok ? r.status : `${r.status} wrong`;
					status[key] = (status[key] || 0) + 1;
				}
			}
			agent.destroy();
			await stop(p, 60000);
			const m = /^(?:summary|totals):\s*(\d+)/m.exec(fs.readFileSync(outFile, 'utf8'));
			return { ir: m ? +m[1] : 0, status, file: outFile };
		} finally {
			await stop(p, 5000);
		}
	};
	const base = await one('base');
	const out = {};
	for (const w of CG_PATHS) {
		const r = await one(w);
		const ok = (r.status[200] || 0) + (r.status[201] || 0) === C.cgN;
		out[w] = ok ? { ir: Math.round((r.ir - base.ir) / C.cgN) } : { ir: null, status: r.status };
		log(`callgrind ${w}: ${ok ? `${out[w].ir} instructions/request` : `not measured, statuses ${JSON.stringify(r.status)}`}`);
		if (ok) {
			try { profile(w, base.file, r.file); } catch (e) { log(`callgrind_annotate: ${e.message}`); }
		}
	}
	fs.rmSync(pristine, { force: true });
	return out;
}

// ---------------------------------------------------------------- report

const fmtN = (n) => (n == null ? '—' : Math.round(n).toLocaleString('en-US'));
const fmtR = (r) => (r ? `${fmtN(r.rps)} · ${r.p99_ms.toFixed(2)} ms${r.contaminated ? ' *' : ''}` +
	`${r.wrk_cpu >= 0.95 ? ' †' : ''}${r.note ? ` (${r.note})` : ''}` : '—');
const ratio = (a, b) => (a && b && b.rps ? `${(a.rps / b.rps).toFixed(a.rps / b.rps >= 10 ? 0 : 2)}x` : '—');
const mb = (b) => `${(b / 1048576).toFixed(b < 1048576 * 100 ? 1 : 0)} MB`;

function machine() {
	const cpu = (/model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8')) || [])[1] || '?';
	const v = (cmd, args, re) => { try { return (re.exec(sh(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })) || [])[1] || '?'; } catch (e) { return (re.exec(String(e.stderr || '')) || [])[1] || '?'; } };
	return {
		nproc: os.cpus().length, cpu, mem: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
		kernel: os.release(), debian: fs.existsSync('/etc/debian_version') ? fs.readFileSync('/etc/debian_version', 'utf8').trim() : '?',
		wrk: v('dpkg-query', ['-W', '-f=${Version}', 'wrk'], /(.+)/),
		nginx: v('dpkg-query', ['-W', '-f=${Version}', 'nginx'], /(.+)/),
		glewlwyd: v('dpkg-query', ['-W', '-f=${Version}', 'glewlwyd'], /(.+)/),
		sqlite: v('dpkg-query', ['-W', '-f=${Version}', 'libsqlite3-0'], /(.+)/),
		libmicrohttpd: v('dpkg-query', ['-W', '-f=${Version}', 'libmicrohttpd12'], /(.+)/),
		prism: JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@stoplight/prism-cli/package.json'))).version,
		node: process.version,
	};
}

function report(R) {
	const L = [];
	const S = R.datasets.small.name, B = R.datasets.large.name;
	const sz = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
	const sn = `souk ${sz(R.datasets.small.adverts)}`, bn = `souk ${sz(R.datasets.large.adverts)}`;
	L.push(`Machine: ${R.machine.nproc} cores, ${R.machine.cpu}, ${R.machine.mem}; Linux ${R.machine.kernel}, Debian ${R.machine.debian}.`);
	L.push(`Command: \`make bench\` (${R.config.runs} alternating runs of ${R.config.dur} s per target, median by req/s with that run's p99; ` +
		`wrk -t1 -c${R.config.conns} on CPU ${R.config.loadCpu}; every server on CPU ${R.config.serverCpu}, souk with --threads 1). ` +
		`Date: ${R.date}. Total time: ${Math.round(R.total_s / 60)} min.`);
	L.push(`Versions: wrk ${R.machine.wrk}, nginx ${R.machine.nginx}, Glewlwyd ${R.machine.glewlwyd}, Prism ${R.machine.prism}, ` +
		`SQLite ${R.machine.sqlite}, libmicrohttpd ${R.machine.libmicrohttpd}, Node ${R.machine.node}.`);
	L.push('');
	L.push(`Cells: req/s · p99. Ratios use the ${sz(R.datasets.large.adverts)} figure. Durability of POST: WAL, synchronous=NORMAL ` +
		'(a committed advert survives a crash of the process, not necessarily a power cut). ' +
		'\\* other processes took more than 5% of the server CPU in all 3 tries of that run. ' +
		'† wrk used 95% or more of its core: the load generator, not the target, set that pace, so a ratio against it understates souk\'s deficit (or overstates its lead).');
	L.push('');
	L.push(`| scenario | ${sn} | ${bn} | p99 ${sz(R.datasets.large.adverts)}/${sz(R.datasets.small.adverts)} | reference | reference | souk ÷ ref | Prism mock | souk ÷ Prism | target |`);
	L.push('|---|---:|---:|---:|---|---:|---:|---:|---:|---|');
	for (const s of R.scenarios) {
		const a = s.results[`souk ${S}`], b = s.results[`souk ${B}`];
		const refName = s.refs.find((r) => r !== 'prism');
		const ref = refName ? s.results[R.refNames[refName]] : null;
		const pr = s.refs.includes('prism') ? s.results[R.refNames.prism] : null;
		if (s.skipped) {
			L.push(`| ${s.title} | ${s.skipped} | | | ${refName ? R.refNames[refName] : ''} | ${fmtR(ref)} | | ${fmtR(pr)} | | ${s.target || ''} |`);
			continue;
		}
		const lat = a && b && a.p99_ms ? `${(b.p99_ms / a.p99_ms).toFixed(2)}x` : '—';
		L.push(`| ${s.title} | ${fmtR(a)} | ${fmtR(b)} | ${lat} | ${refName ? R.refNames[refName] : '—'} | ${fmtR(ref)} | ` +
			`${ref ? ratio(b, ref) : '—'} | ${pr ? fmtR(pr) : '—'} | ${pr ? ratio(b, pr) : '—'} | ${s.verdict || ''} |`);
	}
	const wrkCpu = R.scenarios.flatMap((sc) => Object.entries(sc.results || {}).map(([n, r]) => `${sc.key} ${n} ${Math.round((r.wrk_cpu || 0) * 100)}%`));
	L.push('');
	L.push(`wrk's own CPU use (of its core) in the median runs: ${wrkCpu.join(', ')}.`);
	L.push('');
	L.push('| dataset | users | adverts | build (load + indexes) | database | souk startup | souk peak RSS |');
	L.push('|---|---:|---:|---:|---:|---:|---:|');
	for (const d of [R.datasets.small, R.datasets.large]) {
		L.push(`| ${d.name} | ${fmtN(d.users)} | ${fmtN(d.adverts)} | ${d.build_s.toFixed(1)} s (${d.load_s.toFixed(1)} + ${d.index_s.toFixed(1)}) | ` +
			`${mb(d.size)} | ${d.startup_ms.toFixed(0)} ms | ${mb(d.peak_rss)} |`);
	}
	L.push('');
	L.push(`Instructions per request (callgrind, ${R.config.cgN} requests after a warm-up, minus a run without them; --threads 1, ${sz(R.datasets.small.adverts)} dataset):`);
	L.push('');
	L.push('| path | instructions/request | baseline | change |');
	L.push('|---|---:|---:|---:|');
	for (const k of CG_PATHS) {
		const c = R.callgrind[k], bl = R.baseline[k];
		const d = c.ir && bl ? `${((c.ir / bl - 1) * 100).toFixed(1)}%` : c.ir ? 'new baseline' : '—';
		L.push(`| ${k} | ${c.ir ? fmtN(c.ir) : `not measured (${JSON.stringify(c.status)})`} | ${fmtN(bl)} | ${d} |`);
	}
	return L.join('\n');
}

function verdict(s, R) {
	const S = R.datasets.small.name, B = R.datasets.large.name;
	const a = s.results[`souk ${S}`], b = s.results[`souk ${B}`];
	const ref = (k) => s.results[R.refNames[k]];
	const ok = [], bad = [];
	const check = (cond, text) => (cond ? ok : bad).push(text);
	if (!b) return '';
	// wrk near all of its core set nginx's pace, not nginx: the ratio is then
	// no verdict (with two cores there is no free one for a second thread).
	const unsure = [];
	if (s.key === 'get' && ref('nginx')) {
		if (ref('nginx').wrk_cpu >= 0.95) unsure.push('≥0.8x nginx (reference wrk-bound)');
		else check(b.rps >= 0.8 * ref('nginx').rps, '≥0.8x nginx');
	}
	if (s.key === 'token' && ref('glewlwyd')) check(b.rps >= 50 * ref('glewlwyd').rps, '≥50x Glewlwyd');
	if (s.key === 'create') check(Math.min(a.rps, b.rps) >= 20000, '≥20,000/s');
	if (s.key === 'locations') check(Math.min(a.rps, b.rps) >= 50000, '≥50,000/s');
	if (s.refs.includes('prism') && ref('prism')) check(b.rps >= 50 * ref('prism').rps, '≥50x Prism');
	if ((s.key === 'get' || s.key === 'list') && a) check(b.p99_ms <= 1.5 * a.p99_ms, 'p99 ≤1.5x small');
	return [...ok.map((t) => `${t} ✓`), ...bad.map((t) => `${t} ✗`), ...unsure.map((t) => `${t} ?`)].join(', ');
}

// ---------------------------------------------------------------- main

// Instructions per request of the hot paths, against bench/baseline.json
// (recorded there when a path has no figure yet or BENCH_UPDATE_BASELINE=1).
async function countInstructions(R) {
	log('callgrind: instructions per request');
	// as the small dataset: the bench seller's adverts and as many of others
	const cgds = dataset('callgrind', 1000, 2 * C.sellerAdverts);
	R.callgrind = await callgrind(cgds);
	const blFile = path.join(__dirname, 'baseline.json');
	const bl = fs.existsSync(blFile) ? JSON.parse(fs.readFileSync(blFile, 'utf8')) : { note: '', paths: {} };
	R.baseline = Object.fromEntries(CG_PATHS.map((k) => [k, bl.paths[k] ?? null]));
	const added = [];
	for (const k of CG_PATHS) {
		if (R.callgrind[k].ir && (env.BENCH_UPDATE_BASELINE === '1' || bl.paths[k] == null)) {
			bl.paths[k] = R.callgrind[k].ir;
			added.push(k);
		}
	}
	// A path measured for the first time is added to what the note says;
	// a refresh of all of them starts the note again.
	if (env.BENCH_UPDATE_BASELINE === '1') {
		bl.note = `Instructions per request under callgrind (bench/run.js); refresh with BENCH_UPDATE_BASELINE=1 make bench. Recorded ${R.date}.`;
	} else if (added.length) {
		bl.note = `${bl.note} ${added.join(', ')} first recorded ${R.date}.`;
	}
	if (added.length) fs.writeFileSync(blFile, `${JSON.stringify(bl, null, '\t')}\n`);
	fs.rmSync(cgds.db, { force: true });
}

async function main() {
	fs.mkdirSync(DATA, { recursive: true });
	fs.mkdirSync(OUT, { recursive: true });
	const R = { config: C, date: new Date().toISOString().slice(0, 10), machine: machine(), datasets: {}, scenarios: [] };
	if (env.BENCH_ONLY === 'callgrind') {
		await countInstructions(R);
		for (const k of CG_PATHS) {
			const ir = R.callgrind[k].ir, bl = R.baseline[k];
			console.log(`${k.padEnd(11)} ${fmtN(ir).padStart(8)} instructions/request, baseline ${fmtN(bl)}` +
				`${ir && bl ? ` (${ir >= bl ? '+' : ''}${((ir / bl - 1) * 100).toFixed(1)}%)` : ''}`);
		}
		process.exit(CG_PATHS.every((k) => R.callgrind[k].ir) ? 0 : 4);
	}

	// The small marketplace: the bench seller's 10,000 adverts and as many of
	// 999 other sellers (whose tokens the GET and create scenarios use).
	R.datasets.small = dataset('small', 1000, 2 * C.sellerAdverts);
	R.datasets.large = dataset('large', C.users, C.adverts);

	const small = await startSouk(R.datasets.small);
	const large = await startSouk(R.datasets.large);
	const refs = {};
	const tryRef = async (k, f) => {
		try { refs[k] = await f(); } catch (e) { log(`reference ${k} not available: ${e.message}`); }
	};
	await tryRef('glewlwyd', startGlewlwyd);
	await tryRef('prism', startPrism);
	R.refNames = { nginx: 'nginx static file', glewlwyd: 'Glewlwyd 2.7.5', prism: 'Prism mock' };

	for (const scn of scenarios(suggestionWords())) {
		const s = { key: scn.key, title: scn.title, refs: scn.refs, results: {} };
		R.scenarios.push(s);
		const pr = await probe(small, scn);
		const targets = [];
		if ((pr.status === 200 || pr.status === 201) && await verify(small, scn) && await verify(large, scn)) targets.push(small, large);
		else s.skipped = pr.status === 404 ? 'not available yet (404)' : `answers ${pr.status}: ${pr.body.slice(0, 120).replace(/\|/g, '/')}`;
		if (scn.key === 'get' && !s.skipped) {
			// nginx serves the body souk returns for a typical advert of the seller
			const bodies = [];
			for (let k = 0; k < 25; k++) {
				const id = large.ds.first_advert + large.ds.stride * ((k * 397) % large.ds.seller_adverts);
				const r = await request(large.port, 'GET', `${OLX}/adverts/${id}`, { headers: { Authorization: `Bearer ${large.ds.token}`, Version: '2.0' } });
				if (r.status === 200) bodies.push(r.body);
			}
			bodies.sort((x, y) => x.length - y.length);
			s.body_bytes = Buffer.byteLength(bodies[bodies.length >> 1]);
			await tryRef('nginx', () => startNginx(bodies[bodies.length >> 1]));
		}
		for (const r of scn.refs) if (refs[r]) targets.push(refs[r]);
		if (!targets.length) { log(`${scn.key}: skipped (${s.skipped})`); continue; }
		log(`${scn.key}: ${targets.map((t) => t.name).join(', ')}${s.skipped ? ` (souk: ${s.skipped})` : ''}`);
		s.results = await measure(scn, targets);
		for (const [name, r] of Object.entries(s.results)) {
			if (r.non2xx > r.requests * 0.01 || r.socket_errors > r.requests * 0.01) r.note = 'errors';
			void name;
		}
		s.verdict = s.skipped ? '' : verdict(s, R);
		if (scn.key === 'get' && refs.nginx) { await stop(refs.nginx.proc); delete refs.nginx; }
	}
	for (const t of [small, large]) {
		t.ds.startup_ms = t.startup_ms;
		t.ds.peak_rss = vmHWM(t.proc.pid);
		await stop(t.proc);
		t.ds.size_after = dbSize(t.ds.db);
	}
	for (const k of Object.keys(refs)) await stop(refs[k].proc);

	await countInstructions(R);

	R.total_s = (Date.now() - T0) / 1000;
	const table = report(R);
	fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(R, (k, v) => (k === 'proc' ? undefined : v), '\t'));
	fs.writeFileSync(path.join(OUT, 'results.md'), `${table}\n`);
	const resultsFile = path.join(__dirname, 'RESULTS.md');
	const begin = '<!-- measured: written by bench/run.js -->', end = '<!-- end measured -->';
	let doc = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : `# Benchmark results\n\n${begin}\n${end}\n`;
	if (!doc.includes(begin)) doc += `\n${begin}\n${end}\n`;
	doc = doc.slice(0, doc.indexOf(begin) + begin.length) + `\n${table}\n` + doc.slice(doc.indexOf(end));
	fs.writeFileSync(resultsFile, doc);
	console.log(`\n${table}\n`);
	log(`done; bench/RESULTS.md and bench/out/results.json written`);
	if (failures.length) {
		console.error(`\nWRONG ANSWERS: the benchmark measured something other than what it says:\n  ${failures.join('\n  ')}`);
		process.exit(4);
	}
}

main().then(() => process.exit(0), (e) => { console.error(e); killAll(); process.exit(1); });
