/**
 * What the trigger stores between polls (workflow static data): JSON values only, bounded.
 * `seen` keys each handled conversation on its last message time, so equal timestamps,
 * read→unread flips and late arrivals inside the window are neither lost nor repeated.
 */
export interface PollState {
	v: 1;
	/** Newest `last_message.time` listed unread so far; null when nothing was unread yet. */
	newest: number | null;
	/** Times at or before this were dropped from `seen` to keep the state bounded. */
	forgottenUpTo: number | null;
	/** conversationKey(conversation_id) → last_message.time already handled (emitted or skipped). */
	seen: Record<string, number>;
	/** Unread parts of a burst larger than one poll's page budget, newest first. */
	backlog: BacklogSegment[];
}

export interface BacklogSegment {
	/** LinkUp cursor where listing resumes. */
	cursor: string;
	/** The newest time known before the burst: older conversations were handled then; null: none. */
	after: number | null;
}

/** Conversations per page: LinkUp bills 1 credit per 10, so a quiet poll costs exactly 1. */
export const POLL_PAGE_SIZE = 10;
/** Pages one poll may read; a larger burst finishes on the next polls (see backlog). */
export const MAX_PAGES_PER_POLL = 20;
/** A message listed this much older than the newest one known is still caught. */
export const LATE_ARRIVAL_WINDOW_MS = 5 * 60_000;
/** Keeps the stored state under 1,000 keys whatever the inbox size or uptime. */
export const MAX_SEEN = 900;
export const MAX_BACKLOG = 20;

export function emptyPollState(): PollState {
	return { v: 1, newest: null, forgottenUpTo: null, seen: {}, backlog: [] };
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isTimeOrNull = (value: unknown): value is number | null => value === null || isTime(value);

/** The stored state if it has our shape, else `undefined` (never polled, or written by another version). */
export function readPollState(stored: unknown): PollState | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const state = stored as Partial<PollState>;
	if (state.v !== 1 || !isTimeOrNull(state.newest) || !isTimeOrNull(state.forgottenUpTo)) return undefined;
	if (typeof state.seen !== 'object' || state.seen === null || !Array.isArray(state.backlog)) return undefined;
	if (!Object.values(state.seen).every(isTime)) return undefined;
	const backlog = state.backlog.filter(
		(segment) => typeof segment?.cursor === 'string' && segment.cursor !== '' && isTimeOrNull(segment.after),
	);
	return {
		v: 1,
		newest: state.newest,
		forgottenUpTo: state.forgottenUpTo,
		seen: { ...state.seen },
		backlog: backlog.map(({ cursor, after }) => ({ cursor, after })),
	};
}
