/** The JSON body of a webhook delivery, in either shape (setting webhookDeliveryShape). */
import type { Account } from './types';
import type { WebhookDeliveryShape, WebhookEventType } from './webhookTypes';

/** An event to deliver, before it is shaped. Times are epoch ms. */
export type WebhookEvent =
	| {
			type: 'message_received';
			occurredAt: number;
			senderName: string;
			senderProfile: string | null;
			text: string;
			conversationId: string;
			/** `msg_<n>` */
			messageId: string;
	  }
	| {
			type: 'accepted_invitation';
			occurredAt: number;
			senderName: string;
			senderProfile: string | null;
	  }
	| { type: 'disconnection'; occurredAt: number };

/** event.type of the documented shape */
const DOCUMENTED_TYPE: Record<WebhookEventType, string> = {
	message_received: 'message',
	accepted_invitation: 'accepted_invitation',
	disconnection: 'disconnection',
};

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * 'documented': `{ account_id, account_name, event: { type: 'message' | 'accepted_invitation' |
 * 'disconnection', …, occurred_at }, timestamp }`; 'data': `{ account_id, account_name, event:
 * <type name>, data: { …, timestamp: epoch ms }, timestamp }`. The outer timestamp is `sentAt`.
 */
export function deliveryBody(
	shape: WebhookDeliveryShape,
	account: Account,
	event: WebhookEvent,
	sentAt: number,
): Record<string, unknown> {
	const head = { account_id: account.account_id, account_name: account.account_name };
	if (shape === 'data') {
		return { ...head, event: event.type, data: dataOf(event), timestamp: iso(sentAt) };
	}
	return { ...head, event: documentedEventOf(event), timestamp: iso(sentAt) };
}

function documentedEventOf(event: WebhookEvent): Record<string, unknown> {
	const type = DOCUMENTED_TYPE[event.type];
	switch (event.type) {
		case 'message_received':
			return {
				type,
				sender_name: event.senderName,
				sender_profile: event.senderProfile,
				message_text: event.text,
				conversation_id: event.conversationId,
				message_id: event.messageId,
				occurred_at: iso(event.occurredAt),
			};
		case 'accepted_invitation':
			return {
				type,
				sender_name: event.senderName,
				sender_profile: event.senderProfile,
				occurred_at: iso(event.occurredAt),
			};
		default:
			return { type, occurred_at: iso(event.occurredAt) };
	}
}

function dataOf(event: WebhookEvent): Record<string, unknown> {
	switch (event.type) {
		case 'message_received':
			return {
				conversation_id: event.conversationId,
				sender_name: event.senderName,
				sender_profile_url: event.senderProfile,
				message_text: event.text,
				timestamp: event.occurredAt,
			};
		case 'accepted_invitation':
			return {
				sender_name: event.senderName,
				sender_profile_url: event.senderProfile,
				timestamp: event.occurredAt,
			};
		default:
			return { timestamp: event.occurredAt };
	}
}
