import type { IDataObject } from 'n8n-workflow';
import type { LinkUpConversation } from './types';

function textOrNull(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function countOrNull(value: unknown): number | null {
	const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof count === 'number' && Number.isFinite(count) ? count : null;
}

function isoTimeOrNull(value: unknown): string | null {
	const ms = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The flat shape both nodes output when Simplify is on; missing fields are null (booleans false), never `undefined`. */
export function simplifyConversation(conversation: LinkUpConversation): IDataObject {
	const participant = conversation.participant ?? {};
	const lastMessage = conversation.last_message ?? {};
	return {
		conversationId: textOrNull(conversation.conversation_id),
		participantName: textOrNull(participant.name),
		participantHeadline: textOrNull(participant.headline),
		participantProfileUrl: textOrNull(participant.profile_url),
		participantIsOrganization: participant.is_organization === true,
		lastMessageText: textOrNull(lastMessage.text),
		lastMessageAt: isoTimeOrNull(lastMessage.time),
		lastMessageFromMe: lastMessage.sender?.is_me === true,
		unreadCount: countOrNull(conversation.unread),
		type: textOrNull(conversation.type),
	};
}
