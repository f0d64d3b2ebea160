import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { pageCursor } from '../shared/pagination';
import { simplifyConversation } from '../shared/simplify';
import { linkUpApiError, linkUpApiRequest, linkUpFailureOf, toLinkUpApiError } from '../shared/transport';
import type { LinkUpConversation, LinkUpInboxPage } from '../shared/types';
import { accountIdProblem } from '../shared/validation';
import {
	decidePoll,
	isEmittable,
	shouldReadOn,
	shouldResumeOn,
	type PollListing,
	type Scan,
	type TriggerOptions,
} from './pollDecision';
import { MAX_PAGES_PER_POLL, POLL_PAGE_SIZE, emptyPollState, readPollState, type PollState } from './pollState';

const STATE_KEY = 'linkUpInbox';
const REPEATED_CURSOR = 'REPEATED_CURSOR';

/** Pages left this poll, and when to stop so n8n's poll time budget is never overrun. */
interface Budget {
	pages: number;
	deadline: number;
}

function budgetFor(context: IPollFunctions): Budget {
	// getPollBudgetMs is n8n 2.x only; stop listing at 60% of it, the rest resumes next poll.
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	const deadline = typeof budgetMs === 'number' && budgetMs > 0 ? Date.now() + budgetMs * 0.6 : Infinity;
	return { pages: MAX_PAGES_PER_POLL, deadline };
}

/** Lists UNREAD pages from `startCursor` while `readOn` says so and the budget lasts. */
async function scanUnread(
	this: IPollFunctions,
	accountId: string,
	startCursor: string | undefined,
	budget: Budget,
	readOn: (page: LinkUpConversation[], listed: LinkUpConversation[]) => boolean,
): Promise<Scan> {
	const pages: LinkUpConversation[][] = [];
	const sent: string[] = [];
	let cursor = startCursor;
	for (;;) {
		if (budget.pages <= 0 || Date.now() > budget.deadline) return { pages, ended: false, next: cursor };
		budget.pages -= 1;
		const params: IDataObject = { count: POLL_PAGE_SIZE, category: 'UNREAD' };
		if (cursor !== undefined) {
			params.cursor = cursor;
			sent.push(cursor);
		}
		const data = (await linkUpApiRequest.call(this, {
			method: 'POST',
			path: '/v2/messages',
			body: { account_id: accountId, action: 'list_inbox', params },
		})) as LinkUpInboxPage;
		const page = Array.isArray(data.conversations) ? data.conversations : [];
		pages.push(page);
		const next = pageCursor(data);
		if (next === undefined) return { pages, ended: true };
		if (sent.includes(next)) {
			throw linkUpApiError(this.getNode(), {
				code: REPEATED_CURSOR,
				httpCode: '',
				message: 'LinkUp returned a page cursor it had already returned',
				description: 'Nothing was emitted and nothing is lost: the next poll lists again.',
			});
		}
		if (!readOn(page, pages.flat())) return { pages, ended: false };
		cursor = next;
	}
}

/** A stored cursor LinkUp no longer takes (refused or looping) must not block the trigger. */
function isRefusedCursor(error: unknown): boolean {
	const code = linkUpFailureOf(error)?.code;
	return code === 'INVALID_PARAMS' || code === REPEATED_CURSOR;
}

/** Every page this poll reads, before anything is decided or stored. */
async function listForPoll(this: IPollFunctions, accountId: string, state: PollState | undefined): Promise<PollListing> {
	const budget = budgetFor(this);
	const top = await scanUnread.call(this, accountId, undefined, budget, (page, listed) => shouldReadOn(page, state, listed));
	const resume = state?.resume;
	if (!resume || top.next || budget.pages <= 0) return { top };
	try {
		const scan = await scanUnread.call(this, accountId, resume.cursor ?? undefined, budget, (page) => shouldResumeOn(page, resume));
		return { top, resume: scan };
	} catch (error) {
		if (resume.cursor !== null && isRefusedCursor(error)) return { top, resumeRefused: true };
		throw toLinkUpApiError(this.getNode(), error);
	}
}

function toItems(conversations: LinkUpConversation[], simplify: boolean): INodeExecutionData[] {
	return conversations.map((conversation) => ({
		json: simplify ? simplifyConversation(conversation) : (conversation as unknown as IDataObject),
	}));
}

/** "Fetch Test Event": the newest unread conversation; never reads or writes the stored state. */
async function newestUnread(this: IPollFunctions, accountId: string, options: TriggerOptions, simplify: boolean) {
	const eligible = (conversation: LinkUpConversation) => isEmittable(conversation, options);
	const scan = await scanUnread.call(this, accountId, undefined, { pages: 3, deadline: Infinity }, (page) => !page.some(eligible));
	const sample = scan.pages.flat().find(eligible);
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
	const stored = readPollState(store[STATE_KEY], accountId);
	const state = stored ?? (rawOptions.emitExistingOnFirstPoll === true ? emptyPollState(accountId) : undefined);
	const listing = await listForPoll.call(this, accountId, state);
	const { emit, next } = decidePoll(state, listing, options, accountId);
	// One assignment, after every page succeeded: a failed poll leaves the state as it was.
	store[STATE_KEY] = next as unknown as IDataObject;
	return emit.length > 0 ? [toItems(emit, simplify)] : null;
}
