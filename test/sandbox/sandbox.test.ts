import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
	CURSOR_EXPIRED_MESSAGE,
	decodeCursor,
	encodeCursor,
	realisticInbox,
	startSandbox,
} from './index';
import type { Conversation, Sandbox } from './index';

type Data = { conversations: Conversation[]; total_results: number; next_cursor?: string | null };
type Envelope = {
	data: Data;
	error?: { code: string; message: string };
	metadata: { credits_consumed: number };
};
type Page = { status: number; body: Envelope };

async function post<T>(
	url: string,
	body: unknown,
	apiKey?: string,
): Promise<{ status: number; body: T }> {
	const headers = {
		'content-type': 'application/json',
		...(apiKey ? { 'x-api-key': apiKey } : {}),
	};
	const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
	return { status: res.status, body: (await res.json()) as T };
}

/** One list_inbox request, as a client sends it. */
function list(
	sandbox: Sandbox,
	params: { count?: number; cursor?: string | null } = {},
): Promise<Page> {
	const { count = 10, cursor } = params;
	const body = {
		account_id: sandbox.accountId,
		action: 'list_inbox',
		params: { count, category: 'UNREAD', cursor },
	};
	return post<Envelope>(`${sandbox.url}/v2/messages`, body, sandbox.apiKey);
}

const control = (sandbox: Sandbox, route: string, body: unknown = {}) =>
	post<Record<string, unknown>>(`${sandbox.url}/__sandbox/${route}`, body);

const ids = (page: Page) => page.body.data.conversations.map((c) => c.conversation_id);
const HOUR = 3_600_000;
/** Five unread conversations a day ago, 1 s apart: c0 oldest … c4 newest. */
const T = Date.now() - 24 * HOUR;

let sandbox: Sandbox;
let c: string[];
/** reset(), then the five conversations (new ids each time) */
function resetAndFill(): void {
	sandbox.reset();
	c = [0, 1, 2, 3, 4].map(
		(i) =>
			sandbox.inbox.newConversation(sandbox.accountId, { text: `m${i}`, time: T + i * 1000 })
				.conversation_id,
	);
}
beforeAll(async () => {
	sandbox = await startSandbox({ inbox: [] });
});
afterAll(async () => await sandbox.close());
beforeEach(resetAndFill);

describe('order by activity', () => {
	it('without bumps: last_message.time descending, cursors = encodeCursor(time, id) as before', async () => {
		const page = await list(sandbox, { count: 2 });
		expect(ids(page)).toEqual([c[4], c[3]]);
		expect(page.body.data.next_cursor).toBe(encodeCursor(T + 3000, c[3]));
	});

	it('a bump moves a conversation up, leaves last_message and unread alone, and is never output', async () => {
		const before = sandbox.inbox.get(sandbox.accountId, c[1]);
		const bumped = sandbox.inbox.bump(sandbox.accountId, c[1], T + 3500);
		expect(bumped.last_message).toEqual(before?.last_message);
		expect(bumped.unread).toBe(before?.unread);
		const page = await list(sandbox);
		expect(ids(page)).toEqual([c[4], c[1], c[3], c[2], c[0]]);
		expect(page.body.data.conversations[1]).not.toHaveProperty('activity');
		expect(page.body.data.conversations[1].last_message.time).toBe(T + 1000);
	});

	it('cursors carry the activity of the last row; equal activity ties by conversation_id descending', async () => {
		sandbox.inbox.bump(sandbox.accountId, c[0], T + 4000);
		const tied = [c[0], c[4]].sort().reverse();
		const first = await list(sandbox, { count: 1 });
		expect(ids(first)).toEqual([tied[0]]);
		expect(decodeCursor(first.body.data.next_cursor ?? '')).toEqual({
			time: T + 4000,
			conversationId: tied[0],
		});
		const second = await list(sandbox, { count: 1, cursor: first.body.data.next_cursor });
		expect(ids(second)).toEqual([tied[1]]);
	});

	it('a new message sets activity back to the message time', async () => {
		sandbox.inbox.bump(sandbox.accountId, c[0], T + 9000);
		sandbox.inbox.receiveMessage(sandbox.accountId, c[0], { text: 'late', time: T + 2500 });
		expect(ids(await list(sandbox))).toEqual([c[4], c[3], c[0], c[2], c[1]]);
	});

	it('POST /__sandbox/bump (time defaults to now) moves it to the top', async () => {
		const res = await control(sandbox, 'bump', { conversationId: c[0] });
		expect(res.status).toBe(200);
		expect(ids(await list(sandbox))[0]).toBe(c[0]);
		expect((await control(sandbox, 'bump', { conversationId: 'nope' })).status).toBe(404);
	});
});

describe('future-stamped messages', () => {
	it('a time more than 1 h ahead does not move the clock; one less than 1 h ahead does', () => {
		sandbox.inbox.newConversation(sandbox.accountId, { time: Date.now() + 24 * HOUR });
		expect(sandbox.inbox.now()).toBeLessThan(Date.now() + HOUR);
		const soon = Date.now() + 30 * 60_000;
		sandbox.inbox.receiveMessage(sandbox.accountId, c[0], { text: 'soon', time: soon });
		expect(sandbox.inbox.now()).toBe(soon + 1);
	});
});

