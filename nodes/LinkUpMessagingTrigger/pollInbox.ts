import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
} from 'n8n-workflow';

import { walkPages } from '../shared/pageWalker';
import { simplifyConversation } from '../shared/simplify';
import type { LinkUpConversation } from '../shared/types';
import { accountIdProblem } from '../shared/validation';
import { listForPoll, unreadPages } from './listing';
import { decidePoll, isEmittable, seed, type TriggerOptions } from './pollDecision';
import { POLL_PAGE_SIZE, emptyPollState, readPollState } from './pollState';

const STATE_KEY = 'linkUpInbox';

function toItems(conversations: LinkUpConversation[], simplify: boolean): INodeExecutionData[] {
	return conversations.map((conversation) => ({
		json: simplify ? simplifyConversation(conversation) : (conversation as unknown as IDataObject),
	}));
}

/** "Fetch Test Event": the newest unread conversation; never reads or writes the stored state. */
async function newestUnread(
	this: IPollFunctions,
	accountId: string,
	options: TriggerOptions,
	simplify: boolean,
) {
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
	const accountId = (
		this.getNodeParameter('accountId', '', { extractValue: true }) as string
	).trim();
	const problem = accountIdProblem(accountId);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const rawOptions = this.getNodeParameter('options', {}) as IDataObject;
	const options: TriggerOptions = {
		includeOwnLastMessage: rawOptions.includeOwnLastMessage === true,
		includeSponsored: rawOptions.includeSponsored === true,
	};
	if (this.getMode() === 'manual')
		return await newestUnread.call(this, accountId, options, simplify);

	const store = this.getWorkflowStaticData('node');
	const info = { accountId, now: Date.now() };
	// No stored state: this poll seeds, unless asked to emit what is already unread.
	const state =
		readPollState(store[STATE_KEY], accountId, info.now) ??
		(rawOptions.emitExistingOnFirstPoll === true ? emptyPollState(accountId) : undefined);
	const listing = await listForPoll.call(this, accountId, state, info.now);
	const { emit, next } = state
		? decidePoll(state, listing, options, info)
		: { emit: [], next: seed(listing.top, info) };
	// One assignment, after every page succeeded: a failed poll leaves the state as it was.
	store[STATE_KEY] = next as unknown as IDataObject;
	return emit.length > 0 ? [toItems(emit, simplify)] : null;
}
