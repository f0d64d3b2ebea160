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
const n8nProcess = require('./n8n-process');
const n8nSession = require('./n8n-session');
const n8nClient = require('./n8n-client');
const executionData = require('./execution-data');
const workflows = require('./workflows');
const services = require('./services');
const queue = require('./queue');

/**
 * @typedef {object} StackOptions
 * @property {string} [line]        '2' (default) or '1'
 * @property {string} [tarball]     the packed package (default: build + pack now)
 * @property {number} [seed]        the sandbox's seed (default 1)
 * @property {number} [count]       the sandbox's conversations (default 35)
 * @property {string} [logLevel]    n8n's N8N_LOG_LEVEL (default info)
 * @property {string} [userFolder]  n8n's user folder (default: a fresh temp folder, removed by stop())
 * @property {NodeJS.ProcessEnv} [env] extra environment for n8n
 * @property {number} [port]        n8n's port (default: a free one)
 * @property {boolean} [install]    install n8n when missing (else an error says how)
 */

/**
 * @typedef {object} Stack
 * @property {string} line
 * @property {string} version                           n8n's version
 * @property {import('./n8n-process').N8nProcess} n8nProcess  start/stop/restart, log()
 * @property {import('./n8n-client').N8nClient} n8n     signed in as the owner, with an API key
 * @property {import('./sandbox').SandboxProcess} sandbox
 * @property {import('./n8n-session').Credential} credential  "LinkUp API", pointing at the sandbox
 * @property {{ apiKey: string, baseUrl: string }} credentialData
 * @property {string} accountId                          the sandbox's default account
 * @property {(options?: { keep?: boolean }) => Promise<void>} stop
 */

/**
 * Everything a test or the demo needs, started: the sandbox, an n8n of `line` with our packed
 * package in a fresh user folder, the owner (logged in, with an API key) and a credential
 * "LinkUp API" pointing at the sandbox.
 * @param {StackOptions} [options]
 * @returns {Promise<Stack>}
 */
async function startStack({
	line = '2',
	tarball,
	seed = 1,
	count = 35,
	logLevel = 'info',
	userFolder,
	env,
	port,
	install: doInstall = false,
} = {}) {
	if (!install.isInstalled([String(line)])) {
		if (!doInstall)
			throw new Error(
				`n8n line ${line} is not installed: run node scripts/n8n/install.js --line ${line}`,
			);
		await install.install({ lines: [String(line)] });
	}
	const tgz = tarball || pack.packPackage();
	const server = new n8nProcess.N8nProcess({ line, userFolder, logLevel, env, port });
	const sb = await sandbox.startSandboxProcess({
		seed,
		count,
		logFile: path.join(server.userFolder, 'sandbox.log'),
	});
	try {
		pack.installIntoUserFolder(tgz, server.userFolder);
		await server.start();
		const n8n = new n8nClient.N8nClient({ url: server.url, line });
		await n8n.setup();
		const credentialData = { apiKey: sb.apiKey, baseUrl: sb.url };
		const credential = await n8n.createCredential({
			name: 'LinkUp API',
			type: workflows.CREDENTIAL_TYPE,
			data: credentialData,
		});
		return {
			line: String(line),
			version: server.version,
			n8nProcess: server,
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
				await server.stop();
				await sb.stop();
				if (!keep) {
					const logs = path.join(config.REPO_ROOT, 'build', 'e2e', 'logs');
					fs.mkdirSync(logs, { recursive: true });
					try {
						fs.copyFileSync(server.logFile, path.join(logs, `n8n-${server.version}.log`));
					} catch {}
					fs.rmSync(server.userFolder, { recursive: true, force: true });
				}
			},
		};
	} catch (err) {
		await server.stop();
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
	...n8nProcess,
	...n8nSession,
	...n8nClient,
	...executionData,
	...workflows,
	...services,
	...queue,
	startStack,
	/** @param {string} p */
	rmrf: (p) => fs.rmSync(p, { recursive: true, force: true }),
};
