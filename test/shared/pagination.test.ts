import { nextPageCount, uniqueConversations } from '../../nodes/shared/pagination';

const rows = (...ids: string[]) => ids.map((conversation_id) => ({ conversation_id }));

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
		expect(uniqueConversations([first, { conversation_id: 'y' }, moved])).toEqual([
			first,
			{ conversation_id: 'y' },
		]);
	});

	it('keeps rows without an id (nothing to compare them by)', () => {
		const anonymous = [
			{ conversation_id: undefined },
			{ conversation_id: null },
			{ conversation_id: undefined },
		];
		expect(uniqueConversations(anonymous)).toHaveLength(3);
	});

	it('returns an empty list for an empty list and leaves the input alone', () => {
		const input = rows('a', 'a');
		expect(uniqueConversations([])).toEqual([]);
		uniqueConversations(input);
		expect(input).toEqual(rows('a', 'a'));
	});
});
