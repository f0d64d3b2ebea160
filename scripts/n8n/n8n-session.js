'use strict';
/**
 * A signed-in connection to a running n8n: HTTP to its internal REST API (`/rest`, the owner's
 * session cookie) and its public API (`/api/v1`, an API key); owner setup, login, API key; and
 * what n8n stores: node and credential types, credentials and their Test, workflows.
 * `N8nClient` (n8n-client.js) adds running them; use that one.
 */

/** @typedef {{ email: string, firstName: string, lastName: string, password: string }} Owner */
/** @typedef {{ id: string, name: string, type: string }} Credential */
/** @typedef {{ status: number, headers: Headers, body: any }} HttpResponse */
/**
 * @typedef {object} RequestOptions
 * @property {unknown} [body]                  sent as JSON
 * @property {Record<string, string>} [headers]
 * @property {boolean} [raw]                   resolve with the response whatever its status
 * @property {number[]} [expect]               the statuses that succeed (default: 2xx)
 */
/** @typedef {Omit<RequestOptions, 'body' | 'headers'>} ApiOptions */

/** @type {Owner} */
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Lovelace',
	password: 'LinkUp-e2e-2026',
};

class HttpError extends Error {
	/**
	 * @param {string} method
	 * @param {string} url
	 * @param {number} status
	 * @param {unknown} body
	 */
	constructor(method, url, status, body) {
		super(
			`${method} ${url} → ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body).slice(0, 500)}`,
		);
		this.status = status;
		this.body = body;
	}
}

class N8nSession {
	/**
	 * @param {object} options
	 * @param {string} options.url       the editor's base URL (`N8nProcess.url`)
	 * @param {string} [options.line]    '2' (default) or '1': where the two lines' APIs differ
	 * @param {Owner} [options.owner]    whom setup() creates and login() signs in
	 * @param {string} [options.apiKey]  an API key made earlier (else setup() makes one)
	 */
	constructor({ url, line = '2', owner = OWNER, apiKey }) {
		this.url = url;
		this.line = String(line);
		this.owner = owner;
		this.apiKey = apiKey;
		/** @type {string | undefined} the `n8n-auth=…` session cookie */
		this.cookie = undefined;
	}

	// ---------- HTTP ----------

