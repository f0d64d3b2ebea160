'use strict';
/**
 * n8n 2.x in queue mode with our packed package: Postgres + Redis (services.js), one main, two
 * workers and one webhook processor, each in its own user folder with the package laid out as the
 * Community Nodes installer does (pack.installIntoUserFolder), plus the LinkUp sandbox.
 *
 *   const { startQueueStack } = require('./scripts/n8n/queue');
 *   const stack = await startQueueStack();
 *   stack.main / stack.workers / stack.webhook   N8nProcess (log(), stop(), start())
 *   stack.n8n                                    N8nClient on main (owner, API key)
 *   await stack.stop();
 *
 * Environment shared by every process (see queueEnv): one N8N_ENCRYPTION_KEY, DB_TYPE=postgresdb
 * + DB_POSTGRESDB_*, EXECUTIONS_MODE=queue, QUEUE_BULL_REDIS_HOST/PORT,
 * OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true (else manual runs stay on main), WEBHOOK_URL = the
 * webhook processor. Main only: N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true (production webhook
 * calls go to the webhook processor, not main).
 */
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const config = require('./config');
const pack = require('./pack');
const { freePorts } = require('./proc');
const { startSandboxProcess } = require('./sandbox');
const { startServices } = require('./services');
const { N8nProcess } = require('./n8n-process');
const { N8nClient } = require('./n8n-client');
const { CREDENTIAL_TYPE } = require('./workflows');

/**
 * @param {import('./services').Services} services
 * @param {{ encryptionKey: string, webhookPort: number, mainPort: number }} options
 * @returns {NodeJS.ProcessEnv}
 */
function queueEnv(services, { encryptionKey, webhookPort, mainPort }) {
	const pg = services.postgres;
	return {
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: services.redis.host,
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}`,
		// Bull's job lock and stalled-job check (n8n's defaults 60 s / 10 s / 30 s), shortened: a job
		// of a killed worker then fails after ~50 s instead of ~2 min (measured; test/e2e/queueKill.js).
		QUEUE_WORKER_LOCK_DURATION: '15000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
	};
}

/**
 * @typedef {object} QueueStack
 * @property {string} version
 * @property {N8nProcess} main
 * @property {N8nProcess[]} workers
 * @property {N8nProcess} webhook
 * @property {N8nProcess[]} processes           main, workers, webhook
 * @property {N8nClient} n8n                     on main, signed in, with an API key
 * @property {import('./sandbox').SandboxProcess} sandbox
 * @property {import('./services').Services} services
 * @property {import('./n8n-session').Credential} credential
 * @property {{ apiKey: string, baseUrl: string }} credentialData
 * @property {string} accountId
 * @property {Record<string, number>} startMs   how long each part took to start
 * @property {(options?: { keep?: boolean }) => Promise<void>} stop
 */

/**
 * @param {{ tarball?: string, seed?: number, count?: number, workers?: number, logLevel?: string }} [options]
 * @returns {Promise<QueueStack>}
 */
async function startQueueStack({
	tarball,
	seed = 1,
	count = 35,
	workers = 2,
	logLevel = 'debug',
} = {}) {
	/** @type {Record<string, number>} */
	const startMs = {};
	let t = Date.now();
	const tgz = tarball || pack.packPackage();
	const services = await startServices();
	startMs.services = Date.now() - t;
	const [mainPort, webhookPort, ...workerPorts] = await freePorts(2 + workers);
	const env = queueEnv(services, {
		encryptionKey: randomBytes(24).toString('hex'),
		webhookPort,
		mainPort,
	});
	/** @param {N8nProcess['command']} command @param {string} name @param {number} port @param {NodeJS.ProcessEnv} [extra] */
	const make = (command, name, port, extra = {}) => {
		const p = new N8nProcess({
			line: '2',
			command,
			name,
			port,
			logLevel,
			env: { ...env, ...extra },
		});
		pack.installIntoUserFolder(tgz, p.userFolder);
		return p;
	};
	const main = make('start', 'main', mainPort, { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' });
	const workerList = workerPorts.map((port, i) => make('worker', `worker${i + 1}`, port));
	const webhook = make('webhook', 'webhook', webhookPort);
	const processes = [main, ...workerList, webhook];
	/** @type {import('./sandbox').SandboxProcess | undefined} */
	let sb;
	const stop = async ({ keep = process.env.LINKUP_E2E_KEEP === '1' } = {}) => {
		await Promise.all([webhook, ...workerList].map((p) => p.stop()));
		await main.stop();
		if (sb) await sb.stop();
		await services.stop();
		const logs = path.join(config.REPO_ROOT, 'build', 'e2e', 'logs');
		fs.mkdirSync(logs, { recursive: true });
		for (const p of processes) {
			try {
				fs.copyFileSync(p.logFile, path.join(logs, `n8n-queue-${p.name}.log`));
			} catch {}
			if (!keep) fs.rmSync(p.userFolder, { recursive: true, force: true });
		}
	};
	try {
		sb = await startSandboxProcess({
			seed,
			count,
			logFile: path.join(main.userFolder, 'sandbox.log'),
		});
		// Main first: it runs the database migrations the others wait for.
		t = Date.now();
		await main.start();
		startMs.main = Date.now() - t;
		t = Date.now();
		await Promise.all([...workerList, webhook].map((p) => p.start()));
		startMs.workersAndWebhook = Date.now() - t;
		const n8n = new N8nClient({ url: main.url, line: '2' });
		await n8n.setup();
		const credentialData = { apiKey: sb.apiKey, baseUrl: sb.url };
		const credential = await n8n.createCredential({
			name: 'LinkUp API',
			type: CREDENTIAL_TYPE,
			data: credentialData,
		});
		return {
			version: main.version,
			main,
			workers: workerList,
			webhook,
			processes,
			n8n,
			sandbox: sb,
			services,
			credential,
			credentialData,
			accountId: sb.accountId,
			startMs,
			stop,
		};
	} catch (err) {
		await stop({ keep: true });
		throw err;
	}
}

module.exports = { startQueueStack, queueEnv };
