import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { normalizeBaseUrl } from '../../shared/baseUrl';
import { CREDENTIAL_TYPE, REQUEST_TIMEOUT_MS, RETURN_ALL_PAGE_SIZE } from '../../shared/constants';
import { pageCursor, walkPages, type PageFetcher } from '../../shared/pageWalker';
import { nextPageCount, uniqueConversations } from '../../shared/pagination';
import { simplifyConversation } from '../../shared/simplify';
import { toLinkUpApiError } from '../../shared/transport';
import type { LinkUpConversation, LinkUpInboxPage } from '../../shared/types';
import { accountIdProblem, categoryProblem, limitProblem } from '../../shared/validation';

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
		const page = await requestInboxPage.call(this, requestData, { ...body, params: pageParams });
		return {
			items: Array.isArray(page.conversations) ? page.conversations : [],
			next: pageCursor(page),
		};
	};
	// A conversation listed twice (a page served again) counts once towards the Limit.
	const collected = (listed: LinkUpConversation[]) => uniqueConversations(listed).length;
	const walk = await walkPages(fetchPage, {
		count: (listed) => nextPageCount(limit, collected(listed), RETURN_ALL_PAGE_SIZE),
		readOn: (page, listed) => page.length > 0 && (limit === undefined || collected(listed) < limit),
	});
	return uniqueConversations(walk.pages.flat())
		.slice(0, limit)
		.map((conversation) => ({
			json: simplify
				? simplifyConversation(conversation)
				: (conversation as unknown as IDataObject),
		}));
}

async function requestInboxPage(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	body: IDataObject,
): Promise<LinkUpInboxPage> {
	// makeRoutingRequest mutates the options it is given: every page gets its own copy.
	const pageRequest = {
		...requestData,
		options: { ...requestData.options, body, timeout: REQUEST_TIMEOUT_MS },
	};
	try {
		const [item] = await this.makeRoutingRequest(pageRequest);
		return (item?.json ?? {}) as LinkUpInboxPage;
	} catch (error) {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		throw toLinkUpApiError(this.getNode(), error, normalizeBaseUrl(credentials.baseUrl));
	}
}
