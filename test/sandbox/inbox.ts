/**
 * Pure in-memory inbox: accounts, and conversations per account. No I/O.
 * Order is the API's: newest activity first (activity, else last_message.time), ties by
 * conversation_id descending.
 */
import { Clock } from './clock';
import { Histories, olderMessages, type MessageMedia, type StoredMessage } from './history';
import { conversationUrn, ownerSender, pictureUrl, profileUrl } from './identity';
import { compareConversations, inCategory, isAfter, type CursorPosition } from './order';
import type {
	Account,
	Category,
	NewConversationInput,
	ReceiveMessageInput,
	SandboxConversation,
} from './types';

/** Thrown by mutators for an unknown account or conversation (control endpoints answer 404). */
export class SandboxNotFoundError extends Error {
	override name = 'SandboxNotFoundError';
}

export {
	activityOf,
	decodeCursor,
	encodeCursor,
	compareConversations,
	inCategory,
	isAfter,
} from './order';
export type { CursorPosition } from './order';

const clone = <T>(v: T): T => structuredClone(v);

/** An incoming message that just arrived (what webhooks deliver as message_received). */
export interface Arrival {
	accountId: string;
	conversation: SandboxConversation;
	/** the conversation's newest message: the one that arrived */
	message: StoredMessage;
}

export class Inbox {
	private accountList: Account[] = [];
	private conversations = new Map<string, Map<string, SandboxConversation>>();
	private clock = new Clock();
	private histories = new Histories();
	private created = 0;
	private seeding = false;
	/**
	 * Called after an incoming (not fromMe) message arrives: receiveMessage, newConversation, and
	 * addConversation of a conversation whose last_message is not is_me (not while reset() seeds).
	 * Errors it throws are swallowed. The webhooks' hook (server.ts).
	 */
	onIncoming?: (arrival: Arrival) => void;
	private readonly initial: {
		accounts: Account[];
		conversations: Record<string, SandboxConversation[]>;
	};

	constructor(accounts: Account[], conversations: Record<string, SandboxConversation[]> = {}) {
		this.initial = { accounts: clone(accounts), conversations: clone(conversations) };
		this.reset();
	}

	/** Back to the constructor's accounts and conversations (the clock stays monotonic). */
	reset(): void {
		this.accountList = clone(this.initial.accounts);
		this.conversations = new Map(this.accountList.map((a) => [a.account_id, new Map()]));
		this.histories.clear();
		this.seeding = true;
		try {
			for (const [accountId, list] of Object.entries(this.initial.conversations)) {
				for (const c of list) this.addConversation(accountId, c);
			}
		} finally {
			this.seeding = false;
		}
	}

	/** Monotonic clock in epoch ms: max(Date.now(), last time used + 1); see clock.ts. */
	now(): number {
		return this.clock.now();
	}

	accounts(): Account[] {
		return clone(this.accountList);
	}

	account(accountId: string): Account | undefined {
		const a = this.accountList.find((x) => x.account_id === accountId);
		return a && clone(a);
	}

	/** All conversations of an account in API order, sandbox flags included (copies). */
	all(accountId: string): SandboxConversation[] {
		return clone([...this.store(accountId).values()].sort(compareConversations));
	}

	get(accountId: string, conversationId: string): SandboxConversation | undefined {
		const c = this.store(accountId).get(conversationId);
		return c && clone(c);
	}

	/** One page in API order: up to `count` conversations of `category` strictly after `after`. */
	list(
		accountId: string,
		category: Category,
		count: number,
		after?: CursorPosition,
	): { page: SandboxConversation[]; hasMore: boolean } {
		const rest = [...this.store(accountId).values()]
			.filter((c) => inCategory(c, category) && (!after || isAfter(c, after)))
			.sort(compareConversations);
		return { page: clone(rest.slice(0, count)), hasMore: rest.length > count };
	}

	/** Messages of a conversation, newest first, sandbox-only fields included (copies). */
	messages(accountId: string, conversationId: string): StoredMessage[] {
		this.find(accountId, conversationId);
		return this.histories.list(accountId, conversationId);
	}

	/** Adds a conversation; its history is its last_message after a few seeded older messages (history.ts). */
	addConversation(accountId: string, conversation: SandboxConversation): SandboxConversation {
		const added = this.insert(accountId, conversation, true);
		if (!added.last_message.sender?.is_me) this.arrived(accountId, added);
		return added;
	}

	private arrived(accountId: string, conversation: SandboxConversation): void {
		if (this.seeding || !this.onIncoming) return;
		const [message] = this.histories.list(accountId, conversation.conversation_id);
		if (!message) return;
		try {
			this.onIncoming({ accountId, conversation: clone(conversation), message });
		} catch {
			// a listener must never break the model
		}
	}

