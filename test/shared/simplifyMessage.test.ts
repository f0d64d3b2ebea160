import {
	conversationContext,
	simplifyMessage,
	simplifySentMessage,
	type MessageContext,
} from '../../nodes/shared/simplifyMessage';
import type { LinkUpMessage } from '../../nodes/shared/types';

const CONVERSATION = 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB3xYz,2-MTIzNDU2Nzg5MA==)';
const MESSAGE = 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAB3xYz,2-OTg3NjU0MzIx)';
const TIME = Date.UTC(2025, 0, 20, 16, 45, 3, 123); // 2025-01-20T16:45:03.123Z
const context: MessageContext = {
	conversationId: CONVERSATION,
	unreadCount: 2,
	totalMessageCount: 7,
};

const full: LinkUpMessage = {
	text: 'Hi Ada 👋\nAre you free on Tuesday?',
	timestamp: TIME,
	sender: 'Zoë Müller 🚀',
	sender_info: {
		first_name: 'Zoë',
		last_name: 'Müller 🚀',
		profile_url: 'https://www.linkedin.com/in/zoe-muller',
	},
	message_type: 'TEXT',
	entity_urn: MESSAGE,
};
/** A message as an API that left fields out (or sent odd ones) might send it. */
const loose = (value: Record<string, unknown>) => value as unknown as LinkUpMessage;

describe('simplifyMessage', () => {
	it('flattens a full message to exactly the documented fields, in order', () => {
		const simplified = simplifyMessage(full, context);
		expect(simplified).toStrictEqual({
			messageId: MESSAGE,
			conversationId: CONVERSATION,
			text: 'Hi Ada 👋\nAre you free on Tuesday?',
			sentAt: '2025-01-20T16:45:03.123Z',
			senderName: 'Zoë Müller 🚀',
			senderProfileUrl: 'https://www.linkedin.com/in/zoe-muller',
			messageType: 'TEXT',
			unreadCount: 2,
			totalMessageCount: 7,
		});
		expect(Object.keys(simplified)).toEqual([
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
	});

	it('turns an empty message and an empty context into nulls (never undefined)', () => {
		const empty: MessageContext = {
			conversationId: null,
			unreadCount: null,
			totalMessageCount: null,
		};
		expect(Object.values(simplifyMessage(loose({}), empty))).toEqual(Array(9).fill(null));
		expect(simplifyMessage(loose({ sender_info: null }), empty).senderProfileUrl).toBeNull();
	});

	it('turns empty strings into null, and names the sender from sender_info when the display name is missing', () => {
		const blank = loose({
			...full,
			text: '',
			sender: '',
			message_type: '',
			entity_urn: '',
			sender_info: { first_name: 'Zoë', last_name: '', profile_url: '' },
		});
		expect(simplifyMessage(blank, context)).toMatchObject({
			text: null,
			senderName: 'Zoë',
			senderProfileUrl: null,
			messageType: null,
			messageId: null,
		});
		expect(
			simplifyMessage(loose({ sender_info: { first_name: 'Grace', last_name: 'Hopper' } }), context)
				.senderName,
		).toBe('Grace Hopper');
		expect(
			simplifyMessage(loose({ sender: null, sender_info: {} }), context).senderName,
		).toBeNull();
	});

	it('keeps a SYSTEM message type as LinkUp writes it', () => {
		expect(simplifyMessage({ ...full, message_type: 'SYSTEM' }, context).messageType).toBe(
			'SYSTEM',
		);
	});

	it.each([
		['epoch ms as a number', TIME, '2025-01-20T16:45:03.123Z'],
		['epoch ms as a numeric string', String(TIME), '2025-01-20T16:45:03.123Z'],
		['an ISO 8601 string', '2025-01-20T16:45:03.123Z', '2025-01-20T16:45:03.123Z'],
		['an ISO string with an offset', '2025-01-20T17:45:03.123+01:00', '2025-01-20T16:45:03.123Z'],
		['epoch 0', 0, '1970-01-01T00:00:00.000Z'],
		['NaN', NaN, null],
		['a number beyond the Date range', 8.64e15 + 1, null],
		['a non-date string', 'yesterday', null],
		['an empty string', '', null],
		['null', null, null],
		['a boolean', true, null],
	])('sentAt from %s', (_label, timestamp, expected) => {
		expect(simplifyMessage(loose({ ...full, timestamp }), context).sentAt).toBe(expected);
	});

	it('does not change the message it reads', () => {
		const copy = JSON.parse(JSON.stringify(full));
		simplifyMessage(full, context);
		expect(full).toEqual(copy);
	});
});

describe('conversationContext', () => {
	it('reads the counts of the page and the conversation ID that was asked for', () => {
		expect(
			conversationContext({ unread_count: 0, total_message_count: 12, messages: [] }, CONVERSATION),
		).toStrictEqual({
			conversationId: CONVERSATION,
			unreadCount: 0,
			totalMessageCount: 12,
		});
	});

	it('prefers a conversation_id LinkUp sends; null when asked by profile URL and LinkUp sends none', () => {
		expect(conversationContext({ conversation_id: 'urn:other' }, CONVERSATION).conversationId).toBe(
			'urn:other',
		);
		expect(conversationContext({}, undefined).conversationId).toBeNull();
	});

	it('numeric strings count, anything else is null; no page at all is all null', () => {
		const odd = { unread_count: '3', total_message_count: 'many' } as unknown as Parameters<
			typeof conversationContext
		>[0];
		expect(conversationContext(odd, '')).toStrictEqual({
			conversationId: null,
			unreadCount: 3,
			totalMessageCount: null,
		});
		expect(conversationContext(undefined, undefined)).toStrictEqual({
			conversationId: null,
			unreadCount: null,
			totalMessageCount: null,
		});
	});
});

describe('simplifySentMessage', () => {
	it('maps LinkUp’s send data and the profile URL it went to', () => {
		const sent = { entityUrn: MESSAGE, conversation_id: CONVERSATION, deliveredAt: TIME };
		expect(simplifySentMessage(sent, 'https://www.linkedin.com/in/zoe')).toStrictEqual({
			messageId: MESSAGE,
			conversationId: CONVERSATION,
			deliveredAt: '2025-01-20T16:45:03.123Z',
			profileUrl: 'https://www.linkedin.com/in/zoe',
		});
	});

	it('takes an ISO deliveredAt too, and turns missing fields into null', () => {
		expect(simplifySentMessage({ deliveredAt: '2025-01-20T16:45:03.123Z' }, 'u')).toStrictEqual({
			messageId: null,
			conversationId: null,
			deliveredAt: '2025-01-20T16:45:03.123Z',
			profileUrl: 'u',
		});
	});
});