	/**
	 * @param {string} method
	 * @param {string} urlPath
	 * @param {RequestOptions} [options]
	 * @returns {Promise<HttpResponse>} throws an HttpError for an unexpected status unless `raw`
	 */
	async request(method, urlPath, { body, headers = {}, raw = false, expect } = {}) {
		const res = await fetch(`${this.url}${urlPath}`, {
			method,
			headers: {
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
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

	/**
	 * Internal REST API (`/rest/...`) with the owner's session cookie; returns `body.data`
	 * (the whole HttpResponse with `raw`).
	 * @param {string} method
	 * @param {string} urlPath
	 * @param {unknown} [body]
	 * @param {ApiOptions} [options]
	 * @returns {Promise<any>}
	 */
	async rest(method, urlPath, body, options = {}) {
		if (!this.cookie) throw new Error('not logged in: call setup() or login() first');
		const res = await this.request(method, `/rest${urlPath}`, {
			body,
			headers: { cookie: this.cookie },
			...options,
		});
		return options.raw ? res : res.body?.data !== undefined ? res.body.data : res.body;
	}

	/**
	 * Public API (`/api/v1/...`) with the API key; returns the body (the HttpResponse with `raw`).
	 * @param {string} method
	 * @param {string} urlPath
	 * @param {unknown} [body]
	 * @param {ApiOptions} [options]
	 * @returns {Promise<any>}
	 */
	async api(method, urlPath, body, options = {}) {
		if (!this.apiKey) throw new Error('no API key: call setup() first');
		const res = await this.request(method, `/api/v1${urlPath}`, {
			body,
			headers: { 'X-N8N-API-KEY': this.apiKey },
			...options,
		});
		return options.raw ? res : res.body;
	}

	/**
	 * GET with the session cookie outside /rest (e.g. /types/nodes.json, icons).
	 * @param {string} urlPath
	 */
	async getAuthed(urlPath) {
		return (
			await this.request('GET', urlPath, { headers: this.cookie ? { cookie: this.cookie } : {} })
		).body;
	}

	/** Every node type the editor knows (what /types/nodes.json serves). */
	async nodeTypes() {
		return await this.getAuthed('/types/nodes.json');
	}

	async credentialTypes() {
		return await this.getAuthed('/types/credentials.json');
	}

	// ---------- owner, login, API key ----------

	/**
	 * Owner setup (first start of a user folder), login, and an API key with every scope allowed.
	 * @param {Owner} [owner]
	 */
	async setup(owner = this.owner) {
		this.owner = owner;
		const settings = (await this.request('GET', '/rest/settings')).body.data;
		if (settings?.userManagement?.showSetupOnFirstLoad !== false) {
			await this.request('POST', '/rest/owner/setup', { body: owner });
		}
		await this.login(owner);
		if (!this.apiKey) await this.createApiKey();
		return this;
	}

	/**
	 * Signs in (POST /rest/login); keeps and returns the session cookie.
	 * @param {Owner} [owner]
	 */
	async login(owner = this.owner) {
		this.owner = owner;
		const res = await this.request('POST', '/rest/login', {
			body: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password },
		});
		const setCookie = res.headers.getSetCookie
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie')];
		const auth = setCookie
			.filter((c) => typeof c === 'string')
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('login returned no n8n-auth cookie');
		this.cookie = auth;
		return this.cookie;
	}

	/**
	 * An API key for the public API, with every scope this n8n offers (1.123 has no scopes).
	 * @param {string} [label]
	 */
	async createApiKey(label = `e2e ${Date.now()}`) {
		let scopes;
		try {
			scopes = await this.rest('GET', '/api-keys/scopes');
		} catch {
			scopes = undefined;
		}
		/** @type {{ label: string, expiresAt: null, scopes?: string[] }} */
		const body = { label, expiresAt: null };
		if (Array.isArray(scopes)) body.scopes = scopes;
		const key = await this.rest('POST', '/api-keys', body);
		this.apiKey = /** @type {string} */ (key.rawApiKey || key.apiKey);
		return this.apiKey;
	}

	// ---------- credentials ----------

	/**
	 * Creates a credential through the REST API.
	 * @param {{ name: string, type: string, data: Record<string, unknown> }} credential
	 * @returns {Promise<Credential>}
	 */
	async createCredential({ name, type, data }) {
		const c = await this.rest('POST', '/credentials', { name, type, data });
		return { id: c.id, name: c.name, type: c.type };
	}

	/**
	 * The editor's "Test" button for a stored credential (POST /rest/credentials/test, same route
	 * in 1.123 and 2.41).
	 * @param {Credential & { data: Record<string, unknown> }} credential
	 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
	 */
	async testCredential({ id, name, type, data }) {
		return await this.rest('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	// ---------- workflows (builders: workflows.js; n8n answers with the stored workflow, `id` added) ----------

	/**
	 * Creates a workflow through the public API (only name, nodes, connections, settings).
	 * @param {{ name: string, nodes: object[], connections?: object, settings?: object }} wf
	 */
	async createWorkflow(wf) {
		const body = {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections || {},
			settings: wf.settings || { executionOrder: 'v1' },
		};
		return await this.api('POST', '/workflows', body);
	}

	/** @param {string} id */
	async getWorkflow(id) {
		return await this.api('GET', `/workflows/${id}`);
	}

	/**
	 * The workflow as the editor loads it (GET /rest/workflows/:id).
	 * @param {string} id
	 */
	async getWorkflowRest(id) {
		return await this.rest('GET', `/workflows/${id}`);
	}
}

module.exports = { N8nSession, OWNER, HttpError };
