import { simplifyConversation } from '../../nodes/shared/simplify';
import type { LinkUpConversation } from '../../nodes/shared/types';

const URN = 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB3xYz,2-MTIzNDU2Nzg5MA==)';
const TIME = Date.UTC(2025, 0, 20, 16, 45, 3, 123); // 2025-01-20T16:45:03.123Z

const full: LinkUpConversation = {
	conversation_id: URN,
	participant: {
		name: 'Zoë Müller 🚀',
		headline: 'Senior Software Engineer @ Globex',
		profile_url: 'https://www.linkedin.com/in/zoe-muller',
		profile_picture: 'https://media.licdn.com/zoe.jpg',
		is_organization: false,
	},
	last_message: {
		text: 'Hi Ada, thanks for connecting! 👋',
		time: TIME,
		sender: { name: 'Ada Lovelace', is_me: true },
	},
	unread: 3,
	type: 'normal',
};

/** A conversation as an API that left fields out might send it. */
const loose = (value: Record<string, unknown>) => value as unknown as LinkUpConversation;

describe('simplifyConversation', () => {
	it('flattens a full conversation to exactly the documented fields', () => {
		expect(simplifyConversation(full)).toStrictEqual({
			conversationId: URN,
			participantName: 'Zoë Müller 🚀',
			participantHeadline: 'Senior Software Engineer @ Globex',
			participantProfileUrl: 'https://www.linkedin.com/in/zoe-muller',
			participantIsOrganization: false,
			lastMessageText: 'Hi Ada, thanks for connecting! 👋',
			lastMessageAt: '2025-01-20T16:45:03.123Z',
			lastMessageFromMe: true,
			unreadCount: 3,
			type: 'normal',
		});
	});

	it('marks a company page as an organization and a message from someone else as not from me', () => {
		const sponsored = {
			...full,
			participant: { name: 'Acme Robotics 🤖', is_organization: true },
			last_message: { ...full.last_message, sender: { name: 'Acme Robotics 🤖', is_me: false } },
			type: 'Sponsored',
		};
		expect(simplifyConversation(sponsored)).toMatchObject({
			participantName: 'Acme Robotics 🤖',
			participantHeadline: null,
			participantProfileUrl: null,
			participantIsOrganization: true,
			lastMessageFromMe: false,
			type: 'Sponsored',
		});
	});

	it('turns a conversation with nothing but an id into nulls and false (never undefined)', () => {
		expect(simplifyConversation(loose({ conversation_id: URN }))).toStrictEqual({
			conversationId: URN,
			participantName: null,
			participantHeadline: null,
			participantProfileUrl: null,
			participantIsOrganization: false,
			lastMessageText: null,
			lastMessageAt: null,
			lastMessageFromMe: false,
			unreadCount: null,
			type: null,
		});
	});

	it('copes with an empty object and with null participant, last_message and sender', () => {
		const empty = simplifyConversation(loose({}));
		expect(Object.values(empty)).toEqual([
			null,
			null,
			null,
			null,
			false,
			null,
			null,
			false,
			null,
			null,
		]);
		const nulls = loose({
			conversation_id: URN,
			participant: null,
			last_message: { text: 'x', sender: null },
		});
		expect(simplifyConversation(nulls)).toMatchObject({
			participantName: null,
			participantIsOrganization: false,
			lastMessageText: 'x',
			lastMessageAt: null,
			lastMessageFromMe: false,
		});
	});

	it('keeps a message without a sender and a sender without is_me as not from me', () => {
		const noSender = loose({ ...full, last_message: { text: 'Hello', time: TIME } });
		expect(simplifyConversation(noSender).lastMessageFromMe).toBe(false);
		const noIsMe = loose({
			...full,
			last_message: { text: 'Hello', time: TIME, sender: { name: 'Bo' } },
		});
		expect(simplifyConversation(noIsMe).lastMessageFromMe).toBe(false);
		const truthyIsMe = loose({
			...full,
			last_message: { text: 'Hello', time: TIME, sender: { is_me: 'yes' } },
		});
		expect(simplifyConversation(truthyIsMe).lastMessageFromMe).toBe(false);
	});

	it('turns empty strings into null', () => {
		const blank = loose({
			conversation_id: '',
			participant: { name: '', headline: '', profile_url: '' },
			last_message: { text: '', time: TIME, sender: { is_me: false } },
			unread: 0,
			type: '',
		});
		expect(simplifyConversation(blank)).toStrictEqual({
			conversationId: null,
			participantName: null,
			participantHeadline: null,
			participantProfileUrl: null,
			participantIsOrganization: false,
			lastMessageText: null,
			lastMessageAt: '2025-01-20T16:45:03.123Z',
			lastMessageFromMe: false,
			unreadCount: 0,
			type: null,
		});
	});

	it.each([
		['epoch ms as a number', TIME, '2025-01-20T16:45:03.123Z'],
		['epoch ms as a numeric string', String(TIME), '2025-01-20T16:45:03.123Z'],
		['epoch 0', 0, '1970-01-01T00:00:00.000Z'],
		['NaN', NaN, null],
		['Infinity', Infinity, null],
		['a number beyond the Date range', 8.64e15 + 1, null],
		['a non-numeric string', 'yesterday', null],
		['an empty string', '', null],
		['a blank string', '   ', null],
		['null', null, null],
		['a boolean', true, null],
	])('lastMessageAt from %s', (_label, time, expected) => {
		const conversation = loose({ ...full, last_message: { ...full.last_message, time } });
		expect(simplifyConversation(conversation).lastMessageAt).toBe(expected);
	});

	it.each([
		[0, 0],
		[12, 12],
		['2', 2],
		[undefined, null],
		[null, null],
		['many', null],
		['', null],
		[NaN, null],
	])('unreadCount from %p is %p', (unread, expected) => {
		expect(simplifyConversation(loose({ ...full, unread })).unreadCount).toBe(expected);
	});

	it('does not change the conversation it reads', () => {
		const copy = JSON.parse(JSON.stringify(full)) as LinkUpConversation;
		simplifyConversation(full);
		expect(full).toEqual(copy);
	});
});
