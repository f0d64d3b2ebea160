import { credentialData, runNode } from '../../helpers/engine';
import { apiListing, creditsForRows, listInboxNode, sentBodies } from '../../helpers/listInbox';
import { API_ERROR_WORDING } from '../../helpers/wording';
import {
	CATEGORIES,
	SANDBOX_ACCOUNT_ID,
	encodeCursor,
	realisticInbox,
	startSandbox,
	type Conversation,
	type Sandbox,
} from '../../sandbox';
import { simplifyConversation } from '../../../nodes/shared/simplify';

const AVAILABLE = 37;
const PAGE = 10; // the sandbox serves at most 10 per request, whatever the count asked for
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(11, AVAILABLE), maxPageSize: PAGE });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = () => credentialData(sandbox.url, sandbox.apiKey);
/** The cursor LinkUp hands out after a conversation (opaque to the node). */
const cursorAfter = (c: Conversation) => encodeCursor(c.last_message.time, c.conversation_id);
/** The requests a full listing in pages of 10 takes, as the node must send them. */
function expectedPages(listing: Conversation[], category: string, count: number) {
	const pages = Math.max(1, Math.ceil(listing.length / PAGE));
	return Array.from({ length: pages }, (_, page) => ({
		account_id: SANDBOX_ACCOUNT_ID,
		action: 'list_inbox',
		params: {
			category,
			count,
			...(page > 0 ? { cursor: cursorAfter(listing[page * PAGE - 1]) } : {}),
		},
	}));
}

describe('List Inbox Return All over several pages', () => {
	it('re-sends account, action, category and count on every page and returns the whole listing in order', async () => {
		const listing = apiListing(sandbox);
		const { items, error } = await runNode(listInboxNode({ returnAll: true }), creds());
		expect(error).toBeUndefined();
		expect(sentBodies(sandbox)).toStrictEqual(expectedPages(listing, 'INBOX', 100));
		expect(sandbox.requests).toHaveLength(4);
		expect(items.map((i) => i.json)).toEqual(listing.map(simplifyConversation));
		expect(sandbox.requests.map((r) => r.creditsConsumed)).toEqual([1, 1, 1, 1]);
		expect(sandbox.creditsConsumed).toBe(4);
	});

	it('with Simplify off returns the raw conversations of every page', async () => {
		const { items } = await runNode(listInboxNode({ returnAll: true, simplify: false }), creds());
		expect(items.map((i) => i.json)).toStrictEqual(apiListing(sandbox));
	});

	it.each(CATEGORIES)(
		'%s returns exactly the sandbox’s filter, every page asking for that category',
		async (category) => {
			const listing = apiListing(sandbox, category);
			expect(listing.length).toBeGreaterThan(0);
			const { items, error } = await runNode(listInboxNode({ returnAll: true, category }), creds());
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json)).toEqual(listing.map(simplifyConversation));
			expect(sentBodies(sandbox)).toStrictEqual(expectedPages(listing, category, 100));
			const perPage = sandbox.requests.map((r) => r.creditsConsumed);
			expect(sandbox.creditsConsumed).toBe(perPage.reduce((a, b) => a + b, 0));
			expect(sandbox.creditsConsumed).toBe(creditsForRows(listing.length));
		},
	);

	it('an empty category ends after one request, with no items and no credits', async () => {
		for (const c of apiListing(sandbox, 'UNREAD')) {
			sandbox.inbox.markRead(SANDBOX_ACCOUNT_ID, c.conversation_id);
		}
		const { items, error } = await runNode(
			listInboxNode({ returnAll: true, category: 'UNREAD' }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it('a failure on page 2 fails the run with our wording; page 1 was billed, nothing is output', async () => {
		sandbox.injectFault('INTERNAL_ERROR', { skip: 1 });
		const { items, error, run } = await runNode(listInboxNode({ returnAll: true }), creds());
		expect(run.status).toBe('error');
		expect(error?.name).toBe('NodeApiError');
		expect([error?.message, error?.description, error?.httpCode]).toEqual([
			API_ERROR_WORDING.INTERNAL_ERROR.message,
			API_ERROR_WORDING.INTERNAL_ERROR.description,
			'500',
		]);
		expect(sandbox.requests.map((r) => r.status)).toEqual([200, 500]);
		expect((sandbox.requests[1].body as { params: { cursor?: string } }).params.cursor).toBe(
			cursorAfter(apiListing(sandbox)[PAGE - 1]),
		);
		expect(items).toEqual([]);
		expect(sandbox.creditsConsumed).toBe(1);
	});
});

describe('List Inbox Limit larger than the page LinkUp serves', () => {
	it('Limit 12 asks for the remainder on page 2 and returns exactly 12', async () => {
		const listing = apiListing(sandbox);
		const { items } = await runNode(listInboxNode({ limit: 12 }), creds());
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'list_inbox',
				params: { category: 'INBOX', count: 12 },
			},
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'list_inbox',
				params: { category: 'INBOX', count: 2, cursor: cursorAfter(listing[9]) },
			},
		]);
		expect(items.map((i) => i.json)).toEqual(listing.slice(0, 12).map(simplifyConversation));
		expect(sandbox.creditsConsumed).toBe(2);
	});

	it('Limit 50 with 37 available stops at the end of the listing', async () => {
		const { items } = await runNode(listInboxNode({ limit: 50 }), creds());
		expect(
			sandbox.requests.map((r) => (r.body as { params: { count: number } }).params.count),
		).toEqual([50, 40, 30, 20]);
		expect(items).toHaveLength(AVAILABLE);
		expect(sandbox.creditsConsumed).toBe(4);
	});

	it('a page served twice does not count twice towards the Limit', async () => {
		// Page 1 points back at page 1: the node gets 10 conversations it already has.
		sandbox.injectFault('REPEAT_CURSOR');
		const listing = apiListing(sandbox);
		const { items, error } = await runNode(listInboxNode({ limit: 25 }), creds());
		expect(error).toBeUndefined();
		expect(
			sandbox.requests.map((r) => (r.body as { params: { count: number } }).params.count),
		).toEqual([25, 15, 15, 5]);
		expect(items.map((i) => i.json)).toEqual(listing.slice(0, 25).map(simplifyConversation));
	});
});
