import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
	messageCursor,
	realisticInbox,
	startSandbox,
	toApiConversation,
	toApiMessage,
} from './index';
import type { ApiMessage, Fault, Sandbox, SandboxConversation } from './index';

type ConversationData = {
	total_message_count: number;
	unread_count: number;
	last_seen_message: boolean;
	last_seen_at: number | null;
	messages: ApiMessage[];
	next_cursor: string | null;
};
type Sent = { entityUrn: string; conversation_id: string; deliveredAt: number };
type Envelope<T> = {
	success: boolean;
	data: T;
	error?: { code: string; message: string };
	metadata: { action: string; credits_consumed: number };
};

const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);
let sandbox: Sandbox;
const account = () => sandbox.accountId;

async function post<T>(
	url: string,
	body: unknown,
	apiKey?: string,
): Promise<{ status: number; body: T }> {
	const headers = {
		'content-type': 'application/json',
		...(apiKey ? { 'x-api-key': apiKey } : {}),
	};
	const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
	return { status: res.status, body: (await res.json()) as T };
}
const action = <T>(name: string, params: Record<string, unknown>, accountId = account()) =>
	post<Envelope<T>>(
		`${sandbox.url}/v2/messages`,
		{ account_id: accountId, action: name, params },
		sandbox.apiKey,
	);
const read = (params: Record<string, unknown>) =>
	action<ConversationData>('get_conversation', params);
const send = (params: Record<string, unknown>) => action<Sent>('send', params);

const all = () => sandbox.inbox.all(account());
const history = (id: string) => sandbox.inbox.messages(account(), id);
const person = (c: SandboxConversation) => c.participant.profile_url as string;
const normal = () =>
	all().find(
		(c) =>
			c.type === 'normal' && c.participant.profile_url && history(c.conversation_id).length >= 3,
	) as SandboxConversation;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(3, 30, { now: NOW }), maxPageSize: 100 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('seeded histories', () => {
	it('every history ends in the conversation’s last_message (text, time, sender, own or not)', () => {
		for (const c of all()) {
			const [newest, ...older] = history(c.conversation_id);
			expect(newest).toMatchObject({
				text: c.last_message.text,
				timestamp: c.last_message.time,
				sender: c.last_message.sender.name ?? '',
			});
			expect(newest.from_me).toBe(c.last_message.sender.is_me);
			expect(newest.sender_info.profile_url).toBe(c.last_message.sender.profile_url);
			expect(older.every((m) => m.timestamp < c.last_message.time)).toBe(true);
		}
	});

	it('normal conversations get a few older messages, InMail and sponsored ones none; SYSTEM messages occur', () => {
		const counts = all().map((c) => [c.type, history(c.conversation_id).length] as const);
		expect(counts.filter(([type]) => type === 'inmail').length).toBeGreaterThan(0);
		expect(counts.filter(([type]) => type === 'Sponsored').length).toBeGreaterThan(0);
		expect(counts.filter(([type]) => type !== 'normal').every(([, n]) => n === 1)).toBe(true);
		expect(counts.filter(([type]) => type === 'normal').every(([, n]) => n >= 3)).toBe(true);
		expect(
			all().some((c) => history(c.conversation_id).some((m) => m.message_type === 'SYSTEM')),
		).toBe(true);
	});

	it('the unread messages of a conversation are incoming ones', () => {
		const unread = all().filter(
			(x) => x.unread > 1 && !x.last_message.sender.is_me && x.type === 'normal',
		);
		expect(unread.length).toBeGreaterThan(1);
		for (const c of unread) {
			expect(
				history(c.conversation_id)
					.slice(0, c.unread)
					.every((m) => !m.from_me),
			).toBe(true);
		}
	});

	it('are the same for the same seed and survive reset() unchanged; a removed conversation loses its history', async () => {
		const twin = await startSandbox({ inbox: realisticInbox(3, 30, { now: NOW }) });
		try {
			const first = all()[0].conversation_id;
			expect(twin.inbox.messages(twin.accountId, first)).toEqual(history(first));
			const before = all().map((c) => history(c.conversation_id));
			await send({ profile_url: person(normal()), message_text: 'gone after reset' });
			sandbox.reset();
			expect(all().map((c) => history(c.conversation_id))).toEqual(before);
			sandbox.inbox.remove(account(), first);
			expect(() => sandbox.inbox.messages(account(), first)).toThrow('unknown conversation');
		} finally {
			await twin.close();
		}
	});

	it('never reach list_inbox or the state endpoint’s conversation objects', async () => {
		const page = await action<{ conversations: object[] }>('list_inbox', { count: 100 });
		expect(page.body.data.conversations).toEqual(all().map(toApiConversation));
		const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as {
			conversations: Record<string, object[]>;
		};
		expect(state.conversations[account()]).toEqual(all());
		for (const c of state.conversations[account()]) {
			expect(Object.keys(c).sort()).toEqual([
				'connection',
				'conversation_id',
				'last_message',
				'participant',
				'starred',
				'type',
				'unread',
			]);
		}
	});
});

