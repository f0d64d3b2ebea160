'use strict';
/**
 * Child processes in their own process group, so stopping one also stops what it spawned
 * (n8n's task runner, npm's children). Every group still alive when this process exits is
 * SIGKILLed, so a failed test or Ctrl-C leaves no orphans.
 */
const fs = require('node:fs');
const net = require('node:net');
const { spawn } = require('node:child_process');

/**
 * A child spawned by `spawnGroup`: the leader of its own process group, with piped output.
 * @typedef {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable> & {
 *   exited: Promise<{ code: number | null, signal: NodeJS.Signals | null, error?: Error }>,
 *   output: () => string,
 * }} GroupChild
 */

/**
 * @typedef {object} SpawnGroupOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {string} [logFile]                output appended here
 * @property {(line: string) => void} [onLine] sees each stdout/stderr line
 * @property {number} [uid]                    run as this user (e.g. postgres, which refuses root)
 * @property {number} [gid]
 */

/**
 * @typedef {object} WaitForOptions
 * @property {number} [timeoutMs]
 * @property {number} [intervalMs]
 * @property {string} [what]       what is awaited, for the timeout's message
 * @property {import('node:child_process').ChildProcess} [child] give up at once when it exits
 */

/** @type {Set<GroupChild>} */
const live = new Set();

/**
 * @param {number | undefined} pid undefined when the spawn failed
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
	if (pid === undefined) return false;
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

let hooked = false;
function hookExit() {
	if (hooked) return;
	hooked = true;
	process.on('exit', () => {
		for (const child of live) killGroup(child.pid, 'SIGKILL');
	});
	// A signal ends node without 'exit' unless handled: stop our groups, then die of the signal.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => {
			// Another handler (e.g. the demo's graceful stop) owns this signal: let it stop us.
			if (process.listenerCount(signal) > 0) return;
			for (const child of live) killGroup(child.pid, 'SIGKILL');
			process.kill(process.pid, signal);
		});
	}
}

/**
 * A free TCP port on 127.0.0.1 (asked from the OS, then released).
 * @returns {Promise<number>}
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
			srv.close(() => resolve(port));
		});
	});
}

/**
 * `count` distinct free ports.
 * @param {number} count
 * @returns {Promise<number[]>}
 */
async function freePorts(count) {
	/** @type {Set<number>} */
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

/**
 * Spawns `cmd` as the leader of a new process group. Output goes to `logFile` (appended) and
 * is kept in memory (`child.output()`); `onLine` sees each stdout/stderr line.
 * @param {string} cmd
 * @param {string[]} args
 * @param {SpawnGroupOptions} [options]
 * @returns {GroupChild}
 */
function spawnGroup(cmd, args, { cwd, env, logFile, onLine, uid, gid } = {}) {
	hookExit();
	const child = /** @type {GroupChild} */ (
		spawn(cmd, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
	);
	const fd = logFile ? fs.openSync(logFile, 'a') : undefined;
	let buffer = '';
	let pending = '';
	/** @param {Buffer} chunk */
	const onData = (chunk) => {
		const text = chunk.toString('utf8');
		if (fd !== undefined) fs.writeSync(fd, text);
		buffer += text;
		if (buffer.length > 4_000_000) buffer = buffer.slice(-2_000_000);
		if (onLine) {
			pending += text;
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) onLine(line);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	live.add(child);
	child.exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			live.delete(child);
			// The leader is gone; make sure nothing of its group outlives it.
			killGroup(child.pid, 'SIGKILL');
			resolve({ code, signal });
		});
		child.on('error', (err) => {
			live.delete(child);
			resolve({ code: -1, signal: null, error: err });
		});
	});
	child.exited.then(() => {
		if (fd !== undefined) {
			try {
				fs.closeSync(fd);
			} catch {}
		}
	});
	child.output = () => buffer;
	return child;
}

/**
 * SIGTERM the group, wait up to `graceMs`, then SIGKILL it. Resolves once the leader exited.
 * @param {GroupChild | undefined} child
 * @param {{ graceMs?: number, signal?: NodeJS.Signals }} [options]
 */
async function stopGroup(child, { graceMs = 10000, signal = 'SIGTERM' } = {}) {
	if (!child || child.exitCode !== null || child.signalCode !== null) {
		if (child) killGroup(child.pid, 'SIGKILL');
		return;
	}
	killGroup(child.pid, signal);
	let timeout;
	const timer = new Promise((r) => {
		timeout = setTimeout(() => r('timeout'), graceMs);
	});
	const res = await Promise.race([child.exited, timer]);
	clearTimeout(timeout);
	if (res === 'timeout') {
		killGroup(child.pid, 'SIGKILL');
		await child.exited;
	}
}

/**
 * Waits until `check()` resolves truthy; polls every `intervalMs`; throws `what` after `timeoutMs`.
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {WaitForOptions} [options]
 * @returns {Promise<NonNullable<T>>} what `check()` resolved to
 */
async function waitFor(
	check,
	{ timeoutMs = 60000, intervalMs = 250, what = 'condition', child } = {},
) {
	const deadline = Date.now() + timeoutMs;
	let lastErr;
	for (;;) {
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw new Error(
				`${what}: the process exited (${child.exitCode ?? child.signalCode}) while waiting`,
			);
		}
		try {
			const v = await check();
			if (v) return v;
		} catch (err) {
			lastErr = err;
		}
		if (Date.now() > deadline) {
			throw new Error(
				`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr.message})` : ''}`,
			);
		}
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

module.exports = {
	freePort,
	freePorts,
	spawnGroup,
	stopGroup,
	waitFor,
	liveProcesses: () => [...live],
};
