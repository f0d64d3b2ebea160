'use strict';
/**
 * The LinkUp sandbox (test/sandbox) as a separate process, plus a small client for its
 * /__sandbox control endpoints. The TypeScript is compiled as `npm run build:test` does it
 * (tsc -p tsconfig.test.json, into build/, git-ignored), only when a sandbox source is newer than
 * its output: one compiled copy, build/test/sandbox, serves the e2e suite, the demo and
 * `npm run sandbox`.
 *
 *   node scripts/n8n/sandbox.js build [--force]   compiles when needed, prints the path of cli.js
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { REPO_ROOT } = require('./config');
const { spawnGroup, stopGroup, waitFor } = require('./proc');

const SRC = path.join(REPO_ROOT, 'test', 'sandbox');
/** What `npm run build:test` compiles: credentials, nodes and test/ (no *.test.ts) into build/. */
const TSCONFIG = path.join(REPO_ROOT, 'tsconfig.test.json');
/** Where tsconfig.test.json (rootDir ".", outDir "build") puts test/sandbox. */
const OUT = path.join(REPO_ROOT, 'build', 'test', 'sandbox');

/** @typedef {{ url: string, apiKey: string, accountId: string }} SandboxInfo  what cli.js prints */
/**
 * @typedef {SandboxInfo & {
 *   client: SandboxClient,
 *   process: import('./proc').GroupChild,
 *   stop: () => Promise<void>,
 * }} SandboxProcess
 */

/**
 * Whether every source (tests aside: tsconfig.test.json does not compile them) has an output at
 * least as new. Per file, so a new source older than the last build (a checkout) still counts.
 */
function upToDate() {
	for (const f of fs.readdirSync(SRC)) {
		if (!f.endsWith('.ts') || f.endsWith('.d.ts') || f.endsWith('.test.ts')) continue;
		const js = path.join(OUT, `${f.slice(0, -3)}.js`);
		if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(path.join(SRC, f)).mtimeMs)
			return false;
	}
	return true;
}

/**
 * Compiles test/sandbox into build/test/sandbox when needed (`npm run build:test`'s tsc run,
 * ~10 s); returns the path of cli.js.
 * @param {{ force?: boolean }} [options]
 */
