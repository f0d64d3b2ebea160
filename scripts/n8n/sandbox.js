'use strict';
/**
 * The LinkUp sandbox (test/sandbox) as a separate process, plus a small client for its
 * /__sandbox control endpoints. The TypeScript is compiled with the repo's tsc into
 * build/sandbox (git-ignored), only when a source is newer than the build.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { REPO_ROOT } = require('./config');
const { spawnGroup, stopGroup, waitFor } = require('./proc');

const SRC = path.join(REPO_ROOT, 'test', 'sandbox');
const OUT = path.join(REPO_ROOT, 'build', 'sandbox');

function newestMtime(dir, ext) {
	let newest = 0;
	for (const f of fs.readdirSync(dir)) {
		if (f.endsWith(ext)) newest = Math.max(newest, fs.statSync(path.join(dir, f)).mtimeMs);
	}
	return newest;
}

/** Compiles test/sandbox into build/sandbox when needed; returns the path of cli.js. */
function buildSandbox({ force = false } = {}) {
	const cli = path.join(OUT, 'cli.js');
	if (!force && fs.existsSync(cli) && newestMtime(OUT, '.js') >= newestMtime(SRC, '.ts')) return cli;
	const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	if (!fs.existsSync(tsc)) throw new Error('typescript is not installed in the repo: run npm ci first');
	fs.rmSync(OUT, { recursive: true, force: true });
	try {
		execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.sandbox.json')], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	} catch (err) {
		throw new Error(`compiling test/sandbox failed:\n${err.stdout}${err.stderr}`);
	}
	return cli;
}

class SandboxClient {
	constructor(url) {
		this.url = url;
	}

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
	/** The default account's conversations in API order (sandbox-only flags included). */
	async conversations(accountId) {
		const s = await this.state();
		return s.conversations[accountId || s.accountId] || [];
	}
	requests() {
		return this.call('GET', 'requests').then((r) => r.requests);
	}
	clearRequests() {
		return this.call('DELETE', 'requests');
	}
	reset() {
		return this.call('POST', 'reset');
	}
	/** fault: e.g. 'INTERNAL_ERROR'; opts { times, skip, path } (times -1 = forever). */
	fault(fault, opts = {}) {
		return this.call('POST', 'fault', { fault, ...opts });
	}
	clearFaults() {
		return this.call('DELETE', 'fault');
	}
	/** A message in a conversation, or (no conversationId) a new unread conversation. */
	message(body = {}) {
		return this.call('POST', 'message', body).then((r) => r.conversation);
	}
	addConversation(conversation, accountId) {
		return this.call('POST', 'conversation', { conversation, accountId }).then((r) => r.conversation);
	}
	markRead(conversationId, accountId) {
		return this.call('POST', 'read', { conversationId, accountId });
	}
	markUnread(conversationId, accountId) {
		return this.call('POST', 'unread', { conversationId, accountId });
	}
	remove(conversationId, accountId) {
		return this.call('POST', 'remove', { conversationId, accountId });
	}
}

/**
 * Starts the sandbox on a free loopback port. Returns { url, apiKey, accountId, client, process, stop }.
 * opts: { seed = 1, count = 35, port = 0, logFile }
 */
async function startSandboxProcess({ seed = 1, count = 35, port = 0, logFile } = {}) {
	const cli = buildSandbox();
	let info;
	const child = spawnGroup(process.execPath, [cli], {
		cwd: REPO_ROOT,
		env: { ...process.env, PORT: String(port), SANDBOX_SEED: String(seed), SANDBOX_COUNT: String(count) },
		logFile,
		onLine: (line) => {
			if (!info && line.startsWith('{')) {
				try {
					info = JSON.parse(line);
				} catch {}
			}
		},
	});
	await waitFor(() => info, { timeoutMs: 20000, intervalMs: 50, what: 'the sandbox to print its URL', child });
	const client = new SandboxClient(info.url);
	return {
		...info,
		client,
		process: child,
		stop: () => stopGroup(child, { graceMs: 3000 }),
	};
}

module.exports = { buildSandbox, startSandboxProcess, SandboxClient };
