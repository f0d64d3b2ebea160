/** `params.count` for the next page: the whole remainder of a Limit, or a full page for Return All. */
export function nextPageCount(
	limit: number | undefined,
	collected: number,
	pageSize: number,
): number {
	return limit === undefined ? pageSize : Math.max(1, limit - collected);
}

/** Conversations in listing order, each once (a conversation that moved between pages is kept at its first place). */
export function uniqueConversations<T extends { conversation_id?: unknown }>(
	conversations: T[],
): T[] {
	const seen = new Set<unknown>();
	return conversations.filter((conversation) => {
		const id = conversation.conversation_id;
		if (id === undefined || id === null) return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}