describe('get_conversation', () => {
	it('by conversation_id: the documented fields, newest first, 1 credit per started 10', async () => {
		const c = normal();
		const res = await read({ conversation_id: c.conversation_id });
		expect(res.status).toBe(200);
		const messages = history(c.conversation_id);
		expect(res.body.data).toEqual({
			total_message_count: messages.length,
			unread_count: c.unread,
			last_seen_message: c.unread === 0,
			last_seen_at: messages[c.unread]?.timestamp ?? null,
			messages: messages.slice(0, 10).map(toApiMessage),
			next_cursor: null,
		});
		expect(Object.keys(res.body.data.messages[0])).toEqual([
			'text',
			'timestamp',
			'sender',
			'sender_info',
			'message_type',
			'entity_urn',
		]);
		expect(res.body.metadata).toMatchObject({ action: 'get_conversation', credits_consumed: 1 });
	});

	it('pages with count and an opaque cursor; credits per page; null at the end; reading does not mark it read', async () => {
		const c = sandbox.inbox.newConversation(account(), { text: 'm0', time: NOW - 100_000 });
		for (let i = 1; i < 23; i++)
			sandbox.inbox.receiveMessage(account(), c.conversation_id, {
				text: `m${i}`,
				time: NOW - 100_000 + i * 1000,
			});
		const messages = history(c.conversation_id);
		const first = await read({ conversation_id: c.conversation_id, count: 12 });
		expect(first.body.data.messages.map((m) => m.text)).toEqual(
			messages.slice(0, 12).map((m) => m.text),
		);
		expect(first.body.data.next_cursor).toBe(messageCursor(messages[11]));
		expect(first.body.data.next_cursor).toMatch(/^\d{13}_\d+$/);
		const second = await read({
			conversation_id: c.conversation_id,
			count: 12,
			cursor: first.body.data.next_cursor,
		});
		expect(second.body.data.messages.map((m) => m.text)).toEqual(
			messages.slice(12).map((m) => m.text),
		);
		expect(second.body.data.next_cursor).toBeNull();
		expect(sandbox.requests.map((r) => r.creditsConsumed)).toEqual([2, 2]);
		expect(sandbox.inbox.get(account(), c.conversation_id)?.unread).toBe(23);
	});

	it('a message arriving between pages does not shift the next page', async () => {
		const c = normal();
		const before = history(c.conversation_id);
		const first = await read({ conversation_id: c.conversation_id, count: 1 });
		sandbox.inbox.receiveMessage(account(), c.conversation_id, { text: 'new on top' });
		const second = await read({
			conversation_id: c.conversation_id,
			count: 100,
			cursor: first.body.data.next_cursor,
		});
		expect(second.body.data.messages).toEqual(before.slice(1).map(toApiMessage));
	});

	it('by profile_url: the conversation with that person, however the URL is written', async () => {
		const c = normal();
		const url = person(c);
		const variants = [
			url,
			`${url}/`,
			url.replace('https://www.', 'http://'),
			url.replace('www.', 'fr.'),
			`${url.toUpperCase()}?trk=abc`,
		];
		for (const profile_url of variants) {
			const res = await read({ profile_url });
			expect(res.status).toBe(200);
			expect(res.body.data.messages[0].entity_urn).toBe(history(c.conversation_id)[0].entity_urn);
		}
	});

	it.each([
		[
			{ conversation_id: 'urn:li:msg_conversation:(nope,2-x)' },
			'params.conversation_id: no conversation urn:li:msg_conversation:(nope,2-x) in this account',
		],
		[
			{ profile_url: 'https://www.linkedin.com/in/nobody-here' },
			'params.profile_url: no conversation with https://www.linkedin.com/in/nobody-here in this account',
		],
		[
			{ profile_url: 'https://example.com/in/x' },
			'params.profile_url must be a LinkedIn profile URL (https://www.linkedin.com/in/…)',
		],
		[{ conversation_id: '  ' }, 'params.conversation_id must be a non-empty string'],
		[{}, 'params.conversation_id or params.profile_url is required'],
		[
			{ conversation_id: 'x', profile_url: 'https://www.linkedin.com/in/x' },
			'send either params.conversation_id or params.profile_url, not both',
		],
		[{ conversation_id: 'CONV', count: 0 }, 'params.count must be an integer between 1 and 1000'],
		[
			{ conversation_id: 'CONV', cursor: 'abc' },
			'params.cursor is not a valid cursor (send data.next_cursor unchanged)',
		],
		[
			{ conversation_id: 'CONV', cursor: '' },
			'params.cursor is not a valid cursor (send data.next_cursor unchanged)',
		],
	])('refuses %j with 400 INVALID_PARAMS', async (params, message) => {
		const id = normal().conversation_id;
		const res = await read(JSON.parse(JSON.stringify(params).replace('CONV', id)));
		expect(res.status).toBe(400);
		expect(res.body.error).toEqual({ code: 'INVALID_PARAMS', message });
		expect(sandbox.creditsConsumed).toBe(0);
	});
});

