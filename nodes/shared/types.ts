/** A person or company as LinkUp returns it; every field may be missing or empty. */
export interface LinkUpPerson {
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
