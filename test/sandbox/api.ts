/** The /v2 routes of LinkUp API v2 (accounts, and messages: list_inbox here, get_conversation and send in messages.ts, webhooks in webhookRoutes.ts), without HTTP plumbing. */
import { CURSOR_EXPIRED_MESSAGE, type CursorBook } from './cursors';
import { errorBody, failure, success, type Reply } from './envelope';
import type { FaultCursors } from './faults';
import type { Inbox } from './inbox';
import { getConversation, send } from './messages';
import { activityOf, decodeCursor, type CursorPosition } from './order';
import {
	CATEGORIES,
	type Account,
	type Category,
	type Conversation,
	type SandboxConversation,
} from './types';
import { handleWebhooks, webhookActionOf } from './webhookRoutes';
import type { Webhooks } from './webhooks';

export interface ApiContext {
	inbox: Inbox;
	apiKey: string;
	/** changed at run time by sandbox.setMaxPageSize */
	maxPageSize: number;
	cursors: CursorBook;
	webhooks: Webhooks;
}

export interface V2Request {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** parsed JSON, raw string when not JSON, undefined when empty */
	body: unknown;
	/** the body was present but not valid JSON */
	invalidJson: boolean;
}

export interface V2Result {
	reply: Reply;
	/** set for a successful list_inbox or get_conversation page (what cursor faults need) */
	page?: FaultCursors;
	/** refused because the sent cursor had expired */
	cursorExpired?: boolean;
}

/** The position before every conversation: following it is listing without a cursor. */
const START: CursorPosition = { time: Number.MAX_SAFE_INTEGER, conversationId: '' };

const MESSAGE_ACTIONS = ['list_inbox', 'get_conversation', 'send'];

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** metadata.action for a request, as far as it can be known. */
export function actionOf(req: V2Request): string | null {
	if (req.path === '/v2/accounts') return 'list_accounts';
	if (req.path.startsWith('/v2/accounts/')) return 'get_account';
	const webhookAction = webhookActionOf(req.method, req.path);
	if (webhookAction) return webhookAction;
	if (req.path === '/v2/messages' && isObject(req.body) && typeof req.body.action === 'string') {
		return req.body.action;
	}
	return null;
}

/** Exactly the documented fields, in the documented order; sandbox-only flags dropped. */
export function toApiConversation(c: SandboxConversation): Conversation {
	const pick = <T extends object>(o: T, keys: (keyof T)[]): T => {
		const out = {} as T;
		for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
		return out;
	};
	return {
		conversation_id: c.conversation_id,
		participant: pick(c.participant, [
			'name',
			'headline',
			'profile_url',
			'profile_picture',
			'is_organization',
		]),
		last_message: {
			text: c.last_message.text,
			time: c.last_message.time,
			sender: pick(c.last_message.sender, [
				'name',
				'headline',
				'profile_url',
				'profile_picture',
				'is_me',
			]),
		},
		unread: c.unread,
		type: c.type,
	};
}

export function handleV2(ctx: ApiContext, req: V2Request): V2Result {
	const action = actionOf(req);
	if (req.headers['x-api-key'] !== ctx.apiKey) {
		return { reply: failure('INVALID_API_KEY', 'Invalid or missing API key', action) };
	}
	if (req.method === 'GET' && req.path === '/v2/accounts') return { reply: listAccounts(ctx, req) };
	if (req.method === 'GET' && req.path.startsWith('/v2/accounts/'))
		return { reply: getAccount(ctx, req) };
	if (req.method === 'POST' && req.path === '/v2/messages') return messages(ctx, req);
	const webhookReply = handleWebhooks(ctx, req);
	if (webhookReply) return { reply: webhookReply };
	const body = errorBody('NOT_FOUND', `Route ${req.method} ${req.path} not found`, action);
	return { reply: { status: 404, body, credits: 0 } };
}

/** 404 INVALID_ACCOUNT for an unknown account, 403 ACCOUNT_INACTIVE for an inactive one. */
export function accountFailure(
	inbox: Inbox,
	accountId: string,
	action: string | null,
): Reply | undefined {
	const account = inbox.account(accountId);
	if (!account) {
		const msg = `Account ${accountId} not found or not owned by this API key`;
		return failure('INVALID_ACCOUNT', msg, action);
	}
	if (!account.is_active || account.status !== 'active') {
		const msg = `Account ${accountId} is inactive. Reconnect it from your LinkUp dashboard.`;
		return failure('ACCOUNT_INACTIVE', msg, action);
	}
	return undefined;
}

