import type { LinkUpConversation } from '../shared/types';
import { conversationKey } from './conversationKey';
import {
	LATE_ARRIVAL_WINDOW_MS,
	MAX_BACKLOG,
	MAX_SEEN,
	type BacklogSegment,
	type PollState,
} from './pollState';

export interface TriggerOptions {
	includeOwnLastMessage: boolean;
	includeSponsored: boolean;
}

/** One listing run of UNREAD conversations, newest first, and where it stopped. */
export interface Scan {
	pages: LinkUpConversation[][];
	/** Set when the page budget ran out with more to read: where to resume next poll. */
	resumeCursor?: string;
}

/** What a poll listed: from the newest unread down (`top`), then resumed backlog segments. */
export interface PollListing {
	top: Scan;
	backlog: Array<{ segment: BacklogSegment; scan: Scan }>;
}

export interface PollDecision {
	/** Conversations to emit, oldest first; empty on the first (seeding) poll. */
	emit: LinkUpConversation[];
	next: PollState;
}

export function conversationTime(conversation: LinkUpConversation): number {
	const time = Number(conversation.last_message?.time);
	return Number.isFinite(time) ? time : Number.NaN;
}

/**
 * Conversations at or before the horizon were handled by an earlier poll. Seeding (no state)
 * takes the newest unread one as the reference, so a first poll records a full window.
 */
export function horizonFor(state: PollState | undefined, listed: LinkUpConversation[] = []): number {
	const newest = state ? state.newest : Math.max(...listed.map(conversationTime).filter(Number.isFinite));
	const windowStart = newest === null || !Number.isFinite(newest) ? -Infinity : newest - LATE_ARRIVAL_WINDOW_MS;
	return Math.max(windowStart, state?.forgottenUpTo ?? -Infinity);
}

/**
 * The horizon inside a backlog segment: the newest conversation known before its burst.
 * Not the late-arrival window: `seen` may have forgotten those pairs while the burst went on.
 */
export function segmentHorizon(segment: BacklogSegment): number {
	return segment.after ?? -Infinity;
}

/** Unread, with a last message newer than the horizon that was not handled before. */
export function isFresh(
	conversation: LinkUpConversation,
	horizon: number,
	seen: Record<string, number>,
): boolean {
	const time = conversationTime(conversation);
	const handledTime = seen[conversationKey(conversation.conversation_id)];
	return (
		Number(conversation.unread) > 0 &&
		time > horizon &&
		!(handledTime !== undefined && handledTime >= time)
	);
}

/** Read the next page only while everything on this one is fresh: a quiet poll costs 1 page. */
export function shouldReadNextPage(
	page: LinkUpConversation[],
	horizon: number,
	seen: Record<string, number>,
): boolean {
	return page.length > 0 && page.every((conversation) => isFresh(conversation, horizon, seen));
}

function passesOptions(conversation: LinkUpConversation, options: TriggerOptions): boolean {
	if (!options.includeOwnLastMessage && conversation.last_message?.sender?.is_me === true) return false;
	if (!options.includeSponsored && String(conversation.type ?? '').toLowerCase() === 'sponsored') return false;
	return true;
}

/** The trigger's whole decision: (stored state, what was listed, options) → (items, next state). */
export function decidePoll(
	state: PollState | undefined,
	listing: PollListing,
	options: TriggerOptions,
): PollDecision {
	const seeding = state === undefined;
	const seen = state?.seen ?? {};
	const horizon = horizonFor(state, listing.top.pages.flat());
	const fresh = new Map<string, LinkUpConversation>();
	const collect = (pages: LinkUpConversation[][], after: number) => {
		for (const conversation of pages.flat()) {
			if (!isFresh(conversation, after, seen)) continue;
			const kept = fresh.get(conversation.conversation_id);
			if (!kept || conversationTime(kept) < conversationTime(conversation)) {
				fresh.set(conversation.conversation_id, conversation);
			}
		}
	};
	collect(listing.top.pages, horizon);
	for (const { segment, scan } of listing.backlog) {
		collect(scan.pages, segmentHorizon(segment));
	}

	const handled = [...fresh.values()];
	const emit = seeding
		? []
		: handled
				.filter((conversation) => passesOptions(conversation, options))
				.sort(
					(a, b) =>
						conversationTime(a) - conversationTime(b) ||
						a.conversation_id.localeCompare(b.conversation_id),
				);

	const listedTimes = listing.top.pages.flat().map(conversationTime).filter(Number.isFinite);
	const newest = listedTimes.length > 0 ? Math.max(state?.newest ?? -Infinity, ...listedTimes) : (state?.newest ?? null);
	const nextSeen: Record<string, number> = { ...seen };
	for (const conversation of handled) {
		nextSeen[conversationKey(conversation.conversation_id)] = conversationTime(conversation);
	}

	return {
		emit,
		next: boundState({
			v: 1,
			newest,
			forgottenUpTo: state?.forgottenUpTo ?? null,
			seen: nextSeen,
			backlog: seeding ? [] : nextBacklog(state.backlog, listing, state.newest),
		}),
	};
}

function nextBacklog(backlog: BacklogSegment[], listing: PollListing, newestBefore: number | null): BacklogSegment[] {
	const resumed = new Map(listing.backlog.map(({ segment, scan }) => [segment.cursor, scan.resumeCursor]));
	const next: BacklogSegment[] = [];
	if (listing.top.resumeCursor) {
		next.push({ cursor: listing.top.resumeCursor, after: newestBefore });
	}
	for (const segment of backlog) {
		const resumeCursor = resumed.get(segment.cursor);
		if (!resumed.has(segment.cursor)) next.push(segment);
		else if (resumeCursor) next.push({ cursor: resumeCursor, after: segment.after });
	}
	return next.slice(0, MAX_BACKLOG);
}

/** Drops what the horizon already covers, then the oldest entries past MAX_SEEN. */
function boundState(state: PollState): PollState {
	const horizon = horizonFor(state);
	const kept = Object.entries(state.seen)
		.filter(([, time]) => time > horizon)
		.sort(([, a], [, b]) => b - a);
	const dropped = kept.slice(MAX_SEEN);
	const forgottenUpTo = dropped.length
		? Math.max(state.forgottenUpTo ?? -Infinity, dropped[0][1])
		: state.forgottenUpTo;
	return { ...state, forgottenUpTo, seen: Object.fromEntries(kept.slice(0, MAX_SEEN)) };
}