describe('expiring cursors', () => {
	it('expireCursors() refuses cursors issued before it, not those issued after', async () => {
		const old = (await list(sandbox, { count: 2 })).body.data.next_cursor ?? '';
		sandbox.expireCursors();
		const refused = await list(sandbox, { count: 2, cursor: old });
		expect(refused.status).toBe(400);
		expect(refused.body.error).toEqual({ code: 'INVALID_PARAMS', message: CURSOR_EXPIRED_MESSAGE });
		expect(sandbox.requests[1].cursorExpired).toBe(true);
		const fresh = (await list(sandbox, { count: 2 })).body.data.next_cursor ?? '';
		expect(fresh).not.toBe(old);
		const position = (cursor: string) => [
			decodeCursor(cursor)?.time,
			decodeCursor(cursor)?.conversationId,
		];
		expect(position(fresh)).toEqual(position(old));
		expect(decodeCursor(fresh)?.nonce).toEqual(expect.any(Number));
		const next = await list(sandbox, { count: 2, cursor: fresh });
		expect(next.status).toBe(200);
		expect(ids(next)).toEqual([c[2], c[1]]);
	});

	it('a hand-made cursor never expires; an undecodable one gets the usual 400', async () => {
		await control(sandbox, 'expire-cursors');
		expect(ids(await list(sandbox, { cursor: encodeCursor(T + 2000, c[2]) }))).toEqual([
			c[1],
			c[0],
		]);
		const bad = await list(sandbox, { cursor: 'bm90LWEtY3Vyc29y' });
		expect(bad.body.error?.message).toMatch(/is not a valid cursor/);
		expect(sandbox.requests.some((r) => r.cursorExpired)).toBe(false);
	});

	it('reset() forgets issued cursors: plain cursors again', async () => {
		sandbox.expireCursors();
		resetAndFill();
		expect((await list(sandbox, { count: 2 })).body.data.next_cursor).toBe(
			encodeCursor(T + 3000, c[3]),
		);
	});

	it('cursorTtlMs refuses a cursor once that much wall-clock time has passed', async () => {
		const ttl = await startSandbox({ inbox: realisticInbox(5, 30), cursorTtlMs: 200 });
		try {
			const cursor = (await list(ttl, { count: 1 })).body.data.next_cursor ?? '';
			expect((await list(ttl, { count: 1, cursor })).status).toBe(200);
			await new Promise((r) => setTimeout(r, 300));
			const late = await list(ttl, { count: 1, cursor });
			expect(late.status).toBe(400);
			expect(late.body.error?.message).toBe(CURSOR_EXPIRED_MESSAGE);
		} finally {
			await ttl.close();
		}
	});
});

describe('EMPTY_PAGE_NEW_CURSOR', () => {
	it('first page: empty, free, with a never-seen cursor at the start (page 1, arrivals included)', async () => {
		const normal = await list(sandbox, { count: 2 });
		sandbox.injectFault('EMPTY_PAGE_NEW_CURSOR');
		const empty = await list(sandbox, { count: 2 });
		expect(empty.body.data).toMatchObject({ conversations: [], total_results: 0 });
		expect(empty.body.metadata.credits_consumed).toBe(0);
		const cursor = empty.body.data.next_cursor ?? '';
		expect(cursor).not.toBe(normal.body.data.next_cursor);
		expect(ids(await list(sandbox, { count: 2, cursor }))).toEqual(ids(normal));
		expect(sandbox.requests.map((r) => r.creditsConsumed)).toEqual([1, 0, 1]);
		const arrived = sandbox.inbox.newConversation(sandbox.accountId).conversation_id;
		expect(ids(await list(sandbox, { count: 2, cursor }))).toEqual([arrived, c[4]]);
	});

	it('later page: a new cursor at the same position as the one sent', async () => {
		const sent = (await list(sandbox, { count: 2 })).body.data.next_cursor ?? '';
		sandbox.injectFault('EMPTY_PAGE_NEW_CURSOR');
		const empty = await list(sandbox, { count: 2, cursor: sent });
		const cursor = empty.body.data.next_cursor ?? '';
		expect(ids(empty)).toEqual([]);
		expect(cursor).not.toBe(sent);
		expect(ids(await list(sandbox, { count: 2, cursor }))).toEqual([c[2], c[1]]);
	});
});

describe('page size and latency at run time', () => {
	it('setMaxPageSize caps pages; reset() restores the start option', async () => {
		sandbox.setMaxPageSize(2);
		expect(ids(await list(sandbox))).toEqual([c[4], c[3]]);
		resetAndFill();
		expect(sandbox.maxPageSize).toBe(100);
		expect(ids(await list(sandbox))).toHaveLength(5);
	});

	it('POST /__sandbox/config sets both and refuses bad values', async () => {
		expect((await control(sandbox, 'config', { maxPageSize: 3, latencyMs: 5 })).body).toEqual({
			ok: true,
			maxPageSize: 3,
			latencyMs: 5,
			// the webhook settings are always returned too (webhooks.test.ts sets them)
			webhookRequireHttps: false,
			webhookStartsMonitoring: true,
			webhookListShape: 'object',
			webhookDeliveryShape: 'documented',
		});
		expect(ids(await list(sandbox))).toHaveLength(3);
		expect((await control(sandbox, 'config', { maxPageSize: 0 })).status).toBe(400);
		expect((await control(sandbox, 'config', { maxPageSize: 4, latencyMs: -1 })).status).toBe(400);
		expect([sandbox.maxPageSize, sandbox.latencyMs]).toEqual([3, 5]);
	});

	it('setLatency delays every POST /v2/messages answer', async () => {
		sandbox.setLatency(300);
		const started = Date.now();
		await list(sandbox);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		sandbox.reset();
		const again = Date.now();
		await list(sandbox);
		expect(Date.now() - again).toBeLessThan(200);
	});

	it('close() ends promptly with an answer still waiting', async () => {
		const slow = await startSandbox({ inbox: realisticInbox(5, 5), latencyMs: 60_000 });
		const pending = list(slow).catch((err: unknown) => err);
		while (slow.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
		const started = Date.now();
		await slow.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await pending).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
	});
});
