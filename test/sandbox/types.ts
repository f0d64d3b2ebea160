/**
 * Types shared by the LinkUp API v2 sandbox (see /work/shared/linkup-api.md and README.md).
 * Field names follow the API exactly; anything sandbox-only is marked as such.
 */
import type { MessageMedia } from './history';
import type { WebhookSettingValues } from './webhookTypes';

export type Platform = 'LINKEDIN' | 'WHATSAPP';

/** One connected account, as returned by GET /v2/accounts. */
export interface Account {
	account_id: string;
	platform: Platform;
	account_name: string;
	is_active: boolean;
	status: 'active' | 'inactive';
	country: string;
	/** ISO 8601 */
	created_at: string;
	/** ISO 8601 */
	updated_at: string;
}

/** A LinkedIn member or company page. Any field may be missing or empty. */
export interface Person {
	name?: string;
	headline?: string;
	profile_url?: string;
	profile_picture?: string;
}

export interface Participant extends Person {
	/** true for company pages (sponsored InMail, brand outreach); usually absent otherwise */
	is_organization?: boolean;
}

export interface Sender extends Person {
	is_me: boolean;
}

export interface LastMessage {
	text: string;
	/** epoch milliseconds */
	time: number;
	sender: Sender;
}

/** Known values: 'normal', 'inmail', 'Sponsored'; the full vocabulary is undocumented. */
export type ConversationType = 'normal' | 'inmail' | 'Sponsored' | (string & {});

/** A conversation exactly as the API outputs it. */
export interface Conversation {
	conversation_id: string;
	participant: Participant;
	last_message: LastMessage;
	unread: number;
	type: ConversationType;
}

/** A conversation as the sandbox stores it: the API shape plus sandbox-only flags (never output). */
export interface SandboxConversation extends Conversation {
	/** sandbox-only: listed under MY_CONNECTIONS */
	connection?: boolean;
	/** sandbox-only: listed under STARRED */
	starred?: boolean;
	/**
	 * sandbox-only: epoch ms of the newest activity (a message, a reaction, an edit), the listing
	 * order. Absent = last_message.time; set by inbox.bump, cleared by a new message.
	 */
	activity?: number;
}

export const CATEGORIES = ['INBOX', 'UNREAD', 'MY_CONNECTIONS', 'INMAIL', 'STARRED'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The documented error codes (api-reference/v2/error-codes). */
export const ERROR_CODES = [
	'INVALID_API_KEY',
	'ACCOUNT_INACTIVE',
	'INVALID_ACCOUNT',
	'INSUFFICIENT_CREDITS',
	'RATE_LIMITED',
	'INVALID_PARAMS',
	'INVALID_ACTION',
	'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Faults that change the whole response (error envelopes and transport-level breakage). */
export const TRANSPORT_FAULTS = [
	'SUCCESS_FALSE_200',
	'MALFORMED_JSON',
	'HTML_502',
	'HANG',
] as const;
/** Faults that answer a normal list_inbox page with broken paging. */
export const CURSOR_FAULTS = [
	'REPEAT_CURSOR',
	'EMPTY_STRING_CURSOR',
	'MISSING_CURSOR',
	'EMPTY_PAGE_WITH_CURSOR',
	'EMPTY_PAGE_NEW_CURSOR',
] as const;
export type CursorFault = (typeof CURSOR_FAULTS)[number];
export type Fault = ErrorCode | (typeof TRANSPORT_FAULTS)[number] | CursorFault;
export const FAULTS: readonly Fault[] = [...ERROR_CODES, ...TRANSPORT_FAULTS, ...CURSOR_FAULTS];

export type FaultPath = '/v2/messages' | '/v2/accounts' | '/v2/webhooks';

export interface FaultOptions {
	/** how many matching requests get the fault (default 1; Infinity = until clearFaults/reset) */
	times?: number;
	/** how many matching requests to let through first (default 0) */
	skip?: number;
	/** which endpoint: '/v2/accounts' also covers /v2/accounts/{id}, '/v2/webhooks' every webhook route (default '/v2/messages') */
	path?: FaultPath;
}

export interface PendingFault {
	fault: Fault;
	times: number;
	skip: number;
	path: FaultPath;
}

/** One request to a /v2 route, as the sandbox saw and answered it. */
export interface RecordedRequest {
	method: string;
	/** path without the query string */
	path: string;
	query: Record<string, string>;
	/** lower-cased names */
	headers: Record<string, string>;
	/** parsed JSON, the raw string when it is not JSON, undefined when empty */
	body: unknown;
	/** HTTP status; 0 for a HANG that was never answered */
	status: number;
	creditsConsumed: number;
	fault?: Fault;
	/** refused because params.cursor had expired (expireCursors, cursorTtlMs) */
	cursorExpired?: true;
}

export interface ReceiveMessageInput {
	text: string;
	/** sandbox-only: an attachment, kept in the history (see history.ts) */
	media?: MessageMedia;
	/** epoch ms; defaults to inbox.now() (monotonic). Equal times are allowed (ties). */
	time?: number;
	/** the account owner sent it: sender.is_me true, unread 0 */
	fromMe?: boolean;
}

export interface NewConversationInput {
	participantName?: string;
	/** sandbox-only: an attachment of the first message, kept in the history */
	media?: MessageMedia;
	/** overrides the generated participant fields */
	participant?: Participant;
	text?: string;
	time?: number;
	/** default 'normal' */
	type?: ConversationType;
	/** default 1 (0 when fromMe) */
	unread?: number;
	/** the account owner wrote the last message: sender.is_me true, unread 0 */
	fromMe?: boolean;
	connection?: boolean;
	starred?: boolean;
	conversation_id?: string;
}

/** The webhook start options (webhookTypes.ts): webhookRequireHttps (default false), webhookStartsMonitoring (true), webhookListShape ('object'), webhookDeliveryShape ('documented'). */
export interface SandboxOptions extends Partial<WebhookSettingValues> {
	/** default 0 (a free port) */
	port?: number;
	/** default SANDBOX_API_KEY */
	apiKey?: string;
	/** the API returns min(count, maxPageSize) conversations; default 100 (sandbox.setMaxPageSize) */
	maxPageSize?: number;
	/** every POST /v2/messages answer is sent this many ms late; default 0 (sandbox.setLatency) */
	latencyMs?: number;
	/** a cursor the sandbox issued is refused (400) once this many ms (Date.now()) have passed; default never */
	cursorTtlMs?: number;
	/** default: active LinkedIn (Ada Lovelace), inactive LinkedIn, WhatsApp */
	accounts?: Account[];
	/** initial conversations: an array for the default account, or a map account_id → array */
	inbox?: SandboxConversation[] | Record<string, SandboxConversation[]>;
}
