/**
 * The sandbox's LinkUp webhooks: the registry (create, start/stop, delete, rotate-secret), which
 * webhooks an event goes to, and the monitoring bill. HTTP routes: webhookRoutes.ts; sending:
 * webhookDelivery.ts; bodies: webhookBody.ts. See README.md "Webhooks".
 */
import { randomBytes } from 'node:crypto';
import { profileUrl } from './identity';
import { SandboxNotFoundError, type Arrival, type Inbox } from './inbox';
import type { Settings } from './settings';
import { MonitoringBook } from './webhookBilling';
import { deliveryBody, type WebhookEvent } from './webhookBody';
import { Deliveries, deliveryHeaders } from './webhookDelivery';
import type {
	InvitationInput,
	SandboxWebhooks,
	StoredWebhook,
	WebhookDelivery,
	WebhookEventFilter,
	WebhookSettingValues,
} from './webhookTypes';

/** A validated POST /v2/webhooks. */
export interface NewWebhook {
	accountId: string;
	url: string | null;
	events: WebhookEventFilter[];
	enableSignature: boolean;
}

const newSecret = (): string => `whsec_${randomBytes(32).toString('hex')}`;
const clone = <T>(v: T): T => structuredClone(v);
const wants =
	(type: 'message_received' | 'accepted_invitation') =>
	(w: StoredWebhook): boolean =>
		w.events.includes(type) || w.events.includes('all');

export class Webhooks implements SandboxWebhooks {
	private registry: StoredWebhook[] = [];
	private billing = new MonitoringBook();
	private out = new Deliveries();
	private invitations = 0;

	constructor(
		private readonly inbox: Inbox,
		private readonly config: Settings,
	) {}

	get deliveries(): WebhookDelivery[] {
		return this.out.list;
	}

	get settings(): WebhookSettingValues {
		return this.config.webhooks();
	}

	configure(values: Partial<WebhookSettingValues>): WebhookSettingValues {
		return this.config.configureWebhooks(values);
	}

	list(): StoredWebhook[] {
		return clone(this.registry);
	}

	/** A copy of the webhook, when it exists and its account does. */
	get(webhookId: string): StoredWebhook | undefined {
		const w = this.find(webhookId);
		return w && clone(w);
	}

	create(input: NewWebhook): StoredWebhook {
		const now = Date.now();
		const signed = input.enableSignature && input.url !== null;
		const webhook: StoredWebhook = {
			webhook_id: `wh_${randomBytes(12).toString('hex')}`,
			account_id: input.accountId,
			url: input.url,
			events: [...input.events],
			mode: input.url === null ? 'hosted' : 'custom',
			signature_enabled: signed,
			monitoring: this.config.webhookStartsMonitoring,
			created_at: new Date(now).toISOString(),
			secret: signed ? newSecret() : null,
		};
		this.registry.push(webhook);
		this.bill(webhook.account_id, now);
		return clone(webhook);
	}

	/** /start (true) and /stop (false); throws SandboxNotFoundError for an unknown id. */
	setMonitoring(webhookId: string, monitoring: boolean): StoredWebhook {
		const w = this.found(webhookId);
		w.monitoring = monitoring;
		this.bill(w.account_id);
		return clone(w);
	}

	remove(webhookId: string): StoredWebhook {
		const w = this.found(webhookId);
		this.registry.splice(this.registry.indexOf(w), 1);
		this.bill(w.account_id);
		return clone(w);
	}

	/** A new secret (the old one is dead at once); enables the signature if it was off. */
	rotateSecret(webhookId: string): StoredWebhook {
		const w = this.found(webhookId);
		w.secret = newSecret();
		w.signature_enabled = true;
		return clone(w);
	}

	/** The inbox's hook: an incoming message arrived. */
	messageReceived({ accountId, conversation, message }: Arrival): WebhookDelivery[] {
		const event: WebhookEvent = {
			type: 'message_received',
			occurredAt: message.timestamp,
			senderName: message.sender || conversation.participant.name || '',
			senderProfile:
				message.sender_info.profile_url ?? conversation.participant.profile_url ?? null,
			text: message.text,
			conversationId: conversation.conversation_id,
			messageId: `msg_${message.seq}`,
		};
		return this.emit(accountId, event, wants('message_received'));
	}

	invitationAccepted(accountId: string, who: InvitationInput = {}): WebhookDelivery[] {
		const n = ++this.invitations;
		const name = who.name ?? 'Grace Hopper';
		const event: WebhookEvent = {
			type: 'accepted_invitation',
			occurredAt: Date.now(),
			senderName: name,
			senderProfile: who.profile_url ?? profileUrl(name, `${accountId}:invitation:${n}`),
		};
		return this.emit(accountId, event, wants('accepted_invitation'));
	}

	disconnect(accountId: string): WebhookDelivery[] {
		return this.emit(accountId, { type: 'disconnection', occurredAt: Date.now() }, () => true);
	}

	monitoringCredits(atMs: number = Date.now()): number {
		return this.billing.credits(atMs);
	}

	settled(): Promise<void> {
		return this.out.settled();
	}

	redeliver(index: number): Promise<WebhookDelivery> {
		const attempt = this.out.redeliver(index);
		if (!attempt) throw new SandboxNotFoundError(`no delivery ${index}`);
		return attempt;
	}

	clear(): void {
		this.registry = [];
		this.out.clear();
		this.billing.clear();
	}

	/** Aborts deliveries in flight and every later one (sandbox.close()). */
	close(): void {
		this.out.close();
	}

	private find(webhookId: string): StoredWebhook | undefined {
		return this.registry.find(
			(w) => w.webhook_id === webhookId && this.inbox.account(w.account_id) !== undefined,
		);
	}

	private found(webhookId: string): StoredWebhook {
		const w = this.find(webhookId);
		if (!w) throw new SandboxNotFoundError(`Webhook ${webhookId} not found`);
		return w;
	}

	/** Opens or closes the account's monitoring interval. */
	private bill(accountId: string, at: number = Date.now()): void {
		const monitored = this.registry.some((w) => w.account_id === accountId && w.monitoring);
		this.billing.update(accountId, monitored, at);
	}

	/** One delivery to each monitoring custom-mode webhook of the account that `accepts` it. */
	private emit(
		accountId: string,
		event: WebhookEvent,
		accepts: (w: StoredWebhook) => boolean,
	): WebhookDelivery[] {
		const account = this.inbox.account(accountId);
		if (!account) throw new SandboxNotFoundError(`unknown account ${accountId}`);
		const shape = this.config.webhookDeliveryShape;
		return this.registry
			.filter((w) => w.account_id === accountId && w.monitoring && w.url !== null && accepts(w))
			.map((w) => {
				const sentAt = Date.now();
				const body = JSON.stringify(deliveryBody(shape, account, event, sentAt));
				const headers = deliveryHeaders(w, body, sentAt);
				const out = { webhook_id: w.webhook_id, account_id: accountId, type: event.type };
				return this.out.start({ ...out, url: w.url as string, headers, body, sentAt }).record;
			});
	}
}
