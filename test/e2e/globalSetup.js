'use strict';
/**
 * Once per e2e run: install (or reuse) n8n for the selected lines, build + pack our package,
 * compile the sandbox. Lines: LINKUP_E2E_LINES=2,1 (default both).
 */
const fs = require('node:fs');
const path = require('node:path');
const { execSync } = require('node:child_process');
const {
	install,
	selectedLines,
	packPackage,
	buildSandbox,
	REPO_ROOT,
} = require('../../scripts/n8n');

const CHROMIUM = process.env.LINKUP_E2E_CHROMIUM || '/usr/bin/chromium';

/** The editor tests (n8n 2.x) drive Debian's Chromium: install it when this is a fresh root machine. */
function ensureChromium() {
	if (
		process.env.LINKUP_E2E_SKIP_EDITOR === '1' ||
		!selectedLines().includes('2') ||
		fs.existsSync(CHROMIUM)
	)
		return;
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error(
			`${CHROMIUM} is missing: run "sudo apt-get install -y chromium fonts-liberation", or set LINKUP_E2E_SKIP_EDITOR=1`,
		);
	}
	process.stdout.write(
		'[e2e] installing Debian chromium + fonts-liberation for the editor tests (usually ~100 s)\n',
	);
	execSync(
		'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation',
		{
			stdio: ['ignore', 'ignore', 'inherit'],
		},
	);
}

module.exports = async function globalSetup() {
	const started = Date.now();
	process.stdout.write(
		'\n[e2e] preparing: n8n install cache, npm run build + npm pack, sandbox build\n',
	);
	ensureChromium();
	await install({ lines: selectedLines() });
	const tgz = packPackage();
	fs.writeFileSync(path.join(REPO_ROOT, 'build', 'e2e', 'tarball.txt'), `${tgz}\n`);
	buildSandbox();
	process.stdout.write(
		`[e2e] ready in ${Math.round((Date.now() - started) / 1000)}s: ${path.relative(REPO_ROOT, tgz)}\n`,
	);
};
