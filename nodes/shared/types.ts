/** A person or company as LinkUp returns it; every field may be missing or empty. */
interface LinkUpPerson {
	name?: string;
	headline?: string;
	profile_url?: string;
	profile_picture?: string;
	is_organization?: boolean;
	is_me?: boolean;
}

export interface LinkUpConversation {
	conversation_id: string;
	participant?: LinkUpPerson;
	last_message?: {
		text?: string;
		time?: number;
		sender?: LinkUpPerson;
	};
	unread?: number;
	type?: string;
}

export interface LinkUpInboxPage {
	conversations?: LinkUpConversation[];
	total_results?: number;
	next_cursor?: string | null;
}

export interface LinkUpAccount {
	account_id: string;
	platform?: string;
	account_name?: string;
	is_active?: boolean;
	status?: string;
}

export interface LinkUpAccountsPage {
	items?: LinkUpAccount[];
	total?: number;
	limit?: number;
	offset?: number;
}

/** One message as get_conversation returns it; every field may be missing. */
export interface LinkUpMessage {
	text?: string;
	/** epoch ms */
	timestamp?: number;
	/** the sender's display name */
	sender?: string;
	sender_info?: { first_name?: string; last_name?: string; profile_url?: string };
	/** 'TEXT' or 'SYSTEM' */
	message_type?: string;
	entity_urn?: string;
}

/** The `data` of one get_conversation page. */
export interface LinkUpConversationPage {
	total_message_count?: number;
	unread_count?: number;
	last_seen_message?: boolean;
	last_seen_at?: number;
	/** newest first */
	messages?: LinkUpMessage[];
	next_cursor?: string | null;
	/** not documented: used when LinkUp sends it */
	conversation_id?: string;
}

/** The `data` of a send. */
export interface LinkUpSentMessage {
	entityUrn?: string;
	conversation_id?: string;
	/** epoch ms (or an ISO 8601 string: the format is not documented) */
	deliveredAt?: number | string;
}
