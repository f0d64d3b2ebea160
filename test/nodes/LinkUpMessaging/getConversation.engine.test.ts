import { credentialData, runNode } from '../../helpers/engine';
import { creditsForRows, listInboxNode, rl, sentBodies } from '../../helpers/listInbox';
import {
	apiMessages,
	conversationRl,
	expectedConversation,
	expectedItems,
	getConversationNode,
	runNodeOn,
} from '../../helpers/messages';
import {
	SANDBOX_ACCOUNT_ID,
	realisticInbox,
	startSandbox,
	type Sandbox,
	type SandboxConversation,
} from '../../sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(7, 20) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = (baseUrl = sandbox.url) => credentialData(baseUrl, sandbox.apiKey);
const all = () => sandbox.inbox.all(SANDBOX_ACCOUNT_ID);
const messagesOf = (c: SandboxConversation) =>
	sandbox.inbox.messages(SANDBOX_ACCOUNT_ID, c.conversation_id);
/** The newest conversation with at least 4 messages, someone else's last message and a profile URL. */
const threaded = () =>
	all().find(
		(c) => messagesOf(c).length >= 4 && c.participant.profile_url && !c.last_message.sender.is_me,
	) as SandboxConversation;

describe('Get Conversation through WorkflowExecute: By ID', () => {
	it('Limit 3 sends one request with the conversation ID and count 3, and returns the 3 newest messages simplified', async () => {
		const c = threaded();
		const { items, error, run } = await runNode(
			getConversationNode(conversationRl(c.conversation_id), { limit: 3 }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect([request.method, request.path, request.query]).toEqual(['POST', '/v2/messages', {}]);
		expect(request.body).toStrictEqual({
			account_id: SANDBOX_ACCOUNT_ID,
			action: 'get_conversation',
			params: { conversation_id: c.conversation_id, count: 3 },
		});
		expect(request.headers).toMatchObject({
			'x-api-key': sandbox.apiKey,
			'content-type': 'application/json',
			accept: 'application/json',
		});
		expect(items.map((i) => i.json)).toStrictEqual(
			expectedConversation(sandbox, c.conversation_id).slice(0, 3),
		);
		expect(sandbox.creditsConsumed).toBe(1);
	});

	it('with only Account and Conversation set, uses the defaults: Limit 50, Simplify on', async () => {
		const c = threaded();
		const { items } = await runNode(
			getConversationNode(conversationRl(c.conversation_id)),
			creds(),
		);
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'get_conversation',
				params: { conversation_id: c.conversation_id, count: 50 },
			},
		]);
		expect(items.map((i) => i.json)).toStrictEqual(
			expectedConversation(sandbox, c.conversation_id),
		);
		expect(sandbox.creditsConsumed).toBe(creditsForRows(messagesOf(c).length));
	});

	it('Simplify off returns each message exactly as the API returned it', async () => {
		const c = threaded();
		const { items } = await runNode(
			getConversationNode(conversationRl(c.conversation_id), { simplify: false }),
			creds(),
		);
		expect(items.map((i) => i.json)).toStrictEqual(apiMessages(sandbox, c.conversation_id));
		for (const { json } of items) {
			expect(Object.keys(json)).toEqual([
				'text',
				'timestamp',
				'sender',
				'sender_info',
				'message_type',
				'entity_urn',
			]);
		}
	});

	it('Simplify on gives the flat shape, no undefined, ISO times, both senders and SYSTEM messages', async () => {
		const outputs = [];
		for (const c of all()) {
			const { items } = await runNode(
				getConversationNode(conversationRl(c.conversation_id)),
				creds(),
			);
			outputs.push(...items.map((i) => i.json));
		}
		for (const json of outputs) {
			expect(Object.keys(json)).toEqual([
				'messageId',
				'conversationId',
				'text',
				'sentAt',
				'senderName',
				'senderProfileUrl',
				'messageType',
				'unreadCount',
				'totalMessageCount',
			]);
			expect(Object.values(json)).not.toContain(undefined);
			expect(json.sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		}
		expect(new Set(outputs.map((json) => json.messageType))).toEqual(new Set(['TEXT', 'SYSTEM']));
		expect(outputs.some((json) => json.senderName === 'Ada Lovelace')).toBe(true);
		expect(outputs.some((json) => json.senderProfileUrl === null)).toBe(true);
	});
});

describe('Get Conversation through WorkflowExecute: By Profile URL', () => {
	it('sends params.profile_url and returns that person’s conversation (LinkUp returns no conversation ID: null)', async () => {
		const c = threaded();
		const url = c.participant.profile_url as string;
		const { items, error } = await runNode(
			getConversationNode(conversationRl(` ${url} `, 'url'), { limit: 10 }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'get_conversation',
				params: { profile_url: url, count: 10 },
			},
		]);
		const messages = apiMessages(sandbox, c.conversation_id);
		expect(items.map((i) => i.json)).toStrictEqual(
			expectedItems(messages, { conversationId: null, unread: c.unread, total: messages.length }),
		);
	});
});

describe('Get Conversation fed by List Inbox items (drag-and-drop mapping)', () => {
	it('one request per input item, By ID from conversationId and By Profile URL from participantProfileUrl; items paired', async () => {
		const listed = await runNode(listInboxNode({ limit: 3 }), creds());
		const inputs = listed.items.map((i) => ({ json: i.json }));
		for (const [conversation, mode] of [
			['={{ $json.conversationId }}', 'id'],
			['={{ $json.participantProfileUrl }}', 'url'],
		] as const) {
			sandbox.clearRequests();
			const node = getConversationNode(conversationRl(conversation, mode), { limit: 2 });
			const { items, error } = await runNodeOn(node, creds(), inputs);
			expect(error).toBeUndefined();
			const key = mode === 'id' ? 'conversation_id' : 'profile_url';
			const from = mode === 'id' ? 'conversationId' : 'participantProfileUrl';
			expect(sentBodies(sandbox)).toStrictEqual(
				inputs.map((input) => ({
					account_id: SANDBOX_ACCOUNT_ID,
					action: 'get_conversation',
					params: { [key]: input.json[from], count: 2 },
				})),
			);
			expect(items.map((i) => i.pairedItem)).toEqual([0, 0, 1, 1, 2, 2].map((item) => ({ item })));
			const ids = listed.items.map((i) => i.json.conversationId as string);
			expect(items.map((i) => i.json.messageId)).toEqual(
				ids.flatMap((id) =>
					apiMessages(sandbox, id)
						.slice(0, 2)
						.map((m) => m.entity_urn),
				),
			);
		}
	});

	it('an account picked By ID and a base URL with a trailing slash work like the defaults', async () => {
		const c = threaded();
		const node = getConversationNode(conversationRl(c.conversation_id), {
			accountId: rl(SANDBOX_ACCOUNT_ID, 'id'),
			limit: 2,
		});
		const { items, error } = await runNode(node, creds(`${sandbox.url}/`));
		expect(error).toBeUndefined();
		expect(
			sandbox.requests.map((r) => [r.path, (r.body as { account_id: string }).account_id]),
		).toEqual([['/v2/messages', SANDBOX_ACCOUNT_ID]]);
		expect(items).toHaveLength(2);
	});
});
