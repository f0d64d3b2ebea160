import { credentialData, runNode, type ActionRun } from '../../helpers/engine';
import { closedPort, listInboxNode } from '../../helpers/listInbox';
import { serializeThoroughly } from '../../helpers/serialize';
import { UNREACHABLE_DESCRIPTION } from '../../helpers/wording';
import { realisticInbox, startSandbox, type Sandbox } from '../../sandbox';

// A key that cannot turn up by accident: long, and in no fixture.
const API_KEY = 'lk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const WRONG_KEY = 'lk_live_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(9, 12), apiKey: API_KEY });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const continueOnFail = { onError: 'continueRegularOutput' as const };

/** Everything a user or a log could see of a run: items, the error, the whole execution record. */
function expectNoKey({ items, error, run }: ActionRun, key: string) {
	expect(serializeThoroughly(items)).not.toContain(key);
	expect(serializeThoroughly(error)).not.toContain(key);
	expect(serializeThoroughly(run)).not.toContain(key);
	for (const item of items) {
		if (item.error) {
			expect(serializeThoroughly(item.error)).not.toContain(key);
			expect(serializeThoroughly(item.error.cause)).not.toContain(key);
			expect(serializeThoroughly((item.error as { context?: unknown }).context)).not.toContain(key);
			expect(String(item.error.stack)).not.toContain(key);
		}
	}
}

describe('The API key appears in no output and no error', () => {
	it('the check itself works: the key was sent, and would be found in a serialized request', async () => {
		await runNode(listInboxNode({ limit: 1 }), credentialData(sandbox.url, API_KEY));
		expect(sandbox.requests[0].headers['x-api-key']).toBe(API_KEY);
		expect(serializeThoroughly(new Error('x', { cause: sandbox.requests[0] }))).toContain(API_KEY);
	});

	it('a successful run', async () => {
		const run = await runNode(listInboxNode({ limit: 5 }), credentialData(sandbox.url, API_KEY));
		expect(run.items).toHaveLength(5);
		expectNoKey(run, API_KEY);
	});

	it.each(['INTERNAL_ERROR', 'INVALID_PARAMS', 'HTML_502', 'MALFORMED_JSON'] as const)(
		'an API failure (%s), failing the run and with Continue On Fail',
		async (fault) => {
			sandbox.injectFault(fault, { times: 2 });
			const failed = await runNode(
				listInboxNode({ limit: 5 }),
				credentialData(sandbox.url, API_KEY),
			);
			expect(failed.error?.name).toBe('NodeApiError');
			expectNoKey(failed, API_KEY);
			const continued = await runNode(
				listInboxNode({ limit: 5 }, continueOnFail),
				credentialData(sandbox.url, API_KEY),
			);
			expect(continued.items[0].error?.name).toBe('NodeApiError');
			expectNoKey(continued, API_KEY);
		},
	);

	it('a rejected key', async () => {
		const failed = await runNode(
			listInboxNode({ limit: 5 }),
			credentialData(sandbox.url, WRONG_KEY),
		);
		expect(failed.error?.message).toBe('LinkUp rejected the API key');
		expect(sandbox.requests[0].headers['x-api-key']).toBe(WRONG_KEY);
		expectNoKey(failed, WRONG_KEY);
		const continued = await runNode(
			listInboxNode({ limit: 5 }, continueOnFail),
			credentialData(sandbox.url, WRONG_KEY),
		);
		expectNoKey(continued, WRONG_KEY);
	});

	it('a network error (nothing listens on the port)', async () => {
		const baseUrl = `http://127.0.0.1:${await closedPort()}`;
		const failed = await runNode(listInboxNode({ limit: 5 }), credentialData(baseUrl, API_KEY));
		expect(failed.error?.name).toBe('NodeApiError');
		expect([failed.error?.message, failed.error?.description, failed.error?.httpCode]).toEqual([
			`Could not reach LinkUp at ${baseUrl}`,
			UNREACHABLE_DESCRIPTION,
			'ECONNREFUSED',
		]);
		expectNoKey(failed, API_KEY);
		const continued = await runNode(
			listInboxNode({ limit: 5 }, continueOnFail),
			credentialData(baseUrl, API_KEY),
		);
		expect(continued.items[0].json).toStrictEqual({
			error: `Could not reach LinkUp at ${baseUrl}`,
		});
		expectNoKey(continued, API_KEY);
	});

	it('a network error on page 2 of Return All', async () => {
		const paged = await startSandbox({
			inbox: realisticInbox(9, 25),
			apiKey: API_KEY,
			maxPageSize: 10,
		});
		try {
			paged.injectFault('HANG', { skip: 1 });
			// Closing the sandbox while page 2 hangs cuts the socket: a network error mid-listing.
			const running = runNode(
				listInboxNode({ returnAll: true }),
				credentialData(paged.url, API_KEY),
			);
			for (let waited = 0; paged.requests.length < 2 && waited < 5_000; waited += 10) {
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			expect(paged.requests).toHaveLength(2);
			await paged.close();
			const failed = await running;
			expect(failed.error?.name).toBe('NodeApiError');
			expect(failed.error?.message).toBe(`Could not reach LinkUp at ${paged.url}`);
			expectNoKey(failed, API_KEY);
		} finally {
			await paged.close();
		}
	});
});
