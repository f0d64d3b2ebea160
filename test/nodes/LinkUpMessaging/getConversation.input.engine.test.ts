import { credentialData, runNode } from '../../helpers/engine';
import { rl, sentBodies } from '../../helpers/listInbox';
import { conversationRl, getConversationNode } from '../../helpers/messages';
import { BLANK_ACCOUNT_MESSAGE, limitMessage } from '../../helpers/wording';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;
let conversationId: string;
let profileUrl: string;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(5, 12) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	const c = sandbox.inbox
		.all(SANDBOX_ACCOUNT_ID)
		.find((x) => x.participant.profile_url?.includes('/in/'));
	conversationId = c?.conversation_id ?? '';
	profileUrl = c?.participant.profile_url ?? '';
});

const creds = () => credentialData(sandbox.url, sandbox.apiKey);
const BLANK_CONVERSATION =
	'Conversation is empty: enter a conversation ID (conversationId of List Inbox or the trigger), or choose By Profile URL';
const BLANK_URL =
	"Conversation (By Profile URL) is empty: enter the person's LinkedIn profile URL, e.g. https://www.linkedin.com/in/ada-lovelace (participantProfileUrl of List Inbox or the trigger)";
const notProfile = (got: string) =>
	`Conversation (By Profile URL) must be a LinkedIn profile URL like https://www.linkedin.com/in/ada-lovelace (got ${got})`;

describe('Get Conversation refuses bad input before sending anything', () => {
	it.each([
		[
			'a conversation ID expression that resolves to ""',
			conversationRl('={{ "" }}'),
			{},
			BLANK_CONVERSATION,
		],
		['a conversation ID of spaces', conversationRl('   '), {}, BLANK_CONVERSATION],
		[
			'a conversation ID expression that resolves to null',
			conversationRl('={{ null }}'),
			{},
			BLANK_CONVERSATION,
		],
		[
			'a profile URL expression that resolves to ""',
			conversationRl('={{ "" }}', 'url'),
			{},
			BLANK_URL,
		],
		['a profile URL of spaces', conversationRl('  ', 'url'), {}, BLANK_URL],
		[
			'a URL that is not LinkedIn',
			conversationRl('https://example.com/in/ada', 'url'),
			{},
			notProfile('"https://example.com/in/ada"'),
		],
		[
			'a LinkedIn company page',
			conversationRl('https://www.linkedin.com/company/acme/', 'url'),
			{},
			notProfile('"https://www.linkedin.com/company/acme/"'),
		],
		[
			'a profile URL without https://',
			conversationRl('www.linkedin.com/in/ada', 'url'),
			{},
			notProfile('"www.linkedin.com/in/ada"'),
		],
		[
			'a conversation ID in By Profile URL mode',
			conversationRl('urn:li:msg_conversation:(a,2-b)', 'url'),
			{},
			notProfile('"urn:li:msg_conversation:(a,2-b)"'),
		],
		[
			'an Account of spaces',
			conversationRl('CONV'),
			{ accountId: rl('   ') },
			BLANK_ACCOUNT_MESSAGE,
		],
		['Limit 0', conversationRl('CONV'), { limit: 0 }, limitMessage(0)],
		['Limit 2.5', conversationRl('CONV'), { limit: 2.5 }, limitMessage(2.5)],
	])('%s', async (_label, conversation, parameters, message) => {
		const value = { ...conversation, value: conversation.value.replace('CONV', conversationId) };
		const { items, error, run } = await runNode(getConversationNode(value, parameters), creds());
		expect(run.status).toBe('error');
		expect(error?.message).toBe(message);
		expect(items).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it('an empty Conversation typed in the editor is refused by n8n itself, before the node runs', async () => {
		await expect(runNode(getConversationNode(conversationRl('')), creds())).rejects.toThrow(
			'Parameter "Conversation" is required',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Get Conversation accepts what it should', () => {
	it('a conversation ID with spaces around it is sent trimmed', async () => {
		const { error } = await runNode(
			getConversationNode(conversationRl(`  ${conversationId}\n`), { limit: 1 }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'get_conversation',
				params: { conversation_id: conversationId, count: 1 },
			},
		]);
	});

	it.each([
		(url: string) => url.replace('https://www.', 'http://'),
		(url: string) => url.replace('https://www.', 'https://fr.'),
		(url: string) => `${url}/`,
		(url: string) => `${url}?originalSubdomain=fr`,
		(url: string) => url.replace('linkedin.com', 'LinkedIn.com'),
	])('profile URL variant %#', async (variant) => {
		const url = variant(profileUrl);
		const { items, error } = await runNode(
			getConversationNode(conversationRl(url, 'url'), { limit: 1 }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(
			(sandbox.requests[0].body as { params: { profile_url: string } }).params.profile_url,
		).toBe(url);
		expect(items).toHaveLength(1);
	});

	it('Return All ignores the hidden Limit, even an invalid one', async () => {
		const { items, error } = await runNode(
			getConversationNode(conversationRl(conversationId), { returnAll: true, limit: 0 }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(items.length).toBe(sandbox.inbox.messages(SANDBOX_ACCOUNT_ID, conversationId).length);
		expect((sandbox.requests[0].body as { params: { count: number } }).params.count).toBe(100);
	});
});
