/** The /v2/webhooks routes of LinkUp API v2 (0 credits each), without HTTP plumbing. */
import type { V2Request } from './api';
import { accountFailure } from './api';
import { errorBody, failure, success, type Reply } from './envelope';
import { SandboxNotFoundError, type Inbox } from './inbox';
import type { Webhooks } from './webhooks';
import {
	SIGNATURE_SCHEME,
	WEBHOOK_EVENTS,
	type StoredWebhook,
	type WebhookEventFilter,
} from './webhookTypes';

export interface WebhookContext {
	inbox: Inbox;
	webhooks: Webhooks;
}

const ITEM = /^\/v2\/webhooks\/([^/]+)(?:\/(start|stop|rotate-secret))?$/;
const ACTIONS: Record<string, string> = {
	'POST /v2/webhooks': 'create_webhook',
	'GET /v2/webhooks': 'list_webhooks',
	'POST start': 'start_webhook',
	'POST stop': 'stop_webhook',
	'POST rotate-secret': 'rotate_webhook_secret',
	'DELETE ': 'delete_webhook',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** metadata.action of a webhook route; null when it is none. */
export function webhookActionOf(method: string, path: string): string | null {
	if (path === '/v2/webhooks') return ACTIONS[`${method} ${path}`] ?? null;
	const m = ITEM.exec(path);
	return m ? (ACTIONS[`${method} ${m[2] ?? ''}`] ?? null) : null;
}

/** The API's view of a webhook (never the secret). */
export function toApiWebhook(w: StoredWebhook): Omit<StoredWebhook, 'secret'> {
	const { secret: _secret, ...item } = w;
	return item;
}

/** The reply of a webhook route; undefined when the request is no webhook route (→ 404 route). */
export function handleWebhooks(ctx: WebhookContext, req: V2Request): Reply | undefined {
	const action = webhookActionOf(req.method, req.path);
	if (action === null) return undefined;
	if (action === 'create_webhook') return create(ctx, req);
	if (action === 'list_webhooks') return list(ctx, req);
	let id = '';
	try {
		id = decodeURIComponent(ITEM.exec(req.path)?.[1] ?? '');
	} catch {
		// an undecodable id is simply unknown
	}
	try {
		const { webhooks } = ctx;
		if (action === 'delete_webhook') {
			const w = webhooks.remove(id);
			return success(action, w.account_id, 0, { webhook_id: w.webhook_id, deleted: true });
		}
		if (action === 'rotate_webhook_secret') {
			const w = webhooks.rotateSecret(id);
			const data = {
				webhook_id: w.webhook_id,
				secret: w.secret,
				signature_scheme: SIGNATURE_SCHEME,
			};
			return success(action, w.account_id, 0, data);
		}
		const w = webhooks.setMonitoring(id, action === 'start_webhook');
		const data = { webhook_id: w.webhook_id, account_id: w.account_id, monitoring: w.monitoring };
		return success(action, w.account_id, 0, data);
	} catch (err) {
		if (!(err instanceof SandboxNotFoundError)) throw err;
		return {
			status: 404,
			body: errorBody('NOT_FOUND', `Webhook ${id} not found`, action),
			credits: 0,
		};
	}
}

const PRIVATE_HOST = [
	/^localhost$/,
	/\.localhost$/,
	/^127\./,
	/^10\./,
	/^192\.168\./,
	/^172\.(1[6-9]|2\d|3[01])\./,
	/^169\.254\./,
	/^0\.0\.0\.0$/,
	/^\[(::1?|::ffff:.*)\]$/,
];

/** The url checked: an http(s) URL (and, with requireHttps, a public https one); else an error message. */
function checkUrl(raw: unknown, requireHttps: boolean): string | { error: string } {
	let url: URL | undefined;
	try {
		url = typeof raw === 'string' ? new URL(raw) : undefined;
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
		return { error: 'url must be a valid http(s) URL' };
	const host = url.hostname.toLowerCase();
	if (requireHttps && (url.protocol !== 'https:' || PRIVATE_HOST.some((re) => re.test(host))))
		return { error: 'url must be a public HTTPS URL' };
	return raw as string;
}

function create(ctx: WebhookContext, req: V2Request): Reply {
	const action = 'create_webhook';
	const bad = (message: string): Reply => failure('INVALID_PARAMS', message, action);
	if (req.invalidJson) return bad('Request body must be valid JSON');
	const body = req.body;
	if (!isObject(body)) return bad('Request body must be a JSON object with account_id');
	const accountId = body.account_id;
	if (typeof accountId !== 'string' || accountId === '') return bad('account_id is required');
	const refused = accountFailure(ctx.inbox, accountId, action);
	if (refused) return refused;
	const events = body.events ?? ['all'];
	if (
		!Array.isArray(events) ||
		events.length === 0 ||
		!events.every((e) => (WEBHOOK_EVENTS as readonly unknown[]).includes(e))
	) {
		return bad(`events must be a non-empty array of ${WEBHOOK_EVENTS.join(', ')}`);
	}
	let url: string | null = null;
	if (body.url !== undefined && body.url !== null) {
		const checked = checkUrl(body.url, ctx.webhooks.settings.webhookRequireHttps);
		if (typeof checked !== 'string') return bad(checked.error);
		url = checked;
	}
	const sign = body.enable_signature;
	if (sign !== undefined && sign !== null && typeof sign !== 'boolean')
		return bad('enable_signature must be a boolean');
	const w = ctx.webhooks.create({
		accountId,
		url,
		events: events as WebhookEventFilter[],
		enableSignature: sign === true,
	});
	const data: Record<string, unknown> = toApiWebhook(w);
	if (w.secret !== null)
		Object.assign(data, { secret: w.secret, signature_scheme: SIGNATURE_SCHEME });
	return success(action, accountId, 0, data);
}

function list(ctx: WebhookContext, req: V2Request): Reply {
	const action = 'list_webhooks';
	const accountId = req.query.account_id;
	if (accountId !== undefined && accountId !== '') {
		if (!ctx.inbox.account(accountId))
			return failure(
				'INVALID_ACCOUNT',
				`Account ${accountId} not found or not owned by this API key`,
				action,
			);
	}
	const items = ctx.webhooks
		.list()
		.filter((w) => !accountId || w.account_id === accountId)
		.filter((w) => ctx.inbox.account(w.account_id) !== undefined)
		.map(toApiWebhook);
	const shape = ctx.webhooks.settings.webhookListShape;
	return success(action, accountId || null, 0, shape === 'array' ? items : { webhooks: items });
}
