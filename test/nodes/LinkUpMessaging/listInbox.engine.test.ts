import { ACTION_TYPE, credentialData, nodeOf, runNode } from '../../helpers/engine';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, toApiConversation, type Sandbox } from '../../sandbox';
import { simplifyConversation } from '../../../nodes/shared/simplify';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(7, 35) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.clearRequests();
});

const listInbox = (parameters: Record<string, unknown> = {}) =>
	nodeOf(ACTION_TYPE, {
		operation: 'listInbox',
		accountId: { __rl: true, mode: 'list', value: SANDBOX_ACCOUNT_ID },
		...parameters,
	} as never);

const creds = () => credentialData(sandbox.url, sandbox.apiKey);
const expected = (category = 'INBOX') => {
	const all = sandbox.inbox.all(SANDBOX_ACCOUNT_ID).map(toApiConversation);
	return category === 'UNREAD' ? all.filter((c) => c.unread > 0) : all;
};

describe('List Inbox through WorkflowExecute', () => {
	it('Limit 12 sends one request with count 12 and returns 12 simplified items, newest first', async () => {
		const { items, error } = await runNode(listInbox({ limit: 12 }), creds());
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toEqual({
			account_id: SANDBOX_ACCOUNT_ID,
			action: 'list_inbox',
			params: { category: 'INBOX', count: 12 },
		});
		expect(sandbox.requests[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(items.map((i) => i.json)).toEqual(expected().slice(0, 12).map(simplifyConversation));
		expect(sandbox.creditsConsumed).toBe(2);
	});
});
