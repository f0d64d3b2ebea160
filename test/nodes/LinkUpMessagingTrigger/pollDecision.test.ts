import type { LinkUpConversation } from '../../../nodes/shared/types';
import { conversationKey } from '../../../nodes/LinkUpMessagingTrigger/conversationKey';
import {
	decidePoll,
	horizonFor,
	isFresh,
	shouldReadNextPage,
	type PollListing,
} from '../../../nodes/LinkUpMessagingTrigger/pollDecision';
import {
	LATE_ARRIVAL_WINDOW_MS,
	MAX_SEEN,
	emptyPollState,
	readPollState,
	type PollState,
} from '../../../nodes/LinkUpMessagingTrigger/pollState';

const MIN = 60_000;
const T = 1_780_000_000_000;
const options = { includeOwnLastMessage: false, includeSponsored: false };

function conv(id: string, time: number, extra: Partial<LinkUpConversation> & { fromMe?: boolean } = {}): LinkUpConversation {
	const { fromMe, ...rest } = extra;
	return {
		conversation_id: id,
		participant: { name: id },
		last_message: { text: `hi from ${id}`, time, sender: { name: id, is_me: fromMe === true } },
		unread: 1,
		type: 'normal',
		...rest,
	};
}

const top = (...pages: LinkUpConversation[][]): PollListing => ({ top: { pages }, backlog: [] });
const ids = (conversations: LinkUpConversation[]) => conversations.map((c) => c.conversation_id);

function seeded(conversations: LinkUpConversation[]): PollState {
	return decidePoll(undefined, top(conversations), options).next;
}

describe('decidePoll', () => {
	it('first poll records what is unread and emits nothing', () => {
		const { emit, next } = decidePoll(undefined, top([conv('a', T + 2 * MIN), conv('b', T)]), options);
		expect(emit).toEqual([]);
		expect(next).toEqual({ v: 1, newest: T + 2 * MIN, forgottenUpTo: null, seen: { [conversationKey('a')]: T + 2 * MIN, [conversationKey('b')]: T }, backlog: [] });
	});

	it('emits a new message once, then nothing while it stays unread', () => {
		const state = seeded([conv('a', T)]);
		const first = decidePoll(state, top([conv('b', T + MIN), conv('a', T)]), options);
		expect(ids(first.emit)).toEqual(['b']);
		const second = decidePoll(first.next, top([conv('b', T + MIN), conv('a', T)]), options);
		expect(second.emit).toEqual([]);
	});

	it('emits oldest first', () => {
		const state = seeded([conv('a', T)]);
		const { emit } = decidePoll(state, top([conv('c', T + 3 * MIN), conv('b', T + 2 * MIN), conv('d', T + MIN)]), options);
		expect(ids(emit)).toEqual(['d', 'b', 'c']);
	});

	it('keys on conversation and time: equal timestamps both fire, the same pair never twice', () => {
		const state = seeded([conv('a', T)]);
		const { emit, next } = decidePoll(state, top([conv('x', T + MIN), conv('y', T + MIN)]), options);
		expect(ids(emit)).toEqual(['x', 'y']);
		const tieLater = decidePoll(next, top([conv('z', T + MIN), conv('y', T + MIN), conv('x', T + MIN)]), options);
		expect(ids(tieLater.emit)).toEqual(['z']);
	});

	it('a later message in an emitted conversation fires again; marking it unread by hand does not', () => {
		const state = seeded([conv('a', T)]);
		const emitted = decidePoll(state, top([conv('b', T + MIN)]), options);
		const readThenMarkedUnread = decidePoll(emitted.next, top([conv('b', T + MIN)]), options);
		expect(readThenMarkedUnread.emit).toEqual([]);
		const newMessage = decidePoll(readThenMarkedUnread.next, top([conv('b', T + 9 * MIN)]), options);
		expect(ids(newMessage.emit)).toEqual(['b']);
		expect(newMessage.emit[0].last_message?.time).toBe(T + 9 * MIN);
	});

	it('an old conversation marked unread by hand (older than the window) is not a new message', () => {
		const state = seeded([conv('a', T + 60 * MIN)]);
		expect(decidePoll(state, top([conv('a', T + 60 * MIN), conv('old', T)]), options).emit).toEqual([]);
	});

	it('catches a late arrival inside the window that was never seen', () => {
		const state = seeded([conv('a', T + 10 * MIN)]);
		const late = conv('late', T + 10 * MIN - LATE_ARRIVAL_WINDOW_MS + 1);
		expect(ids(decidePoll(state, top([conv('a', T + 10 * MIN), late]), options).emit)).toEqual(['late']);
	});

	it('skips own last messages and sponsored InMail unless asked, and never emits them later', () => {
		const state = seeded([conv('a', T)]);
		const listing = top([conv('own', T + 2 * MIN, { fromMe: true }), conv('ad', T + MIN, { type: 'Sponsored' })]);
		const skipped = decidePoll(state, listing, options);
		expect(skipped.emit).toEqual([]);
		expect(decidePoll(skipped.next, listing, { includeOwnLastMessage: true, includeSponsored: true }).emit).toEqual([]);
		expect(ids(decidePoll(state, listing, { includeOwnLastMessage: true, includeSponsored: true }).emit)).toEqual(['ad', 'own']);
	});

	it('emits everything unread on the first poll when starting from an empty state', () => {
		expect(ids(decidePoll(emptyPollState(), top([conv('b', T + MIN), conv('a', T)]), options).emit)).toEqual(['a', 'b']);
	});

	it('keeps the unread part of a burst past the page budget as a backlog and finishes it next poll', () => {
		const state = seeded([conv('old', T)]);
		const burst = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => conv(`n${from + i}`, T + (1000 - from - i) * MIN));
		const first = decidePoll(state, { top: { pages: [burst(0, 10)], resumeCursor: 'c10' }, backlog: [] }, options);
		expect(first.emit).toHaveLength(10);
		expect(first.next.backlog).toEqual([{ cursor: 'c10', after: state.newest }]);
		const segment = first.next.backlog[0];
		const second = decidePoll(
			first.next,
			{ top: { pages: [burst(0, 10)] }, backlog: [{ segment, scan: { pages: [burst(10, 15).concat(conv('old', T))] } }] },
			options,
		);
		expect(ids(second.emit)).toEqual(['n14', 'n13', 'n12', 'n11', 'n10']);
		expect(second.next.backlog).toEqual([]);
		const stillGoing = decidePoll(first.next, { top: { pages: [] }, backlog: [{ segment, scan: { pages: [burst(10, 20)], resumeCursor: 'c20' } }] }, options);
		expect(stillGoing.next.backlog).toEqual([{ cursor: 'c20', after: segment.after }]);
	});

	it(`bounds the stored state to ${MAX_SEEN} conversations and never re-emits what it forgot`, () => {
		const many = Array.from({ length: 5000 }, (_, i) => conv(`c${i}`, T + 5000 - i));
		const { emit, next } = decidePoll(emptyPollState(), top(many), options);
		expect(emit).toHaveLength(5000);
		expect(Object.keys(next.seen)).toHaveLength(MAX_SEEN);
		expect(next.forgottenUpTo).toBe(T + 5000 - MAX_SEEN);
		expect(decidePoll(next, top(many), options).emit).toEqual([]);
		expect(JSON.stringify(next).length).toBeLessThan(60_000);
	});
});

