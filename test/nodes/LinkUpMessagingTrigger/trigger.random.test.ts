import type { IDataObject } from 'n8n-workflow';

import { LATE_ARRIVAL_WINDOW_MS } from '../../../nodes/LinkUpMessagingTrigger/pollState';
import { SANDBOX_ACCOUNT_ID, mulberry32, realisticInbox, startSandbox, type Fault, type Sandbox } from '../../sandbox';
import { triggerPoller } from './triggerHarness';

// A hung request must fail the poll; 60 s in production, 300 ms here to keep 1,000 polls fast.
jest.mock('../../../nodes/shared/constants', () => ({
	...jest.requireActual('../../../nodes/shared/constants'),
	REQUEST_TIMEOUT_MS: 300,
}));

const SEED = Number(process.env.LINKUP_SEED ?? 20261127);
const POLLS = Number(process.env.LINKUP_POLLS ?? 1000);
const A = SANDBOX_ACCOUNT_ID;
const FAULTS: Fault[] = [
	'INVALID_API_KEY', 'ACCOUNT_INACTIVE', 'INVALID_ACCOUNT', 'INSUFFICIENT_CREDITS', 'RATE_LIMITED',
	'INVALID_PARAMS', 'INVALID_ACTION', 'INTERNAL_ERROR', 'SUCCESS_FALSE_200', 'MALFORMED_JSON', 'HTML_502',
	'HANG', 'REPEAT_CURSOR', 'EMPTY_PAGE_WITH_CURSOR',
];

/**
 * The oracle, from the sandbox's ground truth only: at each successful poll, a pair
 * (conversation, last message time) must fire iff it is unread, newer than every message that
 * was unread at an earlier successful poll, and passes the options (no own last message, no
 * sponsored). The first successful poll only seeds.
 */
class Oracle {
	floor: number | null = null;
	seeded = false;

	expect(sandbox: Sandbox): string[] {
		const unread = sandbox.inbox.all(A).filter((c) => c.unread > 0);
		const fresh = unread.filter((c) => this.floor === null || c.last_message.time > this.floor);
		const expected = this.seeded
			? fresh
					.filter((c) => !c.last_message.sender.is_me && c.type !== 'Sponsored')
					.sort((a, b) => a.last_message.time - b.last_message.time || a.conversation_id.localeCompare(b.conversation_id))
					.map((c) => `${c.conversation_id}@${c.last_message.time}`)
			: [];
		const times = unread.map((c) => c.last_message.time);
		if (times.length > 0) this.floor = Math.max(this.floor ?? -Infinity, ...times);
		this.seeded = true;
		return expected;
	}
}

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(SEED, 40) });
});
afterAll(async () => await sandbox.close());

