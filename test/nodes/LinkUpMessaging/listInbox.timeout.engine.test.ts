// The node gives up on a request after REQUEST_TIMEOUT_MS (60 s when shipped). This file alone
// shortens it through jest's module registry: the shipped constant and code stay as they are.
jest.mock('../../../nodes/shared/constants', () => ({
	...jest.requireActual('../../../nodes/shared/constants'),
	REQUEST_TIMEOUT_MS: 400,
}));

import { credentialData, runNode } from '../../helpers/engine';
import { listInboxNode } from '../../helpers/listInbox';
import { serializeThoroughly } from '../../helpers/serialize';
import { TIMEOUT_WORDING } from '../../helpers/wording';
import { realisticInbox, startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(4, 25), maxPageSize: 10 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = () => credentialData(sandbox.url, sandbox.apiKey);

describe('List Inbox when LinkUp never answers (HANG)', () => {
	it('the shipped timeout is 60 s', () => {
		const actual = jest.requireActual<typeof import('../../../nodes/shared/constants')>(
			'../../../nodes/shared/constants',
		);
		expect(actual.REQUEST_TIMEOUT_MS).toBe(60_000);
	});

	it('the request times out and the run fails with our wording', async () => {
		sandbox.injectFault('HANG');
		const started = Date.now();
		const { items, error, run } = await runNode(listInboxNode({ limit: 5 }), creds());
		const elapsed = Date.now() - started;
		expect(run.status).toBe('error');
		expect(error?.name).toBe('NodeApiError');
		expect([error?.message, error?.description, error?.httpCode]).toEqual([
			TIMEOUT_WORDING.message,
			TIMEOUT_WORDING.description,
			'ECONNABORTED',
		]);
		expect(items).toEqual([]);
		expect(sandbox.requests.map((r) => [r.status, r.fault])).toEqual([[0, 'HANG']]);
		expect(elapsed).toBeGreaterThanOrEqual(350);
		expect(elapsed).toBeLessThan(5_000);
		expect(serializeThoroughly(run)).not.toContain(sandbox.apiKey);
	});

	it('a hang on page 2 of Return All fails the run too, after two requests', async () => {
		sandbox.injectFault('HANG', { skip: 1 });
		const { error } = await runNode(listInboxNode({ returnAll: true }), creds());
		expect(error?.message).toBe(TIMEOUT_WORDING.message);
		expect(sandbox.requests.map((r) => r.status)).toEqual([200, 0]);
	});

	it('with Continue On Fail the item carries the timeout', async () => {
		sandbox.injectFault('HANG');
		const { items, error } = await runNode(
			listInboxNode({ limit: 5 }, { onError: 'continueRegularOutput' }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toStrictEqual([{ error: TIMEOUT_WORDING.message }]);
	});
});

describe('The Account picker when LinkUp never answers', () => {
	it('searchAccounts fails with the timeout wording', async () => {
		const { LinkUpMessaging } = await import('../../../nodes/LinkUpMessaging/LinkUpMessaging.node');
		const { listSearch } = await import('../../helpers/engine');
		sandbox.injectFault('HANG', { path: '/v2/accounts' });
		await expect(
			listSearch(new LinkUpMessaging(), 'searchAccounts', creds()),
		).rejects.toMatchObject({
			name: 'NodeApiError',
			message: TIMEOUT_WORDING.message,
			description: TIMEOUT_WORDING.description,
		});
	});
});
