import type { LinkUpConversation } from '../../../nodes/shared/types';
import { conversationKey } from '../../../nodes/LinkUpMessagingTrigger/conversationKey';
import {
	backlogWalk,
	type BacklogScan,
	type PollListing,
	type Scan,
} from '../../../nodes/LinkUpMessagingTrigger/backlog';
import { isFresh, readOnWhileFresh } from '../../../nodes/LinkUpMessagingTrigger/freshness';
import { decidePoll, seed } from '../../../nodes/LinkUpMessagingTrigger/pollDecision';
import {
	MAX_BACKLOG,
	MAX_HANDLED,
	POLL_STATE_VERSION,
	readPollState,
	type Backlog,
	type PollState,
} from '../../../nodes/LinkUpMessagingTrigger/pollState';

const MIN = 60_000;
const T = 1_780_000_000_000;
const NOW = T + 1000 * MIN;
const ACC = 'acc-1';
const info = { accountId: ACC, now: NOW };
const options = { includeOwnLastMessage: false, includeSponsored: false };

function conv(
	id: string,
	time: number,
	extra: Partial<LinkUpConversation> & { fromMe?: boolean } = {},
): LinkUpConversation {
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

const scan = (pages: LinkUpConversation[][], end: Scan['end'] = 'ended', next?: string): Scan => ({
	pages,
	end,
	next,
});
const top = (...pages: LinkUpConversation[][]): PollListing => ({ top: scan(pages), backlog: [] });
const ids = (conversations: LinkUpConversation[]) => conversations.map((c) => c.conversation_id);
const decide = (state: PollState, listing: PollListing, opts = options) =>
	decidePoll(state, listing, opts, info);
const seeded = (...conversations: LinkUpConversation[]) =>
	seed(scan([conversations], 'caughtUp', 'c1'), info);
const emptyState = (): PollState => ({
	v: POLL_STATE_VERSION,
	accountId: ACC,
	handledUpTo: null,
	handled: {},
	backlog: [],
});
/** A burst of new conversations n<from>..n<to-1>, newest first, all after T. */
const burst = (from: number, to: number) =>
	Array.from({ length: to - from }, (_, i) => conv(`n${from + i}`, T + (900 - from - i) * MIN));

describe('seed: the first poll', () => {
	it('counts what is unread as handled, up to the newest message it listed', () => {
		const state = seeded(conv('a', T + 2 * MIN), conv('b', T));
		expect(state).toEqual({
			v: POLL_STATE_VERSION,
			accountId: ACC,
			handledUpTo: T + 2 * MIN,
			handled: {},
			backlog: [],
		});
		expect(
			decide(state, top([conv('a', T + 2 * MIN), conv('b', T), conv('c', T - MIN)])).emit,
		).toEqual([]);
	});

	it('a first poll that listed nothing (empty pages, the budget spent) still bounds the past at its clock', () => {
		const state = seed(scan([[], []], 'budget', 'c2'), info);
		expect(state.handledUpTo).toBe(NOW);
		expect(
			decide(state, top([conv('old', NOW - MIN), conv('new', NOW + MIN)])).emit.map(
				(c) => c.conversation_id,
			),
		).toEqual(['new']);
	});

	it('a message stamped a day ahead cannot move the bound past the clock; it is remembered as handled', () => {
		const state = seeded(conv('future', NOW + 24 * 60 * MIN), conv('a', T));
		expect(state.handledUpTo).toBe(NOW);
		expect(state.handled).toEqual({ [conversationKey('future')]: NOW + 24 * 60 * MIN });
		expect(
			ids(decide(state, top([conv('future', NOW + 24 * 60 * MIN), conv('b', NOW + MIN)])).emit),
		).toEqual(['b']);
	});
});

describe('decidePoll', () => {
	it('emits a new message once, oldest first, then nothing while it stays unread', () => {
		const state = seeded(conv('a', T));
		const first = decide(
			state,
			top([conv('c', T + 3 * MIN), conv('b', T + 2 * MIN), conv('d', T + MIN), conv('a', T)]),
		);
		expect(ids(first.emit)).toEqual(['d', 'b', 'c']);
		expect(
			decide(first.next, top([conv('c', T + 3 * MIN), conv('b', T + 2 * MIN), conv('d', T + MIN)]))
				.emit,
		).toEqual([]);
	});

	it('keys on conversation and time: equal timestamps both fire, the same pair never twice', () => {
		const state = seeded(conv('a', T));
		const { emit, next } = decide(state, top([conv('x', T + MIN), conv('y', T + MIN)]));
		expect(ids(emit)).toEqual(['x', 'y']);
		expect(
			ids(decide(next, top([conv('z', T + MIN), conv('y', T + MIN), conv('x', T + MIN)])).emit),
		).toEqual(['z']);
	});

	it('a later message in an emitted conversation fires again; marking it unread by hand does not', () => {
		const state = seeded(conv('a', T));
		const emitted = decide(state, top([conv('b', T + MIN)]));
		const markedUnread = decide(emitted.next, top([conv('b', T + MIN)]));
		expect(markedUnread.emit).toEqual([]);
		const newMessage = decide(markedUnread.next, top([conv('b', T + 9 * MIN)]));
		expect(newMessage.emit.map((c) => c.last_message?.time)).toEqual([T + 9 * MIN]);
	});

	it('a conversation from before activation marked unread by hand is not a new message', () => {
		const state = seeded(conv('a', T + 60 * MIN));
		expect(decide(state, top([conv('a', T + 60 * MIN), conv('old', T)])).emit).toEqual([]);
	});

	it('a message listed late with an older time fires when a poll lists it, however much older', () => {
		const state = seeded(conv('a', T));
		const after = decide(state, top([conv('b', T + 60 * MIN)])).next;
		expect(ids(decide(after, top([conv('b', T + 60 * MIN), conv('late', T + MIN)])).emit)).toEqual([
			'late',
		]);
	});

	it('activity order: a handled conversation moved to the top settles nothing below it', () => {
		const state = seeded(conv('a', T));
		const first = decide(state, top([conv('h', T + MIN)])).next;
		const page1 = [conv('h', T + MIN), ...burst(0, 9)];
		const page2 = [...burst(9, 10), conv('a', T)];
		expect(readOnWhileFresh(first, NOW)(page1)).toBe(true);
		expect(readOnWhileFresh(first, NOW)(page2)).toBe(true);
		expect(ids(decide(first, top(page1, page2)).emit)).toEqual(ids(burst(0, 10)).reverse());
	});

	it('a message stamped in the future silences nothing: later messages fire, in its conversation too', () => {
		const state = seeded(conv('a', T));
		const future = conv('f', NOW + 24 * 60 * MIN);
		const first = decide(state, top([future]));
		expect(ids(first.emit)).toEqual(['f']);
		const later = decide(first.next, top([future, conv('b', T + MIN), conv('c', T + 2 * MIN)]));
		expect(ids(later.emit)).toEqual(['b', 'c']);
		expect(ids(decide(later.next, top([conv('f', NOW + MIN)])).emit)).toEqual(['f']);
		expect(decide(later.next, top([future])).emit).toEqual([]);
	});

	it('a last message older than the one handled (not stamped ahead of the clock) is taken as handled: an unsent message does not re-fire the one before it', () => {
		const state = seeded(conv('a', T));
		const first = decide(state, top([conv('c', T + 2 * MIN)]));
		expect(ids(first.emit)).toEqual(['c']);
		expect(decide(first.next, top([conv('c', T + MIN)])).emit).toEqual([]);
	});

	it('skips own last messages and sponsored InMail unless asked, and never emits them later', () => {
		const state = seeded(conv('a', T));
		const listing = top([
			conv('own', T + 2 * MIN, { fromMe: true }),
			conv('ad', T + MIN, { type: 'Sponsored' }),
		]);
		const all = { includeOwnLastMessage: true, includeSponsored: true };
		const skipped = decide(state, listing);
		expect(skipped.emit).toEqual([]);
		expect(decide(skipped.next, listing, all).emit).toEqual([]);
		expect(ids(decide(state, listing, all).emit)).toEqual(['ad', 'own']);
	});

	it('from an empty state (Emit Existing on First Poll) everything unread is new', () => {
		expect(ids(decide(emptyState(), top([conv('b', T + MIN), conv('a', T)])).emit)).toEqual([
			'a',
			'b',
		]);
	});

	it('ignores entries without an id or a time, and read ones, instead of failing', () => {
		const state = seeded(conv('a', T));
		const broken = [
			{ ...conv('x', T + MIN), conversation_id: undefined as unknown as string },
			{ ...conv('y', T + MIN), last_message: undefined },
			{ ...conv('z', T + MIN), unread: 0 },
		];
		expect(ids(decide(state, top([conv('b', T + 2 * MIN), ...broken])).emit)).toEqual(['b']);
	});
});

describe('paging rules', () => {
	const state = () => decide(seeded(conv('a', T)), top([conv('b', T + MIN)])).next;
	/** n conversations h0..h<n-1>, newest first, all emitted by the state below. */
	const handledConversations = (n: number) =>
		Array.from({ length: n }, (_, i) => conv(`h${i}`, T + MIN + (n - i)));
	const handledState = (n: number) =>
		decide(seeded(conv('a', T)), top(handledConversations(n))).next;

	it('reads on while a page holds something new, and through empty pages', () => {
		const readOn = readOnWhileFresh(state(), NOW);
		expect(readOn([conv('b', T + MIN), conv('c', T + 2 * MIN)])).toBe(true);
		expect(readOn([conv('b', T + MIN), conv('a', T)])).toBe(false);
		expect(readOn([])).toBe(true);
	});

	it('passing over a refused backlog reads through `depth` handled conversations, in pages of 100, then while new', () => {
		const { count, readOn } = backlogWalk(
			state(),
			NOW,
			{ cursor: null, depth: 200, skip: 50 },
			true,
		);
		const handled = handledState(300);
		const page = (from: number) => handledConversations(300).slice(from, from + 100);
		const pass = backlogWalk(handled, NOW, { cursor: null, depth: 200, skip: 50 }, true);
		expect(pass.count()).toBe(100);
		expect(pass.readOn(page(0), page(0))).toBe(true);
		expect(
			pass.readOn(page(200).slice(0, 50), [...page(0), ...page(100), ...page(200).slice(0, 50)]),
		).toBe(true);
		const passed = [...page(0), ...page(100), ...page(200)];
		expect(pass.readOn(page(200), passed)).toBe(false);
		expect(pass.readOn([conv('new', T + 5 * MIN)], [...passed, conv('new', T + 5 * MIN)])).toBe(
			true,
		);
		expect(count()).toBe(100);
		expect(readOn([], [])).toBe(true);
	});

	it('a page LinkUp serves twice (a cursor back to page 1) counts once: the pass-over still reaches what it has to pass', () => {
		const handled = handledState(300);
		const page = (from: number) => handledConversations(300).slice(from, from + 100);
		const pass = backlogWalk(handled, NOW, { cursor: null, depth: 150, skip: 0 }, true);
		expect(pass.readOn(page(0), [...page(0), ...page(0)])).toBe(true);
		const top: Scan = scan([page(0), page(0), page(100).slice(0, 20)], 'budget', 'c-next');
		const next = decide(handled, { top, backlog: [] }).next;
		expect(next.backlog).toEqual([{ cursor: 'c-next', depth: 120, skip: 0 }]);
	});

	it('a backlog resumed from its cursor reads pages of 10 while all new, or of 100 while it still has some to pass', () => {
		const plain = backlogWalk(state(), NOW, { cursor: 'c', depth: 200, skip: 0 }, false);
		expect(plain.count()).toBe(10);
		expect(plain.readOn([conv('c', T + 2 * MIN), conv('d', T + 2 * MIN)], [])).toBe(true);
		expect(plain.readOn([conv('c', T + 2 * MIN), conv('b', T + MIN)], [])).toBe(false);
		expect(plain.readOn([], [])).toBe(true);
		const passing = backlogWalk(state(), NOW, { cursor: 'c', depth: 200, skip: 30 }, false);
		expect(passing.count()).toBe(100);
		expect(passing.readOn([conv('b', T + MIN)], [conv('b', T + MIN)])).toBe(true);
	});

	it('isFresh needs unread > 0, an id and a time after handledUpTo, and an unhandled pair', () => {
		expect(isFresh(conv('c', T + 1), state(), NOW)).toBe(true);
		expect(isFresh({ ...conv('c', T + 1), unread: 0 }, state(), NOW)).toBe(false);
		expect(isFresh(conv('b', T + MIN), state(), NOW)).toBe(false);
		expect(isFresh(conv('b', T + MIN + 1), state(), NOW)).toBe(true);
		expect(isFresh(conv('old', T), state(), NOW)).toBe(false);
		expect(isFresh({ ...conv('c', T + 1), last_message: undefined }, state(), NOW)).toBe(false);
	});
});

describe('backlog: bursts larger than one poll', () => {
	const base = () => seeded(conv('old', T));
	const cut = (pages: LinkUpConversation[][], next = 'c-next'): Scan => scan(pages, 'budget', next);
	const withBacklog = (state: PollState, listing: Partial<PollListing>) =>
		decide(state, { top: scan([[conv('old', T)]], 'caughtUp', 'c1'), backlog: [], ...listing });
	const resumed = (backlog: Backlog, scanOf?: Scan, refused?: boolean): BacklogScan => ({
		backlog,
		scan: scanOf,
		refused,
	});

	it('a listing cut short leaves where it goes on; the next poll resumes there and drains it', () => {
		const first = decide(base(), { top: cut([burst(0, 10), burst(10, 20)], 'c20'), backlog: [] });
		expect(first.emit).toHaveLength(20);
		expect(first.next.backlog).toEqual([{ cursor: 'c20', depth: 20, skip: 0 }]);
		const [stored] = first.next.backlog;
		const second = withBacklog(first.next, {
			backlog: [resumed(stored, cut([burst(20, 30)], 'c30'))],
		});
		expect(ids(second.emit)).toEqual(ids(burst(20, 30)).reverse());
		expect(second.next.backlog).toEqual([{ cursor: 'c30', depth: 30, skip: 0 }]);
		const drained = withBacklog(second.next, {
			backlog: [
				resumed(
					second.next.backlog[0],
					scan([[...burst(30, 35), conv('old', T)]], 'caughtUp', 'c36'),
				),
			],
		});
		expect(ids(drained.emit)).toEqual(ids(burst(30, 35)).reverse());
		expect(drained.next.backlog).toEqual([]);
	});

	it('a second burst that overflows keeps the first one waiting below it (nothing read twice)', () => {
		const first = decide(base(), { top: cut([burst(100, 110)], 'c110'), backlog: [] });
		const second = decide(first.next, {
			top: cut([burst(0, 10)], 'c10'),
			backlog: [resumed(first.next.backlog[0])],
		});
		expect(second.next.backlog).toEqual([
			{ cursor: 'c10', depth: 10, skip: 0 },
			{ cursor: 'c110', depth: 20, skip: 0 },
		]);
	});

	it('a refused cursor is listed again from the top: cut short there, it goes on from the new cursor', () => {
		const first = decide(base(), { top: cut([burst(0, 10)], 'c10'), backlog: [] });
		const [stored] = first.next.backlog;
		const notReached = withBacklog(first.next, { backlog: [resumed(stored, undefined, true)] });
		expect(notReached.next.backlog).toEqual([{ ...stored, cursor: null }]);
		const relisted = withBacklog(first.next, {
			backlog: [resumed(stored, cut([burst(0, 10), burst(10, 20)], 'c20b'), true)],
		});
		expect(ids(relisted.emit)).toEqual(ids(burst(10, 20)).reverse());
		expect(relisted.next.backlog).toEqual([{ cursor: 'c20b', depth: 20, skip: 0 }]);
	});

	it('a cursor refused in the middle of a walk leaves the rest to be listed again from the top', () => {
		const first = decide(base(), {
			top: scan([burst(0, 10), burst(10, 20)], 'refused', 'c20'),
			backlog: [],
		});
		expect(first.emit).toHaveLength(20);
		expect(first.next.backlog).toEqual([{ cursor: null, depth: 20, skip: 0 }]);
		const [stored] = first.next.backlog;
		const again = withBacklog(first.next, {
			backlog: [resumed(stored, scan([burst(0, 20), burst(20, 25)], 'refused', 'x'), true)],
		});
		expect(ids(again.emit)).toEqual(ids(burst(20, 25)).reverse());
		expect(again.next.backlog).toEqual([{ cursor: null, depth: 25, skip: 0 }]);
	});

	it('a top listing the budget stopped before any page leaves no backlog: the next top listing covers it', () => {
		expect(decide(base(), { top: scan([], 'budget'), backlog: [] }).next.backlog).toEqual([]);
	});

	it('a pass over cut short by the budget goes on from the new cursor, still passing what is left', () => {
		const first = decide(base(), { top: cut([burst(0, 10)], 'c10'), backlog: [] });
		const stored = { ...first.next.backlog[0], skip: 0 };
		const handledTop = [
			conv('n0', T + 900 * MIN),
			conv('n1', T + 899 * MIN),
			conv('n2', T + 898 * MIN),
		];
		const { next } = withBacklog(first.next, {
			backlog: [resumed(stored, cut([handledTop], 'c3'), true)],
		});
		expect(next.backlog).toEqual([{ cursor: 'c3', depth: 3, skip: 7 }]);
	});

	it('the rest of a newer burst, listed from its backlog, pushes the older backlogs below it down', () => {
		const newer = { cursor: 'c10', depth: 10, skip: 0 };
		const older = { cursor: 'c110', depth: 20, skip: 0 };
		const state = { ...base(), backlog: [newer, older] };
		const rest = scan([[...burst(10, 15), conv('old', T)]], 'caughtUp', 'x');
		const { next } = withBacklog(state, { backlog: [resumed(newer, rest), resumed(older)] });
		expect(next.backlog).toEqual([{ ...older, depth: 25 }]);
	});

	it('new conversations on top push a waiting backlog down', () => {
		const first = decide(base(), { top: cut([burst(100, 110)], 'c110'), backlog: [] });
		const next = decide(first.next, {
			top: scan([[...burst(0, 3), conv('n100', T + 800 * MIN)]], 'caughtUp', 'x'),
			backlog: [resumed(first.next.backlog[0])],
		});
		expect(next.next.backlog).toEqual([{ cursor: 'c110', depth: 13, skip: 0 }]);
	});

	it(`past ${MAX_BACKLOG} waiting listings the two oldest become one listed again from the top`, () => {
		const backlog: Backlog[] = Array.from({ length: MAX_BACKLOG }, (_, i) => ({
			cursor: `c${i}`,
			depth: 10 * (i + 1),
			skip: 0,
		}));
		const state = { ...base(), backlog };
		const { next } = decide(state, {
			top: cut([burst(0, 10)], 'new'),
			backlog: backlog.map((b) => resumed(b)),
		});
		expect(next.backlog).toHaveLength(MAX_BACKLOG);
		expect(next.backlog[0].cursor).toBe('new');
		expect(next.backlog[MAX_BACKLOG - 1]).toEqual({
			cursor: null,
			depth: 10 * MAX_BACKLOG + 10,
			skip: 0,
		});
	});

	it('a listing cut short before it listed anything leaves a valid state that resumes', () => {
		const { emit, next } = decide(base(), { top: cut([[], []], 'c-empty'), backlog: [] });
		expect(emit).toEqual([]);
		expect(readPollState(JSON.parse(JSON.stringify(next)), ACC, NOW)).toEqual(next);
		expect(next.backlog).toEqual([{ cursor: 'c-empty', depth: 0, skip: 0 }]);
	});
});

describe('bounds', () => {
	it(`keeps at most ${MAX_HANDLED} pairs, never re-emits what it forgot, and stays under 30 KB`, () => {
		const urn = (i: number) =>
			`urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB${i}xyzxyzxyzxyzxyzxyzxyzxyzxyz,2-ZjM0${i}NjQ5ZGEtY2Q1Zi00ZjYyLWE==)`;
		const many = Array.from({ length: 5000 }, (_, i) => conv(urn(i), T + 5000 - i));
		const { emit, next } = decide(emptyState(), top(many));
		expect(emit).toHaveLength(5000);
		expect(Object.keys(next.handled)).toHaveLength(MAX_HANDLED);
		expect(next.handledUpTo).toBe(T + 5000 - MAX_HANDLED);
		expect(decide(next, top(many)).emit).toEqual([]);
		expect(JSON.stringify(next).length).toBeLessThan(30_000);
	});

	it('while a backlog waits nothing is forgotten (the rest of the burst is older); once drained, it is', () => {
		const many = Array.from({ length: 1200 }, (_, i) => conv(`c${i}`, T + 5000 - i));
		const { next } = decide(emptyState(), { top: cut(many), backlog: [] });
		expect([Object.keys(next.handled).length, next.handledUpTo]).toEqual([1200, null]);
		const drained = decide(next, {
			top: scan([[conv('c0', T + 5000)]], 'caughtUp', 'x'),
			backlog: [{ backlog: next.backlog[0], scan: scan([[conv('c1199', T + 3801)]], 'ended') }],
		});
		expect([Object.keys(drained.next.handled).length, drained.next.handledUpTo]).toEqual([
			MAX_HANDLED,
			T + 5000 - MAX_HANDLED,
		]);
	});

	function cut(conversations: LinkUpConversation[]): Scan {
		return scan([conversations], 'budget', 'more');
	}
});

describe('conversationKey', () => {
	it('is short and tells LinkedIn URNs apart', () => {
		const urn = (n: number) =>
			`urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB${n},2-ZjM0${n}==)`;
		expect(conversationKey('')).toBe(BigInt('0xcbf29ce484222325').toString(36));
		const keys = new Set(Array.from({ length: 20_000 }, (_, i) => conversationKey(urn(i))));
		expect(keys.size).toBe(20_000);
		expect(Math.max(...[...keys].map((k) => k.length))).toBeLessThanOrEqual(13);
	});
});

describe('readPollState', () => {
	it('round-trips through JSON, and refuses other versions, accounts and shapes', () => {
		const state = { ...seeded(conv('a', T)), backlog: [{ cursor: 'c', depth: 3, skip: 0 }] };
		expect(readPollState(JSON.parse(JSON.stringify(state)), ACC, NOW)).toEqual(state);
		expect(readPollState(state, 'another-account', NOW)).toBeUndefined();
		expect(readPollState(undefined, ACC, NOW)).toBeUndefined();
		expect(readPollState({ ...state, v: 2 }, ACC, NOW)).toBeUndefined();
		expect(readPollState({ ...state, handledUpTo: 'x' }, ACC, NOW)).toBeUndefined();
		expect(readPollState({ ...state, handled: { k: 'x' } }, ACC, NOW)).toBeUndefined();
		expect(
			readPollState({ ...state, backlog: [{ cursor: '', depth: 1, skip: 0 }] }, ACC, NOW),
		).toBeUndefined();
		expect(
			readPollState({ ...state, backlog: [{ cursor: null, depth: -1, skip: 0 }] }, ACC, NOW),
		).toBeUndefined();
		expect(
			readPollState({ ...state, backlog: [{ cursor: null, depth: 1 }] }, ACC, NOW),
		).toBeUndefined();
	});

	it('carries a version 2 state (0.1.0) over: its pairs stay handled, and all up to its newest message, capped at the clock', () => {
		const v2 = {
			v: 2,
			accountId: ACC,
			newest: T + MIN,
			handled: [[null, T + MIN]],
			seen: { [conversationKey('a')]: T + MIN },
			forgottenUpTo: null,
			resume: null,
		};
		const state = readPollState(JSON.parse(JSON.stringify(v2)), ACC, NOW)!;
		expect(state).toEqual({
			v: POLL_STATE_VERSION,
			accountId: ACC,
			handledUpTo: T + MIN,
			handled: { [conversationKey('a')]: T + MIN },
			backlog: [],
		});
		expect(
			ids(decide(state, top([conv('a', T + MIN), conv('b', T + 2 * MIN), conv('old', T)])).emit),
		).toEqual(['b']);
		expect(readPollState({ ...v2, newest: NOW + 24 * 60 * MIN }, ACC, NOW)?.handledUpTo).toBe(NOW);
		expect(readPollState({ ...v2, accountId: 'another-account' }, ACC, NOW)).toBeUndefined();
	});
});
