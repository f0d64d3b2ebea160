// The node gives up on a request after REQUEST_TIMEOUT_MS (60 s when shipped). This file alone
// shortens it through jest's module registry: the shipped constant and code stay as they are.
jest.mock('../../../nodes/shared/constants', () => ({
	...jest.requireActual('../../../nodes/shared/constants'),
	REQUEST_TIMEOUT_MS: 400,
}));

import { credentialData, runNode } from '../../helpers/engine';
import {
	conversationRl,
	expectNoKey,
	getConversationNode,
	longConversation,
} from '../../helpers/messages';
import { TIMEOUT_WORDING } from '../../helpers/wording';
import { startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;
let id: string;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: [], maxPageSize: 10 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	id = longConversation(sandbox, 25);
});

const creds = () => credentialData(sandbox.url, sandbox.apiKey);

describe('Get Conversation when LinkUp never answers (HANG)', () => {
	it('the request times out and the run fails with the same wording as List Inbox', async () => {
		sandbox.injectFault('HANG');
		const started = Date.now();
		const result = await runNode(getConversationNode(conversationRl(id), { limit: 5 }), creds());
		expect(result.run.status).toBe('error');
		expect([result.error?.message, result.error?.description, result.error?.httpCode]).toEqual([
			TIMEOUT_WORDING.message,
			TIMEOUT_WORDING.description,
			'ECONNABORTED',
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(350);
		expect(Date.now() - started).toBeLessThan(5_000);
		expectNoKey(result, sandbox.apiKey);
	});

	it('a hang on page 2 of Return All fails the run too, after two requests', async () => {
		sandbox.injectFault('HANG', { skip: 1 });
		const { error, items } = await runNode(
			getConversationNode(conversationRl(id), { returnAll: true }),
			creds(),
		);
		expect(error?.message).toBe(TIMEOUT_WORDING.message);
		expect(items).toEqual([]);
		expect(sandbox.requests.map((r) => r.status)).toEqual([200, 0]);
	});

	it('with Continue On Fail the item carries the timeout', async () => {
		sandbox.injectFault('HANG');
		const node = getConversationNode(
			conversationRl(id),
			{ limit: 5 },
			{ onError: 'continueRegularOutput' },
		);
		const { items, error } = await runNode(node, creds());
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toStrictEqual([{ error: TIMEOUT_WORDING.message }]);
	});
});
