import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { pageCursor, walkPages, type PageFetcher, type Walk, type WalkBudget } from '../shared/pageWalker';
import { simplifyConversation } from '../shared/simplify';
import { linkUpApiError, linkUpApiRequest, linkUpFailureOf, toLinkUpApiError } from '../shared/transport';
import type { LinkUpConversation, LinkUpInboxPage } from '../shared/types';
import { accountIdProblem } from '../shared/validation';
import { backlogWalk, type BacklogScan, type PollListing, type Scan } from './backlog';
import { readOnWhileFresh } from './freshness';
import { decidePoll, isEmittable, seed, type TriggerOptions } from './pollDecision';
import {
	MAX_REQUESTS_PER_POLL,
	POLL_PAGE_SIZE,
	POLL_STATE_VERSION,
	POLL_TIME_SHARE,
	readPollState,
	type PollState,
} from './pollState';

const STATE_KEY = 'linkUpInbox';

function budgetFor(context: IPollFunctions): WalkBudget {
	// getPollBudgetMs is n8n 2.x only; whatever the budget leaves unlisted waits in the backlog.
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	const deadline = typeof budgetMs === 'number' && budgetMs > 0 ? Date.now() + budgetMs * POLL_TIME_SHARE : Infinity;
	return { requests: MAX_REQUESTS_PER_POLL, deadline };
}

const hasRoom = (budget: WalkBudget) => budget.requests > 0 && Date.now() <= budget.deadline;

/** UNREAD pages; a cursor LinkUp refuses (it answers INVALID_PARAMS once cursors expire) is a refused page. */
function unreadPages(context: IPollFunctions, accountId: string): PageFetcher<LinkUpConversation> {
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
			if (cursor !== undefined && linkUpFailureOf(error)?.code === 'INVALID_PARAMS') return { items: [], next: undefined, refused: true };
			throw toLinkUpApiError(context.getNode(), error);
		}
		return { items: Array.isArray(data.conversations) ? data.conversations : [], next: pageCursor(data) };
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
	return { pages: walk.pages, end: walk.end === 'satisfied' ? 'caughtUp' : walk.end, next: walk.next };
}

/**
 * A stored cursor LinkUp no longer takes: refused outright, handed back unchanged, or answered
 * with an empty last page (indistinguishable from an expired one, so listed again to be safe).
 */
function refusedAtOnce(walk: Walk<LinkUpConversation>): boolean {
	if (walk.end === 'refused') return walk.pages.length === 0;
	const [first] = walk.pages;
	return walk.pages.length === 1 && (walk.end === 'repeated' || (walk.end === 'ended' && first.length === 0));
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
async function listForPoll(this: IPollFunctions, accountId: string, state: PollState | undefined, now: number) {
	const fetchPage = unreadPages(this, accountId);
	const budget = budgetFor(this);
	// Seeding reads the first page (and any empty ones before it): what is unread now is not new.
	const readOn = state ? readOnWhileFresh(state, now) : (page: LinkUpConversation[]) => page.length === 0;
	const topWalk = await walkPages(fetchPage, { count: () => POLL_PAGE_SIZE, readOn, budget });
	const top = toScan(this, topWalk);
	const backlog = state ? await listBacklog.call(this, fetchPage, state, now, budget) : [];
	return { top, backlog } satisfies PollListing;
}

function toItems(conversations: LinkUpConversation[], simplify: boolean): INodeExecutionData[] {
	return conversations.map((conversation) => ({
		json: simplify ? simplifyConversation(conversation) : (conversation as unknown as IDataObject),
	}));
}

/** "Fetch Test Event": the newest unread conversation; never reads or writes the stored state. */
async function newestUnread(this: IPollFunctions, accountId: string, options: TriggerOptions, simplify: boolean) {
	const eligible = (conversation: LinkUpConversation) => isEmittable(conversation, options);
	const walk = await walkPages(unreadPages(this, accountId), {
		count: () => POLL_PAGE_SIZE,
		readOn: (page) => !page.some(eligible),
		budget: { requests: 3, deadline: Infinity },
	});
	const sample = walk.pages.flat().find(eligible);
	if (!sample) {
		throw new NodeOperationError(this.getNode(), 'No unread LinkedIn conversation to show', {
			description:
				'Mark a conversation as unread on LinkedIn (or wait for a new message), then fetch the test event again.',
		});
	}
	return [toItems([sample], simplify)];
}

export async function pollInbox(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const accountId = (this.getNodeParameter('accountId', '', { extractValue: true }) as string).trim();
	const problem = accountIdProblem(accountId);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const rawOptions = this.getNodeParameter('options', {}) as IDataObject;
	const options: TriggerOptions = {
		includeOwnLastMessage: rawOptions.includeOwnLastMessage === true,
		includeSponsored: rawOptions.includeSponsored === true,
	};
	if (this.getMode() === 'manual') return await newestUnread.call(this, accountId, options, simplify);

	const store = this.getWorkflowStaticData('node');
	const info = { accountId, now: Date.now() };
	const stored =
		readPollState(store[STATE_KEY], accountId, info.now) ??
		(rawOptions.emitExistingOnFirstPoll === true
			? { v: POLL_STATE_VERSION, accountId, handledUpTo: null, handled: {}, backlog: [] }
			: undefined);
	const listing = await listForPoll.call(this, accountId, stored, info.now);
	const { emit, next } = stored ? decidePoll(stored, listing, options, info) : { emit: [], next: seed(listing.top, info) };
	// One assignment, after every page succeeded: a failed poll leaves the state as it was.
	store[STATE_KEY] = next as unknown as IDataObject;
	return emit.length > 0 ? [toItems(emit, simplify)] : null;
}
