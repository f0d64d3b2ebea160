'use strict';
/**
 * A real n8n server for tests and the demo: start (2.x on Node 24, or 1.123 on Node 20) on
 * loopback with free ports, wait until the REST API answers, set up the owner, log in, create
 * an API key, and drive it (credentials, workflows, activation, executions, manual runs,
 * "Fetch Test Event", credential tests). Stop kills the whole process group.
 *
 *   const n8n = new N8nServer({ line: '2', userFolder });
 *   await n8n.start(); await n8n.setup();
 *   const cred = await n8n.createCredential({ name, type, data });
 *   ...
 *   await n8n.stop();
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { linePaths } = require('./config');
const { freePorts, spawnGroup, stopGroup, waitFor } = require('./proc');

const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Lovelace',
	password: 'LinkUp-e2e-2026',
};

/** The environment for an offline, quiet, loopback-only n8n (see shared/n8n-notes.md). */
function n8nEnv({ line, userFolder, port, brokerPort, logLevel = 'info', extra = {} }) {
	const env = { ...process.env };
	// NODE_ENV=test (set by jest) makes n8n refuse to load nodes ("Not available in tests").
	for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'N8N_SSRF_PROTECTION_ENABLED', 'NODE_OPTIONS', 'NODE_ENV', 'JEST_WORKER_ID']) delete env[k];
	// Nothing of the caller's n8n/jest setup leaks in (test/setup-env.js sets N8N_* for engine tests).
	for (const k of Object.keys(env)) if (k.startsWith('N8N_') || k.startsWith('DB_') || k.startsWith('EXECUTIONS_')) delete env[k];
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

class HttpError extends Error {
	constructor(method, url, status, body) {
		super(`${method} ${url} → ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body).slice(0, 500)}`);
		this.status = status;
		this.body = body;
	}
}

class N8nServer {
	/**
	 * @param {object} o
	 * @param {'2'|'1'} o.line       which n8n line (from the install cache)
	 * @param {string} [o.userFolder] N8N_USER_FOLDER (default: a fresh temp folder)
	 * @param {string} [o.logFile]    n8n's stdout+stderr (default: <userFolder>/n8n.log)
	 * @param {string} [o.logLevel]   N8N_LOG_LEVEL (default info)
	 * @param {object} [o.env]        extra environment
	 * @param {number} [o.port]       the editor/API port (default: a free one, kept across restarts)
	 */
	constructor({ line = '2', userFolder, logFile, logLevel = 'info', env = {}, port } = {}) {
		this.line = String(line);
		this.paths = linePaths(this.line);
		this.userFolder = userFolder || fs.mkdtempSync(path.join(os.tmpdir(), `linkup-n8n${this.line}-`));
		this.logFile = logFile || path.join(this.userFolder, 'n8n.log');
		this.logLevel = logLevel;
		this.extraEnv = env;
		this.cookie = undefined;
		this.apiKey = undefined;
		this.child = undefined;
		this.port = port ? Number(port) : undefined;
	}

