/**
 * LinkUp API v2 sandbox over node:http on 127.0.0.1. See README.md.
 *
 *   const sandbox = await startSandbox({ inbox: realisticInbox(1, 35) });
 *   ... fetch(`${sandbox.url}/v2/messages`, { headers: { 'x-api-key': sandbox.apiKey }, ... })
 *   await sandbox.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleV2, actionOf, type ApiContext, type V2Request } from './api';
import { handleControl } from './control';
import { CursorBook } from './cursors';
import {
	applyCursorFault,
	faultPathOf,
	faultReply,
	FaultQueue,
	isCursorFault,
	pendingFault,
} from './faults';
import { errorBody, type Reply } from './envelope';
import { headersOf, LateReplies, parseBody, send } from './http';
import { Inbox } from './inbox';
import { Settings } from './settings';
import { SANDBOX_API_KEY, defaultAccounts } from './accounts';
import { Webhooks } from './webhooks';
import type { SandboxWebhooks } from './webhookTypes';
import type {
	Fault,
	FaultOptions,
	PendingFault,
	RecordedRequest,
	SandboxConversation,
	SandboxOptions,
} from './types';

export {
	SANDBOX_ACCOUNT_ID,
	SANDBOX_API_KEY,
	SANDBOX_INACTIVE_ACCOUNT_ID,
	SANDBOX_WHATSAPP_ACCOUNT_ID,
	defaultAccounts,
} from './accounts';

export interface Sandbox {
	/** 'http://127.0.0.1:<port>' (no trailing slash, no /v2) */
	url: string;
	port: number;
	apiKey: string;
	/** the default active LinkedIn account */
	accountId: string;
	/** every /v2 request, oldest first (the array is cleared in place, never replaced) */
	requests: RecordedRequest[];
	/** credits of all successful responses since start/reset */
	readonly creditsConsumed: number;
	inbox: Inbox;
	injectFault(fault: Fault, opts?: FaultOptions): void;
	pendingFaults(): PendingFault[];
	clearFaults(): void;
	clearRequests(): void;
	/** every cursor issued so far is refused from now on (400 INVALID_PARAMS, "has expired") */
	expireCursors(): void;
	/** the page size cap now (start option maxPageSize, or setMaxPageSize) */
	readonly maxPageSize: number;
	/** pages hold at most min(count, n) rows from now on (n an integer >= 1, or Infinity) */
	setMaxPageSize(n: number): void;
	/** the delay of every POST /v2/messages answer now (start option latencyMs, or setLatency) */
	readonly latencyMs: number;
	/** every POST /v2/messages answer (computed on arrival) is sent `ms` late; 0 = at once */
	setLatency(ms: number): void;
	/** LinkUp's webhooks: registry, deliveries, events, monitoring bill, settings (README "Webhooks") */
	webhooks: SandboxWebhooks;
	/** initial inbox and accounts, no requests, no faults, 0 credits, start settings, cursors forgotten, no webhooks or deliveries */
	reset(): void;
	/** stops listening and destroys open (e.g. hanging) sockets */
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const accounts = options.accounts ?? defaultAccounts();
	const defaultAccount =
		accounts.find((a) => a.platform === 'LINKEDIN' && a.is_active) ?? accounts[0];
	if (!defaultAccount) throw new TypeError('the sandbox needs at least one account');
	const initial: Record<string, SandboxConversation[]> = Array.isArray(options.inbox)
		? { [defaultAccount.account_id]: options.inbox }
		: (options.inbox ?? {});
	const inbox = new Inbox(accounts, initial);
	const settings = new Settings({
		maxPageSize: options.maxPageSize ?? 100,
		latencyMs: options.latencyMs ?? 0,
		webhookRequireHttps: options.webhookRequireHttps,
		webhookStartsMonitoring: options.webhookStartsMonitoring,
		webhookListShape: options.webhookListShape,
		webhookDeliveryShape: options.webhookDeliveryShape,
	});
	const webhooks = new Webhooks(inbox, settings);
	inbox.onIncoming = (arrival) => webhooks.messageReceived(arrival);
	const cursors = new CursorBook(options.cursorTtlMs);
	const ctx: ApiContext = {
		inbox,
		apiKey: options.apiKey ?? SANDBOX_API_KEY,
		get maxPageSize() {
			return settings.maxPageSize;
		},
		cursors,
		webhooks,
	};
	const late = new LateReplies();
	const faults = new FaultQueue();
	const requests: RecordedRequest[] = [];
	const sockets = new Set<Socket>();
	let credits = 0;
	let closed = false;

	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			try {
				route(req, res, Buffer.concat(chunks).toString('utf8'));
			} catch (err) {
				send(res, {
					status: 500,
					body: { success: false, error: { code: 'INTERNAL_ERROR', message: String(err) } },
					credits: 0,
				});
			}
		});
	});
	server.on('connection', (s: Socket) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});

	function route(req: IncomingMessage, res: ServerResponse, raw: string): void {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = req.method ?? 'GET';
		const { body, invalidJson } = parseBody(raw);
		if (url.pathname.startsWith('/__sandbox/')) {
			const query = Object.fromEntries(url.searchParams);
			const reply = handleControl(sandbox, method, url.pathname, body, invalidJson, query);
			if (reply instanceof Promise) void reply.then((r) => !res.destroyed && send(res, r));
			else send(res, reply);
			return;
		}
		if (url.pathname !== '/v2' && !url.pathname.startsWith('/v2/')) {
			send(res, {
				status: 404,
				body: errorBody(
					'NOT_FOUND',
					`No route ${method} ${url.pathname} (the API lives under /v2)`,
					null,
				),
				credits: 0,
			});
			return;
		}
		const headers = headersOf(req);
		const v2: V2Request = {
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers,
			body,
			invalidJson,
		};
		const { reply, cursorExpired } = answerV2(v2);
		requests.push({
			method,
			path: v2.path,
			query: v2.query,
			headers,
			body,
			status: reply.status,
			creditsConsumed: reply.credits,
			...(reply.fault ? { fault: reply.fault } : {}),
			...(cursorExpired ? { cursorExpired: true as const } : {}),
		});
		credits += reply.credits;
		if (reply.hang) return;
		late.send(res, reply, method === 'POST' && v2.path === '/v2/messages' ? settings.latencyMs : 0);
	}

	function answerV2(req: V2Request): { reply: Reply; cursorExpired?: boolean } {
		const path = faultPathOf(req.path);
		const fault = path && faults.take(path, 'response');
		if (fault && !isCursorFault(fault)) return { reply: faultReply(fault, actionOf(req)) };
		const { reply, page, cursorExpired } = handleV2(ctx, req);
		const cursorFault = page && path ? faults.take(path, 'cursor') : undefined;
		if (page && cursorFault && isCursorFault(cursorFault))
			applyCursorFault(cursorFault, reply, page);
		return { reply, cursorExpired };
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;

	const sandbox: Sandbox = {
		url: `http://127.0.0.1:${port}`,
		port,
		apiKey: ctx.apiKey,
		accountId: defaultAccount.account_id,
		requests,
		get creditsConsumed() {
			return credits;
		},
		inbox,
		injectFault: (fault, opts) => faults.add(pendingFault(fault, opts)),
		pendingFaults: () => faults.pending(),
		clearFaults: () => faults.clear(),
		clearRequests: () => {
			requests.length = 0;
		},
		expireCursors: () => cursors.expireAll(),
		get maxPageSize() {
			return settings.maxPageSize;
		},
		setMaxPageSize: (n) => settings.setMaxPageSize(n),
		get latencyMs() {
			return settings.latencyMs;
		},
		setLatency: (ms) => settings.setLatency(ms),
		webhooks,
		reset: () => {
			inbox.reset();
			faults.clear();
			cursors.reset();
			settings.reset();
			webhooks.clear();
			requests.length = 0;
			credits = 0;
		},
		close: async () => {
			if (closed) return;
			closed = true;
			late.clear();
			webhooks.close();
			const done = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const s of sockets) s.destroy();
			server.closeAllConnections();
			await done;
		},
	};
	return sandbox;
}
