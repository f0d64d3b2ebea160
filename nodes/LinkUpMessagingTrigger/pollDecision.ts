import type { LinkUpConversation } from '../shared/types';
import { conversationKey } from './conversationKey';
import {
	LATE_ARRIVAL_WINDOW_MS,
	MAX_RANGES,
	MAX_SEEN,
	emptyPollState,
	type PollState,
	type Resume,
	type TimeRange,
} from './pollState';
import { inRanges, mergeRanges } from './timeRanges';

export interface TriggerOptions {
	includeOwnLastMessage: boolean;
	includeSponsored: boolean;
}

/** One listing run of UNREAD conversations, newest first, and how it ended. */
export interface Scan {
	pages: LinkUpConversation[][];
	/** LinkUp said there is nothing after the last page. */
	ended: boolean;
	/** The page budget ran out: the cursor to continue from. */
	next?: string;
}

/** What a poll listed: from the newest unread conversation down, then the resumed rest of a burst. */
export interface PollListing {
	top: Scan;
	resume?: Scan;
	/** LinkUp refused the stored resume cursor: resume from the top next time. */
	resumeRefused?: boolean;
}

export interface PollDecision {
	/** Conversations to emit, oldest first; none on the seeding poll. */
	emit: LinkUpConversation[];
	next: PollState;
}

export function conversationTime(conversation: LinkUpConversation): number {
	const time = Number(conversation.last_message?.time);
	return Number.isFinite(time) ? time : Number.NaN;
}

/** Past the late-arrival window (or forgotten from `seen`), the handled ranges decide. */
function settledUpTo(state: PollState): number {
	const windowStart = state.newest === null ? -Infinity : state.newest - LATE_ARRIVAL_WINDOW_MS;
	return Math.max(windowStart, state.forgottenUpTo ?? -Infinity);
}

/** Without an id and a time there is no (conversation, time) pair: such an entry is ignored. */
export function isKeyable(conversation: LinkUpConversation): boolean {
	return typeof conversation.conversation_id === 'string' && !Number.isNaN(conversationTime(conversation));
}

/** Unread, keyable, and its (conversation, last message time) pair not handled before. */
export function isFresh(conversation: LinkUpConversation, state: PollState): boolean {
	if (!(Number(conversation.unread) > 0) || !isKeyable(conversation)) return false;
	const time = conversationTime(conversation);
	const handledTime = state.seen[conversationKey(conversation.conversation_id)];
	if (handledTime !== undefined && handledTime >= time) return false;
	return !(time <= settledUpTo(state) && inRanges(time, state.handled));
}

/** Top scan: read on only while everything on the page is fresh, so a quiet poll costs one page. */
export function shouldReadOn(page: LinkUpConversation[], state: PollState | undefined, listed: LinkUpConversation[]): boolean {
	if (page.length === 0) return true;
	if (state) return page.every((conversation) => !isKeyable(conversation) || isFresh(conversation, state));
	// Seeding: record the whole late-arrival window below the newest unread conversation.
	const newest = Math.max(...listed.map(conversationTime).filter(Number.isFinite));
	return page.every((conversation) => conversationTime(conversation) > newest - LATE_ARRIVAL_WINDOW_MS);
}

