/**
 * The API's order and paging: newest activity first (`activityOf`), ties by conversation_id
 * descending; a cursor is base64("DESCENDING&<activity ms>&<conversation_id>") of the last
 * conversation returned, optionally followed by "&<nonce>" (a sandbox issue number, see cursors.ts).
 */
import type { Category, SandboxConversation } from './types';

export interface CursorPosition {
	/** the activity (epoch ms) of the position; without bumps, last_message.time */
	time: number;
	conversationId: string;
	/** the issue number the sandbox put in the cursor; absent in a cursor made by encodeCursor(time, id) */
	nonce?: number;
}

export function encodeCursor(time: number, conversationId: string, nonce?: number): string {
	const extra = nonce === undefined ? '' : `&${nonce}`;
	return Buffer.from(`DESCENDING&${time}&${conversationId}${extra}`, 'utf8').toString('base64');
}

/** undefined when the string is not a cursor this sandbox could have produced */
export function decodeCursor(cursor: string): CursorPosition | undefined {
	if (cursor.length === 0 || cursor.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(cursor)) {
		return undefined;
	}
	const text = Buffer.from(cursor, 'base64').toString('utf8');
	const m = /^DESCENDING&(\d{1,16})&([^&]*)(?:&(\d{1,16}))?$/.exec(text);
	if (!m) return undefined;
	const time = Number(m[1]);
	if (!Number.isSafeInteger(time)) return undefined;
	if (m[3] === undefined) return { time, conversationId: m[2] };
	const nonce = Number(m[3]);
	return Number.isSafeInteger(nonce) ? { time, conversationId: m[2], nonce } : undefined;
}

/** Where a conversation sits in the order: its sandbox-only `activity`, else last_message.time. */
export function activityOf(c: SandboxConversation): number {
	return c.activity ?? c.last_message.time;
}

/** Sort comparator for the API order (negative: a comes first). */
export function compareConversations(a: SandboxConversation, b: SandboxConversation): number {
	const dt = activityOf(b) - activityOf(a);
	if (dt !== 0) return dt;
	if (a.conversation_id === b.conversation_id) return 0;
	return a.conversation_id < b.conversation_id ? 1 : -1;
}

/** true when c comes strictly after the cursor position in the API order */
export function isAfter(c: SandboxConversation, pos: CursorPosition): boolean {
	const t = activityOf(c);
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
