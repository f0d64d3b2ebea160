import type { LinkUpConversation } from '../../../nodes/shared/types';
import { conversationKey } from '../../../nodes/LinkUpMessagingTrigger/conversationKey';
import {
	decidePoll,
	isFresh,
	shouldReadOn,
	shouldResumeOn,
	type PollListing,
	type Scan,
} from '../../../nodes/LinkUpMessagingTrigger/pollDecision';
import {
	LATE_ARRIVAL_WINDOW_MS,
	MAX_RANGES,
	MAX_SEEN,
	emptyPollState,
	readPollState,
	type PollState,
} from '../../../nodes/LinkUpMessagingTrigger/pollState';
import { inRanges, mergeRanges } from '../../../nodes/LinkUpMessagingTrigger/timeRanges';

const MIN = 60_000;
const T = 1_780_000_000_000;
const ACC = 'acc-1';
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

const scan = (pages: LinkUpConversation[][], more: Partial<Scan> = {}): Scan => ({ pages, ended: true, ...more });
const top = (...pages: LinkUpConversation[][]): PollListing => ({ top: scan(pages) });
const ids = (conversations: LinkUpConversation[]) => conversations.map((c) => c.conversation_id);
const decide = (state: PollState | undefined, listing: PollListing, opts = options) => decidePoll(state, listing, opts, ACC);
const seeded = (conversations: LinkUpConversation[]) => decide(undefined, top(conversations)).next;

describe('decidePoll', () => {
	it('first poll records what is unread, settles everything older, and emits nothing', () => {
		const { emit, next } = decide(undefined, top([conv('a', T + 2 * MIN), conv('b', T)]));
		expect(emit).toEqual([]);
		expect(next).toEqual({
			v: 2,
			accountId: ACC,
			newest: T + 2 * MIN,
			handled: [[null, T + 2 * MIN]],
			seen: { [conversationKey('a')]: T + 2 * MIN, [conversationKey('b')]: T },
			forgottenUpTo: null,
			resume: null,
		});
	});

	it('emits a new message once, then nothing while it stays unread', () => {
		const state = seeded([conv('a', T)]);
		const first = decide(state, top([conv('b', T + MIN), conv('a', T)]));
		expect(ids(first.emit)).toEqual(['b']);
		expect(decide(first.next, top([conv('b', T + MIN), conv('a', T)])).emit).toEqual([]);
	});

	it('emits oldest first', () => {
		const state = seeded([conv('a', T)]);
		const { emit } = decide(state, top([conv('c', T + 3 * MIN), conv('b', T + 2 * MIN), conv('d', T + MIN)]));
		expect(ids(emit)).toEqual(['d', 'b', 'c']);
	});

	it('keys on conversation and time: equal timestamps both fire, the same pair never twice', () => {
		const state = seeded([conv('a', T)]);
		const { emit, next } = decide(state, top([conv('x', T + MIN), conv('y', T + MIN)]));
		expect(ids(emit)).toEqual(['x', 'y']);
		expect(ids(decide(next, top([conv('z', T + MIN), conv('y', T + MIN), conv('x', T + MIN)])).emit)).toEqual(['z']);
	});

	it('a later message in an emitted conversation fires again; marking it unread by hand does not', () => {
		const state = seeded([conv('a', T)]);
		const emitted = decide(state, top([conv('b', T + MIN)]));
		const markedUnread = decide(emitted.next, top([conv('b', T + MIN)]));
		expect(markedUnread.emit).toEqual([]);
		const newMessage = decide(markedUnread.next, top([conv('b', T + 9 * MIN)]));
		expect(ids(newMessage.emit)).toEqual(['b']);
		expect(newMessage.emit[0].last_message?.time).toBe(T + 9 * MIN);
	});

	it('an old conversation marked unread by hand (older than the window) is not a new message', () => {
		const state = seeded([conv('a', T + 60 * MIN)]);
		expect(decide(state, top([conv('a', T + 60 * MIN), conv('old', T)])).emit).toEqual([]);
	});

	it('catches a late arrival inside the window on a page it reads', () => {
		const state = seeded([conv('a', T + 10 * MIN)]);
		const late = conv('late', T + 10 * MIN - LATE_ARRIVAL_WINDOW_MS + 1);
		expect(ids(decide(state, top([conv('a', T + 10 * MIN), late])).emit)).toEqual(['late']);
	});

	it('skips own last messages and sponsored InMail unless asked, and never emits them later', () => {
		const state = seeded([conv('a', T)]);
		const listing = top([conv('own', T + 2 * MIN, { fromMe: true }), conv('ad', T + MIN, { type: 'Sponsored' })]);
		const all = { includeOwnLastMessage: true, includeSponsored: true };
		const skipped = decide(state, listing);
		expect(skipped.emit).toEqual([]);
		expect(decide(skipped.next, listing, all).emit).toEqual([]);
		expect(ids(decide(state, listing, all).emit)).toEqual(['ad', 'own']);
	});

	it('emits everything unread on the first poll when starting from an empty state', () => {
		expect(ids(decide(emptyPollState(ACC), top([conv('b', T + MIN), conv('a', T)])).emit)).toEqual(['a', 'b']);
	});

	it('ignores entries without an id or a time instead of failing', () => {
		const state = seeded([conv('a', T)]);
		const broken = [{ ...conv('x', T + MIN), conversation_id: undefined as unknown as string }, { ...conv('y', T), last_message: undefined }];
		expect(ids(decide(state, top([conv('b', T + 2 * MIN), ...broken])).emit)).toEqual(['b']);
	});
});

