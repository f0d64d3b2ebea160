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
