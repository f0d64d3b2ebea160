/**
 * The cursors the sandbox hands out, and which of them it refuses as expired
 * (`sandbox.expireCursors()`, the `cursorTtlMs` start option). Only cursors this sandbox issued
 * can expire: a cursor made by hand with encodeCursor(time, id) never does.
 */
import { encodeCursor, type CursorPosition } from './order';

export const CURSOR_EXPIRED_MESSAGE = 'params.cursor has expired; list again without a cursor';

interface Issue {
	/** how many expireAll() calls had happened when it was issued */
	generation: number;
	/** Date.now() when it was issued */
	issuedAt: number;
}

export class CursorBook {
	private issued = new Map<string, Issue>();
	private generation = 0;
	private nonce = 0;

	/** `ttlMs`: a cursor is refused once that many ms (wall clock) have passed since it was issued */
	constructor(private readonly ttlMs?: number) {
		if (ttlMs !== undefined && !(typeof ttlMs === 'number' && ttlMs > 0)) {
			throw new TypeError('cursorTtlMs must be a number > 0');
		}
	}

	/**
	 * A cursor for `pos`: exactly encodeCursor(time, id), as always, unless it must be told apart
	 * from another cursor at the same position (`fresh`, a TTL, or after expireAll()); then it
	 * carries a nonce no cursor had before.
	 */
	issue(pos: CursorPosition, fresh = false): string {
		const withNonce = fresh || this.generation > 0 || this.ttlMs !== undefined;
		const cursor = encodeCursor(pos.time, pos.conversationId, withNonce ? ++this.nonce : undefined);
		this.issued.set(cursor, { generation: this.generation, issuedAt: Date.now() });
		return cursor;
	}

	/** Every cursor issued so far is refused from now on. */
	expireAll(): void {
		this.generation += 1;
	}

	/** true when this sandbox issued the cursor and it has expired since */
	isExpired(cursor: string): boolean {
		const issue = this.issued.get(cursor);
		if (!issue) return false;
		if (issue.generation < this.generation) return true;
		return this.ttlMs !== undefined && Date.now() - issue.issuedAt >= this.ttlMs;
	}

	/** Forgets every issued cursor (none is expired any more); plain cursors again. Nonces keep counting. */
	reset(): void {
		this.issued.clear();
		this.generation = 0;
	}
}
