/** Fault queue and the responses each fault produces. */
import { errorBody, failure, type Reply, type SuccessEnvelope } from './envelope';
import {
	CURSOR_FAULTS,
	FAULTS,
	type CursorFault,
	type ErrorCode,
	type Fault,
	type FaultOptions,
	type FaultPath,
	type PendingFault,
} from './types';

export const FAULT_MESSAGES: Record<ErrorCode, string> = {
	INVALID_API_KEY: 'Invalid or missing API key',
	ACCOUNT_INACTIVE:
		'This account is inactive or suspended. Reconnect it from your LinkUp dashboard.',
	INVALID_ACCOUNT: 'Account not found or not owned by this API key',
	INSUFFICIENT_CREDITS: 'Insufficient credits: this request needs 1 credit and your balance is 0',
	RATE_LIMITED: 'Too many requests. Please retry after 1 second.',
	INVALID_PARAMS: 'params.count must be an integer between 1 and 1000',
	INVALID_ACTION: 'Unknown action for this endpoint',
	INTERNAL_ERROR: 'An internal error occurred. Please try again later.',
};

export const MALFORMED_JSON_BODY =
	'{"success":true,"data":{"conversations":[{"conversation_id":"urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB3x';

export const HTML_502_BODY =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

export const FAULT_PATHS: readonly FaultPath[] = ['/v2/messages', '/v2/accounts', '/v2/webhooks'];

export function isFault(x: unknown): x is Fault {
	return typeof x === 'string' && (FAULTS as readonly string[]).includes(x);
}

export function isCursorFault(f: Fault): f is CursorFault {
	return (CURSOR_FAULTS as readonly string[]).includes(f);
}

/** Which fault path a request path belongs to (undefined: no fault applies). */
export function faultPathOf(path: string): FaultPath | undefined {
	if (path === '/v2/messages') return '/v2/messages';
	if (path === '/v2/accounts' || path.startsWith('/v2/accounts/')) return '/v2/accounts';
	if (path === '/v2/webhooks' || path.startsWith('/v2/webhooks/')) return '/v2/webhooks';
	return undefined;
}

/** Validated PendingFault from user input; throws TypeError with a readable message. */
export function pendingFault(fault: unknown, opts: FaultOptions = {}): PendingFault {
	if (!isFault(fault))
		throw new TypeError(`unknown fault ${JSON.stringify(fault)}; one of ${FAULTS.join(', ')}`);
	const times = opts.times ?? 1;
	const skip = opts.skip ?? 0;
	const path = opts.path ?? '/v2/messages';
	if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
		throw new TypeError('times must be an integer >= 1 or Infinity');
	}
	if (!Number.isInteger(skip) || skip < 0) throw new TypeError('skip must be an integer >= 0');
	if (!FAULT_PATHS.includes(path))
		throw new TypeError(`path must be one of ${FAULT_PATHS.join(', ')}`);
	if (isCursorFault(fault) && path !== '/v2/messages') {
		throw new TypeError(
			`${fault} only applies to /v2/messages (list_inbox and get_conversation pages)`,
		);
	}
	return { fault, times, skip, path };
}

/**
 * FIFO of faults. For each path only the first queued fault is considered. A request that the
 * fault can apply to first uses up `skip`, then gets the fault and uses up `times`.
 * Error and transport faults apply to any request on the path; cursor faults only to requests
 * that would otherwise get a successful list_inbox or get_conversation page.
 */
export class FaultQueue {
	private queue: PendingFault[] = [];

	add(p: PendingFault): void {
		this.queue.push(p);
	}

	clear(): void {
		this.queue = [];
	}

	pending(): PendingFault[] {
		return this.queue.map((p) => ({ ...p }));
	}

	/** The fault to apply to this request now, if any (and use it up). */
	take(path: FaultPath, kind: 'response' | 'cursor'): Fault | undefined {
		const head = this.queue.find((p) => p.path === path);
		if (!head || isCursorFault(head.fault) !== (kind === 'cursor')) return undefined;
		if (head.skip > 0) {
			head.skip -= 1;
			return undefined;
		}
		head.times -= 1;
		if (head.times <= 0) this.queue.splice(this.queue.indexOf(head), 1);
		return head.fault;
	}
}

/** The whole reply for an error or transport fault. */
export function faultReply(fault: Exclude<Fault, CursorFault>, action: string | null): Reply {
	switch (fault) {
		case 'SUCCESS_FALSE_200':
			return {
				status: 200,
				body: errorBody('INTERNAL_ERROR', FAULT_MESSAGES.INTERNAL_ERROR, action),
				credits: 0,
				fault,
			};
		case 'MALFORMED_JSON':
			return {
				status: 200,
				body: MALFORMED_JSON_BODY,
				contentType: 'application/json; charset=utf-8',
				credits: 0,
				fault,
			};
		case 'HTML_502':
			return { status: 502, body: HTML_502_BODY, contentType: 'text/html', credits: 0, fault };
		case 'HANG':
			return { status: 0, body: undefined, credits: 0, fault, hang: true };
		default:
			return { ...failure(fault, FAULT_MESSAGES[fault], action), fault };
	}
}

/** A page of list_inbox (`conversations`, with `total_results`) or get_conversation (`messages`). */
export type PageData = Record<string, unknown> & { next_cursor?: string | null };

/** A successful page a cursor fault may break: which array holds its rows, and the cursors it may answer with (issued only when asked for). */
export interface FaultCursors {
	itemsKey: 'conversations' | 'messages';
	/** the cursor of the request, if any */
	sent?: string;
	/** a cursor whose page is page 1 */
	firstPage: () => string;
	/** a cursor never issued before, at the position the request's page starts after */
	fresh: () => string;
}

/** Breaks the paging of a successful list_inbox or get_conversation reply in place. */
export function applyCursorFault(fault: CursorFault, reply: Reply, cursors: FaultCursors): void {
	const body = reply.body as SuccessEnvelope<PageData>;
	const same = (): string => cursors.sent ?? cursors.firstPage();
	switch (fault) {
		case 'REPEAT_CURSOR':
			body.data.next_cursor = same();
			break;
		case 'EMPTY_STRING_CURSOR':
			body.data.next_cursor = '';
			break;
		case 'MISSING_CURSOR':
			delete body.data.next_cursor;
			break;
		case 'EMPTY_PAGE_WITH_CURSOR':
		case 'EMPTY_PAGE_NEW_CURSOR':
			body.data[cursors.itemsKey] = [];
			// total_results counts the rows of a list_inbox page; get_conversation's total_message_count is the conversation's
			if (cursors.itemsKey === 'conversations') body.data.total_results = 0;
			body.data.next_cursor = fault === 'EMPTY_PAGE_NEW_CURSOR' ? cursors.fresh() : same();
			body.metadata.credits_consumed = 0;
			reply.credits = 0;
			break;
	}
	reply.fault = fault;
}
