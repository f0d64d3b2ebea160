/**
 * What the trigger stores between polls (workflow static data): JSON values only, bounded.
 * A conversation is handled when its (conversation, last message time) pair is in `seen`, or
 * when its time lies in a `handled` range older than the late-arrival window.
 */
export interface PollState {
	v: 2;
	/** The account this state belongs to: another account starts afresh. */
	accountId: string;
	/** Newest `last_message.time` listed unread so far; null when nothing was unread yet. */
	newest: number | null;
	/** Time ranges [lo, hi] (lo null: no lower end) whose unread conversations were all handled; newest first, disjoint. */
	handled: TimeRange[];
	/** conversationKey(conversation_id) → last_message.time handled (emitted or skipped), in the window. */
	seen: Record<string, number>;
	/** Entries dropped from `seen` to keep it bounded were at or before this time. */
	forgottenUpTo: number | null;
	/** The unlisted rest of a burst larger than one poll's budget. */
	resume: Resume | null;
}

export type TimeRange = [lo: number | null, hi: number];

export interface Resume {
	/** Where listing resumes; null: LinkUp refused the cursor, so list from the top. */
	cursor: string | null;
	/** Time of the last conversation listed before the budget ran out. */
	from: number;
	/** Listing may stop at a conversation this old: the burst began after it (null: never). */
	until: number | null;
}

/** Conversations per page: LinkUp bills 1 credit per 10, so a quiet poll costs exactly 1. */
export const POLL_PAGE_SIZE = 10;
/** Pages one poll may read; a larger burst finishes on the next polls (see Resume). */
export const MAX_PAGES_PER_POLL = 20;
/** A message listed up to this much older than the newest one known is still caught. */
export const LATE_ARRIVAL_WINDOW_MS = 5 * 60_000;
/** Keeps the stored state under 1,000 keys whatever the inbox size or uptime. */
export const MAX_SEEN = 900;
export const MAX_RANGES = 20;

export function emptyPollState(accountId: string): PollState {
	return { v: 2, accountId, newest: null, handled: [], seen: {}, forgottenUpTo: null, resume: null };
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isTimeOrNull = (value: unknown): value is number | null => value === null || isTime(value);
const isRange = (value: unknown): value is TimeRange =>
	Array.isArray(value) && value.length === 2 && isTimeOrNull(value[0]) && isTime(value[1]);
const isResume = (value: unknown): value is Resume => {
	const resume = value as Resume;
	return (
		typeof resume === 'object' &&
		resume !== null &&
		(resume.cursor === null || (typeof resume.cursor === 'string' && resume.cursor !== '')) &&
		isTime(resume.from) &&
		isTimeOrNull(resume.until)
	);
};

/** The stored state if it is ours for this account, else `undefined` (the next poll seeds). */
export function readPollState(stored: unknown, accountId: string): PollState | undefined {
	const state = stored as Partial<PollState> | undefined;
	if (typeof state !== 'object' || state === null || state.v !== 2 || state.accountId !== accountId) return undefined;
	if (!isTimeOrNull(state.newest) || !isTimeOrNull(state.forgottenUpTo)) return undefined;
	if (!Array.isArray(state.handled) || !state.handled.every(isRange)) return undefined;
	if (typeof state.seen !== 'object' || state.seen === null || !Object.values(state.seen).every(isTime)) return undefined;
	if (state.resume !== null && !isResume(state.resume)) return undefined;
	return {
		v: 2,
		accountId,
		newest: state.newest,
		handled: state.handled.map(([lo, hi]) => [lo, hi]),
		seen: { ...state.seen },
		forgottenUpTo: state.forgottenUpTo,
		resume: state.resume ? { ...state.resume } : null,
	};
}
