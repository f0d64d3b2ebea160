import type { LinkUpConversation } from '../shared/types';
import { conversationKey } from './conversationKey';
import {
	MAX_BACKLOG,
	MAX_HANDLED,
	PASS_PAGE_SIZE,
	POLL_PAGE_SIZE,
	POLL_STATE_VERSION,
	type Backlog,
	type PollState,
} from './pollState';

export interface TriggerOptions {
	includeOwnLastMessage: boolean;
	includeSponsored: boolean;
}

/** What the decision knows besides the state: the account polled and the poll's clock. */
export interface PollContextInfo {
	accountId: string;
	now: number;
}

/** One walk of the UNREAD listing, newest activity first, and why it stopped. */
export interface Scan {
	pages: LinkUpConversation[][];
	/** 'ended': LinkUp listed everything; 'caughtUp': a page held nothing new; 'budget': cut short. */
	end: 'ended' | 'caughtUp' | 'budget';
	/** Where the listing goes on after a 'budget' end (undefined: no page was read). */
	next?: string;
}

/** What became of one stored backlog during this poll. */
export interface BacklogScan {
	backlog: Backlog;
	/** Its walk; undefined when the budget was spent before it. */
	scan?: Scan;
	/** LinkUp refused its cursor: `scan`, if any, listed again from the top instead. */
	refused?: boolean;
}

export interface PollListing {
	top: Scan;
	/** One per stored backlog, in the stored order. */
	backlog: BacklogScan[];
}

export interface PollDecision {
	/** Conversations to emit, oldest first; none on the seeding poll. */
	emit: LinkUpConversation[];
	next: PollState;
}

/** A stored time this far ahead of the poll's clock is a mis-stamped message, not an order point. */
const FUTURE_TOLERANCE_MS = 60 * 60_000;

export function conversationTime(conversation: LinkUpConversation): number {
	const time = Number(conversation.last_message?.time);
	return Number.isFinite(time) ? time : Number.NaN;
}

/** Without an id and a time there is no (conversation, time) pair: such an entry is ignored. */
export function isKeyable(conversation: LinkUpConversation): boolean {
	return typeof conversation.conversation_id === 'string' && !Number.isNaN(conversationTime(conversation));
}

/** Unread, keyable, and its (conversation, last message time) pair not handled before. */
export function isFresh(conversation: LinkUpConversation, state: PollState, now: number): boolean {
	if (!(Number(conversation.unread) > 0) || !isKeyable(conversation)) return false;
	const time = conversationTime(conversation);
	if (state.handledUpTo !== null && time <= state.handledUpTo) return false;
	const handledTime = state.handled[conversationKey(conversation.conversation_id)];
	if (handledTime === undefined || time > handledTime) return true;
	// After a message stamped in the future, the next real one looks older: still new.
	return handledTime > now + FUTURE_TOLERANCE_MS && time !== handledTime;
}

/** Read on while a page holds something new: a page of handled conversations ends a quiet poll. */
export function readOnWhileFresh(state: PollState, now: number) {
	return (page: LinkUpConversation[]) => page.length === 0 || page.some((c) => isFresh(c, state, now));
}

/**
 * After a refused cursor: list from the top, passing over `depth` handled conversations to reach
 * the rest of the burst, then read on while pages hold something new.
 */
export function passOver(state: PollState, now: number, depth: number) {
	const passed = (listed: LinkUpConversation[]) => listed.filter((c) => !isFresh(c, state, now)).length;
	return {
		count: (listed: LinkUpConversation[]) => Math.min(PASS_PAGE_SIZE, Math.max(POLL_PAGE_SIZE, depth - passed(listed))),
		readOn: (page: LinkUpConversation[], listed: LinkUpConversation[]) =>
			passed(listed) < depth || readOnWhileFresh(state, now)(page),
	};
}

function passesOptions(conversation: LinkUpConversation, options: TriggerOptions): boolean {
	if (!options.includeOwnLastMessage && conversation.last_message?.sender?.is_me === true) return false;
	if (!options.includeSponsored && String(conversation.type ?? '').toLowerCase() === 'sponsored') return false;
	return true;
}

/** What the trigger would emit from a fresh start: unread, keyable, and allowed by the options. */
export function isEmittable(conversation: LinkUpConversation, options: TriggerOptions): boolean {
	return Number(conversation.unread) > 0 && isKeyable(conversation) && passesOptions(conversation, options);
}

const oldestFirst = (a: LinkUpConversation, b: LinkUpConversation) =>
	conversationTime(a) - conversationTime(b) || String(a.conversation_id).localeCompare(String(b.conversation_id));

