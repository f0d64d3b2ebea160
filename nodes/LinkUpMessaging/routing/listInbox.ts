import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { pageCursor, type PageFetcher } from '../../shared/pageWalker';
import { uniqueConversations } from '../../shared/pagination';
import { simplifyConversation } from '../../shared/simplify';
import type { LinkUpConversation, LinkUpInboxPage } from '../../shared/types';
import { accountIdProblem, categoryProblem, limitProblem } from '../../shared/validation';
import { listUpTo, routedRequest } from './request';

/** preSend: refuse a bad account or category (what the description routes) before anything is sent. */
export async function validateListInboxRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const params = (body.params ?? {}) as IDataObject;
	const problem = accountIdProblem(body.account_id) ?? categoryProblem(params.category);
	if (problem)
		throw new NodeOperationError(this.getNode(), problem, { itemIndex: this.getItemIndex() });
	body.account_id = (body.account_id as string).trim();
	return requestOptions;
}

/**
 * Pagination for both Limit and Return All: the shared page walker follows `next_cursor` until
 * the Limit is met or the listing ends (an empty page or a repeated cursor ends it too),
 * re-sending the whole body on every page.
 */
export async function fetchInboxPages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// Limit is not routed (this function sets params.count): it is checked here, before any request.
	const limitValue = (this.getNodeParameter('returnAll', false) as boolean)
		? undefined
		: this.getNodeParameter('limit', 50);
	const problem = limitValue === undefined ? undefined : limitProblem(limitValue);
	if (problem)
		throw new NodeOperationError(this.getNode(), problem, { itemIndex: this.getItemIndex() });
	const limit = limitValue as number | undefined;
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const body = (requestData.options.body ?? {}) as IDataObject;
	const params = (body.params ?? {}) as IDataObject;
	const fetchPage: PageFetcher<LinkUpConversation> = async (cursor, count) => {
		const pageParams: IDataObject = { ...params, count };
		if (cursor !== undefined) pageParams.cursor = cursor;
		const page: LinkUpInboxPage = await routedRequest.call(this, requestData, {
			...body,
			params: pageParams,
		});
		return {
			items: Array.isArray(page.conversations) ? page.conversations : [],
			next: pageCursor(page),
		};
	};
	const conversations = await listUpTo(fetchPage, limit, uniqueConversations);
	return conversations.map((conversation) => ({
		json: simplify ? simplifyConversation(conversation) : (conversation as unknown as IDataObject),
	}));
}
