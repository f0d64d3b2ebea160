import type { LinkUpConversation } from '../shared/types';
import { listedIn, nextBacklog, type PollListing, type Scan } from './backlog';
import { conversationKey } from './conversationKey';
import { conversationTime, isFresh, isKeyable } from './freshness';
import { MAX_HANDLED, POLL_STATE_VERSION, type PollState } from './pollState';

export interface TriggerOptions {
	includeOwnLastMessage: boolean;
	includeSponsored: boolean;
}

/** What the decision knows besides the state: the account polled and the poll's clock. */
interface PollContextInfo {
	accountId: string;
	now: number;
}

interface PollDecision {
	/** Conversations to emit, oldest first; none on the seeding poll. */
	emit: LinkUpConversation[];
	next: PollState;
}

function passesOptions(conversation: LinkUpConversation, options: TriggerOptions): boolean {
	if (!options.includeOwnLastMessage && conversation.last_message?.sender?.is_me === true)
		return false;
	if (!options.includeSponsored && String(conversation.type ?? '').toLowerCase() === 'sponsored')
		return false;
	return true;
}

/** What the trigger would emit from a fresh start: unread, keyable, and allowed by the options. */
export function isEmittable(conversation: LinkUpConversation, options: TriggerOptions): boolean {
	return (
		Number(conversation.unread) > 0 &&
		isKeyable(conversation) &&
		passesOptions(conversation, options)
	);
}

const oldestFirst = (a: LinkUpConversation, b: LinkUpConversation) =>
	conversationTime(a) - conversationTime(b) ||
	String(a.conversation_id).localeCompare(String(b.conversation_id));

/**
 * The first poll: what is unread now is not new. Everything at or before the newest message it
 * listed (never past the poll's clock, so a message stamped in the future cannot silence the
 * trigger) counts as handled; the listed pairs themselves too.
 */
export function seed(top: Scan, { accountId, now }: PollContextInfo): PollState {
	const listed = listedIn(top).filter(isKeyable);
	const newest = listed.length > 0 ? Math.max(...listed.map(conversationTime)) : now;
	const handled = Object.fromEntries(
		listed.map((c) => [conversationKey(c.conversation_id), conversationTime(c)]),
	);
	const state: PollState = {
		v: POLL_STATE_VERSION,
		accountId,
		handledUpTo: Math.min(now, newest),
		handled,
		backlog: [],
	};
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
		if (!kept || conversationTime(kept) < conversationTime(conversation))
			fresh.set(conversation.conversation_id, conversation);
	}
	const handled = { ...state.handled };
	for (const conversation of fresh.values())
		handled[conversationKey(conversation.conversation_id)] = conversationTime(conversation);
	return {
		emit: [...fresh.values()].filter((c) => passesOptions(c, options)).sort(oldestFirst),
		next: bounded({ ...state, handled, backlog: nextBacklog(listing, state, now) }),
	};
}

/**
 * Keeps `handled` under MAX_HANDLED pairs: the oldest are forgotten and `handledUpTo` rises to
 * them. Never while a backlog waits: the rest of a burst is older than what was listed above it,
 * so the state grows with a burst larger than MAX_HANDLED until the burst is drained.
 */
function bounded(state: PollState): PollState {
	const upTo = state.handledUpTo;
	const entries = Object.entries(state.handled)
		.filter(([, time]) => upTo === null || time > upTo)
		.sort(([, a], [, b]) => b - a);
	if (entries.length <= MAX_HANDLED || state.backlog.length > 0)
		return { ...state, handled: Object.fromEntries(entries) };
	const cut = entries[MAX_HANDLED][1];
	return {
		...state,
		handledUpTo: cut,
		handled: Object.fromEntries(entries.filter(([, time]) => time > cut)),
	};
}
