import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { conversationIdProblem, profileUrlProblem } from '../../shared/messageValidation';
import { pageCursor, type PageFetcher } from '../../shared/pageWalker';
import { conversationContext, simplifyMessage } from '../../shared/simplifyMessage';
import type { LinkUpConversationPage, LinkUpMessage } from '../../shared/types';
import { accountIdProblem, limitProblem } from '../../shared/validation';
import { listUpTo, routedRequest } from './request';

/**
 * preSend: refuse bad input before anything is sent (and billed), and send the Conversation
 * locator's value as `params.conversation_id` (By ID) or `params.profile_url` (By Profile URL).
 * A routing expression cannot do the latter: `$parameter` and `$rawParameter` give a locator's
 * value without its mode.
 */
export async function validateGetConversationRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const params = (body.params ?? {}) as IDataObject;
	const byUrl = this.getNodeParameter('conversation.mode', 'id') === 'url';
	const conversation = this.getNodeParameter('conversation', '', { extractValue: true }) as unknown;
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const problem =
		accountIdProblem(body.account_id) ??
		(byUrl
			? profileUrlProblem(conversation, 'Conversation (By Profile URL)')
			: conversationIdProblem(conversation)) ??
		(returnAll ? undefined : limitProblem(this.getNodeParameter('limit', 50)));
	if (problem)
		throw new NodeOperationError(this.getNode(), problem, { itemIndex: this.getItemIndex() });
	body.account_id = (body.account_id as string).trim();
	body.params = {
		...params,
		[byUrl ? 'profile_url' : 'conversation_id']: (conversation as string).trim(),
	};
	return requestOptions;
}

/** Messages in listing order, each once (a message served again on a later page keeps its first place). */
function uniqueMessages(messages: LinkUpMessage[]): LinkUpMessage[] {
	const seen = new Set<string>();
	return messages.filter((message) => {
		const id = message.entity_urn;
		if (typeof id !== 'string' || id === '') return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}

const isMessage = (value: unknown): value is LinkUpMessage =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Pagination for both Limit and Return All, exactly as List Inbox's: the shared page walker
 * follows `next_cursor` until the Limit is met or the conversation ends (an empty page or a
 * repeated cursor ends it too), re-sending the whole body on every page.
 */
export async function fetchConversationPages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = (this.getNodeParameter('returnAll', false) as boolean)
		? undefined
		: (this.getNodeParameter('limit', 50) as number);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const body = (requestData.options.body ?? {}) as IDataObject;
	const params = (body.params ?? {}) as IDataObject;
	let first: LinkUpConversationPage | undefined;
	const fetchPage: PageFetcher<LinkUpMessage> = async (cursor, count) => {
		const pageParams: IDataObject = { ...params, count };
		if (cursor !== undefined) pageParams.cursor = cursor;
		const page: LinkUpConversationPage = await routedRequest.call(
			this,
			requestData,
			{ ...body, params: pageParams },
			'get_conversation',
		);
		first ??= page;
		return {
			items: Array.isArray(page.messages) ? page.messages.filter(isMessage) : [],
			next: pageCursor(page),
		};
	};
	const messages = await listUpTo(fetchPage, limit, uniqueMessages);
	const context = conversationContext(first, params.conversation_id);
	const pairedItem = { item: this.getItemIndex() };
	return messages.map((message) => ({
		json: simplify ? simplifyMessage(message, context) : (message as IDataObject),
		pairedItem,
	}));
}