function buildSandbox({ force = false } = {}) {
	const cli = path.join(OUT, 'cli.js');
	if (!force && fs.existsSync(cli) && upToDate()) return cli;
	const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	if (!fs.existsSync(tsc))
		throw new Error('typescript is not installed in the repo: run npm ci first');
	fs.rmSync(OUT, { recursive: true, force: true });
	try {
		execFileSync(process.execPath, [tsc, '-p', TSCONFIG], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	} catch (err) {
		throw new Error(`compiling test/sandbox failed:\n${err.stdout}${err.stderr}`);
	}
	return cli;
}

class SandboxClient {
	/** @param {string} url the sandbox's base URL */
	constructor(url) {
		this.url = url;
	}

	/**
	 * @param {string} method
	 * @param {string} route  below /__sandbox/
	 * @param {unknown} [body]
	 * @returns {Promise<any>} the JSON answer (`ok: true`); throws for `ok: false`
	 */
	async call(method, route, body) {
		const res = await fetch(`${this.url}/__sandbox/${route}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await res.json();
		if (!json.ok) throw new Error(`sandbox ${method} ${route}: ${res.status} ${json.error}`);
		return json;
	}

	state() {
		return this.call('GET', 'state');
	}
	/**
	 * The default account's conversations in API order (sandbox-only flags included).
	 * @param {string} [accountId]
	 * @returns {Promise<any[]>}
	 */
	async conversations(accountId) {
		const s = await this.state();
		return s.conversations[accountId || s.accountId] || [];
	}
	/** @returns {Promise<any[]>} */
	requests() {
		return this.call('GET', 'requests').then((r) => r.requests);
	}
	clearRequests() {
		return this.call('DELETE', 'requests');
	}
	reset() {
		return this.call('POST', 'reset');
	}
	/**
	 * @param {string} fault e.g. 'INTERNAL_ERROR'
	 * @param {{ times?: number, skip?: number, path?: string }} [options] times -1 = forever
	 */
	fault(fault, options = {}) {
		return this.call('POST', 'fault', { fault, ...options });
	}
	clearFaults() {
		return this.call('DELETE', 'fault');
	}
	/**
	 * A message in a conversation, or (no conversationId) a new unread conversation.
	 * @param {{ conversationId?: string, participantName?: string, text?: string, accountId?: string, wait?: boolean }} [body] wait: answer once webhook deliveries are done
	 * @returns {Promise<any>} the conversation as the API serves it
	 */
	message(body = {}) {
		return this.call('POST', 'message', body).then((r) => r.conversation);
	}
	/**
	 * A conversation's history (GET /__sandbox/messages), newest first, with the sandbox-only
	 * fields (`from_me`, `seq`, `media`).
	 * @param {string} conversationId
	 * @param {string} [accountId]
	 * @returns {Promise<any[]>}
	 */
	async messages(conversationId, accountId) {
		const q = new URLSearchParams({ conversationId });
		if (accountId) q.set('accountId', accountId);
		return (await this.call('GET', `messages?${q}`)).messages;
	}
	/** Credits billed since the start (or the last reset). */
	async creditsConsumed() {
		return Number((await this.state()).creditsConsumed);
	}
	/**
	 * Run-time settings (POST /__sandbox/config): short pages, slow answers.
	 * @param {{ maxPageSize?: number, latencyMs?: number }} settings
	 * @returns {Promise<{ maxPageSize: number, latencyMs: number }>}
	 */
	config(settings) {
		return this.call('POST', 'config', settings);
	}
	/**
	 * @param {object} conversation
	 * @param {string} [accountId]
	 */
	addConversation(conversation, accountId) {
		return this.call('POST', 'conversation', { conversation, accountId }).then(
			(r) => r.conversation,
		);
	}
	/**
	 * @param {string} conversationId
	 * @param {string} [accountId]
	 */
	markRead(conversationId, accountId) {
		return this.call('POST', 'read', { conversationId, accountId });
	}
	/**
	 * @param {string} conversationId
	 * @param {string} [accountId]
	 */
	markUnread(conversationId, accountId) {
		return this.call('POST', 'unread', { conversationId, accountId });
	}
	/**
	 * @param {string} conversationId
	 * @param {string} [accountId]
	 */
	remove(conversationId, accountId) {
		return this.call('POST', 'remove', { conversationId, accountId });
	}
	/** @returns {Promise<{ webhooks: any[], monitoringCredits: number }>} registered webhooks, secrets included */
	webhooks() {
		return this.call('GET', 'webhooks');
	}
	/** @returns {Promise<any[]>} every delivery attempt, oldest first */
	deliveries() {
		return this.call('GET', 'webhook-deliveries').then((r) => r.deliveries);
	}
	/** @param {number} index a delivery sent again, byte for byte (a LinkUp retry) */
	redeliver(index) {
		return this.call('POST', 'redeliver', { index, wait: true }).then((r) => r.delivery);
	}
	/** @param {{ name?: string, profile_url?: string }} [who] */
	invitationAccepted(who = {}) {
		return this.call('POST', 'invitation-accepted', { ...who, wait: true }).then(
			(r) => r.deliveries,
		);
	}
	disconnect() {
		return this.call('POST', 'disconnect', { wait: true }).then((r) => r.deliveries);
	}
}

/**
 * Starts the sandbox on a free loopback port (compiling it first when needed).
 * @param {{ seed?: number, count?: number, port?: number, logFile?: string }} [options]
 * @returns {Promise<SandboxProcess>}
 */
async function startSandboxProcess({ seed = 1, count = 35, port = 0, logFile } = {}) {
	const cli = buildSandbox();
	/** @type {SandboxInfo | undefined} */
	let info;
	const child = spawnGroup(process.execPath, [cli], {
		cwd: REPO_ROOT,
		env: {
			...process.env,
			PORT: String(port),
			SANDBOX_SEED: String(seed),
			SANDBOX_COUNT: String(count),
		},
		logFile,
		onLine: (line) => {
			if (!info && line.startsWith('{')) {
				try {
					info = JSON.parse(line);
				} catch {}
			}
		},
	});
	const ready = await waitFor(() => info, {
		timeoutMs: 20000,
		intervalMs: 50,
		what: 'the sandbox to print its URL',
		child,
	});
	const client = new SandboxClient(ready.url);
	return {
		...ready,
		client,
		process: child,
		stop: () => stopGroup(child, { graceMs: 3000 }),
	};
}

module.exports = { buildSandbox, startSandboxProcess, SandboxClient, SANDBOX_OUT: OUT };

if (require.main === module) {
	if (process.argv[2] !== 'build') {
		process.stderr.write(
			'usage: node scripts/n8n/sandbox.js build [--force]   (compiles test/sandbox to build/test/sandbox when needed)\n',
		);
		process.exit(2);
	}
	try {
		process.stdout.write(
			`${path.relative(process.cwd(), buildSandbox({ force: process.argv.includes('--force') }))}\n`,
		);
	} catch (err) {
		process.stderr.write(`[sandbox] ${err.message}\n`);
		process.exit(1);
	}
}
