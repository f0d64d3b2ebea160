import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	pageCursor,
	walkPages,
	type PageFetcher,
	type Walk,
	type WalkBudget,
} from '../shared/pageWalker';
import {
	linkUpApiError,
	linkUpApiRequest,
	linkUpFailureOf,
	toLinkUpApiError,
} from '../shared/transport';
import type { LinkUpConversation, LinkUpInboxPage } from '../shared/types';
import { backlogWalk, type BacklogScan, type PollListing, type Scan } from './backlog';
import { readOnWhileFresh } from './freshness';
import {
	MAX_REQUESTS_PER_POLL,
	POLL_PAGE_SIZE,
	POLL_TIME_SHARE,
	type PollState,
} from './pollState';

/*
 * The trigger's reading of LinkUp (all its I/O): the top of the UNREAD listing, then the rest of
 * every stored burst, within one budget per poll. What to make of it is pollDecision's part.
 */
function budgetFor(context: IPollFunctions): WalkBudget {
	// getPollBudgetMs is n8n 2.x only; whatever the budget leaves unlisted waits in the backlog.
	const budgetMs =
		typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	const deadline =
		typeof budgetMs === 'number' && budgetMs > 0
			? Date.now() + budgetMs * POLL_TIME_SHARE
			: Infinity;
	return { requests: MAX_REQUESTS_PER_POLL, deadline };
}

const hasRoom = (budget: WalkBudget) => budget.requests > 0 && Date.now() <= budget.deadline;

/** UNREAD pages; a cursor LinkUp refuses (it answers INVALID_PARAMS once cursors expire) is a refused page. */
export function unreadPages(
	context: IPollFunctions,
	accountId: string,
): PageFetcher<LinkUpConversation> {
	return async (cursor, count) => {
		const params: IDataObject = { count, category: 'UNREAD' };
		if (cursor !== undefined) params.cursor = cursor;
		let data: LinkUpInboxPage;
		try {
			data = (await linkUpApiRequest.call(context, {
				method: 'POST',
				path: '/v2/messages',
				body: { account_id: accountId, action: 'list_inbox', params },
			})) as LinkUpInboxPage;
		} catch (error) {
			if (cursor !== undefined && linkUpFailureOf(error)?.code === 'INVALID_PARAMS')
				return { items: [], next: undefined, refused: true };
			throw toLinkUpApiError(context.getNode(), error);
		}
		return {
			items: Array.isArray(data.conversations) ? data.conversations : [],
			next: pageCursor(data),
		};
	};
}

/** A walk as the decision reads it. A cursor that comes back inside one walk fails the poll: nothing is lost. */
function toScan(context: IPollFunctions, walk: Walk<LinkUpConversation>): Scan {
	if (walk.end === 'repeated') {
		throw linkUpApiError(context.getNode(), {
			code: 'REPEATED_CURSOR',
			httpCode: '',
			message: 'LinkUp returned a page cursor it had already returned',
			description: 'Nothing was emitted and nothing is lost: the next poll lists again.',
		});
	}
	return {
		pages: walk.pages,
		end: walk.end === 'satisfied' ? 'caughtUp' : walk.end,
		next: walk.next,
	};
}

/**
 * A stored cursor LinkUp no longer takes: refused outright, handed back unchanged, or answered
 * with an empty last page (indistinguishable from an expired one, so listed again to be safe).
 */
function refusedAtOnce(walk: Walk<LinkUpConversation>): boolean {
	if (walk.end === 'refused') return walk.pages.length === 0;
	const [first] = walk.pages;
	return (
		walk.pages.length === 1 &&
		(walk.end === 'repeated' || (walk.end === 'ended' && first.length === 0))
	);
}

/** The rest of each stored burst, newest first, while the budget lasts; a refused cursor still makes progress. */
async function listBacklog(
	this: IPollFunctions,
	fetchPage: PageFetcher<LinkUpConversation>,
	state: PollState,
	now: number,
	budget: WalkBudget,
): Promise<BacklogScan[]> {
	const scans: BacklogScan[] = [];
	for (const backlog of state.backlog) {
		if (!hasRoom(budget)) {
			scans.push({ backlog });
			continue;
		}
		if (backlog.cursor !== null) {
			const walk = await walkPages(fetchPage, {
				...backlogWalk(state, now, backlog, false),
				from: backlog.cursor,
				budget,
			});
			if (!refusedAtOnce(walk)) {
				scans.push({ backlog, scan: toScan(this, walk) });
				continue;
			}
			if (!hasRoom(budget)) {
				scans.push({ backlog, refused: true });
				continue;
			}
		}
		const walk = await walkPages(fetchPage, { ...backlogWalk(state, now, backlog, true), budget });
		scans.push({ backlog, refused: true, scan: toScan(this, walk) });
	}
	return scans;
}

/** Every page this poll reads, before anything is decided or stored. */
export async function listForPoll(
	this: IPollFunctions,
	accountId: string,
	state: PollState | undefined,
	now: number,
) {
	const fetchPage = unreadPages(this, accountId);
	const budget = budgetFor(this);
	// Seeding reads the first page (and any empty ones before it): what is unread now is not new.
	const readOn = state
		? readOnWhileFresh(state, now)
		: (page: LinkUpConversation[]) => page.length === 0;
	const topWalk = await walkPages(fetchPage, { count: () => POLL_PAGE_SIZE, readOn, budget });
	const top = toScan(this, topWalk);
	const backlog = state ? await listBacklog.call(this, fetchPage, state, now, budget) : [];
	return { top, backlog } satisfies PollListing;
}
