import type { IDataObject } from 'n8n-workflow';
import { countOrNull, isoTimeOrNull, textOrNull } from './outputValues';
import type { LinkUpConversation } from './types';

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
