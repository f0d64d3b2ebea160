/**
 * Control endpoints under /__sandbox/ (no API key) for processes that cannot call sandbox methods.
 * Answers `{ ok: true, ... }`, or `{ ok: false, error }` with 400 (bad input) / 404 (unknown).
 */
import type { Reply } from './envelope';
import { SandboxNotFoundError } from './inbox';
import type { Sandbox } from './server';
import { checkLatency, checkPageSize } from './settings';
import type { FaultOptions, SandboxConversation } from './types';

type Body = Record<string, unknown>;

const ok = (data: Record<string, unknown> = {}): Reply => ({
	status: 200,
	body: { ok: true, ...data },
	credits: 0,
});
const fail = (status: number, error: string): Reply => ({
	status,
	body: { ok: false, error },
	credits: 0,
});

function str(body: Body, key: string): string | undefined {
	const v = body[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'string') throw new TypeError(`${key} must be a string`);
	return v;
}

function num(body: Body, key: string): number | undefined {
	const v = body[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'number') throw new TypeError(`${key} must be a number`);
	return v;
}

function required(body: Body, key: string): string {
	const v = str(body, key);
	if (!v) throw new TypeError(`${key} is required`);
	return v;
}

export function handleControl(
	sandbox: Sandbox,
	method: string,
	path: string,
	rawBody: unknown,
	invalidJson: boolean,
	query: Record<string, string> = {},
): Reply {
	if (invalidJson) return fail(400, 'body must be valid JSON');
	const body: Body =
		typeof rawBody === 'object' && rawBody !== null && !Array.isArray(rawBody)
			? (rawBody as Body)
			: {};
	// GET endpoints take their input from the query string
	if (method === 'GET') Object.assign(body, query);
	try {
		return dispatch(sandbox, `${method} ${path}`, body);
	} catch (err) {
		if (err instanceof SandboxNotFoundError) return fail(404, err.message);
		return fail(400, err instanceof Error ? err.message : String(err));
	}
}

function dispatch(sandbox: Sandbox, route: string, body: Body): Reply {
	const inbox = sandbox.inbox;
	const accountId = (): string => str(body, 'accountId') ?? sandbox.accountId;
	switch (route) {
		case 'GET /__sandbox/state':
			return ok({
				url: sandbox.url,
				apiKey: sandbox.apiKey,
				accountId: sandbox.accountId,
				accounts: inbox.accounts(),
				conversations: inbox.snapshot(),
				creditsConsumed: sandbox.creditsConsumed,
				requestCount: sandbox.requests.length,
				maxPageSize: sandbox.maxPageSize,
				latencyMs: sandbox.latencyMs,
				faults: sandbox
					.pendingFaults()
					.map((f) => ({ ...f, times: f.times === Infinity ? -1 : f.times })),
			});
		case 'GET /__sandbox/requests':
			return ok({ requests: sandbox.requests });
		case 'DELETE /__sandbox/requests':
			sandbox.clearRequests();
			return ok();
		case 'POST /__sandbox/reset':
			sandbox.reset();
			return ok();
		case 'POST /__sandbox/fault': {
			const times = body.times === -1 || body.times === 'forever' ? Infinity : num(body, 'times');
			const opts: FaultOptions = {
				times,
				skip: num(body, 'skip'),
				path: str(body, 'path') as FaultOptions['path'],
			};
			sandbox.injectFault(body.fault as never, opts);
			return ok({ faults: sandbox.pendingFaults().length });
		}
		case 'DELETE /__sandbox/fault':
			sandbox.clearFaults();
			return ok();
		case 'POST /__sandbox/message': {
			const conversationId = str(body, 'conversationId');
			const text = str(body, 'text');
			const time = num(body, 'time');
			const fromMe = body.fromMe === true;
			const conversation = conversationId
				? inbox.receiveMessage(accountId(), conversationId, {
						text: text ?? 'New message 💬',
						time,
						fromMe,
					})
				: inbox.newConversation(accountId(), {
						participantName: str(body, 'participantName'),
						text,
						time,
						fromMe,
					});
			return ok({ conversation });
		}
		case 'GET /__sandbox/messages':
			return ok({ messages: inbox.messages(accountId(), required(body, 'conversationId')) });
		case 'POST /__sandbox/conversation':
			return ok({
				conversation: inbox.addConversation(accountId(), body.conversation as SandboxConversation),
			});
		case 'POST /__sandbox/read':
			return ok({ conversation: inbox.markRead(accountId(), required(body, 'conversationId')) });
		case 'POST /__sandbox/unread':
			return ok({ conversation: inbox.markUnread(accountId(), required(body, 'conversationId')) });
		case 'POST /__sandbox/remove':
			return ok({ removed: inbox.remove(accountId(), required(body, 'conversationId')) });
		case 'POST /__sandbox/bump':
			return ok({
				conversation: inbox.bump(accountId(), required(body, 'conversationId'), num(body, 'time')),
			});
		case 'POST /__sandbox/expire-cursors':
			sandbox.expireCursors();
			return ok();
		case 'POST /__sandbox/config': {
			const maxPageSize = num(body, 'maxPageSize');
			const latencyMs = num(body, 'latencyMs');
			if (maxPageSize !== undefined) checkPageSize(maxPageSize);
			if (latencyMs !== undefined) checkLatency(latencyMs);
			if (maxPageSize !== undefined) sandbox.setMaxPageSize(maxPageSize);
			if (latencyMs !== undefined) sandbox.setLatency(latencyMs);
			return ok({ maxPageSize: sandbox.maxPageSize, latencyMs: sandbox.latencyMs });
		}
		default:
			return fail(404, `no control endpoint ${route}`);
	}
}
