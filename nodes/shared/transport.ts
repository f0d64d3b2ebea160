import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { normalizeBaseUrl } from './baseUrl';
import { CREDENTIAL_TYPE, REQUEST_TIMEOUT_MS } from './constants';
import { describeNetworkFailure, readLinkUpEnvelope, type LinkUpFailure } from './errors';

type LinkUpContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

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

/** One LinkUp call; returns the envelope's `data` or throws a `NodeApiError` for the user. */
export async function linkUpApiRequest(
	this: LinkUpContext,
	request: LinkUpRequest,
): Promise<IDataObject> {
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
	let response: { statusCode?: number; body?: unknown };
	try {
		response = await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		);
	} catch (error) {
		throw toLinkUpApiError(this.getNode(), error, baseURL);
	}
	const envelope = readLinkUpEnvelope(response.statusCode, response.body);
	if (!envelope.ok) throw linkUpApiError(this.getNode(), envelope.failure);
	return envelope.data as IDataObject;
}

function networkErrorCode(error: unknown): string | undefined {
	const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	const found = typeof code === 'string' ? code : cause?.code;
	return typeof found === 'string' ? found : undefined;
}
