import { credentialData, runNode } from '../../helpers/engine';
import { apiListing, listInboxNode } from '../../helpers/listInbox';
import {
	encodeCursor,
	realisticInbox,
	startSandbox,
	type Conversation,
	type Sandbox,
} from '../../sandbox';

const AVAILABLE = 37;
const PAGE = 10;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(23, AVAILABLE), maxPageSize: PAGE });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const cursorAfter = (c: Conversation) => encodeCursor(c.last_message.time, c.conversation_id);
const sentCursors = () =>
	sandbox.requests.map((r) => (r.body as { params: { cursor?: string } }).params.cursor);

/** Return All, which must end however the cursors misbehave; the ids it output. */
async function returnAll() {
	const { items, error, run } = await runNode(
		listInboxNode({ returnAll: true }),
		credentialData(sandbox.url, sandbox.apiKey),
	);
	expect(error).toBeUndefined();
	expect(run.status).toBe('success');
	return items.map((i) => i.json.conversationId);
}
const firstIds = (n: number) =>
	apiListing(sandbox)
		.slice(0, n)
		.map((c) => c.conversation_id);

describe('List Inbox pagination stop rules (Return All, pages of 10)', () => {
	it('without faults, reads all 37 in 4 requests (the baseline the faults below cut short)', async () => {
		expect(await returnAll()).toEqual(firstIds(AVAILABLE));
		expect(sandbox.requests).toHaveLength(4);
	});

	it('REPEAT_CURSOR on page 2: the cursor already sent ends the listing', async () => {
		sandbox.injectFault('REPEAT_CURSOR', { skip: 1 });
		const listing = apiListing(sandbox);
		expect(await returnAll()).toEqual(firstIds(20));
		expect(sentCursors()).toEqual([undefined, cursorAfter(listing[9])]);
		expect(sandbox.requests.map((r) => r.fault)).toEqual([undefined, 'REPEAT_CURSOR']);
	});

	it('REPEAT_CURSOR on every page: two requests, then it stops (no endless loop)', async () => {
		sandbox.injectFault('REPEAT_CURSOR', { times: Infinity });
		expect(await returnAll()).toEqual(firstIds(10));
		expect(sandbox.requests).toHaveLength(2);
		const [, second] = sentCursors();
		expect(typeof second).toBe('string');
		expect(sandbox.creditsConsumed).toBe(2);
	});

	it('REPEAT_CURSOR on page 1 only (it points back at page 1): no duplicates, the listing completes', async () => {
		sandbox.injectFault('REPEAT_CURSOR');
		expect(await returnAll()).toEqual(firstIds(AVAILABLE));
		expect(sandbox.requests).toHaveLength(5);
	});

	it('EMPTY_STRING_CURSOR ends the listing after that page', async () => {
		sandbox.injectFault('EMPTY_STRING_CURSOR', { skip: 1 });
		expect(await returnAll()).toEqual(firstIds(20));
		expect(sandbox.requests).toHaveLength(2);
		expect(sentCursors()).not.toContain('');
	});

	it('MISSING_CURSOR ends the listing after that page', async () => {
		sandbox.injectFault('MISSING_CURSOR');
		expect(await returnAll()).toEqual(firstIds(10));
		expect(sandbox.requests).toHaveLength(1);
	});

	it('EMPTY_PAGE_WITH_CURSOR ends the listing at the empty page, keeping what came before', async () => {
		sandbox.injectFault('EMPTY_PAGE_WITH_CURSOR', { skip: 2 });
		expect(await returnAll()).toEqual(firstIds(20));
		expect(sandbox.requests).toHaveLength(3);
		expect(sandbox.requests.map((r) => r.creditsConsumed)).toEqual([1, 1, 0]);
	});

	it('EMPTY_PAGE_WITH_CURSOR on every page: one request, no items, no credits, no error', async () => {
		sandbox.injectFault('EMPTY_PAGE_WITH_CURSOR', { times: Infinity });
		expect(await returnAll()).toEqual([]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it('Limit stops on a repeated cursor too', async () => {
		sandbox.injectFault('REPEAT_CURSOR', { times: Infinity });
		const { items, error } = await runNode(
			listInboxNode({ limit: 30 }),
			credentialData(sandbox.url, sandbox.apiKey),
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.conversationId)).toEqual(firstIds(10));
		expect(sandbox.requests).toHaveLength(2);
	});
});
