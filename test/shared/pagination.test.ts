import { creditsFor, nextInboxCursor, nextPageCount, uniqueConversations } from '../../nodes/shared/pagination';

const rows = (...ids: string[]) => ids.map((conversation_id) => ({ conversation_id }));
const page = (next_cursor: unknown, conversations: unknown = rows('a', 'b')) => ({ conversations, next_cursor });

describe('nextInboxCursor', () => {
	it('follows a new cursor on a non-empty page', () => {
		expect(nextInboxCursor(page('C2'), [])).toBe('C2');
		expect(nextInboxCursor(page('C3'), ['C1', 'C2'])).toBe('C3');
	});

	it.each([
		['null', page(null)],
		['a missing key', { conversations: rows('a') }],
		['an empty string', page('')],
		['a number', page(42)],
		['an object', page({ cursor: 'C2' })],
		['an empty page with a cursor', page('C2', [])],
		['a page without conversations', { next_cursor: 'C2' }],
		['conversations that are not an array', page('C2', { a: 1 })],
		['no page at all', undefined],
	])('ends the listing on %s', (_label, input) => {
		expect(nextInboxCursor(input as Parameters<typeof nextInboxCursor>[0], [])).toBeUndefined();
	});

	it('ends the listing on a cursor it has already sent, however long ago', () => {
		expect(nextInboxCursor(page('C1'), ['C1'])).toBeUndefined();
		expect(nextInboxCursor(page('C1'), ['C1', 'C2', 'C3'])).toBeUndefined();
	});

	it('never loops: a server that always answers the same cursor gets exactly two requests', () => {
		const sent: string[] = [];
		let requests = 1; // page 1, sent without a cursor
		let cursor = nextInboxCursor(page('SAME'), sent);
		while (cursor !== undefined && requests < 100) {
			sent.push(cursor);
			requests += 1;
			cursor = nextInboxCursor(page('SAME'), sent);
		}
		expect([requests, sent]).toEqual([2, ['SAME']]);
	});
});

describe('nextPageCount', () => {
	it('asks for a full page for Return All', () => {
		expect(nextPageCount(undefined, 0, 100)).toBe(100);
		expect(nextPageCount(undefined, 350, 100)).toBe(100);
	});

	it('asks for the whole remainder of a Limit, never over-fetching', () => {
		expect(nextPageCount(50, 0, 100)).toBe(50);
		expect(nextPageCount(250, 0, 100)).toBe(250);
		expect(nextPageCount(12, 10, 100)).toBe(2);
		expect(nextPageCount(1, 0, 100)).toBe(1);
	});

	it('never asks for less than 1', () => {
		expect(nextPageCount(10, 10, 100)).toBe(1);
		expect(nextPageCount(10, 15, 100)).toBe(1);
	});
});

describe('uniqueConversations', () => {
	it('keeps each conversation once, at its first place', () => {
		expect(uniqueConversations(rows('c', 'b', 'c', 'a', 'b'))).toEqual(rows('c', 'b', 'a'));
	});

	it('keeps the first copy of a conversation that moved between pages', () => {
		const first = { conversation_id: 'x', unread: 1 };
		const moved = { conversation_id: 'x', unread: 2 };
		expect(uniqueConversations([first, { conversation_id: 'y' }, moved])).toEqual([first, { conversation_id: 'y' }]);
	});

	it('keeps rows without an id (nothing to compare them by)', () => {
		const anonymous = [{ conversation_id: undefined }, { conversation_id: null }, { conversation_id: undefined }];
		expect(uniqueConversations(anonymous)).toHaveLength(3);
	});

	it('returns an empty list for an empty list and leaves the input alone', () => {
		const input = rows('a', 'a');
		expect(uniqueConversations([])).toEqual([]);
		uniqueConversations(input);
		expect(input).toEqual(rows('a', 'a'));
	});
});

describe('creditsFor', () => {
	it.each([
		[0, 0],
		[1, 1],
		[10, 1],
		[11, 2],
		[20, 2],
		[35, 4],
		[50, 5],
		[300, 30],
		[-3, 0],
	])('%i conversations cost %i credits', (conversations, credits) => {
		expect(creditsFor(conversations)).toBe(credits);
	});

	it('takes another block size', () => {
		expect(creditsFor(26, 25)).toBe(2);
	});
});