describe('send', () => {
	it('to someone in the inbox: appended as the account’s own message, the conversation on top with unread 0', async () => {
		const c = all().find(
			(x) => x.unread > 0 && x.participant.profile_url && x.type === 'normal',
		) as SandboxConversation;
		const res = await send({ profile_url: person(c), message_text: 'Merci !\nÀ bientôt 👋' });
		expect(res.status).toBe(200);
		const [sent] = history(c.conversation_id);
		expect(res.body.data).toEqual({
			entityUrn: sent.entity_urn,
			conversation_id: c.conversation_id,
			deliveredAt: sent.timestamp,
		});
		expect(sent).toMatchObject({
			text: 'Merci !\nÀ bientôt 👋',
			from_me: true,
			sender: 'Ada Lovelace',
			message_type: 'TEXT',
		});
		expect(res.body.metadata).toMatchObject({ action: 'send', credits_consumed: 1 });
		const [top] = all();
		expect(top).toMatchObject({
			conversation_id: c.conversation_id,
			unread: 0,
			last_message: { text: 'Merci !\nÀ bientôt 👋', time: sent.timestamp },
		});
		expect(top.last_message.sender.is_me).toBe(true);
	});

	it('to someone new: a new conversation (read, own last message), used again by the next send', async () => {
		const url = 'https://www.linkedin.com/in/grace-hopper-1a2b3c4d';
		const first = await send({ profile_url: url, message_text: 'Hello Grace' });
		const c = sandbox.inbox.get(account(), first.body.data.conversation_id) as SandboxConversation;
		expect(c).toMatchObject({
			participant: { name: 'Grace Hopper', profile_url: url },
			unread: 0,
			type: 'normal',
		});
		expect(all()[0].conversation_id).toBe(c.conversation_id);
		const again = await send({ profile_url: `${url}/`, message_text: 'Again' });
		expect(again.body.data.conversation_id).toBe(c.conversation_id);
		expect(history(c.conversation_id).map((m) => m.text)).toEqual(['Again', 'Hello Grace']);
		expect((await read({ profile_url: url })).body.data.total_message_count).toBe(2);
	});

	it.each([
		[
			{ media_link: 'https://example.com/a.png' },
			{ kind: 'link', link: 'https://example.com/a.png' },
		],
		[
			{ media_file: { data: 'aGVsbG8=', filename: 'hello.txt' } },
			{ kind: 'file', filename: 'hello.txt', bytes: 5 },
		],
		[{ media_path: '/files/a.pdf' }, { kind: 'path', path: '/files/a.pdf' }],
		[
			{
				media_file: { data: 'aGVsbG8=', filename: 'h.txt' },
				media_link: 'https://example.com/b.png',
			},
			{ kind: 'link', link: 'https://example.com/b.png' },
		],
		[
			{ media_path: '/p', media_file: { data: 'aGk=', filename: 'hi.txt' } },
			{ kind: 'file', filename: 'hi.txt', bytes: 2 },
		],
	])(
		'with media %j: 2 credits, the attachment kept in the history (media_link > media_file > media_path)',
		async (media, kept) => {
			const c = normal();
			const res = await send({ profile_url: person(c), message_text: 'See attached', ...media });
			expect(res.body.metadata.credits_consumed).toBe(2);
			expect(history(c.conversation_id)[0].media).toEqual(kept);
			expect(
				(await read({ conversation_id: c.conversation_id, count: 1 })).body.data.messages[0],
			).not.toHaveProperty('media');
		},
	);

	it.each([
		[{ message_text: 'x' }, 'params.profile_url is required'],
		[
			{ profile_url: 'https://www.linkedin.com/company/acme/', message_text: 'x' },
			'params.profile_url must be a LinkedIn profile URL (https://www.linkedin.com/in/…)',
		],
		[{ profile_url: 'PROFILE' }, 'params.message_text is required'],
		[{ profile_url: 'PROFILE', message_text: ' \n ' }, 'params.message_text is required'],
		[
			{ profile_url: 'PROFILE', message_text: 'x', media_link: 'ftp://example.com/a' },
			'params.media_link must be an http(s) URL',
		],
		[
			{
				profile_url: 'PROFILE',
				message_text: 'x',
				media_file: { data: 'not base64!', filename: 'a' },
			},
			'params.media_file must be { data: <base64>, filename }',
		],
		[
			{ profile_url: 'PROFILE', message_text: 'x', media_file: { data: 'aGk=' } },
			'params.media_file must be { data: <base64>, filename }',
		],
		[
			{ profile_url: 'PROFILE', message_text: 'x', media_path: '' },
			'params.media_path must be a non-empty string',
		],
	])('refuses %j with 400 INVALID_PARAMS and sends nothing', async (params, message) => {
		const before = all();
		const res = await send(JSON.parse(JSON.stringify(params).replace('PROFILE', person(normal()))));
		expect([res.status, res.body.error]).toEqual([400, { code: 'INVALID_PARAMS', message }]);
		expect(all()).toEqual(before);
		expect(sandbox.creditsConsumed).toBe(0);
	});
});

