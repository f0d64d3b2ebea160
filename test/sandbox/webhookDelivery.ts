/**
 * Sending webhook deliveries: signing, the POST itself (global fetch, 5 s timeout, no retry),
 * and the record of every attempt. A delivery never throws and never blocks its caller.
 */
import { createHmac } from 'node:crypto';
import type { StoredWebhook, WebhookDelivery } from './webhookTypes';

export const DELIVERY_TIMEOUT_MS = 5000;
export const DELIVERY_USER_AGENT = 'LinkUp-Webhooks/1.0';

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` */
export function signature(secret: string, timestamp: string, rawBody: string): string {
	return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

/** The headers of a delivery: signature headers only when the webhook signs. */
export function deliveryHeaders(
	webhook: StoredWebhook,
	rawBody: string,
	sentAt: number,
): Record<string, string> {
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		'User-Agent': DELIVERY_USER_AGENT,
	};
	if (webhook.signature_enabled && webhook.secret) {
		const timestamp = String(Math.floor(sentAt / 1000));
		headers['X-Linkup-Timestamp'] = timestamp;
		headers['X-Linkup-Signature'] = signature(webhook.secret, timestamp, rawBody);
	}
	return headers;
}

function reasonOf(err: unknown): string {
	if (err instanceof Error) {
		const cause = (err as Error & { cause?: unknown }).cause;
		if (cause instanceof Error && cause.message) return `${err.message}: ${cause.message}`;
		return err.message || err.name;
	}
	return String(err);
}

/** What an attempt sends. */
export type Outgoing = Pick<
	WebhookDelivery,
	'webhook_id' | 'account_id' | 'url' | 'type' | 'headers' | 'body' | 'sentAt' | 'redeliveryOf'
>;

export class Deliveries {
	/** every attempt, oldest first (cleared in place) */
	readonly list: WebhookDelivery[] = [];
	private inFlight = new Set<Promise<WebhookDelivery>>();
	private closing = new AbortController();

	/** Starts one attempt and records it at once (status 0, done false until it ends). */
	start(out: Outgoing): { record: WebhookDelivery; done: Promise<WebhookDelivery> } {
		const record: WebhookDelivery = {
			index: this.list.length,
			webhook_id: out.webhook_id,
			account_id: out.account_id,
			url: out.url,
			type: out.type,
			headers: { ...out.headers },
			body: out.body,
			status: 0,
			sentAt: out.sentAt,
			answeredAt: 0,
			done: false,
			...(out.redeliveryOf !== undefined ? { redeliveryOf: out.redeliveryOf } : {}),
		};
		this.list.push(record);
		const done = this.post(record);
		this.inFlight.add(done);
		void done.then(() => this.inFlight.delete(done));
		return { record, done };
	}

	/** The same bytes and headers as deliveries[index] again (a LinkUp retry), a new attempt. */
	redeliver(index: number): Promise<WebhookDelivery> | undefined {
		const old = Number.isInteger(index) ? this.list[index] : undefined;
		if (!old) return undefined;
		return this.start({ ...old, sentAt: Date.now(), redeliveryOf: old.index }).done;
	}

	/** Resolves when every attempt started so far has ended. */
	async settled(): Promise<void> {
		await Promise.all([...this.inFlight]);
	}

	/** Forgets the records (attempts in flight still finish, unrecorded). */
	clear(): void {
		this.list.length = 0;
	}

	/** Aborts the attempts in flight and every later one (sandbox.close()). */
	close(): void {
		this.closing.abort(new Error('sandbox closed'));
	}

	private async post(record: WebhookDelivery): Promise<WebhookDelivery> {
		try {
			const signal = AbortSignal.any([
				AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
				this.closing.signal,
			]);
			const res = await fetch(record.url, {
				method: 'POST',
				headers: record.headers,
				body: record.body,
				redirect: 'manual',
				signal,
			});
			record.status = res.status;
			await res.arrayBuffer().catch(() => undefined);
		} catch (err) {
			record.status = 0;
			record.error = reasonOf(err);
		}
		record.answeredAt = Date.now();
		record.done = true;
		return record;
	}
}