	private insert(
		accountId: string,
		conversation: SandboxConversation,
		seedOlder: boolean,
		media?: MessageMedia,
	): SandboxConversation {
		const store = this.store(accountId);
		if (typeof conversation?.conversation_id !== 'string' || !conversation.conversation_id) {
			throw new TypeError('conversation.conversation_id must be a non-empty string');
		}
		if (!Number.isSafeInteger(conversation.last_message?.time)) {
			throw new TypeError('conversation.last_message.time must be an integer (epoch ms)');
		}
		if (conversation.activity !== undefined && !Number.isSafeInteger(conversation.activity)) {
			throw new TypeError('conversation.activity must be an integer (epoch ms) when given');
		}
		if (store.has(conversation.conversation_id)) {
			throw new TypeError(`conversation ${conversation.conversation_id} already exists`);
		}
		this.clock.saw(conversation.last_message.time);
		if (conversation.activity !== undefined) this.clock.saw(conversation.activity);
		store.set(conversation.conversation_id, clone(conversation));
		const account = this.accountOf(accountId);
		this.histories.start(
			account,
			conversation,
			seedOlder ? olderMessages(account, conversation) : [],
			media,
		);
		return clone(conversation);
	}

	/** A new message in an existing conversation; it moves to the top (activity = its time). */
	receiveMessage(
		accountId: string,
		conversationId: string,
		input: ReceiveMessageInput,
	): SandboxConversation {
		const c = this.find(accountId, conversationId);
		const time = this.clock.timeFor(input.time);
		delete c.activity;
		if (input.fromMe) {
			c.last_message = { text: input.text, time, sender: ownerSender(this.accountOf(accountId)) };
			c.unread = 0;
		} else {
			const { name, headline, profile_url, profile_picture } = c.participant;
			const sender = { name, headline, profile_url, profile_picture, is_me: false };
			for (const k of Object.keys(sender) as (keyof typeof sender)[]) {
				if (sender[k] === undefined) delete sender[k];
			}
			c.last_message = { text: input.text, time, sender };
			c.unread += 1;
		}
		this.histories.append(this.accountOf(accountId), c, input.media);
		if (!input.fromMe) this.arrived(accountId, c);
		return clone(c);
	}

	/** A brand-new conversation, unread (1) unless told otherwise. */
	newConversation(accountId: string, input: NewConversationInput = {}): SandboxConversation {
		const account = this.accountOf(accountId);
		const n = ++this.created;
		const name = input.participantName ?? input.participant?.name ?? `New Contact ${n}`;
		const key = `${accountId}:new:${n}:${name}`;
		const participant = input.participant ?? {
			name,
			headline: 'Sandbox contact · Says hello 👋',
			profile_url: profileUrl(name, key),
			profile_picture: pictureUrl(key),
		};
		const { is_organization: _org, ...person } = participant;
		const conversation: SandboxConversation = {
			conversation_id: input.conversation_id ?? conversationUrn(account.account_id, key),
			participant,
			last_message: {
				text: input.text ?? `Hi ${account.account_name.split(' ')[0]}! 👋`,
				time: this.clock.timeFor(input.time),
				sender: input.fromMe ? ownerSender(account) : { ...person, is_me: false },
			},
			unread: input.unread ?? (input.fromMe ? 0 : 1),
			type: input.type ?? 'normal',
			connection: input.connection ?? true,
			starred: input.starred ?? false,
		};
		const added = this.insert(accountId, conversation, false, input.media);
		if (!input.fromMe) this.arrived(accountId, added);
		return added;
	}

	/**
	 * A reaction or an edit: the conversation's activity moves to `time` (default now()), so it
	 * moves in the order; last_message and unread stay as they are.
	 */
	bump(accountId: string, conversationId: string, time?: number): SandboxConversation {
		const c = this.find(accountId, conversationId);
		c.activity = this.clock.timeFor(time);
		return clone(c);
	}

	markRead(accountId: string, conversationId: string): SandboxConversation {
		const c = this.find(accountId, conversationId);
		c.unread = 0;
		return clone(c);
	}

	/** Marked unread by the user: at least 1 unread, no new message, time unchanged. */
	markUnread(accountId: string, conversationId: string): SandboxConversation {
		const c = this.find(accountId, conversationId);
		c.unread = Math.max(c.unread, 1);
		return clone(c);
	}

	remove(accountId: string, conversationId: string): boolean {
		this.histories.remove(accountId, conversationId);
		return this.store(accountId).delete(conversationId);
	}

	/** Every account's conversations in API order (for the state endpoint). */
	snapshot(): Record<string, SandboxConversation[]> {
		return Object.fromEntries(this.accountList.map((a) => [a.account_id, this.all(a.account_id)]));
	}

	private accountOf(accountId: string): Account {
		const a = this.accountList.find((x) => x.account_id === accountId);
		if (!a) throw new SandboxNotFoundError(`unknown account ${accountId}`);
		return a;
	}

	private store(accountId: string): Map<string, SandboxConversation> {
		const s = this.conversations.get(accountId);
		if (!s) throw new SandboxNotFoundError(`unknown account ${accountId}`);
		return s;
	}

	private find(accountId: string, conversationId: string): SandboxConversation {
		const c = this.store(accountId).get(conversationId);
		if (!c)
			throw new SandboxNotFoundError(
				`unknown conversation ${conversationId} in account ${accountId}`,
			);
		return c;
	}
}
