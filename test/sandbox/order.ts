/**
 * The API's order and paging: last_message.time descending, ties by conversation_id descending;
 * a cursor is base64("DESCENDING&<time ms>&<conversation_id>") of the last conversation returned.
 */
import type { Category, SandboxConversation } from './types';

export interface CursorPosition {
	time: number;
	conversationId: string;
}

export function encodeCursor(time: number, conversationId: string): string {
	return Buffer.from(`DESCENDING&${time}&${conversationId}`, 'utf8').toString('base64');
}

/** undefined when the string is not a cursor this sandbox could have produced */
export function decodeCursor(cursor: string): CursorPosition | undefined {
	if (cursor.length === 0 || cursor.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) {
		return undefined;
	}
	const m = /^DESCENDING&(\d{1,16})&([^&]*)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
	if (!m) return undefined;
	const time = Number(m[1]);
	return Number.isSafeInteger(time) ? { time, conversationId: m[2] } : undefined;
}

/** Sort comparator for the API order (negative: a comes first). */
export function compareConversations(a: SandboxConversation, b: SandboxConversation): number {
	const dt = b.last_message.time - a.last_message.time;
	if (dt !== 0) return dt;
	if (a.conversation_id === b.conversation_id) return 0;
	return a.conversation_id < b.conversation_id ? 1 : -1;
}

/** true when c comes strictly after the cursor position in the API order */
export function isAfter(c: SandboxConversation, pos: CursorPosition): boolean {
	const t = c.last_message.time;
	return t < pos.time || (t === pos.time && c.conversation_id < pos.conversationId);
}

export function inCategory(c: SandboxConversation, category: Category): boolean {
	switch (category) {
		case 'INBOX':
			return true;
		case 'UNREAD':
			return c.unread > 0;
		case 'MY_CONNECTIONS':
			return c.connection === true;
		case 'INMAIL':
			return c.type === 'inmail';
		case 'STARRED':
			return c.starred === true;
	}
}
