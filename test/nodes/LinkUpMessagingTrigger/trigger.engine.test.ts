import {
	SANDBOX_ACCOUNT_ID,
	realisticInbox,
	startSandbox,
	type Fault,
	type Sandbox,
} from '../../sandbox';
import { idsOf, triggerPoller } from './triggerHarness';

let sandbox: Sandbox;
const A = SANDBOX_ACCOUNT_ID;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(11, 30) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
	sandbox.clearRequests();
});

const arrive = (text = 'New message') => sandbox.inbox.newConversation(A, { text }).conversation_id;
const unreadBodies = () => sandbox.requests.map((r) => r.body);

describe('LinkUp Messaging Trigger through PollContext', () => {
	it('seeds on the first poll with one 10-conversation UNREAD request and emits nothing', async () => {
		const trigger = triggerPoller(sandbox);
		expect(await trigger.poll()).toBeNull();
		expect(unreadBodies()).toEqual([
			{ account_id: A, action: 'list_inbox', params: { count: 10, category: 'UNREAD' } },
		]);
		expect(sandbox.requests[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(Object.keys(trigger.saved())).toEqual(['node:LinkUp']);
	});

	it('emits each new unread conversation once, oldest first; a quiet poll costs 1 request and 1 credit', async () => {
		// Two new ones: page 1 holds them, page 2 (nothing new on it) shows nothing more is new below.
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const first = arrive('first');
		const second = arrive('second');
		sandbox.clearRequests();
		const before = sandbox.creditsConsumed;
		expect(idsOf(await trigger.pollItems())).toEqual([first, second]);
		expect(sandbox.requests).toHaveLength(2);
		sandbox.clearRequests();
		const quiet = sandbox.creditsConsumed;
		expect(await trigger.poll()).toBeNull();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.creditsConsumed - quiet).toBe(1);
		expect(quiet - before).toBe(2);
	});

	it('fires again for a later message in the same conversation, not for marking it unread by hand', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const id = arrive();
		expect(idsOf(await trigger.pollItems())).toEqual([id]);
		sandbox.inbox.markRead(A, id);
		sandbox.inbox.markUnread(A, id);
		expect(await trigger.poll()).toBeNull();
		sandbox.inbox.receiveMessage(A, id, { text: 'and another thing' });
		const items = await trigger.pollItems();
		expect(idsOf(items)).toEqual([id]);
		expect(items[0].json.lastMessageText).toBe('and another thing');
	});

	it('emits existing unread conversations on the first poll when asked, as raw objects with Simplify off', async () => {
		const trigger = triggerPoller(sandbox, {
			simplify: false,
			options: {
				emitExistingOnFirstPoll: true,
				includeOwnLastMessage: true,
				includeSponsored: true,
			},
		});
		const unread = sandbox.inbox.all(A).filter((c) => c.unread > 0);
		const items = await trigger.pollItems();
		expect(items.map((i) => i.json.conversation_id).sort()).toEqual(
			unread.map((c) => c.conversation_id).sort(),
		);
		expect(Object.keys(items[0].json).sort()).toEqual([
			'conversation_id',
			'last_message',
			'participant',
			'type',
			'unread',
		]);
		const times = items.map((i) => (i.json.last_message as { time: number }).time);
		expect([...times].sort((a, b) => a - b)).toEqual(times);
	});

	it('Fetch Test Event returns the newest unread conversation and never touches the stored state', async () => {
		const trigger = triggerPoller(sandbox);
		const id = arrive('newest');
		const items = await trigger.pollItems('manual');
		expect(idsOf(items)).toEqual([id]);
		expect(trigger.saved()).toEqual({});
		for (const c of sandbox.inbox.all(A)) sandbox.inbox.markRead(A, c.conversation_id);
		await expect(trigger.poll('manual')).rejects.toThrow('No unread LinkedIn conversation to show');
		expect(trigger.saved()).toEqual({});
	});

	const faults: Fault[] = [
		'INVALID_API_KEY',
		'ACCOUNT_INACTIVE',
		'INVALID_ACCOUNT',
		'INSUFFICIENT_CREDITS',
		'RATE_LIMITED',
		'INVALID_PARAMS',
		'INTERNAL_ERROR',
		'SUCCESS_FALSE_200',
		'MALFORMED_JSON',
		'HTML_502',
		'REPEAT_CURSOR',
	];
	it.each(faults)(
		'a poll failing with %s throws, emits nothing, keeps the state; the next poll recovers all',
		async (fault) => {
			const trigger = triggerPoller(sandbox);
			await trigger.poll();
			const burst = Array.from({ length: 14 }, (_, i) => arrive(`burst ${i}`));
			const saved = trigger.saved();
			// Cursor faults only show on a page that has a cursor; errors hit page 2 to prove late failures
			// lose nothing. INVALID_PARAMS hits page 1: on a page with a cursor it means a refused cursor (below).
			const skip = fault === 'REPEAT_CURSOR' || fault === 'INVALID_PARAMS' ? 0 : 1;
			sandbox.injectFault(fault, { skip, times: fault === 'REPEAT_CURSOR' ? 2 : 1 });
			const error = await trigger.poll().then(
				() => undefined,
				(e: Error) => e,
			);
			expect(error?.constructor.name).toBe('NodeApiError');
			expect(trigger.saved()).toEqual(saved);
			sandbox.clearFaults();
			expect(idsOf(await trigger.pollItems())).toEqual(burst);
			expect(await trigger.poll()).toBeNull();
		},
	);

	it('LinkUp refusing a page cursor mid-listing: what was listed is emitted, the rest next poll, each once', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const burst = Array.from({ length: 14 }, (_, i) => arrive(`burst ${i}`));
		sandbox.injectFault('INVALID_PARAMS', { skip: 1, times: 1 });
		const first = idsOf(await trigger.pollItems());
		expect(first).toEqual(burst.slice(4));
		expect(idsOf(await trigger.pollItems())).toEqual(burst.slice(0, 4));
		expect(await trigger.poll()).toBeNull();
	});

	it('keeps its state across a restart (static data round-tripped through JSON)', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const id = arrive();
		expect(idsOf(await trigger.pollItems())).toEqual([id]);
		const restarted = trigger.restart();
		expect(await restarted.poll()).toBeNull();
		const next = arrive();
		expect(idsOf(await restarted.pollItems())).toEqual([next]);
	});

	it('finishes a burst of 1,000 over several polls, each once, at ceil(k/10) credits plus one per poll', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const burst = new Set(Array.from({ length: 1000 }, (_, i) => arrive(`burst ${i}`)));
		const emitted: unknown[] = [];
		const perPoll: Array<[number, number]> = [];
		for (let polls = 0; polls < 20; polls += 1) {
			const before = sandbox.creditsConsumed;
			const items = await trigger.pollItems();
			perPoll.push([items.length, sandbox.creditsConsumed - before]);
			if (items.length === 0) break;
			emitted.push(...idsOf(items));
		}
		expect(emitted).toHaveLength(1000);
		expect(new Set(emitted)).toEqual(burst);
		// A poll that also drains a backlog pays one more page for it (the top's page with nothing new).
		for (const [k, credits] of perPoll) expect(credits).toBeLessThanOrEqual(Math.ceil(k / 10) + 2);
		const total = perPoll.reduce((sum, [, credits]) => sum + credits, 0);
		expect(total).toBeLessThanOrEqual(100 + perPoll.length);
		expect(perPoll.at(-1)).toEqual([0, 1]);
		expect(JSON.stringify(trigger.saved()).length).toBeLessThan(30_000);
	});

	it('refuses a blank account before any request', async () => {
		const trigger = triggerPoller(sandbox, { accountId: { __rl: true, mode: 'id', value: '  ' } });
		await expect(trigger.poll()).rejects.toThrow('Account is empty');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('never shows the API key in an error', async () => {
		const trigger = triggerPoller(sandbox);
		sandbox.injectFault('INVALID_API_KEY');
		const error = await trigger.poll().then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toBe('LinkUp rejected the API key');
		const seen =
			JSON.stringify(error, Object.getOwnPropertyNames(error)) +
			String((error as { description?: string }).description);
		expect(seen).not.toContain(sandbox.apiKey);
	});
});