it(`${POLLS} polls with random arrivals, reads, re-unreads, own replies, sponsored and ~20% faults: 0 missed, 0 repeated (seed ${SEED})`, async () => {
	const rng = mulberry32(SEED);
	const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)];
	const oracle = new Oracle();
	let clock = Math.max(...sandbox.inbox.all(A).map((c) => c.last_message.time));
	const nextTime = () => (clock += 1 + Math.floor(rng() * 1000));
	const stats = { polls: 0, faultsInjected: 0, failedPolls: 0, events: 0, emitted: 0, missed: 0, repeated: 0, unexpected: 0 };
	const everFired = new Set<string>();
	let saved: IDataObject = {};

	for (let poll = 0; poll < POLLS; poll += 1) {
		clock += 10_000 + Math.floor(rng() * 170_000);
		const arrivals = rng() < 0.6 ? 0 : rng() < 0.95 ? 1 + Math.floor(rng() * 5) : 20 + Math.floor(rng() * 130);
		for (let i = 0; i < arrivals; i += 1) {
			const existing = sandbox.inbox.all(A);
			if (rng() < 0.5 && existing.length > 0) {
				sandbox.inbox.receiveMessage(A, pick(existing).conversation_id, { text: `msg ${poll}.${i}`, time: nextTime() });
			} else {
				const sponsored = rng() < 0.05;
				sandbox.inbox.newConversation(A, {
					text: `hello ${poll}.${i} 👋`,
					time: nextTime(),
					type: sponsored ? 'Sponsored' : rng() < 0.1 ? 'inmail' : 'normal',
					participant: sponsored ? { name: 'Acme Corp', is_organization: true } : undefined,
				});
			}
			stats.events += 1;
		}
		if (rng() < 0.2) {
			sandbox.inbox.receiveMessage(A, pick(sandbox.inbox.all(A)).conversation_id, { text: 'my reply', time: nextTime(), fromMe: true });
			stats.events += 1;
		}
		if (rng() < 0.3) {
			for (const c of sandbox.inbox.all(A).filter((c) => c.unread > 0).slice(0, 1 + Math.floor(rng() * 3))) {
				sandbox.inbox.markRead(A, c.conversation_id);
				stats.events += 1;
			}
		}
		const floor = oracle.floor;
		if (rng() < 0.1 && floor !== null) {
			// Marked unread by hand, long after its last message: not a new message.
			const old = sandbox.inbox.all(A).filter((c) => c.unread === 0 && c.last_message.time <= floor - LATE_ARRIVAL_WINDOW_MS);
			if (old.length > 0) {
				sandbox.inbox.markUnread(A, pick(old).conversation_id);
				stats.events += 1;
			}
		}
		if (rng() < 0.2) {
			const fault = pick(FAULTS);
			sandbox.injectFault(fault, { skip: rng() < 0.3 ? 1 : 0, times: fault === 'REPEAT_CURSOR' ? 2 : 1 });
			stats.faultsInjected += 1;
		}

		const trigger = triggerPoller(sandbox, {}, JSON.parse(JSON.stringify(saved)));
		stats.polls += 1;
		let items;
		try {
			items = await trigger.pollItems();
		} catch {
			stats.failedPolls += 1;
			expect(trigger.saved()).toEqual(saved);
			sandbox.clearFaults();
			continue;
		}
		sandbox.clearFaults();
		saved = trigger.saved();
		const emitted = items.map((item) => `${item.json.conversationId}@${Date.parse(item.json.lastMessageAt as string)}`);
		const expected = oracle.expect(sandbox);
		const missed = expected.filter((pair) => !emitted.includes(pair));
		const repeated = emitted.filter((pair) => everFired.has(pair));
		stats.missed += missed.length;
		stats.repeated += repeated.length;
		stats.unexpected += emitted.filter((pair) => !expected.includes(pair) && !everFired.has(pair)).length;
		stats.emitted += emitted.length;
		emitted.forEach((pair) => everFired.add(pair));
		if (missed.length + repeated.length > 0 || emitted.join() !== expected.join()) {
			throw new Error(`poll ${poll} (seed ${SEED}): expected ${JSON.stringify(expected)}, emitted ${JSON.stringify(emitted)}`);
		}
	}
	process.stdout.write(`randomized trigger run: ${JSON.stringify({ seed: SEED, ...stats })}\n`);
	expect(stats).toMatchObject({ missed: 0, repeated: 0, unexpected: 0 });
	expect(stats.emitted).toBeGreaterThan(POLLS / 2);
	expect(stats.failedPolls).toBeGreaterThan(POLLS / 10);
}, 600_000);

const BURST_POLLS = Number(process.env.LINKUP_BURST_POLLS ?? 120);

/**
 * Bursts beyond one poll's 200-conversation budget, with reads of what was just emitted: the
 * trigger may then take several polls, so the oracle is eventual. No pair twice; nothing but
 * incoming messages newer than the seed; and after a quiet drain, every incoming message that is
 * still the unread last message of its conversation has been emitted.
 */