describe('bursts larger than one poll', () => {
	const burst = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => conv(`n${from + i}`, T + (1000 - from - i) * MIN));

	it('resumes below the budget from the stored cursor down to where the burst began, then settles it', () => {
		const state = seeded([conv('old', T)]);
		const first = decide(state, { top: scan([burst(0, 10)], { ended: false, next: 'c10' }) });
		expect(first.emit).toHaveLength(10);
		expect(first.next.resume).toEqual({ cursor: 'c10', from: T + 991 * MIN, until: T });
		const unfinished = decide(first.next, { top: scan([burst(0, 10)], { ended: false }), resume: scan([burst(10, 20)], { ended: false, next: 'c20' }) });
		expect(ids(unfinished.emit)).toEqual(ids(burst(10, 20)).reverse());
		expect(unfinished.next.resume).toEqual({ cursor: 'c20', from: T + 981 * MIN, until: T });
		const done = decide(unfinished.next, { top: scan([burst(0, 10)], { ended: false }), resume: scan([[...burst(20, 25), conv('old', T)]], { ended: false }) });
		expect(ids(done.emit)).toEqual(ids(burst(20, 25)).reverse());
		expect(done.next.resume).toBeNull();
		expect(done.next.handled).toEqual([[null, T + 1000 * MIN]]);
	});

	it('a second overflow while resuming lists down to the older start, skipping what was emitted', () => {
		const state = seeded([conv('old', T)]);
		const first = decide(state, { top: scan([burst(100, 110)], { ended: false, next: 'c110' }) });
		const second = decide(first.next, { top: scan([burst(0, 10)], { ended: false, next: 'c10' }) });
		expect(second.next.resume).toEqual({ cursor: 'c10', from: T + 991 * MIN, until: T });
		const third = decide(second.next, { top: scan([burst(0, 10)], { ended: false }), resume: scan([burst(10, 120).concat(conv('old', T))], { ended: false }) });
		expect(ids(third.emit)).toEqual([...ids(burst(10, 100)), ...ids(burst(110, 120))].reverse());
	});

	it('a refused resume cursor is dropped for a listing from the top, keeping the burst start', () => {
		const state = seeded([conv('old', T)]);
		const first = decide(state, { top: scan([burst(0, 10)], { ended: false, next: 'c10' }) });
		const refused = decide(first.next, { top: scan([burst(0, 10)], { ended: false }), resumeRefused: true });
		expect(refused.next.resume).toEqual({ cursor: null, from: T + 991 * MIN, until: T });
	});
});

