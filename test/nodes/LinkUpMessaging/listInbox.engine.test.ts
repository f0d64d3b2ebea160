import { credentialData, runNode } from '../../helpers/engine';
import { apiListing, creditsForRows, listInboxNode, rl, sentBodies } from '../../helpers/listInbox';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';
import { simplifyConversation } from '../../../nodes/shared/simplify';

const AVAILABLE = 35;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(7, AVAILABLE) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = (baseUrl = sandbox.url) => credentialData(baseUrl, sandbox.apiKey);

describe('List Inbox through WorkflowExecute: Limit', () => {
	it('Limit 12 sends one request with count 12 and returns 12 simplified items, newest first', async () => {
		const { items, error, run } = await runNode(listInboxNode({ limit: 12 }), creds());
		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect([request.method, request.path, request.query]).toEqual(['POST', '/v2/messages', {}]);
		expect(request.body).toStrictEqual({
			account_id: SANDBOX_ACCOUNT_ID,
			action: 'list_inbox',
			params: { category: 'INBOX', count: 12 },
		});
		expect(request.headers).toMatchObject({
			'x-api-key': sandbox.apiKey,
			'content-type': 'application/json',
			accept: 'application/json',
		});
		expect(items.map((i) => i.json)).toEqual(
			apiListing(sandbox).slice(0, 12).map(simplifyConversation),
		);
		expect(sandbox.creditsConsumed).toBe(2);
	});

	it.each([1, 10, 11, 50, 100, 1000])(
		'Limit %i returns exactly min(Limit, 35) items from one request with count = Limit',
		async (limit) => {
			const { items, error } = await runNode(listInboxNode({ limit }), creds());
			expect(error).toBeUndefined();
			const returned = Math.min(limit, AVAILABLE);
			expect(sentBodies(sandbox)).toStrictEqual([
				{
					account_id: SANDBOX_ACCOUNT_ID,
					action: 'list_inbox',
					params: { category: 'INBOX', count: limit },
				},
			]);
			expect(items).toHaveLength(returned);
			expect(items.map((i) => i.json)).toEqual(
				apiListing(sandbox).slice(0, returned).map(simplifyConversation),
			);
			expect(sandbox.creditsConsumed).toBe(creditsForRows(returned));
		},
	);

	it('with only the Account set, uses the defaults: Inbox, Limit 50, Simplify on', async () => {
		const { items } = await runNode(listInboxNode(), creds());
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'list_inbox',
				params: { category: 'INBOX', count: 50 },
			},
		]);
		expect(items.map((i) => i.json)).toEqual(apiListing(sandbox).map(simplifyConversation));
		expect(sandbox.creditsConsumed).toBe(4);
	});

	it('sends the chosen category and returns that category only', async () => {
		const unread = apiListing(sandbox, 'UNREAD');
		expect(unread.length).toBeGreaterThan(3);
		const { items } = await runNode(listInboxNode({ category: 'UNREAD', limit: 3 }), creds());
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'list_inbox',
				params: { category: 'UNREAD', count: 3 },
			},
		]);
		expect(items.map((i) => i.json)).toEqual(unread.slice(0, 3).map(simplifyConversation));
		expect(items.every((i) => (i.json.unreadCount as number) > 0)).toBe(true);
	});

	it('an account picked By ID works like one picked from the list', async () => {
		const { items, error } = await runNode(
			listInboxNode({ accountId: rl(SANDBOX_ACCOUNT_ID, 'id'), limit: 2 }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as { account_id: string }).account_id).toBe(
			SANDBOX_ACCOUNT_ID,
		);
		expect(items).toHaveLength(2);
	});
});

describe('List Inbox through WorkflowExecute: output shapes', () => {
	it('Simplify off returns each conversation exactly as the API returned it', async () => {
		const { items, error } = await runNode(listInboxNode({ simplify: false, limit: 50 }), creds());
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toStrictEqual(apiListing(sandbox));
		for (const { json } of items) {
			expect(Object.keys(json)).toEqual([
				'conversation_id',
				'participant',
				'last_message',
				'unread',
				'type',
			]);
			expect(json).not.toHaveProperty('connection');
			expect(json).not.toHaveProperty('starred');
		}
	});

	it('Simplify on gives the flat shape with no undefined anywhere', async () => {
		const { items } = await runNode(listInboxNode({ limit: 50 }), creds());
		for (const { json } of items) {
			expect(Object.keys(json)).toEqual([
				'conversationId',
				'participantName',
				'participantHeadline',
				'participantProfileUrl',
				'participantIsOrganization',
				'lastMessageText',
				'lastMessageAt',
				'lastMessageFromMe',
				'unreadCount',
				'type',
			]);
			expect(Object.values(json)).not.toContain(undefined);
			expect(json.lastMessageAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		}
		expect(items.some((i) => i.json.participantIsOrganization === true)).toBe(true);
		expect(items.some((i) => i.json.lastMessageFromMe === true)).toBe(true);
	});

	it('each item is paired with the input item', async () => {
		const { items } = await runNode(listInboxNode({ limit: 3 }), creds());
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});
});

describe('List Inbox through WorkflowExecute: base URL', () => {
	it.each(['/', '///', '/v2', '/v2/ '])(
		'a base URL ending in %p still calls /v2/messages',
		async (suffix) => {
			const { items, error } = await runNode(
				listInboxNode({ limit: 5 }),
				creds(` ${sandbox.url}${suffix}`),
			);
			expect(error).toBeUndefined();
			expect(sandbox.requests.map((r) => r.path)).toEqual(['/v2/messages']);
			expect(items).toHaveLength(5);
		},
	);
});
