/** The conversation actions of POST /v2/messages: get_conversation and send (see README.md). */
import type { ApiContext, V2Result } from './api';
import { failure, success } from './envelope';
import type { ApiMessage, MessageMedia, StoredMessage } from './history';
import { conversationUrn, isProfileUrl, sameProfile, slug } from './identity';
import type { SandboxConversation } from './types';

type Params = Record<string, unknown>;

const isObject = (v: unknown): v is Params =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const given = (v: unknown): boolean => v !== undefined && v !== null;
const bad = (message: string, action: string): V2Result => ({
	reply: failure('INVALID_PARAMS', message, action),
});

export const PROFILE_URL_MESSAGE = 'must be a LinkedIn profile URL (https://www.linkedin.com/in/…)';

/** Exactly the documented fields, in the documented order; sandbox-only fields dropped. */
export function toApiMessage(m: StoredMessage): ApiMessage {
	return {
		text: m.text,
		timestamp: m.timestamp,
		sender: m.sender,
		sender_info: { ...m.sender_info },
		message_type: m.message_type,
		entity_urn: m.entity_urn,
	};
}

/**
 * A get_conversation cursor: `<timestamp>_<seq>` of the last message returned (the next page
 * holds the messages that arrived before it), `_<nonce>` appended when it must differ from every
 * cursor handed out before (EMPTY_PAGE_NEW_CURSOR).
 */
export function messageCursor(m: Pick<StoredMessage, 'timestamp' | 'seq'>, nonce?: number): string {
	return `${m.timestamp}_${m.seq}${nonce === undefined ? '' : `_${nonce}`}`;
}

function cursorSeq(cursor: unknown): number | undefined {
	const m =
		typeof cursor === 'string' ? /^(\d{1,16})_(\d{1,16})(?:_\d{1,16})?$/.exec(cursor) : null;
	const seq = m ? Number(m[2]) : NaN;
	return Number.isSafeInteger(seq) ? seq : undefined;
}

let nonce = 0;

/** The conversation with the person at this profile URL (sameProfile), newest activity first. */
export function conversationWith(
	ctx: ApiContext,
	accountId: string,
	url: string,
): SandboxConversation | undefined {
	return ctx.inbox
		.all(accountId)
		.find(
			(c) => c.participant.profile_url !== undefined && sameProfile(c.participant.profile_url, url),
		);
}

/** The conversation a get_conversation request names, or why it names none. */
function conversationOf(
	ctx: ApiContext,
	accountId: string,
	params: Params,
): SandboxConversation | string {
	const byId = given(params.conversation_id);
	const byUrl = given(params.profile_url);
	if (byId && byUrl) return 'send either params.conversation_id or params.profile_url, not both';
	if (byId) {
		const id = params.conversation_id;
		if (typeof id !== 'string' || id.trim() === '')
			return 'params.conversation_id must be a non-empty string';
		return (
			ctx.inbox.get(accountId, id) ??
			`params.conversation_id: no conversation ${id} in this account`
		);
	}
	if (byUrl) {
		const url = params.profile_url;
		if (typeof url !== 'string' || !isProfileUrl(url))
			return `params.profile_url ${PROFILE_URL_MESSAGE}`;
		return (
			conversationWith(ctx, accountId, url) ??
			`params.profile_url: no conversation with ${url} in this account`
		);
	}
	return 'params.conversation_id or params.profile_url is required';
}