	get version() {
		return this.paths.version;
	}
	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** n8n's log so far (all starts of this server, from the log file). */
	log() {
		try {
			return fs.readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	/** Starts n8n and resolves once GET /rest/settings answers 200 (usually 10-25 s). */
	async start({ timeoutMs = 180000 } = {}) {
		if (this.child) throw new Error('n8n is already running');
		if (!fs.existsSync(this.paths.n8nBin)) {
			throw new Error(`n8n ${this.version} is not installed in ${this.paths.dir}: run node scripts/n8n/install.js`);
		}
		const [freeA, freeB] = await freePorts(2);
		this.port = this.port || freeA;
		this.brokerPort = this.brokerPort || (freeB !== this.port ? freeB : freeA);
		const port = this.port;
		const brokerPort = this.brokerPort;
		fs.mkdirSync(this.userFolder, { recursive: true });
		fs.appendFileSync(this.logFile, `\n===== n8n ${this.version} start ${new Date().toISOString()} port ${port} =====\n`);
		const env = n8nEnv({ line: this.line, userFolder: this.userFolder, port, brokerPort, logLevel: this.logLevel, extra: this.extraEnv });
		const started = Date.now();
		this.child = spawnGroup(this.paths.nodeBin, [this.paths.n8nBin, 'start'], { cwd: this.userFolder, env, logFile: this.logFile });
		try {
			await waitFor(
				async () => {
					// While booting, n8n answers every path with 200 and the text "n8n is starting up":
					// ready means JSON settings.
					const res = await fetch(`${this.url}/rest/settings`);
					if (res.status !== 200) return false;
					const body = await res.json().catch(() => undefined);
					return typeof body?.data === 'object' && body.data !== null;
				},
				{ timeoutMs, intervalMs: 300, what: `n8n ${this.version} REST API (GET /rest/settings)`, child: this.child },
			);
		} catch (err) {
			const tail = this.log().split('\n').slice(-30).join('\n');
			await this.stop();
			throw new Error(`${err.message}\n--- last lines of ${this.logFile} ---\n${tail}`);
		}
		this.startMs = Date.now() - started;
		return this;
	}

	/** Stops n8n (SIGTERM to its process group, SIGKILL after `graceMs`). Keeps the user folder. */
	async stop({ graceMs = 15000 } = {}) {
		const child = this.child;
		this.child = undefined;
		if (child) await stopGroup(child, { graceMs });
	}

	/** Stop + start on the same user folder and port; the session cookie and API key stay valid. */
	async restart() {
		await this.stop();
		await this.start();
		if (this.cookie) await this.login();
	}

	// ---------- HTTP ----------

	async request(method, urlPath, { body, headers = {}, raw = false, expect } = {}) {
		const url = `${this.url}${urlPath}`;
		const res = await fetch(url, {
			method,
			headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
			body: body !== undefined ? JSON.stringify(body) : undefined,
		});
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		if (raw) return { status: res.status, headers: res.headers, body: json };
		const ok = expect ? expect.includes(res.status) : res.ok;
		if (!ok) throw new HttpError(method, urlPath, res.status, json);
		return { status: res.status, headers: res.headers, body: json };
	}

	/** Internal REST API (`/rest/...`) with the owner's session cookie; returns `body.data`. */
	async rest(method, urlPath, body, opts = {}) {
		if (!this.cookie) throw new Error('not logged in: call setup() or login() first');
		const res = await this.request(method, `/rest${urlPath}`, { body, headers: { cookie: this.cookie }, ...opts });
		return opts.raw ? res : res.body?.data !== undefined ? res.body.data : res.body;
	}

	/** Public API (`/api/v1/...`) with the API key. */
	async api(method, urlPath, body, opts = {}) {
		if (!this.apiKey) throw new Error('no API key: call setup() first');
		const res = await this.request(method, `/api/v1${urlPath}`, { body, headers: { 'X-N8N-API-KEY': this.apiKey }, ...opts });
		return opts.raw ? res : res.body;
	}

	// ---------- owner, login, API key ----------

	/** Owner setup (first start of a user folder), login, and an API key with every scope allowed. */
	async setup(owner = OWNER) {
		this.owner = owner;
		const settings = (await this.request('GET', '/rest/settings')).body.data;
		const needsSetup = settings?.userManagement?.showSetupOnFirstLoad !== false;
		if (needsSetup) {
			await this.request('POST', '/rest/owner/setup', { body: owner });
		}
		await this.login(owner);
		if (!this.apiKey) await this.createApiKey();
		return this;
	}

	async login(owner = this.owner || OWNER) {
		this.owner = owner;
		const res = await this.request('POST', '/rest/login', {
			body: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password },
		});
		const setCookie = res.headers.getSetCookie ? res.headers.getSetCookie() : [res.headers.get('set-cookie')];
		const auth = setCookie.filter(Boolean).map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('login returned no n8n-auth cookie');
		this.cookie = auth;
		return this.cookie;
	}

	async createApiKey(label = `e2e ${Date.now()}`) {
		let scopes;
		try {
			scopes = await this.rest('GET', '/api-keys/scopes');
		} catch {
			scopes = undefined;
		}
		const body = { label, expiresAt: null };
		if (Array.isArray(scopes)) body.scopes = scopes;
		const key = await this.rest('POST', '/api-keys', body);
		this.apiKey = key.rawApiKey || key.apiKey;
		return this.apiKey;
	}

	/** GET with the session cookie outside /rest (e.g. /types/nodes.json, icons). */
	async getAuthed(urlPath) {
		return (await this.request('GET', urlPath, { headers: this.cookie ? { cookie: this.cookie } : {} })).body;
	}

	/** Every node type the editor knows (what /types/nodes.json serves). */
	async nodeTypes() {
		return await this.getAuthed('/types/nodes.json');
	}

	async credentialTypes() {
		return await this.getAuthed('/types/credentials.json');
	}

	// ---------- credentials ----------

	/** Creates a credential ({ name, type, data }) through the REST API; returns { id, name, type }. */
	async createCredential({ name, type, data }) {
		const c = await this.rest('POST', '/credentials', { name, type, data });
		return { id: c.id, name: c.name, type: c.type };
	}

	/**
	 * The editor's "Test" button for a stored credential (POST /rest/credentials/test, same route
	 * in 1.123 and 2.41). Returns { status: 'OK' | 'Error', message }.
	 */
	async testCredential({ id, name, type, data }) {
		return await this.rest('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	// ---------- workflows ----------

	/** Creates a workflow through the public API (only name, nodes, connections, settings). */
	async createWorkflow(wf) {
		const body = {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections || {},
			settings: wf.settings || { executionOrder: 'v1' },
		};
		return await this.api('POST', '/workflows', body);
	}

	async getWorkflow(id) {
		return await this.api('GET', `/workflows/${id}`);
	}

	/** The workflow as the editor loads it (GET /rest/workflows/:id). */
	async getWorkflowRest(id) {
		return await this.rest('GET', `/workflows/${id}`);
	}

	/**
	 * Activates ("publishes") a workflow and waits until its triggers are live: n8n 1.x activates
	 * synchronously (the activation poll has run when the API answers, and a failed poll is a 400);
	 * n8n 2.41 queues the activation (publication outbox) and retries a failing trigger up to 5
	 * times with backoff (1 s, 2 s, 4 s, 8 s): wait for GET /rest/workflows/:id/publication-status
	 * to settle. Throws with n8n's activation error (for a poll, our message) when it failed.
	 */
	async activate(id, { timeoutMs = 60000 } = {}) {
		const res = await this.api('POST', `/workflows/${id}/activate`, undefined, { raw: true });
		if (res.status !== 200) {
			const message = res.body?.message || JSON.stringify(res.body);
			const err = new Error(`activation of workflow ${id} failed: ${message}`);
			err.activationError = message;
			throw err;
		}
		const status = await this.waitForPublication(id, { timeoutMs });
		if (status && status.status !== 'published') {
			const message = (status.triggers || []).map((t) => t.errorMessage).filter(Boolean).join('; ') || status.status;
			const err = new Error(`activation of workflow ${id} failed: ${message}`);
			err.activationError = message;
			err.publication = status;
			throw err;
		}
		return res.body;
	}

	async deactivate(id, { timeoutMs = 60000 } = {}) {
		const wf = await this.api('POST', `/workflows/${id}/deactivate`);
		await this.waitForPublication(id, { timeoutMs });
		return wf;
	}

	/** n8n 2.x: { status: 'in_progress'|'published'|'partial'|'failed'|'not_published', triggers }; 1.x: undefined. */
	async publicationStatus(id) {
		if (this.line === '1') return undefined;
		return await this.rest('GET', `/workflows/${id}/publication-status`);
	}

	/** Waits until no (de)activation of the workflow is in flight (2.x); returns the settled status. */
	async waitForPublication(id, { timeoutMs = 60000 } = {}) {
		if (this.line === '1') return undefined;
		return await waitFor(
			async () => {
				const s = await this.publicationStatus(id);
				return s && s.status !== 'in_progress' && !s.pendingVersionId ? s : undefined;
			},
			{ timeoutMs, intervalMs: 100, what: `workflow ${id} (de)activation to settle` },
		);
	}

	/** The activation error n8n recorded for a workflow (1.x: /rest/active-workflows/error), or undefined. */
	async activationError(id) {
		if (this.line !== '1') {
			const s = await this.publicationStatus(id);
			return (s?.triggers || []).map((t) => t.errorMessage).filter(Boolean).join('; ') || undefined;
		}
		try {
			const data = await this.rest('GET', `/active-workflows/error/${id}`);
			if (!data) return undefined;
			if (typeof data === 'string') return data;
			return data.error || data.message || undefined;
		} catch {
			return undefined;
		}
	}

	/** "Poll now" for a polling trigger: deactivate + activate runs poll() once, static data kept. */
	async pollNow(id) {
		await this.deactivate(id);
		return await this.activate(id);
	}

	// ---------- executions ----------

	/** All executions (newest first), with data, optionally of one workflow. */
	async executions({ workflowId, includeData = true, status } = {}) {
		const all = [];
		let cursor;
		do {
			const q = new URLSearchParams({ includeData: String(includeData), limit: '250' });
			if (workflowId) q.set('workflowId', String(workflowId));
			if (status) q.set('status', status);
			if (cursor) q.set('cursor', cursor);
			const page = await this.api('GET', `/executions?${q}`);
			all.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return all;
	}

	async execution(id, { includeData = true } = {}) {
		return await this.api('GET', `/executions/${id}?includeData=${includeData}`);
	}

	/** Waits until the workflow has `count` finished executions; returns them (oldest first). */
	async waitForExecutions(workflowId, count, { timeoutMs = 30000 } = {}) {
		let list = [];
		await waitFor(
			async () => {
				list = (await this.executions({ workflowId })).filter(
					(e) => (e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status)) && e.stoppedAt && e.data?.resultData,
				);
				return list.length >= count;
			},
			{ timeoutMs, intervalMs: 250, what: `${count} execution(s) of workflow ${workflowId}` },
		);
		return list.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/**
	 * The editor's run button (POST /rest/workflows/:id/run): starts from `trigger` (a node name).
	 * With `destinationNode` it runs only up to that node ("Fetch Test Event" on a trigger).
	 * Works on 1.123 (wants workflowData) and 2.41 (reads the workflow from the database and
	 * ignores workflowData). Waits for the execution and returns it with its data decoded.
	 */
	async runManually(workflowId, { trigger, destinationNode, timeoutMs = 60000 } = {}) {
		const workflowData = await this.getWorkflowRest(workflowId);
		const body = { workflowData, triggerToStartFrom: { name: trigger } };
		if (destinationNode) body.destinationNode = { nodeName: destinationNode, mode: 'inclusive' };
		const started = await this.rest('POST', `/workflows/${workflowId}/run`, body);
		if (!started || !started.executionId) {
			throw new Error(`manual run of workflow ${workflowId} did not start: ${JSON.stringify(started)}`);
		}
		return await this.waitForExecution(started.executionId, { timeoutMs });
	}

	/** Waits for one execution to finish; returns the public API's view (data decoded). */
	async waitForExecution(executionId, { timeoutMs = 60000 } = {}) {
		return await waitFor(
			async () => {
				const res = await this.api('GET', `/executions/${executionId}?includeData=true`, undefined, { raw: true, expect: [200, 404] });
				if (res.status !== 200) return undefined;
				const e = res.body;
				const done = e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status);
				// n8n 1.x marks an execution stopped a moment before its data is saved: wait for both.
				return done && e.stoppedAt && e.data?.resultData ? e : undefined;
			},
			{ timeoutMs, intervalMs: 200, what: `execution ${executionId} to finish` },
		);
	}

	/** The internal REST view of an execution (what the editor gets), `data` still flatted-encoded. */
	async executionRest(id) {
		return await this.rest('GET', `/executions/${id}`);
	}
}

// ---------- execution data helpers ----------

/** The JSON items a node output in an execution (first run, main output 0 unless given). */
function nodeItems(execution, nodeName, { run = 0, output = 0 } = {}) {
	const runData = execution?.data?.resultData?.runData?.[nodeName];
	if (!runData || !runData[run]) return undefined;
	const main = runData[run].data?.main?.[output] || [];
	return main.map((i) => i.json);
}

/** The error an execution ended with: { message, description, nodeName } or undefined. */
function executionError(execution) {
	const err = execution?.data?.resultData?.error;
	if (!err) return undefined;
	return {
		message: err.message,
		description: err.description,
		nodeName: err.node?.name,
		httpCode: err.httpCode,
		raw: err,
	};
}

/** How long a node took in an execution (ms, n8n's own measurement). */
function nodeExecutionTime(execution, nodeName, run = 0) {
	return execution?.data?.resultData?.runData?.[nodeName]?.[run]?.executionTime;
}

module.exports = { N8nServer, OWNER, n8nEnv, nodeItems, executionError, nodeExecutionTime, HttpError };
