/**
 * Control endpoints under /__sandbox/ (no API key) for processes that cannot call sandbox methods.
 * Answers `{ ok: true, ... }`, or `{ ok: false, error }` with 400 (bad input) / 404 (unknown).
 * With `wait: true` in the body (or `?wait=1`), the answer waits for sandbox.webhooks.settled().
 */
import { fail, num, ok, required, str, type Body } from './controlInput';
import type { Reply } from './envelope';
import { SandboxNotFoundError } from './inbox';
import type { Sandbox } from './server';
import { checkLatency, checkPageSize, checkWebhookSettings } from './settings';
import type { FaultOptions, SandboxConversation } from './types';
import { handleWebhookControl } from './webhookControl';

export function handleControl(
	sandbox: Sandbox,
	method: string,
	path: string,
	rawBody: unknown,
	invalidJson: boolean,
	query: Record<string, string> = {},
): Reply | Promise<Reply> {
	if (invalidJson) return fail(400, 'body must be valid JSON');
	const body: Body =
		typeof rawBody === 'object' && rawBody !== null && !Array.isArray(rawBody)
			? (rawBody as Body)
			: {};
	// GET endpoints take their input from the query string
	if (method === 'GET') Object.assign(body, query);
	try {
		const wait = [true, '1', 'true'].includes(body.wait as never);
		const reply = dispatch(sandbox, `${method} ${path}`, body);
		return wait ? sandbox.webhooks.settled().then(() => reply) : reply;
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
				webhooks: sandbox.webhooks.list().length,
				monitoringCredits: sandbox.webhooks.monitoringCredits(),
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
			const webhookSettings = checkWebhookSettings(body);
			if (maxPageSize !== undefined) sandbox.setMaxPageSize(maxPageSize);
			if (latencyMs !== undefined) sandbox.setLatency(latencyMs);
			return ok({
				maxPageSize: sandbox.maxPageSize,
				latencyMs: sandbox.latencyMs,
				...sandbox.webhooks.configure(webhookSettings),
			});
		}
		default:
			return (
				handleWebhookControl(sandbox, route, body) ?? fail(404, `no control endpoint ${route}`)
			);
	}
}
