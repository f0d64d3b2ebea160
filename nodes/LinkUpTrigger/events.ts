import { createHash } from 'crypto';

import { isObject } from '../shared/errors';
import { isoTimeOrNull, textOrNull } from '../shared/outputValues';

/** A JSON object as LinkUp sent it. */
type JsonObject = Record<string, unknown>;

/** The events a user can pick (stored in workflows: never rename), and what LinkUp calls them. */
export const TRIGGER_EVENTS = [
	'messageReceived',
	'invitationAccepted',
	'accountDisconnected',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

const LINKUP_NAMES: Record<string, TriggerEvent> = {
	message: 'messageReceived',
	message_received: 'messageReceived',
	accepted_invitation: 'invitationAccepted',
	invitation_accepted: 'invitationAccepted',
	disconnection: 'accountDisconnected',
	account_disconnected: 'accountDisconnected',
};

/**
 * The `events` filter to register. LinkUp sends disconnections whatever the filter, and wants at
 * least one event: a trigger for disconnections alone registers messages and ignores them.
 */
export function linkUpEventFilter(events: TriggerEvent[]): string[] {
	const filter: string[] = [];
	if (events.includes('messageReceived')) filter.push('message_received');
	if (events.includes('invitationAccepted')) filter.push('accepted_invitation');
	return filter.length > 0 ? filter : ['message_received'];
}

/** What n8n emits with Simplify on. */
export interface SimplifiedEvent {
	event: TriggerEvent;
	accountId: string | null;
	accountName: string | null;
	senderName: string | null;
	senderProfileUrl: string | null;
	messageText: string | null;
	conversationId: string | null;
	occurredAt: string | null;
	receivedAt: string;
}

export type Delivery =
	| { kind: 'event'; event: SimplifiedEvent; isOwn: boolean; key: string }
	| { kind: 'unknown'; type: string }
	| { kind: 'malformed'; reason: string };

/** The first of `values` that is a non-empty string, else null. */
const text = (...values: unknown[]) =>
	values.map(textOrNull).find((value) => value !== null) ?? null;

/** LinkUp's event times: ISO, epoch ms, or epoch seconds (some payloads) → ISO; anything else → null. */
export function toIso(value: unknown): string | null {
	const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return isoTimeOrNull(typeof number === 'number' && number < 1e11 ? number * 1000 : number);
}

/** JSON with sorted keys, so that the same event hashes the same however it was serialised. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isObject(value))
		return `{${Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
			.join(',')}}`;
	return JSON.stringify(value) ?? 'null';
}

const occurredAtOf = (details: JsonObject) =>
	toIso(details.occurred_at ?? details.timestamp ?? details.time);

/**
 * A retry of the same event gets the same key: LinkUp's id when it sends one, else the body. The
 * outer `timestamp` (when LinkUp sent it, which a retry may change) is left out only when the
 * event carries its own time: without it, the same text sent twice would look like a retry.
 */
function deliveryKey(body: JsonObject, details: JsonObject): string {
	const id = text(details.message_id, details.event_id, details.id, body.event_id, body.id);
	if (id) return `id:${id}`;
	const { timestamp: sentAt, ...rest } = body;
	const keyed = occurredAtOf(details) === null ? { ...rest, sentAt } : rest;
	return `body:${createHash('sha256').update(canonical(keyed)).digest('hex')}`;
}

/**
 * Reads one delivery in either shape LinkUp is known to send: `event: { type, ... }` (the
 * documented one) or `event: "<type>", data: { ... }`.
 */
export function readDelivery(body: unknown, receivedAtMs: number): Delivery {
	if (!isObject(body)) return { kind: 'malformed', reason: 'the body is not a JSON object' };
	const details = isObject(body.event) ? body.event : isObject(body.data) ? body.data : undefined;
	const type = text(isObject(body.event) ? body.event.type : body.event, body.type);
	if (!type || !details)
		return { kind: 'malformed', reason: 'the body has no event type or no event details' };
	const event = LINKUP_NAMES[type.toLowerCase()];
	if (!event) return { kind: 'unknown', type };
	// `sender_profile` is a URL in LinkUp's example; accept a profile object too.
	const sender = isObject(details.sender)
		? details.sender
		: isObject(details.sender_profile)
			? details.sender_profile
			: {};
	const isOwn = [details.is_me, details.from_me, details.is_from_me, sender.is_me].includes(true);
	return {
		kind: 'event',
		isOwn,
		key: deliveryKey(body, details),
		event: {
			event,
			accountId: text(body.account_id, details.account_id),
			accountName: text(body.account_name, details.account_name),
			senderName: text(details.sender_name, sender.name),
			senderProfileUrl: text(
				details.sender_profile_url,
				details.sender_profile,
				sender.profile_url,
				sender.url,
			),
			messageText: text(details.message_text, details.text),
			conversationId: text(details.conversation_id),
			occurredAt: occurredAtOf(details),
			receivedAt: new Date(receivedAtMs).toISOString(),
		},
	};
}