/** Resume scan: read on until the listing reaches the time the burst began after. */
export function shouldResumeOn(page: LinkUpConversation[], resume: Resume): boolean {
	const oldest = Math.min(...page.map(conversationTime).filter(Number.isFinite));
	return resume.until === null || !(oldest <= resume.until);
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

function timesOf(scan: Scan | undefined): number[] {
	return (scan?.pages.flat() ?? []).map(conversationTime).filter(Number.isFinite);
}

/** The trigger's whole decision: (stored state, what was listed, options) → (items, next state). */
export function decidePoll(
	state: PollState | undefined,
	listing: PollListing,
	options: TriggerOptions,
	accountId: string,
): PollDecision {
	const topTimes = timesOf(listing.top);
	const newest = topTimes.length > 0 ? Math.max(state?.newest ?? -Infinity, ...topTimes) : (state?.newest ?? null);
	const before = state ?? emptyPollState(accountId);
	const fresh = new Map<string, LinkUpConversation>();
	for (const conversation of [...listing.top.pages.flat(), ...(listing.resume?.pages.flat() ?? [])]) {
		if (!isFresh(conversation, before)) continue;
		const kept = fresh.get(conversation.conversation_id);
		if (!kept || conversationTime(kept) < conversationTime(conversation)) fresh.set(conversation.conversation_id, conversation);
	}
	const handledNow = [...fresh.values()];
	const emit = state ? handledNow.filter((c) => passesOptions(c, options)).sort(oldestFirst) : [];

	const { handled, resume } = coverage(state, before, listing, newest, topTimes);
	const seen = { ...before.seen };
	for (const conversation of state ? handledNow : listing.top.pages.flat()) {
		if (!isKeyable(conversation)) continue;
		seen[conversationKey(conversation.conversation_id)] = conversationTime(conversation);
	}
	return {
		emit,
		next: bounded({ v: 2, accountId, newest, handled, seen, forgottenUpTo: before.forgottenUpTo, resume }),
	};
}

/** The time ranges this poll's listing settled, and where the rest of a burst resumes. */
function coverage(
	state: PollState | undefined,
	before: PollState,
	listing: PollListing,
	newest: number | null,
	topTimes: number[],
): { handled: TimeRange[]; resume: Resume | null } {
	const ranges: TimeRange[] = [...before.handled];
	let resume = before.resume;
	if (newest !== null) {
		// Seeding settles everything below what it listed; later scans, what they listed.
		const topLow = !state || listing.top.ended ? null : topTimes.length > 0 ? Math.min(...topTimes) : newest;
		ranges.push([topLow, newest]);
	}
	if (listing.resume && resume) {
		const reached = listing.resume.ended || !listing.resume.next;
		const low = listing.resume.ended ? null : reached ? resume.until : Math.min(resume.from, ...timesOf(listing.resume));
		ranges.push([low, resume.from]);
		resume = reached ? null : { cursor: listing.resume.next!, from: low!, until: resume.until };
	}
	if (listing.resumeRefused && resume) resume = { ...resume, cursor: null };
	if (listing.top.next && state) {
		// The rest of this burst, and of any unfinished one below it (older `until`), resumes here.
		resume = { cursor: listing.top.next, from: Math.min(...topTimes), until: resume ? resume.until : state.newest };
	}
	return { handled: mergeRanges(ranges), resume };
}

/**
 * Drops `seen` entries the ranges already settle, then the oldest past MAX_SEEN. Past
 * MAX_RANGES the oldest gaps are closed: losing a deep-past gap beats re-emitting an inbox.
 */
function bounded(state: PollState): PollState {
	const settled = settledUpTo(state);
	const kept = Object.entries(state.seen)
		.filter(([, time]) => !(time <= settled && inRanges(time, state.handled)))
		.sort(([, a], [, b]) => b - a);
	const dropped = kept.slice(MAX_SEEN);
	const forgottenUpTo = dropped.length > 0 ? Math.max(state.forgottenUpTo ?? -Infinity, dropped[0][1]) : state.forgottenUpTo;
	return {
		...state,
		seen: Object.fromEntries(kept.slice(0, MAX_SEEN)),
		forgottenUpTo,
		handled: capRanges(state.handled),
	};
}

function capRanges(ranges: TimeRange[]): TimeRange[] {
	const capped = ranges.map(([lo, hi]): TimeRange => [lo, hi]);
	while (capped.length > MAX_RANGES) {
		const oldest = capped.pop()!;
		capped[capped.length - 1][0] = oldest[0];
	}
	return capped;
}