function listAccounts(ctx: ApiContext, req: V2Request): Reply {
	const int = (s: string | undefined, dflt: number) =>
		s === undefined ? dflt : /^\d{1,9}$/.test(s) ? Number(s) : NaN;
	const limit = int(req.query.limit, 100);
	const offset = int(req.query.offset, 0);
	if (!(limit >= 1 && limit <= 500)) {
		return failure('INVALID_PARAMS', 'limit must be an integer between 1 and 500', 'list_accounts');
	}
	if (!(offset >= 0))
		return failure('INVALID_PARAMS', 'offset must be an integer >= 0', 'list_accounts');
	const all = ctx.inbox.accounts();
	return success('list_accounts', null, 0, {
		items: all.slice(offset, offset + limit),
		total: all.length,
		limit,
		offset,
	});
}

function getAccount(ctx: ApiContext, req: V2Request): Reply {
	let id: string;
	try {
		id = decodeURIComponent(req.path.slice('/v2/accounts/'.length));
	} catch {
		id = '';
	}
	const account = ctx.inbox.account(id);
	if (!account)
		return failure(
			'INVALID_ACCOUNT',
			`Account ${id} not found or not owned by this API key`,
			'get_account',
		);
	return success('get_account', account.account_id, 0, account);
}

function messages(ctx: ApiContext, req: V2Request): V2Result {
	const bad = (message: string, action: string | null): V2Result => ({
		reply: failure('INVALID_PARAMS', message, action),
	});
	if (req.invalidJson) return bad('Request body must be valid JSON', null);
	const body = req.body;
	if (!isObject(body))
		return bad('Request body must be a JSON object with account_id, action and params', null);
	const action = typeof body.action === 'string' ? body.action : null;
	const accountId = body.account_id;
	if (typeof accountId !== 'string' || accountId === '')
		return bad('account_id is required', action);
	const refused = accountFailure(ctx.inbox, accountId, action);
	if (refused) return { reply: refused };
	const account = ctx.inbox.account(accountId) as Account;
	if (action === null || !MESSAGE_ACTIONS.includes(action)) {
		const msg =
			action === null ? 'action is required' : `Unknown action '${action}' for /v2/messages`;
		return { reply: failure('INVALID_ACTION', msg, action) };
	}
	if (account.platform !== 'LINKEDIN') {
		const msg = `Action '${action}' is not available for ${account.platform} accounts`;
		return { reply: failure('INVALID_ACTION', msg, action) };
	}
	const params = body.params ?? {};
	if (!isObject(params)) return bad('params must be an object', action);
	if (action === 'get_conversation') return getConversation(ctx, accountId, params);
	if (action === 'send') return send(ctx, accountId, params);
	const count = params.count ?? 10;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000) {
		return bad('params.count must be an integer between 1 and 1000', action);
	}
	const category = params.category ?? 'INBOX';
	if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) {
		return bad(`params.category must be one of ${CATEGORIES.join(', ')}`, action);
	}
	let after: CursorPosition | undefined;
	let sentCursor: string | undefined;
	if (params.cursor !== undefined && params.cursor !== null) {
		after = typeof params.cursor === 'string' ? decodeCursor(params.cursor) : undefined;
		if (!after)
			return bad('params.cursor is not a valid cursor (send data.next_cursor unchanged)', action);
		sentCursor = params.cursor as string;
		if (ctx.cursors.isExpired(sentCursor))
			return { ...bad(CURSOR_EXPIRED_MESSAGE, action), cursorExpired: true };
	}
	return listInbox(
		ctx,
		accountId,
		category as Category,
		Math.min(count, ctx.maxPageSize),
		after,
		sentCursor,
	);
}

function listInbox(
	ctx: ApiContext,
	accountId: string,
	category: Category,
	count: number,
	after: CursorPosition | undefined,
	sentCursor: string | undefined,
): V2Result {
	const { page, hasMore } = ctx.inbox.list(accountId, category, count, after);
	const last = page[page.length - 1];
	const nextCursor =
		hasMore && last
			? ctx.cursors.issue({ time: activityOf(last), conversationId: last.conversation_id })
			: null;
	const [first] = ctx.inbox.list(accountId, category, 1).page;
	const firstPage: CursorPosition = first
		? { time: activityOf(first) + 1, conversationId: first.conversation_id }
		: START;
	const credits = Math.ceil(page.length / 10);
	const data = {
		conversations: page.map(toApiConversation),
		total_results: page.length,
		next_cursor: nextCursor,
	};
	const at = after ? { time: after.time, conversationId: after.conversationId } : START;
	const cursors: FaultCursors = {
		itemsKey: 'conversations',
		sent: sentCursor,
		firstPage: () => ctx.cursors.issue(firstPage),
		fresh: () => ctx.cursors.issue(at, true),
	};
	return { reply: success('list_inbox', accountId, credits, data), page: cursors };
}
