import { credentialData, runNode } from '../../helpers/engine';
import { creditsForRows, sentBodies } from '../../helpers/listInbox';
import {
	conversationRl,
	expectedConversation,
	getConversationNode,
	longConversation,
} from '../../helpers/messages';
import { API_ERROR_WORDING } from '../../helpers/wording';
import { SANDBOX_ACCOUNT_ID, messageCursor, startSandbox, type Sandbox } from '../../sandbox';

const AVAILABLE = 37;
const PAGE = 10; // the sandbox serves at most 10 per request, whatever the count asked for
let sandbox: Sandbox;
let id: string;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: [], maxPageSize: PAGE });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	id = longConversation(sandbox, AVAILABLE);
});

const creds = () => credentialData(sandbox.url, sandbox.apiKey);
const stored = () => sandbox.inbox.messages(SANDBOX_ACCOUNT_ID, id);
/** The cursor LinkUp hands out after the n-th message (1-based, newest first). */
const cursorAfter = (n: number) => messageCursor(stored()[n - 1]);
const counts = () =>
	sandbox.requests.map((r) => (r.body as { params: { count: number } }).params.count);
const sentCursors = () =>
	sandbox.requests.map((r) => (r.body as { params: { cursor?: string } }).params.cursor);
const all = () => expectedConversation(sandbox, id);
const ids = (n: number) =>
	all()
		.slice(0, n)
		.map((m) => m.messageId);

async function read(parameters: Record<string, unknown>) {
	const { items, error, run } = await runNode(
		getConversationNode(conversationRl(id), parameters),
		creds(),
	);
	expect(error).toBeUndefined();
	expect(run.status).toBe('success');
	return items.map((i) => i.json);
}

describe('Get Conversation Return All over several pages', () => {
	it('asks for pages of 100, re-sends account, action and conversation with each cursor, and returns every message in order', async () => {
		expect(await read({ returnAll: true })).toStrictEqual(all());
		const page = (cursor?: string) => ({
			account_id: SANDBOX_ACCOUNT_ID,
			action: 'get_conversation',
			params: { conversation_id: id, count: 100, ...(cursor ? { cursor } : {}) },
		});
		expect(sentBodies(sandbox)).toStrictEqual([
			page(),
			page(cursorAfter(10)),
			page(cursorAfter(20)),
			page(cursorAfter(30)),
		]);
		expect(sandbox.requests.map((r) => r.creditsConsumed)).toEqual([1, 1, 1, 1]);
		expect(sandbox.creditsConsumed).toBe(creditsForRows(AVAILABLE));
	});

	it('with Simplify off returns the raw messages of every page', async () => {
		const raw = await read({ returnAll: true, simplify: false });
		expect(raw.map((m) => m.entity_urn)).toEqual(ids(AVAILABLE));
		expect(raw.map((m) => m.text)).toEqual(stored().map((m) => m.text));
	});

	it('a failure on page 2 fails the run with our wording; page 1 was billed, nothing is output', async () => {
		sandbox.injectFault('INTERNAL_ERROR', { skip: 1 });
		const { items, error, run } = await runNode(
			getConversationNode(conversationRl(id), { returnAll: true }),
			creds(),
		);
		expect(run.status).toBe('error');
		expect([error?.name, error?.message, error?.description]).toEqual([
			'NodeApiError',
			API_ERROR_WORDING.INTERNAL_ERROR.message,
			API_ERROR_WORDING.INTERNAL_ERROR.description,
		]);
		expect(sandbox.requests.map((r) => r.status)).toEqual([200, 500]);
		expect(items).toEqual([]);
		expect(sandbox.creditsConsumed).toBe(1);
	});
});

describe('Get Conversation Limit', () => {
	it.each([
		[1, [1], 1],
		[10, [10], 10],
		[12, [12, 2], 12],
		[25, [25, 15, 5], 25],
		[50, [50, 40, 30, 20], AVAILABLE],
	])(
		'Limit %i asks for exactly the rest on each page (%j) and returns %i',
		async (limit, asked, returned) => {
			expect(await read({ limit })).toStrictEqual(all().slice(0, returned));
			expect(counts()).toEqual(asked);
			expect(sandbox.creditsConsumed).toBe(creditsForRows(returned));
		},
	);

	it('Limit 12 follows the cursor of page 1 for the remaining 2', async () => {
		await read({ limit: 12 });
		expect(sentCursors()).toEqual([undefined, cursorAfter(10)]);
	});

	it('a page served twice does not count twice towards the Limit', async () => {
		// Page 1 points back at page 1: the node gets 10 messages it already has.
		sandbox.injectFault('REPEAT_CURSOR');
		expect(await read({ limit: 25 })).toStrictEqual(all().slice(0, 25));
		expect(counts()).toEqual([25, 15, 15, 5]);
	});
});

describe('Get Conversation pagination stop rules (Return All, pages of 10)', () => {
	it('REPEAT_CURSOR on page 2: the cursor already sent ends the listing', async () => {
		sandbox.injectFault('REPEAT_CURSOR', { skip: 1 });
		expect((await read({ returnAll: true })).map((m) => m.messageId)).toEqual(ids(20));
		expect(sentCursors()).toEqual([undefined, cursorAfter(10)]);
	});

	it('REPEAT_CURSOR on every page: two requests, then it stops (no endless loop)', async () => {
		sandbox.injectFault('REPEAT_CURSOR', { times: Infinity });
		expect((await read({ returnAll: true })).map((m) => m.messageId)).toEqual(ids(10));
		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.creditsConsumed).toBe(2);
	});

	it('REPEAT_CURSOR on page 1 only (it points back at page 1): no duplicates, the conversation completes', async () => {
		sandbox.injectFault('REPEAT_CURSOR');
		expect((await read({ returnAll: true })).map((m) => m.messageId)).toEqual(ids(AVAILABLE));
		expect(sandbox.requests).toHaveLength(5);
	});

	it.each([
		['EMPTY_STRING_CURSOR', 1, 20, 2],
		['MISSING_CURSOR', 0, 10, 1],
		['EMPTY_PAGE_WITH_CURSOR', 2, 20, 3],
		['EMPTY_PAGE_NEW_CURSOR', 2, 20, 3],
	] as const)(
		'%s (after %i good pages) ends the listing, keeping what came before',
		async (fault, skip, kept, requests) => {
			sandbox.injectFault(fault, { skip });
			expect((await read({ returnAll: true })).map((m) => m.messageId)).toEqual(ids(kept));
			expect(sandbox.requests).toHaveLength(requests);
			expect(sentCursors()).not.toContain('');
			expect(sandbox.creditsConsumed).toBe(creditsForRows(kept));
		},
	);

	it('an empty page on the first request: no items, no credits, no error', async () => {
		sandbox.injectFault('EMPTY_PAGE_WITH_CURSOR', { times: Infinity });
		expect(await read({ returnAll: true })).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it('Limit stops on a repeated cursor too', async () => {
		sandbox.injectFault('REPEAT_CURSOR', { times: Infinity });
		expect((await read({ limit: 30 })).map((m) => m.messageId)).toEqual(ids(10));
		expect(sandbox.requests).toHaveLength(2);
	});

	it('without faults a conversation of exactly 10 messages takes one request (next_cursor null)', async () => {
		sandbox.reset();
		id = longConversation(sandbox, 10);
		expect(await read({ returnAll: true })).toHaveLength(10);
		expect(sandbox.requests).toHaveLength(1);
	});
});