const listedIn = (scan: Scan | undefined) => scan?.pages.flat() ?? [];
const oldestTime = (conversations: LinkUpConversation[], fallback: number | null): number | null => {
	const times = conversations.map(conversationTime).filter(Number.isFinite);
	return times.length > 0 ? Math.min(fallback ?? Infinity, ...times) : fallback;
};

/**
 * The first poll: what is unread now is not new. Everything at or before the newest message it
 * listed (never past the poll's clock, so a message stamped in the future cannot silence the
 * trigger) counts as handled; the listed pairs themselves too.
 */
export function seed(top: Scan, { accountId, now }: PollContextInfo): PollState {
	const listed = listedIn(top).filter(isKeyable);
	const newest = listed.length > 0 ? Math.max(...listed.map(conversationTime)) : now;
	const handled = Object.fromEntries(listed.map((c) => [conversationKey(c.conversation_id), conversationTime(c)]));
	const state: PollState = { v: POLL_STATE_VERSION, accountId, handledUpTo: Math.min(now, newest), handled, backlog: [] };
	return bounded(state);
}

/** The trigger's decision after the first poll: (stored state, what was listed) → (items, next state). */
export function decidePoll(
	state: PollState,
	listing: PollListing,
	options: TriggerOptions,
	{ now }: PollContextInfo,
): PollDecision {
	const everything = [listing.top, ...listing.backlog.map((b) => b.scan)].flatMap(listedIn);
	const fresh = new Map<string, LinkUpConversation>();
	for (const conversation of everything) {
		if (!isFresh(conversation, state, now)) continue;
		const kept = fresh.get(conversation.conversation_id);
		if (!kept || conversationTime(kept) < conversationTime(conversation)) fresh.set(conversation.conversation_id, conversation);
	}
	const handled = { ...state.handled };
	for (const conversation of fresh.values()) handled[conversationKey(conversation.conversation_id)] = conversationTime(conversation);
	const arrivals = listedIn(listing.top).filter((c) => isFresh(c, state, now)).length;
	return {
		emit: [...fresh.values()].filter((c) => passesOptions(c, options)).sort(oldestFirst),
		next: bounded({ ...state, handled, backlog: nextBacklog(listing, arrivals) }),
	};
}

/** Where the rest of every burst still waits: new cut-short listings first, drained ones gone. */
function nextBacklog(listing: PollListing, arrivals: number): Backlog[] {
	const backlog: Backlog[] = [];
	const { top } = listing;
	if (top.end === 'budget') {
		backlog.push({ cursor: top.next ?? null, depth: listedIn(top).length, above: oldestTime(listedIn(top), null) });
	}
	for (const { backlog: stored, scan, refused } of listing.backlog) {
		// New conversations on top push everything below them down.
		const pushedDown = { ...stored, cursor: refused ? null : stored.cursor, depth: stored.depth + arrivals };
		if (!scan || (scan.end === 'budget' && scan.next === undefined)) backlog.push(pushedDown);
		else if (scan.end === 'budget') {
			const listed = listedIn(scan);
			const depth = refused ? listed.length : pushedDown.depth + listed.length;
			backlog.push({ cursor: scan.next!, depth, above: oldestTime(listed, stored.above) });
		}
	}
	while (backlog.length > MAX_BACKLOG) {
		// The two oldest become one: listing again from the top passes over everything above it.
		const older = backlog.pop()!;
		const newer = backlog.pop()!;
		const above = older.above === null || newer.above === null ? null : Math.min(older.above, newer.above);
		backlog.push({ cursor: null, depth: Math.max(older.depth, newer.depth), above });
	}
	return backlog;
}

/**
 * Keeps `handled` under MAX_HANDLED entries: the oldest are forgotten and `handledUpTo` rises to
 * them, except up to the messages listed above a waiting backlog (the rest of a burst may be
 * just below them): during a burst larger than MAX_HANDLED the state grows until it is drained.
 */
function bounded(state: PollState): PollState {
	const upTo = state.handledUpTo;
	const entries = Object.entries(state.handled)
		.filter(([, time]) => upTo === null || time > upTo)
		.sort(([, a], [, b]) => b - a);
	let handledUpTo = upTo;
	let kept = entries;
	if (entries.length > MAX_HANDLED) {
		// A backlog with nothing listed above it (above: null) keeps everything until it is drained.
		const guard = Math.min(...state.backlog.map((b) => b.above ?? -Infinity)) - 1;
		const cut = Math.min(entries[MAX_HANDLED][1], guard);
		if (cut > (upTo ?? -Infinity)) {
			handledUpTo = cut;
			kept = entries.filter(([, time]) => time > cut);
		}
	}
	return { ...state, handledUpTo, handled: Object.fromEntries(kept) };
}
