import { credentialData, runNode } from '../../helpers/engine';
import { listInboxNode, rl } from '../../helpers/listInbox';
import { BLANK_ACCOUNT_MESSAGE, categoryMessage, limitMessage } from '../../helpers/wording';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(5, 12) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = () => credentialData(sandbox.url, sandbox.apiKey);

describe('List Inbox refuses bad input before sending anything', () => {
	it.each([
		[
			'an Account expression that resolves to ""',
			{ accountId: rl('={{ "" }}') },
			BLANK_ACCOUNT_MESSAGE,
		],
		['an Account of spaces', { accountId: rl('   ') }, BLANK_ACCOUNT_MESSAGE],
		[
			'an Account By ID expression that resolves to spaces',
			{ accountId: rl('={{ "  " }}', 'id') },
			BLANK_ACCOUNT_MESSAGE,
		],
		['Limit 0', { limit: 0 }, limitMessage(0)],
		['Limit 2.5', { limit: 2.5 }, limitMessage(2.5)],
		['Limit -1', { limit: -1 }, limitMessage(-1)],
		[
			'a Limit expression that resolves to NaN',
			{ limit: '={{ Number("ten") }}' },
			limitMessage(NaN),
		],
		['category FOO', { category: 'FOO' }, categoryMessage('FOO')],
		['category inbox (lower case)', { category: 'inbox' }, categoryMessage('inbox')],
		['category FOO with Return All', { category: 'FOO', returnAll: true }, categoryMessage('FOO')],
	])('%s', async (_label, parameters, message) => {
		const { items, error, run } = await runNode(
			listInboxNode({ limit: 5, ...parameters }),
			creds(),
		);
		expect(run.status).toBe('error');
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(message);
		expect(items).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it('an empty Account typed in the editor is refused by n8n itself, before the node runs', async () => {
		await expect(runNode(listInboxNode({ accountId: rl('') }), creds())).rejects.toThrow(
			'Parameter "Account" is required',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('List Inbox accepts what it should', () => {
	it('an Account with spaces around it is sent trimmed', async () => {
		const { items, error } = await runNode(
			listInboxNode({ accountId: rl(`  ${SANDBOX_ACCOUNT_ID} `), limit: 2 }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.body)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'list_inbox',
				params: { category: 'INBOX', count: 2 },
			},
		]);
		expect(items).toHaveLength(2);
	});

	it('a Limit from an expression is used as the count', async () => {
		const { items } = await runNode(listInboxNode({ limit: '={{ 3 }}' }), creds());
		expect((sandbox.requests[0].body as { params: { count: number } }).params.count).toBe(3);
		expect(items).toHaveLength(3);
	});

	it('Return All ignores the hidden Limit, even an invalid one', async () => {
		const { items, error } = await runNode(listInboxNode({ returnAll: true, limit: 0 }), creds());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		expect((sandbox.requests[0].body as { params: { count: number } }).params.count).toBe(100);
	});
});