it(`${BURST_POLLS} polls with bursts up to 600 and ~20% faults: eventually all, never twice (seed ${SEED})`, async () => {
	sandbox.reset();
	const rng = mulberry32(SEED + 1);
	const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)];
	let clock = Math.max(...sandbox.inbox.all(A).map((c) => c.last_message.time));
	const nextTime = () => (clock += 1 + Math.floor(rng() * 2000));
	const incoming = new Set<string>();
	const emitted = new Map<string, number>();
	let seedFloor: number | null | undefined;
	let saved: IDataObject = {};
	const stats = { polls: 0, failedPolls: 0, arrivals: 0, emitted: 0, repeated: 0, unexpected: 0, missed: 0 };

	const poll = async (faults: boolean) => {
		if (faults && rng() < 0.2) sandbox.injectFault(pick(FAULTS), { skip: Math.floor(rng() * 4), times: 1 });
		const trigger = triggerPoller(sandbox, {}, JSON.parse(JSON.stringify(saved)));
		stats.polls += 1;
		const unreadTimes = sandbox.inbox.all(A).filter((c) => c.unread > 0).map((c) => c.last_message.time);
		try {
			const items = await trigger.pollItems();
			if (seedFloor === undefined) seedFloor = unreadTimes.length ? Math.max(...unreadTimes) : null;
			saved = trigger.saved();
			for (const item of items) {
				const pair = `${item.json.conversationId}@${Date.parse(item.json.lastMessageAt as string)}`;
				if (emitted.has(pair)) stats.repeated += 1;
				if (!incoming.has(pair)) stats.unexpected += 1;
				emitted.set(pair, (emitted.get(pair) ?? 0) + 1);
				stats.emitted += 1;
			}
			return items.length;
		} catch {
			stats.failedPolls += 1;
			expect(trigger.saved()).toEqual(saved);
			return -1;
		} finally {
			sandbox.clearFaults();
		}
	};

	await poll(false);
	for (let round = 0; round < BURST_POLLS; round += 1) {
		clock += 10_000 + Math.floor(rng() * 600_000);
		const arrivals = rng() < 0.5 ? 0 : rng() < 0.85 ? 1 + Math.floor(rng() * 20) : 200 + Math.floor(rng() * 400);
		const existing = sandbox.inbox.all(A);
		for (let i = 0; i < arrivals; i += 1) {
			const time = nextTime();
			const conversation = rng() < 0.3 && existing.length > 0
				? sandbox.inbox.receiveMessage(A, pick(existing).conversation_id, { text: `again ${round}.${i}`, time })
				: sandbox.inbox.newConversation(A, { text: `new ${round}.${i}`, time, type: rng() < 0.05 ? 'Sponsored' : 'normal' });
			if (conversation.type !== 'Sponsored') incoming.add(`${conversation.conversation_id}@${time}`);
			stats.arrivals += 1;
		}
		if (rng() < 0.1) sandbox.inbox.receiveMessage(A, pick(sandbox.inbox.all(A)).conversation_id, { text: 'mine', time: nextTime(), fromMe: true });
		const unread = sandbox.inbox.all(A).filter((c) => c.unread > 0);
		for (let i = Math.floor(rng() * 40); i > 0 && unread.length > 0; i -= 1) {
			sandbox.inbox.markRead(A, unread.splice(Math.floor(rng() * unread.length), 1)[0].conversation_id);
		}
		await poll(true);
	}
	for (let drain = 0; drain < 100; drain += 1) {
		const state = (saved['node:LinkUp'] as { linkUpInbox?: { resume: unknown } } | undefined)?.linkUpInbox;
		if ((await poll(false)) === 0 && state?.resume === null) break;
	}
	const stillUnread = sandbox.inbox
		.all(A)
		.filter((c) => c.unread > 0 && !c.last_message.sender.is_me && c.type !== 'Sponsored')
		.map((c) => `${c.conversation_id}@${c.last_message.time}`)
		.filter((pair) => incoming.has(pair) && Number(pair.split('@').pop()) > (seedFloor ?? -Infinity));
	stats.missed = stillUnread.filter((pair) => !emitted.has(pair)).length;
	process.stdout.write(`randomized burst run: ${JSON.stringify({ seed: SEED + 1, ...stats, stillUnreadAtEnd: stillUnread.length })}\n`);
	expect(stats).toMatchObject({ repeated: 0, unexpected: 0, missed: 0 });
	expect(stillUnread.length).toBeGreaterThan(100);
	expect(stats.failedPolls).toBeGreaterThan(BURST_POLLS / 20);
}, 600_000);
