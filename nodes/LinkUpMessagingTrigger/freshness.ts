import type { LinkUpConversation } from '../shared/types';
import { conversationKey } from './conversationKey';
import type { PollState } from './pollState';

/** A stored time this far ahead of the poll's clock is a mis-stamped message, not an order point. */
const FUTURE_TOLERANCE_MS = 60 * 60_000;

export function conversationTime(conversation: LinkUpConversation): number {
	const time = Number(conversation.last_message?.time);
	return Number.isFinite(time) ? time : Number.NaN;
}

/** Without an id and a time there is no (conversation, time) pair: such an entry is ignored. */
export function isKeyable(conversation: LinkUpConversation): boolean {
	return (
		typeof conversation.conversation_id === 'string' &&
		!Number.isNaN(conversationTime(conversation))
	);
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
	return (page: LinkUpConversation[]) =>
		page.length === 0 || page.some((c) => isFresh(c, state, now));
}

/**
 * Below a backlog's cursor the rest of a burst comes first, then what was there before it: no
 * handled conversation moves into that stretch (a reaction or an edit moves one to the top), so
 * the first page that is not all new is the last one to read.
 */
export function readOnWhileAllFresh(state: PollState, now: number) {
	return (page: LinkUpConversation[]) => page.every((c) => isFresh(c, state, now));
}
