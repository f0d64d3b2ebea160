/**
 * End-to-end suite against real n8n servers (npm run test:e2e). Installs n8n into a cache
 * outside the repo on first use (see scripts/n8n/install.js). One test file per n8n line, run
 * side by side: 2 (n8n 2.x), 1 (n8n 1.x) and queue (n8n 2.x in queue mode: Postgres, Redis, main,
 * two workers, a webhook processor). LINKUP_E2E_LINES=2 (or 1, or queue) runs one line only.
 */
const lines = (process.env.LINKUP_E2E_LINES || '2,1,queue').split(',').map((s) => s.trim());

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	rootDir: __dirname,
	roots: ['<rootDir>/test/e2e'],
	testMatch: lines.map((l) => `<rootDir>/test/e2e/**/n8n-${l}.e2e.js`),
	transform: {},
	globalSetup: '<rootDir>/test/e2e/globalSetup.js',
	testTimeout: 180000,
	maxWorkers: 2,
	verbose: true,
};