export function getConversation(ctx: ApiContext, accountId: string, params: Params): V2Result {
	const action = 'get_conversation';
	const conversation = conversationOf(ctx, accountId, params);
	if (typeof conversation === 'string') return bad(conversation, action);
	const count = params.count ?? 10;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000) {
		return bad('params.count must be an integer between 1 and 1000', action);
	}
	const sentCursor = given(params.cursor) ? params.cursor : undefined;
	const after = sentCursor === undefined ? undefined : cursorSeq(sentCursor);
	if (sentCursor !== undefined && after === undefined) {
		return bad('params.cursor is not a valid cursor (send data.next_cursor unchanged)', action);
	}
	const history = ctx.inbox.messages(accountId, conversation.conversation_id);
	const found = after === undefined ? 0 : history.findIndex((m) => m.seq < after);
	const start = found === -1 ? history.length : found;
	const page = history.slice(start, start + Math.min(count, ctx.maxPageSize));
	const last = page[page.length - 1];
	const seen = history[conversation.unread];
	const data = {
		total_message_count: history.length,
		unread_count: conversation.unread,
		last_seen_message: conversation.unread === 0,
		last_seen_at: seen ? seen.timestamp : null,
		messages: page.map(toApiMessage),
		next_cursor: last && start + page.length < history.length ? messageCursor(last) : null,
	};
	const [newest] = history;
	const position =
		typeof sentCursor === 'string' ? sentCursor.split('_').slice(0, 2).join('_') : undefined;
	return {
		reply: success(action, accountId, Math.ceil(page.length / 10), data),
		page: {
			itemsKey: 'messages',
			sent: position === undefined ? undefined : (sentCursor as string),
			// before the newest message, so following it gives page 1 again
			firstPage: () =>
				messageCursor({ timestamp: newest?.timestamp ?? 0, seq: (newest?.seq ?? 0) + 1 }),
			// the sent cursor's position (or before every message) under a never-used nonce
			fresh: () =>
				`${position ?? `${newest?.timestamp ?? 0}_${Number.MAX_SAFE_INTEGER}`}_${++nonce}`,
		},
	};
}

/** The attachment a send takes (media_link, then media_file, then media_path), or why it is refused. */
function mediaOf(params: Params): MessageMedia | undefined | string {
	const { media_link: link, media_file: file, media_path: path } = params;
	if (given(link) && (typeof link !== 'string' || !/^https?:\/\/\S+$/i.test(link)))
		return 'params.media_link must be an http(s) URL';
	const base64 = (v: unknown) =>
		typeof v === 'string' && v.length > 0 && v.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(v);
	if (
		given(file) &&
		!(
			isObject(file) &&
			base64(file.data) &&
			typeof file.filename === 'string' &&
			file.filename.trim() !== ''
		)
	) {
		return 'params.media_file must be { data: <base64>, filename }';
	}
	if (given(path) && (typeof path !== 'string' || path.trim() === ''))
		return 'params.media_path must be a non-empty string';
	if (typeof link === 'string') return { kind: 'link', link };
	if (isObject(file))
		return {
			kind: 'file',
			filename: file.filename as string,
			bytes: Buffer.from(file.data as string, 'base64').length,
		};
	if (typeof path === 'string') return { kind: 'path', path };
	return undefined;
}

/** A display name from a profile URL's slug: `/in/grace-hopper-1a2b3c4d` → "Grace Hopper". */
function nameFromUrl(url: string): string {
	const handle = decodeURIComponent(/\/in\/([^/?#]+)/i.exec(url)?.[1] ?? '').replace(
		/-[0-9a-f]{6,}$/i,
		'',
	);
	const words = handle
		.split('-')
		.filter(Boolean)
		.map((w) => w[0].toUpperCase() + w.slice(1));
	return words.join(' ') || 'LinkedIn Member';
}

export function send(ctx: ApiContext, accountId: string, params: Params): V2Result {
	const action = 'send';
	const url = params.profile_url;
	if (typeof url !== 'string' || url.trim() === '')
		return bad('params.profile_url is required', action);
	if (!isProfileUrl(url)) return bad(`params.profile_url ${PROFILE_URL_MESSAGE}`, action);
	const text = params.message_text;
	if (typeof text !== 'string' || text.trim() === '')
		return bad('params.message_text is required', action);
	const media = mediaOf(params);
	if (typeof media === 'string') return bad(media, action);
	const existing = conversationWith(ctx, accountId, url);
	const conversation = existing
		? ctx.inbox.receiveMessage(accountId, existing.conversation_id, { text, fromMe: true, media })
		: ctx.inbox.newConversation(accountId, {
				conversation_id: conversationUrn(accountId, `send:${slug(url)}`),
				participant: { name: nameFromUrl(url), profile_url: url.trim() },
				text,
				fromMe: true,
				connection: false,
				media,
			});
	const [sent] = ctx.inbox.messages(accountId, conversation.conversation_id);
	const data = {
		entityUrn: sent.entity_urn,
		conversation_id: conversation.conversation_id,
		deliveredAt: sent.timestamp,
	};
	return { reply: success(action, accountId, media ? 2 : 1, data) };
}
