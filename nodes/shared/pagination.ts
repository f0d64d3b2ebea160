/**
 * The cursor to request next, or `undefined` when the listing is over. Ends on a null,
 * missing or empty cursor, an empty page, or a cursor already sent (a server bug that
 * would otherwise loop forever and bill every lap).
 */
export function nextInboxCursor(
	page: { conversations?: unknown; next_cursor?: unknown } | undefined,
	sentCursors: readonly string[],
): string | undefined {
	const cursor = pageCursor(page);
	if (cursor === undefined) return undefined;
	if (!Array.isArray(page?.conversations) || page.conversations.length === 0) return undefined;
	if (sentCursors.includes(cursor)) return undefined;
	return cursor;
}

/** The page's `next_cursor` when it names a next page: null, missing and '' all end the listing. */
export function pageCursor(page: { next_cursor?: unknown } | undefined): string | undefined {
	const cursor = page?.next_cursor;
	return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}

/** Credits LinkUp bills for one response: 1 per started block of 10 conversations. */
export function creditsFor(conversations: number, perCredit = 10): number {
	return Math.ceil(Math.max(0, conversations) / perCredit);
}

/** `params.count` for the next page: the whole remainder of a Limit, or a full page for Return All. */
export function nextPageCount(limit: number | undefined, collected: number, pageSize: number): number {
	return limit === undefined ? pageSize : Math.max(1, limit - collected);
}

/** Conversations in listing order, each once (a conversation that moved between pages is kept at its first place). */
export function uniqueConversations<T extends { conversation_id?: unknown }>(conversations: T[]): T[] {
	const seen = new Set<unknown>();
	return conversations.filter((conversation) => {
		const id = conversation.conversation_id;
		if (id === undefined || id === null) return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}
