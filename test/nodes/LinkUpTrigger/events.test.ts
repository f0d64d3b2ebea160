import { linkUpEventFilter, readDelivery, toIso } from '../../../nodes/LinkUpTrigger/events';

const RECEIVED_MS = Date.UTC(2026, 10, 29, 12, 0, 5);
const OCCURRED_ISO = '2026-11-29T12:00:01.000Z';

/** LinkUp's documented body. */
const documented = (event: Record<string, unknown> = {}, sentAt = '2026-11-29T12:00:02.000Z') => ({
	account_id: 'acc_1',
	account_name: 'Ada Lovelace',
	event: {
		type: 'message',
		sender_name: 'Grace Hopper',
		sender_profile: 'https://www.linkedin.com/in/grace',
		message_text: 'Hello 👋',
		conversation_id: 'conv-1',
		occurred_at: OCCURRED_ISO,
		...event,
	},
	timestamp: sentAt,
});

/** The other shape seen in the wild: `event` names the type, `data` holds the details. */
const dataShape = (type: string, data: Record<string, unknown> = {}) => ({
	account_id: 'acc_1',
	account_name: 'Ada Lovelace',
	event: type,
	data: {
		conversation_id: 'conv-1',
		sender_name: 'Grace Hopper',
		sender_profile_url: 'https://www.linkedin.com/in/grace',
		message_text: 'Hello 👋',
		timestamp: Date.parse(OCCURRED_ISO),
		...data,
	},
	timestamp: '2026-11-29T12:00:02.000Z',
});

const eventOf = (body: unknown) => {
	const delivery = readDelivery(body, RECEIVED_MS);
	if (delivery.kind !== 'event') throw new Error(`not an event: ${JSON.stringify(delivery)}`);
	return delivery;
};

describe('readDelivery', () => {
	const simplifiedMessage = {
		event: 'messageReceived',
		accountId: 'acc_1',
		accountName: 'Ada Lovelace',
		senderName: 'Grace Hopper',
		senderProfileUrl: 'https://www.linkedin.com/in/grace',
		messageText: 'Hello 👋',
		conversationId: 'conv-1',
		occurredAt: OCCURRED_ISO,
		receivedAt: new Date(RECEIVED_MS).toISOString(),
	};

	it('maps both body shapes of a message to the same simplified item', () => {
		expect(eventOf(documented()).event).toEqual(simplifiedMessage);
		expect(eventOf(dataShape('message_received')).event).toEqual(simplifiedMessage);
	});

	it.each([
		['accepted_invitation', 'invitationAccepted'],
		['invitation_accepted', 'invitationAccepted'],
		['disconnection', 'accountDisconnected'],
		['account_disconnected', 'accountDisconnected'],
		['MESSAGE', 'messageReceived'],
	])('maps LinkUp type %s to %s, in both shapes', (type, event) => {
		expect(eventOf(documented({ type })).event.event).toBe(event);
		expect(eventOf(dataShape(type)).event.event).toBe(event);
	});

	it('gives null for what LinkUp leaves out (a disconnection has no sender or message)', () => {
		const { event } = eventOf({ account_id: 'acc_1', event: { type: 'disconnection' } });
		expect(event).toEqual({
			event: 'accountDisconnected',
			accountId: 'acc_1',
			accountName: null,
			senderName: null,
			senderProfileUrl: null,
			messageText: null,
			conversationId: null,
			occurredAt: null,
			receivedAt: new Date(RECEIVED_MS).toISOString(),
		});
	});

	it('reads a sender given as an object', () => {
		const body = documented({
			sender_name: undefined,
			sender_profile: { name: 'Grace', url: 'https://www.linkedin.com/in/g' },
		});
		expect(eventOf(body).event).toMatchObject({
			senderName: 'Grace',
			senderProfileUrl: 'https://www.linkedin.com/in/g',
		});
	});

	it('acknowledges an event type it does not know (LinkUp may add some)', () => {
		expect(readDelivery(documented({ type: 'post_liked' }), RECEIVED_MS)).toEqual({
			kind: 'unknown',
			type: 'post_liked',
		});
	});

	it.each([
		['an array', [documented()]],
		['a string', 'message'],
		['null', null],
		['no event', { account_id: 'acc_1' }],
		['an event without a type', { event: { message_text: 'x' } }],
		['a type without details', { event: 'message_received' }],
	])('calls %s malformed', (_case, body) => {
		expect(readDelivery(body, RECEIVED_MS).kind).toBe('malformed');
	});

	it('marks own messages only when LinkUp says so', () => {
		expect(eventOf(documented()).isOwn).toBe(false);
		expect(eventOf(documented({ is_me: true })).isOwn).toBe(true);
		expect(eventOf(dataShape('message_received', { from_me: true })).isOwn).toBe(true);
		expect(eventOf(documented({ sender: { name: 'me', is_me: true } })).isOwn).toBe(true);
		expect(eventOf(documented({ is_me: 'true' })).isOwn).toBe(false);
	});

	it("keys a retry like the first delivery: LinkUp's id, else the body without when it was sent", () => {
		expect(eventOf(documented({ message_id: 'msg_7' })).key).toBe('id:msg_7');
		const first = eventOf(documented({}, '2026-11-29T12:00:02.000Z')).key;
		expect(eventOf(documented({}, '2026-11-29T12:03:00.000Z')).key).toBe(first);
		const reordered = JSON.parse(JSON.stringify(documented()), (_k, v) =>
			v && typeof v === 'object' && !Array.isArray(v)
				? Object.fromEntries(Object.entries(v).reverse())
				: v,
		);
		expect(eventOf(reordered).key).toBe(first);
		expect(eventOf(documented({ message_text: 'Hello again' })).key).not.toBe(first);
		expect(eventOf(documented({ occurred_at: '2026-11-29T12:00:09.000Z' })).key).not.toBe(first);
	});

	it('without an id or an event time, the sending time is part of the key: the same text sent twice is two events', () => {
		const untimed = (sentAt: string) => documented({ occurred_at: undefined }, sentAt);
		const first = eventOf(untimed('2026-11-29T12:00:02.000Z')).key;
		expect(eventOf(untimed('2026-11-29T12:00:02.000Z')).key).toBe(first);
		expect(eventOf(untimed('2026-11-29T12:04:00.000Z')).key).not.toBe(first);
	});
});

describe('toIso', () => {
	it.each([
		[OCCURRED_ISO, OCCURRED_ISO],
		['2026-11-29T13:00:01+01:00', OCCURRED_ISO],
		[Date.parse(OCCURRED_ISO), OCCURRED_ISO],
		[Date.parse(OCCURRED_ISO) / 1000, OCCURRED_ISO],
		[String(Date.parse(OCCURRED_ISO)), OCCURRED_ISO],
		['yesterday', null],
		['', null],
		[undefined, null],
		[Number.NaN, null],
	])('%p → %p', (value, iso) => {
		expect(toIso(value)).toBe(iso);
	});
});

describe('linkUpEventFilter', () => {
	it('registers the selected events; disconnections come whatever the filter', () => {
		expect(linkUpEventFilter(['messageReceived'])).toEqual(['message_received']);
		expect(linkUpEventFilter(['invitationAccepted', 'messageReceived'])).toEqual([
			'message_received',
			'accepted_invitation',
		]);
		expect(linkUpEventFilter(['accountDisconnected', 'invitationAccepted'])).toEqual([
			'accepted_invitation',
		]);
		expect(linkUpEventFilter(['accountDisconnected'])).toEqual(['message_received']);
	});
});
