'use strict';
/**
 * Library to install, start, set up and drive a real n8n with this package loaded.
 * Plain CommonJS: `require('./scripts/n8n')` from the demo, CI scripts and the e2e suite.
 *
 *   const { startStack } = require('./scripts/n8n');
 *   const stack = await startStack({ line: '2' });   // sandbox + n8n + owner + credential
 *   ... stack.n8n.createWorkflow(...), stack.sandbox.client.message(...)
 *   await stack.stop();
 */
const fs = require('node:fs');
const path = require('node:path');
const config = require('./config');
const install = require('./install');
const proc = require('./proc');
const pack = require('./pack');
const sandbox = require('./sandbox');
const server = require('./server');
const workflows = require('./workflows');

/**
 * Everything a test or the demo needs, started: the sandbox, an n8n of `line` with our packed
 * package in a fresh user folder, the owner (logged in, with an API key) and a credential
 * "LinkUp API" pointing at the sandbox.
 * opts: { line = '2', tarball (default: build + pack now), seed, count, logLevel, userFolder, env, port,
 *         install: true to install n8n when missing (else an error says how) }
 */
async function startStack({ line = '2', tarball, seed = 1, count = 35, logLevel = 'info', userFolder, env, port, install: doInstall = false } = {}) {
	if (!install.isInstalled([String(line)])) {
		if (!doInstall) throw new Error(`n8n line ${line} is not installed: run node scripts/n8n/install.js --line ${line}`);
		await install.install({ lines: [String(line)] });
	}
	const tgz = tarball || pack.packPackage();
	const n8n = new server.N8nServer({ line, userFolder, logLevel, env, port });
	const sb = await sandbox.startSandboxProcess({ seed, count, logFile: path.join(n8n.userFolder, 'sandbox.log') });
	try {
		pack.installIntoUserFolder(tgz, n8n.userFolder);
		await n8n.start();
		await n8n.setup();
		const credentialData = { apiKey: sb.apiKey, baseUrl: sb.url };
		const credential = await n8n.createCredential({ name: 'LinkUp API', type: workflows.CREDENTIAL_TYPE, data: credentialData });
		return {
			line: String(line),
			n8n,
			sandbox: sb,
			credential,
			credentialData,
			accountId: sb.accountId,
			/**
			 * Stops n8n and the sandbox. Copies n8n's log to build/e2e/logs/ and removes the
			 * temporary user folder, unless `keep` or LINKUP_E2E_KEEP=1 (or a userFolder was given).
			 */
			async stop({ keep = process.env.LINKUP_E2E_KEEP === '1' || Boolean(userFolder) } = {}) {
				await n8n.stop();
				await sb.stop();
				if (!keep) {
					const logs = path.join(config.REPO_ROOT, 'build', 'e2e', 'logs');
					fs.mkdirSync(logs, { recursive: true });
					try {
						fs.copyFileSync(n8n.logFile, path.join(logs, `n8n-${n8n.version}.log`));
					} catch {}
					fs.rmSync(n8n.userFolder, { recursive: true, force: true });
				}
			},
		};
	} catch (err) {
		await n8n.stop();
		await sb.stop();
		throw err;
	}
}

module.exports = {
	...config,
	...install,
	...proc,
	...pack,
	...sandbox,
	...server,
	...workflows,
	startStack,
	rmrf: (p) => fs.rmSync(p, { recursive: true, force: true }),
};
