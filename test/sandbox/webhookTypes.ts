/** Types of the sandbox's LinkUp webhooks (api-reference/v2/webhooks/*); see README.md. */

/** What `events` of POST /v2/webhooks may hold (default ['all']). */
export const WEBHOOK_EVENTS = ['message_received', 'accepted_invitation', 'all'] as const;
export type WebhookEventFilter = (typeof WEBHOOK_EVENTS)[number];

/** What a delivery reports; `disconnection` goes to every monitoring webhook, whatever its filter. */
export type WebhookEventType = 'message_received' | 'accepted_invitation' | 'disconnection';

/** Shown with every new secret (create with enable_signature, rotate-secret). */
export const SIGNATURE_SCHEME = "v1=HMAC-SHA256(secret, timestamp + '.' + raw_body)";

/** LinkUp bills about this many credits a day per account with at least one monitoring webhook. */
export const MONITORING_CREDITS_PER_DAY = 10;

/** A webhook as GET /v2/webhooks lists it (never the secret). */
export interface ApiWebhook {
	/** `wh_<hex>` */
	webhook_id: string;
	account_id: string;
	/** null in hosted mode */
	url: string | null;
	events: WebhookEventFilter[];
	/** 'custom' with a url (deliveries), 'hosted' without */
	mode: 'custom' | 'hosted';
	signature_enabled: boolean;
	monitoring: boolean;
	/** ISO 8601 */
	created_at: string;
}

/** A webhook as the sandbox stores it (sandbox.webhooks.list(), GET /__sandbox/webhooks). */
export interface StoredWebhook extends ApiWebhook {
	/** `whsec_<64 hex>` when signature_enabled, else null */
	secret: string | null;
}

/** One POST the sandbox made (or tried) to a webhook url. */
export interface WebhookDelivery {
	/** its position in sandbox.webhooks.deliveries (0 after a reset) */
	index: number;
	webhook_id: string;
	account_id: string;
	url: string;
	type: WebhookEventType;
	/** the headers sent, names as sent (Content-Type, User-Agent, X-Linkup-Timestamp, X-Linkup-Signature) */
	headers: Record<string, string>;
	/** the raw body sent (the signature covers exactly these bytes, UTF-8) */
	body: string;
	/** the receiver's HTTP status; 0 on a network error, a timeout, or while in flight */
	status: number;
	/** why it failed (network error, timeout, sandbox closed) */
	error?: string;
	/** epoch ms */
	sentAt: number;
	/** epoch ms; 0 while in flight */
	answeredAt: number;
	/** false while in flight */
	done: boolean;
	/** set on a redelivery: the index of the attempt it repeats */
	redeliveryOf?: number;
}

export type WebhookListShape = 'object' | 'array';
export type WebhookDeliveryShape = 'documented' | 'data';

/** Webhook settings: start options of startSandbox, POST /__sandbox/config, webhooks.configure. */
export interface WebhookSettingValues {
	/** refuse urls that are not public https (400 INVALID_PARAMS); default false */
	webhookRequireHttps: boolean;
	/** a new webhook monitors at once (else only after /start); default true */
	webhookStartsMonitoring: boolean;
	/** GET /v2/webhooks data: { webhooks: [...] } ('object', default) or the array itself */
	webhookListShape: WebhookListShape;
	/** the delivery body: event object ('documented', default) or event name + data ('data') */
	webhookDeliveryShape: WebhookDeliveryShape;
}

/** Who accepted an invitation (defaults: a made-up member). */
export interface InvitationInput {
	name?: string;
	profile_url?: string;
}

/** `sandbox.webhooks`: the registry, deliveries, events and billing of the sandbox's webhooks. */
export interface SandboxWebhooks {
	/** every webhook, oldest first, secrets included (copies) */
	list(): StoredWebhook[];
	/** forgets every webhook, delivery and monitoring interval (reset() does it too) */
	clear(): void;
	/** every delivery attempt, oldest first (cleared in place, never replaced) */
	readonly deliveries: WebhookDelivery[];
	/** resolves when every delivery started so far has finished (never rejects) */
	settled(): Promise<void>;
	/** sends deliveries[index] again, same bytes and headers, recorded as a new attempt */
	redeliver(index: number): Promise<WebhookDelivery>;
	/** an `accepted_invitation` event to the account's webhooks that want it; the attempts started */
	invitationAccepted(accountId: string, who?: InvitationInput): WebhookDelivery[];
	/** a `disconnection` event to every monitoring webhook of the account; the attempts started */
	disconnect(accountId: string): WebhookDelivery[];
	/** Σ over accounts of monitored ms up to atMs × 10 / 86_400_000 (not rounded) */
	monitoringCredits(atMs?: number): number;
	/** the webhook settings now */
	readonly settings: WebhookSettingValues;
	/** changes some settings (all checked first: a bad value changes nothing); returns them all */
	configure(values: Partial<WebhookSettingValues>): WebhookSettingValues;
}
