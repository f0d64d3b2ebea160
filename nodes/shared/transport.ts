import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { normalizeBaseUrl } from './baseUrl';
import { CREDENTIAL_TYPE, REQUEST_TIMEOUT_MS } from './constants';
import {
	describeLinkUpFailure,
	describeNetworkFailure,
	readLinkUpEnvelope,
	type LinkUpFailure,
} from './errors';

type LinkUpContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;

interface LinkUpRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/**
 * The error users see. Built from our own words only: the HTTP client's error holds the
 * request headers, and with them the API key.
 */
export function linkUpApiError(node: INode, failure: LinkUpFailure): NodeApiError {
	const response: JsonObject = { code: failure.code, message: failure.message };
	const error = new NodeApiError(node, response, {
		message: failure.message,
		description: failure.description,
		httpCode: failure.httpCode || undefined,
	});
	// NodeApiError swaps the message for n8n's generic wording when the code is a Node.js network
	// code (ECONNREFUSED, ECONNABORTED, ...): keep the message that names the cause and the fix.
	error.message = failure.message;
	worded.set(error, failure);
	return error;
}

const worded = new WeakMap<Error, LinkUpFailure>();

/** Whether an error already carries our wording (else it came from the HTTP layer). */
export function isLinkUpApiError(error: unknown): boolean {
	return linkUpFailureOf(error) !== undefined;
}

/** The failure behind one of our errors (its LinkUp code), if it is one. */
export function linkUpFailureOf(error: unknown): LinkUpFailure | undefined {
	return error instanceof Error ? worded.get(error) : undefined;
}

/** Any failure of a request as a LinkUp error: ours as they are, network ones reworded. */
export function toLinkUpApiError(node: INode, error: unknown, baseUrl?: string): NodeApiError {
	if (isLinkUpApiError(error)) return error as NodeApiError;
	return linkUpApiError(node, describeNetworkFailure(networkErrorCode(error), baseUrl));
}

type LinkUpResponse = { statusCode?: number; body?: unknown };

async function send(this: LinkUpContext, request: LinkUpRequest): Promise<LinkUpResponse> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const baseURL = normalizeBaseUrl(credentials.baseUrl);
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL,
		url: request.path,
		body: request.body,
		qs: request.qs,
		json: true,
		timeout: REQUEST_TIMEOUT_MS,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	try {
		return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options);
	} catch (error) {
		throw toLinkUpApiError(this.getNode(), error, baseURL);
	}
}

/** One LinkUp call; returns the envelope's `data` or throws a `NodeApiError` for the user. */
export async function linkUpApiRequest(
	this: LinkUpContext,
	request: LinkUpRequest,
): Promise<IDataObject> {
	const response = await send.call(this, request);
	const envelope = readLinkUpEnvelope(response.statusCode, response.body);
	if (!envelope.ok) throw linkUpApiError(this.getNode(), envelope.failure);
	return envelope.data as IDataObject;
}

/**
 * For answers LinkUp does not document (the webhook list, DELETE): any 2xx that is not
 * `success: false` succeeds, with its `data` whatever its shape (undefined for an empty body).
 */
export async function linkUpApiRequestLoose(
	this: LinkUpContext,
	request: LinkUpRequest,
): Promise<unknown> {
	const response = await send.call(this, request);
	const { statusCode, body } = response;
	const parsed = typeof body === 'object' && body !== null ? (body as IDataObject) : undefined;
	const succeeded =
		statusCode !== undefined && statusCode >= 200 && statusCode < 300 && parsed?.success !== false;
	if (succeeded) return parsed && 'data' in parsed ? parsed.data : parsed;
	throw linkUpApiError(this.getNode(), describeLinkUpFailure(statusCode, body));
}

function networkErrorCode(error: unknown): string | undefined {
	const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	const found = typeof code === 'string' ? code : cause?.code;
	return typeof found === 'string' ? found : undefined;
}
