/**
 * The message history of each conversation (sandbox-only storage: list_inbox never outputs it,
 * and the conversation objects of the state endpoint do not carry it). Kept apart from the
 * conversations, keyed by account and conversation id, newest first. The newest message of a
 * history is always the conversation's last_message.
 */
import { hex, ownerSender, profileUrn } from './identity';
import { mulberry32 } from './seed';
import type { Account, Person, SandboxConversation } from './types';

export type MessageType = 'TEXT' | 'SYSTEM';

/** A message exactly as get_conversation outputs it (the documented fields, in their order). */
export interface ApiMessage {
	text: string;
	/** epoch ms */
	timestamp: number;
	/** display name ('' when the person has none) */
	sender: string;
	/** each field may be missing */
	sender_info: { first_name?: string; last_name?: string; profile_url?: string };
	message_type: MessageType;
	entity_urn: string;
}

/** sandbox-only: the attachment a send carried (the API's message shape has no media field) */
export interface MessageMedia {
	kind: 'link' | 'file' | 'path';
	link?: string;
	filename?: string;
	/** decoded size of media_file.data */
	bytes?: number;
	path?: string;
}

/** A message as the sandbox stores it: the API shape plus sandbox-only fields (never output). */
export interface StoredMessage extends ApiMessage {
	/** sandbox-only: the account owner wrote it */
	from_me: boolean;
	/** sandbox-only: arrival order (higher = newer); get_conversation cursors point at it */
	seq: number;
	media?: MessageMedia;
}

const INCOMING = [
	'Hi Ada, thanks for connecting! 👋',
	'Did you get a chance to look at my last message?',
	'Voilà le lien dont je parlais 👉 https://example.com/doc',
	'Sure, Thursday works. 10:00?',
	'Haha, exactly 😄',
	'Could you send me the deck again? The link expired.',
];
const OWN = [
	'Thanks! Talk soon.',
	'Happy to help 🙂',
	'Let me check and come back to you.',
	'Perfect, see you then!',
];
const HOUR = 3_600_000;

/** `sender` and `sender_info` of a message from this person (name split at its first space). */
function senderFields(person: Person): Pick<ApiMessage, 'sender' | 'sender_info'> {
	const name = person.name ?? '';
	const info: ApiMessage['sender_info'] = {};
	if (name !== '') {
		const [first, ...rest] = name.split(' ');
		info.first_name = first;
		info.last_name = rest.join(' ');
	}
	if (person.profile_url) info.profile_url = person.profile_url;
	return { sender: name, sender_info: info };
}

interface Draft {
	text: string;
	time: number;
	from: Person;
	fromMe: boolean;
	type?: MessageType;
	media?: MessageMedia;
}

/**
 * Older messages for a conversation added to the inbox, oldest first, all before its
 * last_message and seeded by its id (same id → same messages): none for InMail, sponsored and
 * company conversations; otherwise 2–5, at least enough for every unread message to be an
 * incoming one, sometimes opened by a SYSTEM message.
 */
export function olderMessages(account: Account, conversation: SandboxConversation): Draft[] {
	const { participant, last_message: last, type } = conversation;
	if (type === 'Sponsored' || type === 'inmail' || participant.is_organization) return [];
	const owner = ownerSender(account);
	const rand = mulberry32(parseInt(hex(`history:${conversation.conversation_id}`, 8), 16));
	const unreadIncoming = last.sender.is_me ? 0 : Math.min(conversation.unread, 15);
	const count = Math.max(2 + Math.floor(rand() * 4), unreadIncoming - 1);
	const drafts: Draft[] = [];
	let time = last.time;
	for (let i = 0; i < count; i++) {
		time -= 60_000 + Math.floor(rand() * 36 * HOUR);
		if (time < 1) break;
		const fromThem = i < unreadIncoming - 1 || rand() < 0.5;
		const pool = fromThem ? INCOMING : OWN;
		const text = pool[Math.floor(rand() * pool.length)];
		drafts.push({ text, time, from: fromThem ? participant : owner, fromMe: !fromThem });
	}
	if (rand() < 0.3 && time > HOUR) {
		const first = account.account_name.split(' ')[0];
		drafts.push({
			text: `${participant.name ?? 'This member'} and ${first} are now connected`,
			time: time - HOUR,
			from: participant,
			fromMe: false,
			type: 'SYSTEM',
		});
	}
	return drafts.reverse();
}

export class Histories {
	/** oldest first (appends are cheap; list() reverses) */
	private byAccount = new Map<string, Map<string, StoredMessage[]>>();
	private owners = new Map<string, string>();
	private seq = 0;

	/** Forgets every history; arrival numbers start again (same data after a reset). */
	clear(): void {
		this.byAccount.clear();
		this.seq = 0;
	}

	/** Newest first (copies); [] when the conversation has no history. */
	list(accountId: string, conversationId: string): StoredMessage[] {
		return structuredClone(this.byAccount.get(accountId)?.get(conversationId) ?? []).reverse();
	}

	/** A history for a conversation just added: `older` (oldest first), then its last_message. */
	start(
		account: Account,
		conversation: SandboxConversation,
		older: Draft[],
		media?: MessageMedia,
	): void {
		const store = this.accountStore(account.account_id);
		store.set(conversation.conversation_id, []);
		for (const draft of older) this.push(account, conversation.conversation_id, draft);
		this.append(account, conversation, media);
	}

	/** The conversation's (new) last_message on top of its history. */
	append(account: Account, conversation: SandboxConversation, media?: MessageMedia): void {
		const { text, time, sender } = conversation.last_message;
		this.push(account, conversation.conversation_id, {
			text,
			time,
			from: sender,
			fromMe: sender.is_me,
			media,
		});
	}

	remove(accountId: string, conversationId: string): void {
		this.byAccount.get(accountId)?.delete(conversationId);
	}

	/**
	 * `urn:li:msg_message:(<owner's profile URN>,2-<base64>)`: unique per arrival, the same after
	 * a reset; no hashing per message (the trigger's long randomized runs send thousands).
	 */
	private messageUrn(accountId: string, seq: number): string {
		let owner = this.owners.get(accountId);
		if (!owner) this.owners.set(accountId, (owner = profileUrn(accountId)));
		const id = Buffer.from(
			`${(1_700_000_000_000 + seq).toString(16)}-${String(seq).padStart(6, '0')}_100`,
			'utf8',
		).toString('base64');
		return `urn:li:msg_message:(${owner},2-${id})`;
	}

	private push(account: Account, conversationId: string, draft: Draft): void {
		const seq = ++this.seq;
		const message: StoredMessage = {
			text: draft.text,
			timestamp: draft.time,
			...senderFields(draft.from),
			message_type: draft.type ?? 'TEXT',
			entity_urn: this.messageUrn(account.account_id, seq),
			from_me: draft.fromMe,
			seq,
			...(draft.media ? { media: draft.media } : {}),
		};
		const store = this.accountStore(account.account_id);
		const list = store.get(conversationId);
		if (list) list.push(message);
		else store.set(conversationId, [message]);
	}

	private accountStore(accountId: string): Map<string, StoredMessage[]> {
		let store = this.byAccount.get(accountId);
		if (!store) this.byAccount.set(accountId, (store = new Map()));
		return store;
	}
}
