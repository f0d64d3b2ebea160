/** Response envelopes of LinkUp API v2 and the sandbox's internal reply shape. */
import type { ErrorCode, Fault } from './types';

export const ERROR_STATUS: Record<ErrorCode, number> = {
	INVALID_API_KEY: 403,
	ACCOUNT_INACTIVE: 403,
	INVALID_ACCOUNT: 404,
	INSUFFICIENT_CREDITS: 402,
	RATE_LIMITED: 429,
	INVALID_PARAMS: 400,
	INVALID_ACTION: 400,
	INTERNAL_ERROR: 500,
};

/** What the HTTP layer writes. `body` is JSON-serialised unless it is a string. */
export interface Reply {
	status: number;
	body: unknown;
	contentType?: string;
	headers?: Record<string, string>;
	credits: number;
	fault?: Fault;
	/** never answer (HANG) */
	hang?: boolean;
}

export interface SuccessEnvelope<T> {
	success: true;
	data: T;
	metadata: {
		action: string;
		account_id: string | null;
		credits_consumed: number;
		timestamp: string;
	};
}

export interface ErrorEnvelope {
	success: false;
	error: { code: ErrorCode | string; message: string };
	metadata: { action: string | null; credits_consumed: 0; timestamp: string };
}

export function success<T>(
	action: string,
	accountId: string | null,
	credits: number,
	data: T,
): Reply {
	const body: SuccessEnvelope<T> = {
		success: true,
		data,
		metadata: {
			action,
			account_id: accountId,
			credits_consumed: credits,
			timestamp: new Date().toISOString(),
		},
	};
	return { status: 200, body, credits };
}

export function errorBody(
	code: ErrorCode | string,
	message: string,
	action: string | null,
): ErrorEnvelope {
	return {
		success: false,
		error: { code, message },
		metadata: { action, credits_consumed: 0, timestamp: new Date().toISOString() },
	};
}

/** An error reply with the documented status for the code (429 carries Retry-After: 1). */
export function failure(code: ErrorCode, message: string, action: string | null): Reply {
	const reply: Reply = {
		status: ERROR_STATUS[code],
		body: errorBody(code, message, action),
		credits: 0,
	};
	if (code === 'RATE_LIMITED') reply.headers = { 'retry-after': '1' };
	return reply;
}
