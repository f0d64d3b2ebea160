'use strict';
/**
 * One n8n process for tests and the demo: 2.x on Node 24 or 1.123 on Node 20, on loopback with
 * free ports, in its own user folder, its output in a log file. `start()` resolves once the REST
 * API answers; `stop()` kills the whole process group. Talking to it is `N8nClient`'s job
 * (n8n-client.js).
 *
 *   const n8nProcess = new N8nProcess({ line: '2', userFolder });
 *   await n8nProcess.start();
 *   const n8n = new N8nClient({ url: n8nProcess.url, line: '2' });
 *   ...
 *   await n8nProcess.stop();
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { linePaths } = require('./config');
const { freePorts, spawnGroup, stopGroup, waitFor } = require('./proc');

/**
 * @typedef {object} N8nEnvOptions
 * @property {string} line           '2' or '1'
 * @property {string} userFolder     N8N_USER_FOLDER
 * @property {number} port           the editor/API port
 * @property {number} brokerPort     the task runners' broker port
 * @property {string} [logLevel]     N8N_LOG_LEVEL (default info)
 * @property {NodeJS.ProcessEnv} [extra] set last (overrides the rest)
 */

/**
 * The environment for an offline, quiet, loopback-only n8n (see shared/n8n-notes.md).
 * @param {N8nEnvOptions} options
 * @returns {NodeJS.ProcessEnv}
 */
function n8nEnv({ line, userFolder, port, brokerPort, logLevel = 'info', extra = {} }) {
	const env = { ...process.env };
	// NODE_ENV=test (set by jest) makes n8n refuse to load nodes ("Not available in tests").
	for (const k of [
		'HTTP_PROXY',
		'HTTPS_PROXY',
		'http_proxy',
		'https_proxy',
		'N8N_SSRF_PROTECTION_ENABLED',
		'NODE_OPTIONS',
		'NODE_ENV',
		'JEST_WORKER_ID',
	])
		delete env[k];
	// Nothing of the caller's n8n/jest setup leaks in (test/setup-env.js sets N8N_* for engine tests).
	for (const k of Object.keys(env))
		if (k.startsWith('N8N_') || k.startsWith('DB_') || k.startsWith('EXECUTIONS_')) delete env[k];
	Object.assign(env, {
		NO_PROXY: '127.0.0.1,localhost',
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'console',
	});
	if (line === '2') {
		Object.assign(env, {
			N8N_RUNNERS_MODE: 'internal',
			N8N_PYTHON_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
		});
	} else {
		env.N8N_EXPRESSION_ENGINE = 'legacy';
	}
	return Object.assign(env, extra);
}

/**
 * @typedef {object} N8nProcessOptions
 * @property {string} [line]        which n8n line of the install cache: '2' (default) or '1'
 * @property {string} [userFolder]  N8N_USER_FOLDER (default: a fresh temp folder)
 * @property {string} [logFile]     n8n's stdout+stderr (default: <userFolder>/n8n.log)
 * @property {string} [logLevel]    N8N_LOG_LEVEL (default info)
 * @property {NodeJS.ProcessEnv} [env] extra environment
 * @property {number} [port]        the editor/API port (default: a free one, kept across restarts);
 *                                   for a worker, its health server's port (QUEUE_HEALTH_CHECK_PORT)
 * @property {'start' | 'worker' | 'webhook'} [command]  n8n's command (default start); worker and
 *                                   webhook are queue mode's processes (the queue's environment is
 *                                   the caller's `env`, see queue.js)
 * @property {string} [name]        how logs and errors call it (default: the command)
 */

class N8nProcess {
	/** @param {N8nProcessOptions} [options] */
	constructor({
		line = '2',
		userFolder,
		logFile,
		logLevel = 'info',
		env = {},
		port,
		command = 'start',
		name,
	} = {}) {
		this.line = String(line);
		this.command = command;
		this.name = name || command;
		this.paths = linePaths(this.line);
		this.userFolder =
			userFolder || fs.mkdtempSync(path.join(os.tmpdir(), `linkup-n8n${this.line}-`));
		this.logFile = logFile || path.join(this.userFolder, 'n8n.log');
		this.logLevel = logLevel;
		this.extraEnv = env;
		/** @type {import('./proc').GroupChild | undefined} */
		this.child = undefined;
		/** @type {number | undefined} the editor/API port; chosen at the first start, kept across restarts */
		this.port = port ? Number(port) : undefined;
		/** @type {number | undefined} */
		this.brokerPort = undefined;
		/** @type {number | undefined} how long the last start took (ms) */
		this.startMs = undefined;
	}

