/** What the user is told about a failed LinkUp call: what happened, and how to fix it. */
export interface LinkUpFailure {
	message: string;
	description: string;
	httpCode: string;
	/** LinkUp's `error.code`, or a code of ours for failures without an envelope. */
	code: string;
}

const TOP_UP = 'Top up credits in your LinkUp dashboard.';

/** Network codes of a request that got no answer in time. */
const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT'];

/** What the user is told for each documented LinkUp error code. */
export const LINKUP_ERROR_GUIDANCE: Readonly<
	Record<string, { message: string; description: string }>
> = {
	INVALID_API_KEY: {
		message: 'LinkUp rejected the API key',
		description:
			'Open the LinkUp API credential and paste a valid API key from your LinkUp dashboard (the key may be wrong, expired or revoked).',
	},
	ACCOUNT_INACTIVE: {
		message: 'The LinkedIn account is inactive in LinkUp',
		description:
			'Reconnect the LinkedIn account in your LinkUp dashboard, or pick an active account in Account.',
	},
	INVALID_ACCOUNT: {
		message: 'LinkUp does not know this account',
		description:
			'Pick another account in Account: it must be connected to the LinkUp API key of this credential.',
	},
	INSUFFICIENT_CREDITS: {
		message: 'Your LinkUp credits are used up',
		description: `${TOP_UP} Listing costs 1 credit per 10 conversations returned.`,
	},
	RATE_LIMITED: {
		message: 'LinkUp rate limit reached',
		description: 'Too many requests for this API key. Retry later, or poll less often.',
	},
	INVALID_PARAMS: {
		message: 'LinkUp refused a parameter',
		description: 'Check the parameters of this node.',
	},
	INVALID_ACTION: {
		message: 'LinkUp does not support this action',
		description:
			'This is a bug in n8n-nodes-linkup-messaging or a change in the LinkUp API: please report it.',
	},
	INTERNAL_ERROR: {
		message: 'LinkUp had an internal error',
		description: 'Retry later. If it keeps failing, contact LinkUp support.',
	},
};

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failure(code: string, httpCode: number | undefined, message: string, description: string) {
	return { code, httpCode: String(httpCode ?? ''), message, description };
}

/** The LinkUp error envelope (`success: false`) or HTTP failure turned into words for the user. */
export function describeLinkUpFailure(
	statusCode: number | undefined,
	body: unknown,
): LinkUpFailure {
	const error = isObject(body) && isObject(body.error) ? body.error : undefined;
	const code = typeof error?.code === 'string' ? error.code : undefined;
	const apiMessage = typeof error?.message === 'string' ? error.message.trim() : '';
	const known = code ? LINKUP_ERROR_GUIDANCE[code] : undefined;
	if (known && code) {
		const message =
			code === 'INVALID_PARAMS' && apiMessage ? `${known.message}: ${apiMessage}` : known.message;
		return failure(code, statusCode, message, known.description);
	}
	if (code) {
		const detail = apiMessage ? `: ${apiMessage}` : '';
		return failure(code, statusCode, `LinkUp returned error ${code}${detail}`, 'Retry later.');
	}
	if (typeof body === 'string' || body === undefined || body === null) {
		const status = statusCode && statusCode >= 300 ? ` (HTTP ${statusCode})` : '';
		return failure(
			'INVALID_RESPONSE',
			statusCode,
			`LinkUp sent a response that is not valid JSON${status}`,
			'LinkUp or a proxy in between may be down. Retry later; check the Base URL of the credential.',
		);
	}
	return failure(
		'UNEXPECTED_RESPONSE',
		statusCode,
		`LinkUp answered with HTTP ${statusCode ?? '?'} and no usable data`,
		'Retry later; check the Base URL of the credential.',
	);
}

/** A request that never produced an HTTP response (timeout, refused connection, DNS). */
export function describeNetworkFailure(
	errorCode: string | undefined,
	baseUrl?: string,
): LinkUpFailure {
	const timedOut = errorCode !== undefined && TIMEOUT_CODES.includes(errorCode);
	return failure(
		errorCode ?? 'NETWORK_ERROR',
		undefined,
		timedOut
			? 'LinkUp did not answer in time'
			: `Could not reach LinkUp${baseUrl ? ` at ${baseUrl}` : ''}`,
		timedOut
			? 'The request timed out. Retry later.'
			: 'Check the Base URL of the credential and your network connection.',
	);
}

/**
 * The `data` of a successful LinkUp envelope, or the failure to report. A body with
 * `success: false` is a failure whatever the HTTP status.
 */
export function readLinkUpEnvelope(
	statusCode: number | undefined,
	body: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; failure: LinkUpFailure } {
	const ok = statusCode !== undefined && statusCode >= 200 && statusCode < 300;
	if (ok && isObject(body) && body.success === true && isObject(body.data)) {
		return { ok: true, data: body.data };
	}
	return { ok: false, failure: describeLinkUpFailure(statusCode, body) };
}

/** What each message action other than listing costs, for the out-of-credits description. */
const ACTION_COSTS = {
	get_conversation: 'Reading a conversation costs 1 credit per 10 messages returned.',
	send: 'Sending a message costs 1 credit, 2 with media.',
} as const;

export type MessageAction = keyof typeof ACTION_COSTS;

/**
 * A failure worded for the action that failed: out of credits names that action's price, and a
 * send that timed out may have reached LinkedIn all the same (LinkUp may have sent it before the
 * answer was lost), so it says to look before sending again.
 */
export function describeForAction(failure: LinkUpFailure, action: MessageAction): LinkUpFailure {
	if (failure.code === 'INSUFFICIENT_CREDITS') {
		return { ...failure, description: `${TOP_UP} ${ACTION_COSTS[action]}` };
	}
	if (action === 'send' && TIMEOUT_CODES.includes(failure.code)) {
		return {
			...failure,
			description:
				'The request timed out, but LinkUp may have sent the message: check the conversation (Get Conversation) before sending it again.',
		};
	}
	return failure;
}
