'use strict';
/**
 * Postgres and Redis for n8n's queue mode, from Debian's packages (`postgresql`, `redis-server`):
 * installed with apt-get when missing and running as root (as globalSetup does for Chromium),
 * then private instances on loopback, free ports, in one temporary folder, as child process
 * groups (no orphans; see proc.js). `stop()` stops both and removes the folder.
 *
 *   const services = await startServices();
 *   services.postgres  // { host, port, database, user, password, version, sql(query) }
 *   services.redis     // { host, port }
 *   await services.stop();
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, execSync } = require('node:child_process');
const { freePorts, spawnGroup, stopGroup, waitFor } = require('./proc');

const REDIS_SERVER = process.env.LINKUP_E2E_REDIS_SERVER || '/usr/bin/redis-server';
const PG_ROOT = '/usr/lib/postgresql';

/** The newest Postgres of /usr/lib/postgresql/<major>/bin that has initdb, or undefined. */
function postgresBinDir() {
	if (process.env.LINKUP_E2E_PG_BIN) return process.env.LINKUP_E2E_PG_BIN;
	if (!fs.existsSync(PG_ROOT)) return undefined;
	const majors = fs
		.readdirSync(PG_ROOT)
		.filter((v) => fs.existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(PG_ROOT, majors[0], 'bin') : undefined;
}

/** Which Debian packages are missing (postgresql, redis-server). */
function missingPackages() {
	const missing = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!fs.existsSync(REDIS_SERVER)) missing.push('redis-server');
	return missing;
}

/**
 * Installs Debian's postgresql and redis-server when missing (root only; else says how).
 * @returns {{ installed: string[], ms: number }}
 */
function ensureServicePackages() {
	const missing = missingPackages();
	const started = Date.now();
	if (missing.length === 0) return { installed: [], ms: 0 };
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error(
			`queue mode needs ${missing.join(' and ')}: run "sudo apt-get install -y ${missing.join(' ')}"`,
		);
	}
	process.stdout.write(`[e2e] installing Debian ${missing.join(' + ')} for the queue-mode line\n`);
	// The packages' own services are not needed (the suite runs private instances); on a machine
	// without an init system their start-up is skipped or fails harmlessly.
	execSync(
		`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
		{ stdio: ['ignore', 'ignore', 'inherit'] },
	);
	const still = missingPackages();
	if (still.length) throw new Error(`apt-get did not install ${still.join(', ')}`);
	return { installed: missing, ms: Date.now() - started };
}

/** uid/gid of the `postgres` user (Postgres refuses to run as root), or undefined when not root. */
function postgresIds() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line) throw new Error('running as root needs the "postgres" user (package postgresql)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * @typedef {object} Postgres
 * @property {string} host
 * @property {number} port
 * @property {string} database
 * @property {string} user
 * @property {string} password
 * @property {string} version      e.g. "15.18"
 * @property {(query: string) => string} sql  runs a query as the superuser (psql -At), returns its output
 * @property {import('./proc').GroupChild} process
 */

/**
 * initdb + postgres on 127.0.0.1:<port>, socket in `dir`; database and user "n8n" with a password.
 * @param {string} dir an empty folder
 * @returns {Promise<Postgres>}
 */
async function startPostgres(dir) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('Postgres is not installed (Debian package postgresql)');
	const ids = postgresIds();
	const data = path.join(dir, 'pgdata');
	if (ids) fs.chownSync(dir, ids.uid, ids.gid);
	const asPg = { ...(ids || {}), cwd: dir, stdio: /** @type {const} */ ('pipe') };
	execFileSync(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8'],
		{ ...asPg, env: { ...process.env, LC_ALL: 'C' } },
	);
	const [port] = await freePorts(1);
	const child = spawnGroup(
		path.join(bin, 'postgres'),
		['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
		{
			cwd: dir,
			env: { ...process.env, LC_ALL: 'C' },
			logFile: path.join(dir, 'postgres.log'),
			...ids,
		},
	);
	const psql = path.join(bin, 'psql');
	/** @param {string} query @param {string} [db] */
	const sql = (query, db = 'postgres') =>
		execFileSync(
			psql,
			[
				'-h',
				dir,
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				db,
				'-XAt',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				query,
			],
			{
				stdio: 'pipe',
			},
		)
			.toString()
			.trim();
	await waitFor(() => sql('select 1') === '1', {
		timeoutMs: 30000,
		intervalMs: 200,
		what: 'postgres to accept connections',
		child,
	});
	const password = `pw-${Math.random().toString(36).slice(2)}-Q9`;
	sql(`create role n8n login password '${password}'`);
	sql('create database n8n owner n8n');
	return {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		password,
		version: sql('show server_version').split(' ')[0],
		sql: (query) => sql(query, 'n8n'),
		process: child,
	};
}

/**
 * redis-server on 127.0.0.1:<port>, nothing persisted.
 * @param {string} dir
 * @returns {Promise<{ host: string, port: number, version: string, process: import('./proc').GroupChild }>}
 */
async function startRedis(dir) {
	const [port] = await freePorts(1);
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
	const child = spawnGroup(REDIS_SERVER, [...args, '--dir', dir], {
		cwd: dir,
		logFile: path.join(dir, 'redis.log'),
	});
	await waitFor(() => /Ready to accept connections/.test(child.output()), {
		timeoutMs: 20000,
		intervalMs: 100,
		what: 'redis-server to start',
		child,
	});
	const banner = execFileSync(REDIS_SERVER, ['--version']).toString();
	const version = (/v=(\d+\.\d+\.\d+)/.exec(banner) || [])[1] || 'unknown';
	return { host: '127.0.0.1', port, version, process: child };
}

/**
 * @typedef {object} Services
 * @property {string} dir   the temporary folder (data, sockets, logs)
 * @property {Postgres} postgres
 * @property {Awaited<ReturnType<typeof startRedis>>} redis
 * @property {() => Promise<void>} stop  stops both and removes `dir`
 */

/** @returns {Promise<Services>} */
async function startServices() {
	ensureServicePackages();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkup-queue-services-'));
	fs.chmodSync(dir, 0o755);
	/** @type {import('./proc').GroupChild[]} */
	const children = [];
	const stop = async () => {
		for (const child of children.reverse())
			await stopGroup(child, { graceMs: 5000, signal: 'SIGINT' });
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		const pgDir = path.join(dir, 'postgres');
		fs.mkdirSync(pgDir);
		const postgres = await startPostgres(pgDir);
		children.push(postgres.process);
		const redis = await startRedis(dir);
		children.push(redis.process);
		return { dir, postgres, redis, stop };
	} catch (err) {
		await stop();
		throw err;
	}
}

module.exports = { startServices, ensureServicePackages, postgresBinDir, missingPackages };
