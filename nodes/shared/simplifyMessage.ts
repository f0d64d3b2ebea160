import type { IDataObject } from 'n8n-workflow';
import { countOrNull, isoTimeOrNull, textOrNull } from './outputValues';
import type { LinkUpConversationPage, LinkUpMessage, LinkUpSentMessage } from './types';

/** What every message item of one conversation says about the conversation. */
export interface MessageContext {
	conversationId: string | null;
	unreadCount: number | null;
	totalMessageCount: number | null;
}

/**
 * The conversation's id and counts, from the first page LinkUp returned. get_conversation's
 * documented data carries no conversation id: it is LinkUp's when sent, else the one requested
 * (null when the conversation was asked for by profile URL).
 */
export function conversationContext(
	page: LinkUpConversationPage | undefined,
	requestedId: unknown,
): MessageContext {
	return {
		conversationId: textOrNull(page?.conversation_id) ?? textOrNull(requestedId),
		unreadCount: countOrNull(page?.unread_count),
		totalMessageCount: countOrNull(page?.total_message_count),
	};
}

/** The flat shape of one message when Simplify is on; missing fields are null, never `undefined`. */
export function simplifyMessage(message: LinkUpMessage, context: MessageContext): IDataObject {
	const info = message.sender_info ?? {};
	const fullName = [info.first_name, info.last_name]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(' ');
	return {
		messageId: textOrNull(message.entity_urn),
		conversationId: context.conversationId,
		text: textOrNull(message.text),
		sentAt: isoTimeOrNull(message.timestamp),
		senderName: textOrNull(message.sender) ?? textOrNull(fullName),
		senderProfileUrl: textOrNull(info.profile_url),
		messageType: textOrNull(message.message_type),
		unreadCount: context.unreadCount,
		totalMessageCount: context.totalMessageCount,
	};
}

/** Send Message's output item: what LinkUp returned, and the profile URL the message went to. */
export function simplifySentMessage(sent: LinkUpSentMessage, profileUrl: string): IDataObject {
	return {
		messageId: textOrNull(sent.entityUrn),
		conversationId: textOrNull(sent.conversation_id),
		deliveredAt: isoTimeOrNull(sent.deliveredAt),
		profileUrl,
	};
}
