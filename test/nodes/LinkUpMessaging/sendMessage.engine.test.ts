import type { IWorkflowSettings } from 'n8n-workflow';

import { credentialData, runNode } from '../../helpers/engine';
import { listInboxNode, sentBodies } from '../../helpers/listInbox';
import {
	apiMessages,
	binaryOf,
	conversationRl,
	creditsForSend,
	expectedConversation,
	getConversationNode,
	runNodeOn,
	sendMessageNode,
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
	sandbox = await startSandbox({ inbox: realisticInbox(21, 15) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = () => credentialData(sandbox.url, sandbox.apiKey);
const all = () => sandbox.inbox.all(SANDBOX_ACCOUNT_ID);
const history = (id: string) => sandbox.inbox.messages(SANDBOX_ACCOUNT_ID, id);
/** An unread conversation with a person (not the newest one), whose last message is theirs. */
const unreadPerson = () =>
	all().find(
		(c, i) =>
			i > 0 &&
			c.unread > 0 &&
			c.participant.profile_url?.includes('/in/') &&
			!c.last_message.sender.is_me,
	) as SandboxConversation;
const TEXT = 'Bonjour Zoë,\nmerci pour ton message ! 🙏\n\n— Ada';

describe('Send Message through WorkflowExecute', () => {
	it('sends exactly one request with the profile URL and the text, bills 1 credit, and outputs what LinkUp returned', async () => {
		const c = unreadPerson();
		const url = c.participant.profile_url as string;
		const { items, error, run } = await runNode(
			sendMessageNode({ profileUrl: url, text: TEXT }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect([request.method, request.path, request.query]).toEqual(['POST', '/v2/messages', {}]);
		expect(request.body).toStrictEqual({
			account_id: SANDBOX_ACCOUNT_ID,
			action: 'send',
			params: { profile_url: url, message_text: TEXT },
		});
		expect(request.headers).toMatchObject({
			'x-api-key': sandbox.apiKey,
			'content-type': 'application/json',
		});
		const [sent] = history(c.conversation_id);
		expect(items.map((i) => i.json)).toStrictEqual([
			{
				messageId: sent.entity_urn,
				conversationId: c.conversation_id,
				deliveredAt: new Date(sent.timestamp).toISOString(),
				profileUrl: url,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(sandbox.creditsConsumed).toBe(creditsForSend(false));
	});

	it('the message sent is then the newest of Get Conversation, and the inbox’s own last message (read, not unread)', async () => {
		const c = unreadPerson();
		const sent = await runNode(
			sendMessageNode({ profileUrl: c.participant.profile_url, text: TEXT }),
			creds(),
		);
		const { messageId, conversationId } = sent.items[0].json;
		const read = await runNode(
			getConversationNode(conversationRl(conversationId as string), { limit: 2 }),
			creds(),
		);
		expect(read.items.map((i) => i.json)).toStrictEqual(
			expectedConversation(sandbox, c.conversation_id).slice(0, 2),
		);
		expect(read.items[0].json).toMatchObject({
			messageId,
			text: TEXT,
			senderName: 'Ada Lovelace',
			unreadCount: 0,
		});
		const inbox = await runNode(listInboxNode({ limit: 1 }), creds());
		expect(inbox.items[0].json).toMatchObject({
			conversationId: c.conversation_id,
			lastMessageText: TEXT,
			lastMessageFromMe: true,
			unreadCount: 0,
			lastMessageAt: sent.items[0].json.deliveredAt,
		});
		const unread = await runNode(listInboxNode({ category: 'UNREAD', returnAll: true }), creds());
		expect(unread.items.map((i) => i.json.conversationId)).not.toContain(c.conversation_id);
		expect(
			sandbox.requests.map((r) => [(r.body as { action: string }).action, r.creditsConsumed]),
		).toEqual([
			['send', 1],
			['get_conversation', 1],
			['list_inbox', 1],
			['list_inbox', 1],
		]);
	});

	it('to someone with no conversation yet: LinkUp starts one, on top of the inbox', async () => {
		const url = 'https://www.linkedin.com/in/grace-hopper-1906';
		const { items } = await runNode(
			sendMessageNode({ profileUrl: url, text: 'Hello Grace' }),
			creds(),
		);
		const conversationId = items[0].json.conversationId as string;
		expect(conversationId).toMatch(/^urn:li:msg_conversation:/);
		expect(items[0].json.profileUrl).toBe(url);
		expect(all()[0]).toMatchObject({
			conversation_id: conversationId,
			participant: { profile_url: url },
			unread: 0,
		});
		expect(apiMessages(sandbox, conversationId).map((m) => m.text)).toEqual(['Hello Grace']);
	});

	it('a Media URL is sent as params.media_link and bills 2 credits', async () => {
		const c = unreadPerson();
		const link = 'https://example.com/slides.pdf';
		await runNode(
			sendMessageNode({
				profileUrl: c.participant.profile_url,
				text: 'Slides',
				options: { mediaUrl: ` ${link} ` },
			}),
			creds(),
		);
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'send',
				params: {
					profile_url: c.participant.profile_url,
					message_text: 'Slides',
					media_link: link,
				},
			},
		]);
		expect(history(c.conversation_id)[0].media).toEqual({ kind: 'link', link });
		expect(sandbox.creditsConsumed).toBe(creditsForSend(true));
	});

	it('a blank Media URL (e.g. an empty expression) sends the text alone', async () => {
		const c = unreadPerson();
		await runNode(
			sendMessageNode({
				profileUrl: c.participant.profile_url,
				text: 'Hi',
				options: { mediaUrl: '={{ "" }}' },
			}),
			creds(),
		);
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'send',
				params: { profile_url: c.participant.profile_url, message_text: 'Hi' },
			},
		]);
		expect(sandbox.creditsConsumed).toBe(1);
	});

	it.each<[string, IWorkflowSettings]>([
		['separate (n8n’s default)', {}],
		['combined', { binaryMode: 'combined' }],
	])(
		'a Binary Property is sent as params.media_file, base64 with its file name (binary mode %s)',
		async (_label, settings) => {
			const c = unreadPerson();
			const file = binaryOf('Résumé — Ada 📎', 'resume.txt');
			const input =
				settings.binaryMode === 'combined'
					? { json: { attachment: file } }
					: { json: {}, binary: { attachment: file } };
			const node = sendMessageNode({
				profileUrl: c.participant.profile_url,
				text: 'My CV',
				options: { binaryPropertyName: 'attachment' },
			});
			const { items, error } = await runNodeOn(node, creds(), [input], settings);
			expect(error).toBeUndefined();
			expect(sentBodies(sandbox)).toStrictEqual([
				{
					account_id: SANDBOX_ACCOUNT_ID,
					action: 'send',
					params: {
						profile_url: c.participant.profile_url,
						message_text: 'My CV',
						media_file: {
							data: Buffer.from('Résumé — Ada 📎', 'utf8').toString('base64'),
							filename: 'resume.txt',
						},
					},
				},
			]);
			expect(history(c.conversation_id)[0].media).toEqual({
				kind: 'file',
				filename: 'resume.txt',
				bytes: Buffer.byteLength('Résumé — Ada 📎'),
			});
			expect(items[0].json.conversationId).toBe(c.conversation_id);
			expect(sandbox.creditsConsumed).toBe(2);
		},
	);

	it('a binary file without a name is sent under the property name and its extension', async () => {
		const c = unreadPerson();
		const input = {
			json: {},
			binary: { data: { ...binaryOf('png bytes', undefined, 'image/png'), fileExtension: 'png' } },
		};
		const node = sendMessageNode({
			profileUrl: c.participant.profile_url,
			text: 'Photo',
			options: { binaryPropertyName: 'data' },
		});
		await runNodeOn(node, creds(), [input]);
		expect(
			(sentBodies(sandbox)[0] as { params: { media_file: { filename: string } } }).params.media_file
				.filename,
		).toBe('data.png');
	});
});

describe('Send Message with several input items', () => {
	it('one request per item, in item order, one output item each, paired', async () => {
		const people = all()
			.filter((c) => c.participant.profile_url?.includes('/in/'))
			.slice(0, 3);
		const inputs = people.map((c, i) => ({
			json: { url: c.participant.profile_url, text: `Reply ${i + 1}` },
		}));
		const node = sendMessageNode({ profileUrl: '={{ $json.url }}', text: '={{ $json.text }}' });
		const { items, error } = await runNodeOn(node, creds(), inputs);
		expect(error).toBeUndefined();
		expect(sentBodies(sandbox)).toStrictEqual(
			inputs.map(({ json }) => ({
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'send',
				params: { profile_url: json.url, message_text: json.text },
			})),
		);
		expect(items.map((i) => [i.json.conversationId, i.json.profileUrl, i.pairedItem])).toEqual(
			people.map((c, i) => [c.conversation_id, c.participant.profile_url, { item: i }]),
		);
		expect(sandbox.creditsConsumed).toBe(3);
	});

	it('messages to one person arrive in item order, one at a time (each waits for the answer to the one before)', async () => {
		const c = unreadPerson();
		sandbox.setLatency(150);
		const inputs = ['first', 'second', 'third'].map((text) => ({ json: { text } }));
		const started = Date.now();
		const { error } = await runNodeOn(
			sendMessageNode({ profileUrl: c.participant.profile_url, text: '={{ $json.text }}' }),
			creds(),
			inputs,
		);
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150 - 20);
		expect(
			history(c.conversation_id)
				.slice(0, 3)
				.map((m) => m.text),
		).toEqual(['third', 'second', 'first']);
	});
});
