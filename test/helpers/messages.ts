import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowSettings,
} from 'n8n-workflow';

import { ACTION_TYPE, nodeOf, runNode, type ActionRun } from './engine';
import { rl } from './listInbox';
import { serializeThoroughly } from './serialize';
import {
	SANDBOX_ACCOUNT_ID,
	toApiMessage,
	type ApiMessage,
	type Sandbox,
	type SandboxConversation,
} from '../sandbox';

/** The Conversation locator as the editor stores it. */
export const conversationRl = (value: string, mode: 'id' | 'url' = 'id') => ({
	__rl: true,
	mode,
	value,
});

/** A LinkUp Messaging node (resource Message) on the sandbox's active account; `parameters` override the defaults. */
function messagingNode(
	operation: string,
	parameters: Record<string, unknown>,
	extra: Partial<INode>,
): INode {
	return nodeOf(
		ACTION_TYPE,
		{
			resource: 'message',
			operation,
			accountId: rl(SANDBOX_ACCOUNT_ID),
			...parameters,
		} as INodeParameters,
		extra,
	);
}

/** A Get Conversation node on the sandbox's active account; `parameters` override the defaults. */
export const getConversationNode = (
	conversation: unknown,
	parameters: Record<string, unknown> = {},
	extra: Partial<INode> = {},
): INode => messagingNode('getConversation', { conversation, ...parameters }, extra);

/** A Send Message node on the sandbox's active account; `parameters` override the defaults. */
export const sendMessageNode = (
	parameters: Record<string, unknown> = {},
	extra: Partial<INode> = {},
): INode => messagingNode('sendMessage', parameters, extra);

/** A conversation's messages exactly as get_conversation outputs them, newest first. */
export function apiMessages(
	sandbox: Sandbox,
	conversationId: string,
	accountId = SANDBOX_ACCOUNT_ID,
): ApiMessage[] {
	return sandbox.inbox.messages(accountId, conversationId).map(toApiMessage);
}

/** The sandbox's conversations, newest activity first, with at least `min` messages. */
export function conversationsWith(
	sandbox: Sandbox,
	min: number,
	accountId = SANDBOX_ACCOUNT_ID,
): SandboxConversation[] {
	return sandbox.inbox
		.all(accountId)
		.filter((c) => sandbox.inbox.messages(accountId, c.conversation_id).length >= min);
}

/** A binary property as n8n keeps it in memory (base64 data). */
export function binaryOf(text: string, fileName?: string, mimeType = 'text/plain') {
	return {
		data: Buffer.from(text, 'utf8').toString('base64'),
		mimeType,
		...(fileName ? { fileName } : {}),
	};
}

/** Runs one node on the given input items and workflow settings (see engine.ts's runNode). */
export async function runNodeOn(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	items: INodeExecutionData[],
	settings: IWorkflowSettings = {},
): Promise<ActionRun> {
	return await runNode(node, credentials, { items, settings });
}

/** LinkUp's price for a send: 1 credit, 2 with media (written out here, not imported). */
export const creditsForSend = (withMedia: boolean) => (withMedia ? 2 : 1);

/** A conversation of `count` messages (every third one own, one minute apart), created now; returns its id. */
export function longConversation(sandbox: Sandbox, count: number, name = 'Zoë Müller 🚀'): string {
	const start = Date.now() - count * 60_000;
	const id = sandbox.inbox.newConversation(sandbox.accountId, {
		participantName: name,
		text: 'message 1',
		time: start,
	}).conversation_id;
	for (let i = 2; i <= count; i++) {
		sandbox.inbox.receiveMessage(sandbox.accountId, id, {
			text: `message ${i}`,
			time: start + (i - 1) * 60_000,
			fromMe: i % 3 === 0,
		});
	}
	return id;
}

/** What Simplify must output for these API messages, written out field by field (not from simplifyMessage). */
export function expectedItems(
	messages: ApiMessage[],
	conversation: { conversationId: string | null; unread: number; total: number },
) {
	return messages.map((m) => ({
		messageId: m.entity_urn,
		conversationId: conversation.conversationId,
		text: m.text === '' ? null : m.text,
		sentAt: new Date(m.timestamp).toISOString(),
		senderName: m.sender === '' ? null : m.sender,
		senderProfileUrl: m.sender_info.profile_url ?? null,
		messageType: m.message_type,
		unreadCount: conversation.unread,
		totalMessageCount: conversation.total,
	}));
}

/** The expected simplified items of a whole sandbox conversation read by ID. */
export function expectedConversation(
	sandbox: Sandbox,
	conversationId: string,
	accountId = SANDBOX_ACCOUNT_ID,
) {
	const messages = apiMessages(sandbox, conversationId, accountId);
	const unread = sandbox.inbox.get(accountId, conversationId)?.unread ?? NaN;
	return expectedItems(messages, { conversationId, unread, total: messages.length });
}

/** Everything a user or a log could see of a run holds no trace of `key`: items, their errors, the error, the execution record. */
export function expectNoKey({ items, error, run }: ActionRun, key: string): void {
	expect(serializeThoroughly(items)).not.toContain(key);
	expect(serializeThoroughly(error)).not.toContain(key);
	expect(serializeThoroughly(run)).not.toContain(key);
	for (const item of items) {
		if (!item.error) continue;
		expect(serializeThoroughly(item.error.cause)).not.toContain(key);
		expect(serializeThoroughly((item.error as { context?: unknown }).context)).not.toContain(key);
		expect(String(item.error.stack)).not.toContain(key);
	}
}

/** What INSUFFICIENT_CREDITS says for each operation (written out: a changed wording must fail). */
export const CREDITS_DESCRIPTION = {
	getConversation:
		'Top up credits in your LinkUp dashboard. Reading a conversation costs 1 credit per 10 messages returned.',
	sendMessage:
		'Top up credits in your LinkUp dashboard. Sending a message costs 1 credit, 2 with media.',
} as const;

/** A send that timed out: the message may have gone out. */
export const SEND_TIMEOUT_DESCRIPTION =
	'The request timed out, but LinkUp may have sent the message: check the conversation (Get Conversation) before sending it again.';
