/**
 * What the trigger stores between polls (workflow static data): JSON values only, bounded.
 *
 * A message is handled when its (conversation, last message time) pair is in `handled`, or when
 * its time is at or before `handledUpTo`. Nothing else counts: a conversation the trigger did not
 * list is never assumed handled because of where it would sit in LinkUp's order.
 */
export const POLL_STATE_VERSION = 3;

export interface PollState {
	v: typeof POLL_STATE_VERSION;
	/** The account this state belongs to: another account starts afresh. */
	accountId: string;
	/**
	 * Messages at or before this time count as handled: the time of activation (the messages then
	 * unread are not new), raised only when old `handled` entries are forgotten. null: no bound
	 * (Emit Existing on First Poll).
	 */
	handledUpTo: number | null;
	/** conversationKey(conversation_id) → last message time handled (emitted, or skipped by the options). */
	handled: Record<string, number>;
	/** Listings the budget cut short, newest first: where the rest of each burst still waits. */
	backlog: Backlog[];
}

export interface Backlog {
	/** Where the listing goes on; null when LinkUp refused the cursor: list again from the top. */
	cursor: string | null;
	/** About how many conversations sit above the cursor: passed over when listing again from the top. */
	depth: number;
	/** Handled conversations still to pass over after the cursor before the rest of the burst. */
	skip: number;
}

/** Conversations per page: LinkUp bills 1 credit per 10, so a quiet poll costs exactly 1. */
export const POLL_PAGE_SIZE = 10;
/** Page size while passing again over conversations already handled (a refused cursor). */
export const PASS_PAGE_SIZE = 100;
/** Requests one poll may make; the rest of a larger burst waits in the backlog for the next polls. */
export const MAX_REQUESTS_PER_POLL = 20;
/** Share of n8n's poll time budget (n8n 2.x) the listing may use. */
export const POLL_TIME_SHARE = 0.6;
/** Keeps the stored state under ~22 KB (about 30 bytes a pair) whatever the inbox size or uptime, outside a burst. */
export const MAX_HANDLED = 700;
export const MAX_BACKLOG = 5;

/** A state with nothing handled: every unread conversation is new (Emit Existing on First Poll). */
export function emptyPollState(accountId: string): PollState {
	return { v: POLL_STATE_VERSION, accountId, handledUpTo: null, handled: {}, backlog: [] };
}

const isTime = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);
const isTimeOrNull = (value: unknown): value is number | null => value === null || isTime(value);
const isBacklog = (value: unknown): value is Backlog => {
	const backlog = value as Backlog;
	return (
		typeof backlog === 'object' &&
		backlog !== null &&
		(backlog.cursor === null || (typeof backlog.cursor === 'string' && backlog.cursor !== '')) &&
		Number.isSafeInteger(backlog.depth) &&
		backlog.depth >= 0 &&
		Number.isSafeInteger(backlog.skip) &&
		backlog.skip >= 0
	);
};

/**
 * The stored state if it is ours for this account, else `undefined` (the next poll seeds). A
 * version 2 state (0.1.0) carries over: its handled pairs stay handled, and everything up to the
 * newest message it saw (never past the poll's clock) too, so an update neither repeats nor loses.
 */
export function readPollState(
	stored: unknown,
	accountId: string,
	now: number,
): PollState | undefined {
	const state = (fromVersion2(stored, now) ?? stored) as Partial<PollState> | undefined;
	if (typeof state !== 'object' || state === null) return undefined;
	if (
		state.v !== POLL_STATE_VERSION ||
		state.accountId !== accountId ||
		!isTimeOrNull(state.handledUpTo)
	)
		return undefined;
	if (
		typeof state.handled !== 'object' ||
		state.handled === null ||
		!Object.values(state.handled).every(isTime)
	)
		return undefined;
	if (!Array.isArray(state.backlog) || !state.backlog.every(isBacklog)) return undefined;
	return {
		v: POLL_STATE_VERSION,
		accountId,
		handledUpTo: state.handledUpTo,
		handled: { ...state.handled },
		backlog: state.backlog.map((backlog) => ({ ...backlog })),
	};
}

function fromVersion2(stored: unknown, now: number): PollState | undefined {
	const old = stored as
		{ v?: unknown; accountId?: unknown; newest?: unknown; seen?: unknown } | undefined;
	if (typeof old !== 'object' || old === null || old.v !== 2 || typeof old.accountId !== 'string')
		return undefined;
	if (!isTimeOrNull(old.newest) || typeof old.seen !== 'object' || old.seen === null)
		return undefined;
	const handledUpTo = old.newest === null ? now : Math.min(old.newest, now);
	return {
		v: POLL_STATE_VERSION,
		accountId: old.accountId,
		handledUpTo,
		handled: old.seen as Record<string, number>,
		backlog: [],
	};
}
