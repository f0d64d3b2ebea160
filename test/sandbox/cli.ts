/**
 * Standalone sandbox: `node cli.js` (after tsc). Env: PORT (default 0 = free port),
 * SANDBOX_SEED (default 1), SANDBOX_COUNT (default 35 conversations).
 * Prints exactly one JSON line {"url","apiKey","accountId"} on stdout; stops on SIGINT/SIGTERM.
 */
import { realisticInbox } from './seed';
import { startSandbox } from './server';

function intEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) {
		process.stderr.write(`${name} must be a non-negative integer\n`);
		process.exit(2);
	}
	return n;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({
		port: intEnv('PORT', 0),
		inbox: realisticInbox(intEnv('SANDBOX_SEED', 1), intEnv('SANDBOX_COUNT', 35)),
	});
	process.stdout.write(
		`${JSON.stringify({ url: sandbox.url, apiKey: sandbox.apiKey, accountId: sandbox.accountId })}\n`,
	);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
	process.stderr.write(
		`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
	);
	process.exit(1);
});