	/** The n8n version of this line (e.g. 2.41.1). */
	get version() {
		return this.paths.version;
	}
	/** The editor's and the APIs' base URL (known once started, or when a port was given). */
	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** n8n's log so far (all starts of this process, from the log file). */
	log() {
		try {
			return fs.readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	/**
	 * Starts n8n and resolves once GET /rest/settings answers 200 (usually 10-25 s).
	 * @param {{ timeoutMs?: number }} [options]
	 */
	async start({ timeoutMs = 180000 } = {}) {
		if (this.child) throw new Error('n8n is already running');
		if (!fs.existsSync(this.paths.n8nBin)) {
			throw new Error(
				`n8n ${this.version} is not installed in ${this.paths.dir}: run node scripts/n8n/install.js`,
			);
		}
		const [freeA, freeB] = await freePorts(2);
		this.port = this.port || freeA;
		this.brokerPort = this.brokerPort || (freeB !== this.port ? freeB : freeA);
		const port = this.port;
		const brokerPort = this.brokerPort;
		fs.mkdirSync(this.userFolder, { recursive: true });
		fs.appendFileSync(
			this.logFile,
			`\n===== n8n ${this.version} ${this.command} ${new Date().toISOString()} port ${port} =====\n`,
		);
		const env = n8nEnv({
			line: this.line,
			userFolder: this.userFolder,
			port,
			brokerPort,
			logLevel: this.logLevel,
			extra: this.extraEnv,
		});
		if (this.command === 'worker') {
			// The worker's own server (/healthz, /healthz/readiness) is on the port we wait on.
			Object.assign(env, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(port),
			});
			env.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
		}
		const started = Date.now();
		this.child = spawnGroup(this.paths.nodeBin, [this.paths.n8nBin, this.command], {
			cwd: this.userFolder,
			env,
			logFile: this.logFile,
		});
		try {
			await waitFor(() => this.ready(), {
				timeoutMs,
				intervalMs: 300,
				what:
					this.command === 'start'
						? `n8n ${this.version} REST API (GET /rest/settings)`
						: `n8n ${this.version} ${this.name} (GET /healthz/readiness)`,
				child: this.child,
			});
		} catch (err) {
			const tail = this.log().split('\n').slice(-30).join('\n');
			await this.stop();
			throw new Error(`${err.message}\n--- last lines of ${this.logFile} ---\n${tail}`);
		}
		this.startMs = Date.now() - started;
		return this;
	}

	/** Whether it answers: main's REST API, or a worker's / webhook processor's readiness. */
	async ready() {
		if (this.command !== 'start') {
			return (await fetch(`${this.url}/healthz/readiness`)).status === 200;
		}
		// While booting, n8n answers every path with 200 and the text "n8n is starting up":
		// ready means JSON settings.
		const res = await fetch(`${this.url}/rest/settings`);
		if (res.status !== 200) return false;
		const body = await res.json().catch(() => undefined);
		return typeof body?.data === 'object' && body.data !== null;
	}

	/**
	 * Stops n8n (SIGTERM to its process group, SIGKILL after `graceMs`; `signal: 'SIGKILL'` kills
	 * it at once, as a crash would). Keeps the user folder.
	 * @param {{ graceMs?: number, signal?: NodeJS.Signals }} [options]
	 */
	async stop({ graceMs = 15000, signal = 'SIGTERM' } = {}) {
		const child = this.child;
		this.child = undefined;
		if (child) await stopGroup(child, { graceMs, signal });
	}

	/**
	 * Stop + start on the same user folder and port. A client's API key and session cookie stay
	 * valid (same database and encryption key); `N8nClient.login()` gets a fresh session.
	 */
	async restart() {
		await this.stop();
		await this.start();
	}
}

module.exports = { N8nProcess, n8nEnv };
