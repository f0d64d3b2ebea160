import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
} from 'n8n-workflow';

import { normalizeBaseUrl } from '../../shared/baseUrl';
import { CREDENTIAL_TYPE, REQUEST_TIMEOUT_MS, RETURN_ALL_PAGE_SIZE } from '../../shared/constants';
import { describeForAction, type MessageAction } from '../../shared/errors';
import { walkPages, type PageFetcher } from '../../shared/pageWalker';
import { nextPageCount } from '../../shared/pagination';
import { linkUpApiError, linkUpFailureOf, toLinkUpApiError } from '../../shared/transport';

/**
 * One request through n8n's routing (postReceive readLinkUpData gives the envelope's `data`),
 * with our timeout; any failure comes out in our words, for `action` where it has its own.
 */
export async function routedRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	body: IDataObject,
	action?: MessageAction,
): Promise<IDataObject> {
	// makeRoutingRequest mutates the options it is given: every request gets its own copy.
	const request = {
		...requestData,
		options: { ...requestData.options, body, timeout: REQUEST_TIMEOUT_MS },
	};
	try {
		const [item] = await this.makeRoutingRequest(request);
		return item?.json ?? {};
	} catch (error) {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const apiError = toLinkUpApiError(this.getNode(), error, normalizeBaseUrl(credentials.baseUrl));
		const failure = linkUpFailureOf(apiError);
		const worded = failure && action ? describeForAction(failure, action) : failure;
		throw worded && worded !== failure ? linkUpApiError(this.getNode(), worded) : apiError;
	}
}

/**
 * Limit and Return All for both listings, through the shared page walker: a Limit asks for
 * exactly what is missing, Return All for pages of 100; an empty page ends the listing, and an
 * item served twice (a page served again) counts once and is kept at its first place.
 */
export async function listUpTo<T>(
	fetchPage: PageFetcher<T>,
	limit: number | undefined,
	unique: (items: T[]) => T[],
): Promise<T[]> {
	const collected = (listed: T[]) => unique(listed).length;
	const walk = await walkPages(fetchPage, {
		count: (listed) => nextPageCount(limit, collected(listed), RETURN_ALL_PAGE_SIZE),
		readOn: (page, listed) => page.length > 0 && (limit === undefined || collected(listed) < limit),
	});
	return unique(walk.pages.flat()).slice(0, limit);
}