describe('paging rules', () => {
	const seen = { [conversationKey('a')]: T };
	it('reads on only while every conversation on the page is fresh', () => {
		expect(shouldReadNextPage([conv('b', T + MIN), conv('c', T + MIN)], T - 1, seen)).toBe(true);
		expect(shouldReadNextPage([conv('b', T + MIN), conv('a', T)], T - 1, seen)).toBe(false);
		expect(shouldReadNextPage([conv('b', T + MIN), conv('old', T - 2)], T - 1, seen)).toBe(false);
		expect(shouldReadNextPage([], T - 1, seen)).toBe(false);
	});

	it('isFresh needs unread > 0, a time past the horizon and an unhandled pair', () => {
		expect(isFresh(conv('b', T + 1), T, seen)).toBe(true);
		expect(isFresh({ ...conv('b', T + 1), unread: 0 }, T, seen)).toBe(false);
		expect(isFresh(conv('b', T), T, seen)).toBe(false);
		expect(isFresh(conv('a', T), T - 1, seen)).toBe(false);
		expect(isFresh(conv('a', T + 1), T - 1, seen)).toBe(true);
		expect(isFresh({ ...conv('b', T + 1), last_message: undefined }, T, seen)).toBe(false);
	});

	it('seeding reads a full window below the newest unread conversation', () => {
		expect(horizonFor(undefined, [conv('a', T)])).toBe(T - LATE_ARRIVAL_WINDOW_MS);
		expect(horizonFor(emptyPollState())).toBe(-Infinity);
	});
});

describe('conversationKey', () => {
	it('is short, stable and tells LinkedIn URNs apart', () => {
		const urn = (n: number) => `urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB${n},2-ZjM0${n}==)`;
		expect(conversationKey(urn(1))).toBe(conversationKey(urn(1)));
		expect(conversationKey('')).toBe(BigInt('0xcbf29ce484222325').toString(36));
		const keys = new Set(Array.from({ length: 20_000 }, (_, i) => conversationKey(urn(i))));
		expect(keys.size).toBe(20_000);
		expect(Math.max(...[...keys].map((k) => k.length))).toBeLessThanOrEqual(13);
	});
});

describe('readPollState', () => {
	it('round-trips through JSON and refuses other shapes', () => {
		const state = seeded([conv('a', T)]);
		expect(readPollState(JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(readPollState(undefined)).toBeUndefined();
		expect(readPollState({ v: 2 })).toBeUndefined();
		expect(readPollState({ ...state, seen: { k: 'x' } })).toBeUndefined();
		expect(readPollState({ ...state, backlog: [{ cursor: '', after: null }, { cursor: 'c', after: 5 }] })?.backlog).toEqual([
			{ cursor: 'c', after: 5 },
		]);
	});
});