describe('bounds', () => {
	it(`keeps at most ${MAX_SEEN} conversations and never re-emits what it forgot`, () => {
		const many = Array.from({ length: 5000 }, (_, i) => conv(`c${i}`, T + 5000 - i));
		const { emit, next } = decide(emptyPollState(ACC), top(many));
		expect(emit).toHaveLength(5000);
		expect(Object.keys(next.seen)).toHaveLength(MAX_SEEN);
		expect(next.forgottenUpTo).toBe(T + 5000 - MAX_SEEN);
		expect(decide(next, top(many)).emit).toEqual([]);
		expect(JSON.stringify(next).length).toBeLessThan(30_000);
	});

	it(`closes the oldest gaps past ${MAX_RANGES} ranges`, () => {
		const state = emptyPollState(ACC);
		state.handled = Array.from({ length: MAX_RANGES + 3 }, (_, i) => [T - i * 10 * MIN - MIN, T - i * 10 * MIN] as [number, number]);
		const { next } = decide(state, top([]));
		expect(next.handled).toHaveLength(MAX_RANGES);
		expect(next.handled[MAX_RANGES - 1][0]).toBe(T - (MAX_RANGES + 2) * 10 * MIN - MIN);
	});
});

describe('paging rules', () => {
	const state = (): PollState => ({ ...seeded([conv('a', T)]), seen: { [conversationKey('a')]: T } });

	it('reads on only while every conversation on the page is fresh', () => {
		expect(shouldReadOn([conv('b', T + MIN), conv('c', T + MIN)], state(), [])).toBe(true);
		expect(shouldReadOn([conv('b', T + MIN), conv('a', T)], state(), [])).toBe(false);
		expect(shouldReadOn([conv('b', T + MIN), conv('old', T - 10 * MIN)], state(), [])).toBe(false);
		expect(shouldReadOn([], state(), [])).toBe(true);
	});

	it('seeding reads on while the page is inside the window below the newest unread', () => {
		const page = [conv('a', T), conv('b', T - LATE_ARRIVAL_WINDOW_MS + 1)];
		expect(shouldReadOn(page, undefined, page)).toBe(true);
		expect(shouldReadOn([...page, conv('c', T - LATE_ARRIVAL_WINDOW_MS)], undefined, page)).toBe(false);
	});

	it('resumes until the page reaches the time the burst began after', () => {
		expect(shouldResumeOn([conv('x', T + 2)], { cursor: 'c', from: T + 3, until: T })).toBe(true);
		expect(shouldResumeOn([conv('x', T + 2), conv('y', T)], { cursor: 'c', from: T + 3, until: T })).toBe(false);
		expect(shouldResumeOn([conv('x', 1)], { cursor: 'c', from: T, until: null })).toBe(true);
	});

	it('isFresh needs unread > 0, an id and time, and an unhandled pair', () => {
		expect(isFresh(conv('b', T + 1), state())).toBe(true);
		expect(isFresh({ ...conv('b', T + 1), unread: 0 }, state())).toBe(false);
		expect(isFresh(conv('a', T), state())).toBe(false);
		expect(isFresh(conv('a', T + 1), state())).toBe(true);
		expect(isFresh(conv('old', T - 10 * MIN), state())).toBe(false);
		expect(isFresh({ ...conv('b', T + 1), last_message: undefined }, state())).toBe(false);
	});
});

describe('time ranges', () => {
	it('merges overlapping and touching ranges, newest first', () => {
		expect(mergeRanges([[1, 5], [10, 20], [5, 8], [null, 0]])).toEqual([[10, 20], [1, 8], [null, 0]]);
		expect(mergeRanges([[null, 5], [3, 9]])).toEqual([[null, 9]]);
		expect(inRanges(7, [[10, 20], [1, 8]])).toBe(true);
		expect(inRanges(9, [[10, 20], [1, 8]])).toBe(false);
		expect(inRanges(-1e15, [[null, 0]])).toBe(true);
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
	it('round-trips through JSON, and refuses other shapes and other accounts', () => {
		const state = seeded([conv('a', T)]);
		expect(readPollState(JSON.parse(JSON.stringify(state)), ACC)).toEqual(state);
		expect(readPollState(state, 'another-account')).toBeUndefined();
		expect(readPollState(undefined, ACC)).toBeUndefined();
		expect(readPollState({ ...state, v: 1 }, ACC)).toBeUndefined();
		expect(readPollState({ ...state, seen: { k: 'x' } }, ACC)).toBeUndefined();
		expect(readPollState({ ...state, handled: [[1]] }, ACC)).toBeUndefined();
		expect(readPollState({ ...state, resume: { cursor: '', from: 1, until: null } }, ACC)).toBeUndefined();
	});
});
