import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { simplifyConversation } from '../shared/simplify';
import { linkUpApiError, linkUpApiRequest } from '../shared/transport';
import type { LinkUpConversation, LinkUpInboxPage } from '../shared/types';
import { accountIdProblem } from '../shared/validation';
import {
	decidePoll,
	horizonFor,
	segmentHorizon,
	shouldReadNextPage,
	type PollListing,
	type Scan,
	type TriggerOptions,
} from './pollDecision';
import { MAX_PAGES_PER_POLL, POLL_PAGE_SIZE, emptyPollState, readPollState, type PollState } from './pollState';

const STATE_KEY = 'linkUpInbox';

interface Budget {
	pages: number;
}

/** Lists UNREAD pages from `cursor` while `readNext` says so and the budget lasts. */
async function scanUnread(
	this: IPollFunctions,
	accountId: string,
	startCursor: string | undefined,
	budget: Budget,
	readNext: (page: LinkUpConversation[], pages: LinkUpConversation[][]) => boolean,
): Promise<Scan> {
	const pages: LinkUpConversation[][] = [];
	const sent: string[] = [];
	let cursor = startCursor;
	for (;;) {
		if (budget.pages <= 0) return { pages, resumeCursor: cursor };
		budget.pages -= 1;
		if (cursor !== undefined) sent.push(cursor);
		const params: IDataObject = { count: POLL_PAGE_SIZE, category: 'UNREAD' };
		if (cursor !== undefined) params.cursor = cursor;
		const data = (await linkUpApiRequest.call(this, {
			method: 'POST',
			path: '/v2/messages',
			body: { account_id: accountId, action: 'list_inbox', params },
		})) as LinkUpInboxPage;
		const page = Array.isArray(data.conversations) ? data.conversations : [];
		pages.push(page);
		const next = typeof data.next_cursor === 'string' && data.next_cursor !== '' ? data.next_cursor : undefined;
		if (next === undefined) return { pages };
		if (sent.includes(next)) {
			throw linkUpApiError(this.getNode(), {
				code: 'REPEATED_CURSOR',
				httpCode: '',
				message: 'LinkUp returned a page cursor it had already returned',
				description: 'Nothing was emitted and nothing is lost: the next poll retries from the start.',
			});
		}
		// An empty page with a new cursor says nothing about what follows: read on.
		if (page.length > 0 && !readNext(page, pages)) return { pages };
		cursor = next;
	}
}

/** Every page this poll reads, before anything is decided or stored. */
async function listForPoll(this: IPollFunctions, accountId: string, state: PollState | undefined): Promise<PollListing> {
	const budget: Budget = { pages: MAX_PAGES_PER_POLL };
	const seen = state?.seen ?? {};
	const top = await scanUnread.call(this, accountId, undefined, budget, (page, pages) =>
		shouldReadNextPage(page, horizonFor(state, pages.flat()), seen),
	);
	const backlog: PollListing['backlog'] = [];
	for (const segment of state?.backlog ?? []) {
		if (budget.pages <= 0) break;
		const horizon = segmentHorizon(segment);
		const scan = await scanUnread.call(this, accountId, segment.cursor, budget, (page) =>
			shouldReadNextPage(page, horizon, seen),
		);
		backlog.push({ segment, scan });
	}
	return { top, backlog };
}

function toItems(conversations: LinkUpConversation[], simplify: boolean): INodeExecutionData[] {
	return conversations.map((conversation) => ({
		json: simplify ? simplifyConversation(conversation) : (conversation as unknown as IDataObject),
	}));
}

/** "Fetch Test Event": the newest unread conversation; never reads or writes the stored state. */
async function newestUnread(this: IPollFunctions, accountId: string, options: TriggerOptions, simplify: boolean) {
	const scan = await scanUnread.call(this, accountId, undefined, { pages: 1 }, () => false);
	const sample = decidePoll(emptyPollState(), { top: scan, backlog: [] }, options).emit.pop();
	if (!sample) {
		throw new NodeOperationError(this.getNode(), 'No unread LinkedIn conversation to show', {
			description:
				'Mark a conversation as unread on LinkedIn (or wait for a new message), then fetch the test event again.',
		});
	}
	return [toItems([sample], simplify)];
}

export async function pollInbox(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const accountId = this.getNodeParameter('accountId', '', { extractValue: true }) as string;
	const problem = accountIdProblem(accountId);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const rawOptions = this.getNodeParameter('options', {}) as IDataObject;
	const options: TriggerOptions = {
		includeOwnLastMessage: rawOptions.includeOwnLastMessage === true,
		includeSponsored: rawOptions.includeSponsored === true,
	};
	if (this.getMode() === 'manual') return await newestUnread.call(this, accountId.trim(), options, simplify);

	const store = this.getWorkflowStaticData('node');
	const stored = readPollState(store[STATE_KEY]);
	const state = stored ?? (rawOptions.emitExistingOnFirstPoll === true ? emptyPollState() : undefined);
	const listing = await listForPoll.call(this, accountId.trim(), state);
	const { emit, next } = decidePoll(state, listing, options);
	// One assignment, after every page succeeded: a failed poll leaves the state as it was.
	store[STATE_KEY] = next as unknown as IDataObject;
	return emit.length > 0 ? [toItems(emit, simplify)] : null;
}
