/**
 * The one walker over LinkUp's cursor pagination, used by List Inbox and the trigger. Its
 * policies, whatever the caller:
 * - a null, missing or empty `next_cursor` ends the listing ('ended');
 * - a cursor this walk already sent (or started from) is never followed: a server that hands it
 *   back would loop and bill every lap ('repeated');
 * - an empty page says nothing by itself: `readOn` decides whether to follow its cursor;
 * - the budget (requests and a deadline) is checked before every request ('budget', with the
 *   cursor to continue from);
 * - a page the fetcher reports as refused (LinkUp no longer takes that cursor) ends the walk
 *   ('refused', pages so far kept); errors propagate.
 */

export interface FetchedPage<T> {
	items: T[];
	/** The page's `next_cursor` when it names a next page (see pageCursor). */
	next: string | undefined;
	/** LinkUp refused the cursor sent (expired): no page at that cursor. */
	refused?: boolean;
}

/** Requests one page: from `cursor` (undefined: the first page), asking for `count` items. */
export type PageFetcher<T> = (cursor: string | undefined, count: number) => Promise<FetchedPage<T>>;

export interface WalkBudget {
	/** Requests left; shared by the walks of one run, so it is decremented in place. */
	requests: number;
	/** Epoch ms after which no request is started. */
	deadline: number;
}

type WalkEnd = 'ended' | 'satisfied' | 'repeated' | 'budget' | 'refused';

export interface Walk<T> {
	pages: T[][];
	/** Why the walk stopped: the listing ended, `readOn` said enough, a repeated cursor, the budget, a refused cursor. */
	end: WalkEnd;
	/** Where the listing goes on (every end but 'ended'); undefined before the first page. */
	next: string | undefined;
}

interface WalkPlan<T> {
	/** Start after this cursor; undefined: from the top. */
	from?: string;
	/** `params.count` of the next request, given what was listed so far. */
	count: (listed: T[]) => number;
	/** Whether to request the page after `page`. */
	readOn: (page: T[], listed: T[]) => boolean;
	budget?: WalkBudget;
}

export async function walkPages<T>(fetchPage: PageFetcher<T>, plan: WalkPlan<T>): Promise<Walk<T>> {
	const pages: T[][] = [];
	const listed: T[] = [];
	const sent = new Set<string>();
	let cursor = plan.from;
	for (;;) {
		const { budget } = plan;
		if (budget && (budget.requests <= 0 || Date.now() > budget.deadline))
			return { pages, end: 'budget', next: cursor };
		if (budget) budget.requests -= 1;
		if (cursor !== undefined) sent.add(cursor);
		const page = await fetchPage(cursor, plan.count(listed));
		if (page.refused) return { pages, end: 'refused', next: cursor };
		pages.push(page.items);
		listed.push(...page.items);
		if (page.next === undefined) return { pages, end: 'ended', next: undefined };
		if (sent.has(page.next)) return { pages, end: 'repeated', next: page.next };
		cursor = page.next;
		if (!plan.readOn(page.items, listed)) return { pages, end: 'satisfied', next: cursor };
	}
}

/** The page's `next_cursor` when it names a next page: null, missing and '' all end the listing. */
export function pageCursor(page: { next_cursor?: unknown } | undefined): string | undefined {
	const cursor = page?.next_cursor;
	return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}
