import {
	pageCursor,
	walkPages,
	type FetchedPage,
	type WalkBudget,
} from '../../nodes/shared/pageWalker';

/** A fake LinkUp: answers the pages in order, and records (cursor, count) of each request. */
function server(pages: Array<FetchedPage<string>>) {
	const requests: Array<[string | undefined, number]> = [];
	const fetchPage = async (cursor: string | undefined, count: number) => {
		requests.push([cursor, count]);
		const page = pages[requests.length - 1];
		if (!page) throw new Error('requested past the last page');
		return page;
	};
	return { fetchPage, requests };
}
const all = { count: () => 10, readOn: () => true };

describe('walkPages', () => {
	it('follows each new cursor and ends when LinkUp names no next page', async () => {
		const { fetchPage, requests } = server([
			{ items: ['a', 'b'], next: 'C1' },
			{ items: ['c'], next: 'C2' },
			{ items: ['d'], next: undefined },
		]);
		const walk = await walkPages(fetchPage, all);
		expect(walk).toEqual({ pages: [['a', 'b'], ['c'], ['d']], end: 'ended', next: undefined });
		expect(requests).toEqual([
			[undefined, 10],
			['C1', 10],
			['C2', 10],
		]);
	});

	it('never follows a cursor it already sent: a server handing one back gets no third request', async () => {
		const { fetchPage, requests } = server([
			{ items: ['a'], next: 'SAME' },
			{ items: ['b'], next: 'SAME' },
		]);
		const walk = await walkPages(fetchPage, all);
		expect([walk.end, walk.next, requests.length]).toEqual(['repeated', 'SAME', 2]);
	});

	it('counts the cursor it started from as sent', async () => {
		const { fetchPage } = server([{ items: ['a'], next: 'START' }]);
		expect((await walkPages(fetchPage, { ...all, from: 'START' })).end).toBe('repeated');
	});

	it('lets readOn decide after each page, and hands back where the listing goes on', async () => {
		const { fetchPage, requests } = server([
			{ items: [], next: 'C1' },
			{ items: ['a', 'b'], next: 'C2' },
		]);
		const walk = await walkPages(fetchPage, {
			count: (listed) => 10 - listed.length,
			readOn: (page) => page.length === 0,
		});
		expect(walk).toEqual({ pages: [[], ['a', 'b']], end: 'satisfied', next: 'C2' });
		expect(requests).toEqual([
			[undefined, 10],
			['C1', 10],
		]);
	});

	it('stops before a request the budget cannot pay for, and shares the budget between walks', async () => {
		const { fetchPage, requests } = server([
			{ items: ['a'], next: 'C1' },
			{ items: ['b'], next: 'C2' },
			{ items: ['c'], next: 'C3' },
		]);
		const budget: WalkBudget = { requests: 2, deadline: Infinity };
		expect(await walkPages(fetchPage, { ...all, budget })).toEqual({
			pages: [['a'], ['b']],
			end: 'budget',
			next: 'C2',
		});
		expect(await walkPages(fetchPage, { ...all, budget, from: 'C2' })).toEqual({
			pages: [],
			end: 'budget',
			next: 'C2',
		});
		expect(requests).toHaveLength(2);
	});

	it('ends on a page the fetcher reports refused, keeping the pages before it and the refused cursor', async () => {
		const { fetchPage, requests } = server([
			{ items: ['a'], next: 'C1' },
			{ items: [], next: undefined, refused: true },
		]);
		expect(await walkPages(fetchPage, all)).toEqual({ pages: [['a']], end: 'refused', next: 'C1' });
		expect(requests).toHaveLength(2);
	});

	it('starts no request after the deadline', async () => {
		const { fetchPage, requests } = server([{ items: ['a'], next: undefined }]);
		const walk = await walkPages(fetchPage, {
			...all,
			budget: { requests: 5, deadline: Date.now() - 1 },
		});
		expect([walk.end, requests.length]).toEqual(['budget', 0]);
	});
});

describe('pageCursor', () => {
	it.each([
		['null', { next_cursor: null }],
		['a missing key', {}],
		['an empty string', { next_cursor: '' }],
		['a number', { next_cursor: 42 }],
		['an object', { next_cursor: { cursor: 'C2' } }],
		['no page at all', undefined],
	])('names no next page for %s', (_label, page) => {
		expect(pageCursor(page as never)).toBeUndefined();
	});

	it('passes a real cursor through unchanged', () => {
		expect(pageCursor({ next_cursor: 'RVNDRU5ESU5HJjE3' })).toBe('RVNDRU5ESU5HJjE3');
	});
});