describe('accounts, actions and faults', () => {
	it.each(['get_conversation', 'send'])(
		'%s: WhatsApp → INVALID_ACTION, inactive → ACCOUNT_INACTIVE',
		async (name) => {
			const whatsapp = await action(name, {}, '65f1c2a9b3d4e5f6a7b8c9d2');
			expect([whatsapp.status, whatsapp.body.error?.code]).toEqual([400, 'INVALID_ACTION']);
			expect(whatsapp.body.error?.message).toBe(
				`Action '${name}' is not available for WHATSAPP accounts`,
			);
			const inactive = await action(name, {}, '65f1c2a9b3d4e5f6a7b8c9d1');
			expect([inactive.status, inactive.body.error?.code]).toEqual([403, 'ACCOUNT_INACTIVE']);
		},
	);

	it('error faults apply to send, and a faulted send sends nothing', async () => {
		const before = all();
		sandbox.injectFault('INTERNAL_ERROR');
		const res = await send({ profile_url: person(normal()), message_text: 'x' });
		expect([res.status, res.body.error?.code]).toEqual([500, 'INTERNAL_ERROR']);
		expect(all()).toEqual(before);
	});

	type Check = (sent: string | null, next: string | null | undefined) => void;
	const cases: [Fault, number, Check][] = [
		['REPEAT_CURSOR', 10, (sent, next) => expect(next).toBe(sent)],
		['EMPTY_STRING_CURSOR', 10, (_sent, next) => expect(next).toBe('')],
		['EMPTY_PAGE_WITH_CURSOR', 0, (sent, next) => expect(next).toBe(sent)],
		[
			'EMPTY_PAGE_NEW_CURSOR',
			0,
			(sent, next) => expect(next).toMatch(new RegExp(`^${sent}_\\d+$`)),
		],
	];
	it.each(cases)(
		'cursor fault %s applies to get_conversation pages',
		async (fault, rows, check) => {
			const c = sandbox.inbox.newConversation(account(), { text: 'm0' });
			for (let i = 1; i < 25; i++)
				sandbox.inbox.receiveMessage(account(), c.conversation_id, { text: `m${i}` });
			const first = await read({ conversation_id: c.conversation_id });
			sandbox.injectFault(fault);
			const faulted = await read({
				conversation_id: c.conversation_id,
				cursor: first.body.data.next_cursor,
			});
			expect(faulted.body.data.messages).toHaveLength(rows);
			expect(faulted.body.data.total_message_count).toBe(25);
			expect(faulted.body.metadata.credits_consumed).toBe(rows / 10);
			check(first.body.data.next_cursor, faulted.body.data.next_cursor);
			const followed = await read({
				conversation_id: c.conversation_id,
				cursor: faulted.body.data.next_cursor || undefined,
			});
			expect(followed.status).toBe(200);
		},
	);

	it('REPEAT_CURSOR on a first page points back at page 1', async () => {
		const c = normal();
		sandbox.injectFault('REPEAT_CURSOR');
		const first = await read({ conversation_id: c.conversation_id, count: 1 });
		const again = await read({
			conversation_id: c.conversation_id,
			count: 1,
			cursor: first.body.data.next_cursor,
		});
		expect(again.body.data.messages).toEqual(first.body.data.messages);
	});
});

describe('control endpoints', () => {
	it('GET /__sandbox/messages gives a history with its sandbox-only fields; POST /__sandbox/message adds to it', async () => {
		const c = normal();
		await post(`${sandbox.url}/__sandbox/message`, {
			conversationId: c.conversation_id,
			text: 'via control',
		});
		const res = await fetch(
			`${sandbox.url}/__sandbox/messages?conversationId=${encodeURIComponent(c.conversation_id)}`,
		);
		const body = (await res.json()) as {
			ok: boolean;
			messages: { text: string; from_me: boolean; seq: number }[];
		};
		expect(body.ok).toBe(true);
		expect(body.messages).toEqual(history(c.conversation_id));
		expect(body.messages[0]).toMatchObject({ text: 'via control', from_me: false });
		expect((await fetch(`${sandbox.url}/__sandbox/messages?conversationId=nope`)).status).toBe(404);
		expect((await fetch(`${sandbox.url}/__sandbox/messages`)).status).toBe(400);
	});
});
