import type { IDataObject } from 'n8n-workflow';

import {
	FAULTS as ALL_FAULTS,
	SANDBOX_ACCOUNT_ID,
	mulberry32,
	realisticInbox,
	startSandbox,
	type Sandbox,
} from '../../sandbox';
import { triggerPoller } from './triggerHarness';

// A hung request must fail the poll; 60 s in production, 300 ms here to keep the runs fast.
jest.mock('../../../nodes/shared/constants', () => ({
	...jest.requireActual('../../../nodes/shared/constants'),
	REQUEST_TIMEOUT_MS: 300,
}));

const SEEDS = (process.env.LINKUP_SEED ?? '20261127,20261128,20261129').split(',').map(Number);
const POLLS = Number(process.env.LINKUP_POLLS ?? 400);
const BURST_POLLS = Number(process.env.LINKUP_BURST_POLLS ?? 80);
const A = SANDBOX_ACCOUNT_ID;
const DAY = 24 * 3600_000;
/**
 * Every sandbox fault but the two that end a listing early without a sign (a missing or empty
 * `next_cursor` on a full page): no client can tell those from the real end of the inbox.
 */
const FAULTS = ALL_FAULTS.filter((f) => f !== 'EMPTY_STRING_CURSOR' && f !== 'MISSING_CURSOR');

/**
 * Ground truth from the sandbox's own events. A pair (conversation, last message time) is
 * `allowed` to fire when it is an incoming message (not own, not sponsored) that arrived after the
 * seeding poll; it is `owed` while it has stayed unread and the last message of its conversation
 * ever since it arrived. Checked after every successful poll: nothing fires twice, nothing fires
 * that is not allowed, and a poll that leaves no backlog (it says it caught up) has fired every
 * owed pair. Pairs read before a poll reached them, then marked unread by hand, may fire or not.
 */
class Oracle {
	seeded = false;
	readonly allowed = new Set<string>();
	readonly owed = new Set<string>();
	readonly fired = new Set<string>();
	readonly stats = {
		successfulPolls: 0,
		failedPolls: 0,
		events: 0,
		emitted: 0,
		missed: 0,
		repeated: 0,
		unexpected: 0,
		caughtUpChecks: 0,
	};

	constructor(private readonly sandbox: Sandbox) {}

	pairOf(id: string) {
		const c = this.sandbox.inbox.get(A, id)!;
		return `${c.conversation_id}@${c.last_message.time}`;
	}

	/** Call before the change: the conversation's current pair is no longer owed. */
	leaves(id: string) {
		this.owed.delete(this.pairOf(id));
		this.stats.events += 1;
	}

	arrived(id: string, incoming: boolean) {
		if (!this.seeded || !incoming) return;
		this.allowed.add(this.pairOf(id));
		this.owed.add(this.pairOf(id));
	}

	polled(emitted: string[], backlogEmpty: boolean) {
		this.stats.successfulPolls += 1;
		this.stats.emitted += emitted.length;
		if (!this.seeded) {
			this.seeded = true;
			this.stats.unexpected += emitted.length;
			return;
		}
		for (const pair of emitted) {
			if (this.fired.has(pair)) this.stats.repeated += 1;
			else if (!this.allowed.has(pair)) this.stats.unexpected += 1;
			this.fired.add(pair);
		}
		if (!backlogEmpty) return;
		this.stats.caughtUpChecks += 1;
		const missed = [...this.owed].filter((pair) => !this.fired.has(pair));
		this.stats.missed += missed.length;
		if (missed.length > 0) throw new Error(`missed after a caught-up poll: ${missed.join(', ')}`);
	}
}

interface Scenario {
	seed: number;
	polls: number;
	/** How many messages arrive before a poll. */
	arrivals: (rng: () => number) => number;
	/** Minutes between polls, at most. */
	gapMinutes: number;
}

async function run(sandbox: Sandbox, scenario: Scenario) {
	const rng = mulberry32(scenario.seed);
	const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)];
	const oracle = new Oracle(sandbox);
	// The simulated clock stays behind the real one, as LinkedIn's does behind a poll's.
	let clock = Math.max(...sandbox.inbox.all(A).map((c) => c.last_message.time));
	const nextTime = () => (rng() < 0.2 ? clock : (clock += 1 + Math.floor(rng() * 1000)));
	// One message stamped a day ahead of the poll's clock (not just of the simulated one, which is
	// days behind); a few polls later its conversation gets a message stamped before it.
	const futureAt = Math.floor(scenario.polls / 3);
	let futureId: string | undefined;
	let saved: IDataObject = {};

	for (let poll = 0; poll < scenario.polls; poll += 1) {
		clock += 10_000 + Math.floor(rng() * scenario.gapMinutes * 60_000);
		for (let i = scenario.arrivals(rng); i > 0; i -= 1) {
			const existing = sandbox.inbox.all(A);
			const time = nextTime();
			if (rng() < 0.4 && existing.length > 0) {
				const id = pick(existing).conversation_id;
				oracle.leaves(id);
				sandbox.inbox.receiveMessage(A, id, { text: `msg ${poll}.${i}`, time });
				oracle.arrived(id, sandbox.inbox.get(A, id)!.type !== 'Sponsored');
			} else {
				const sponsored = rng() < 0.05;
				const { conversation_id: id } = sandbox.inbox.newConversation(A, {
					text: `hello ${poll}.${i} 👋`,
					time,
					type: sponsored ? 'Sponsored' : rng() < 0.1 ? 'inmail' : 'normal',
					participant: sponsored ? { name: 'Acme Corp', is_organization: true } : undefined,
				});
				oracle.arrived(id, !sponsored);
			}
		}
		if (poll === futureAt || poll === futureAt + 3) {
			futureId ??= pick(sandbox.inbox.all(A).filter((c) => c.type !== 'Sponsored')).conversation_id;
			const time = poll === futureAt ? Date.now() + DAY : nextTime();
			oracle.leaves(futureId);
			sandbox.inbox.receiveMessage(A, futureId, { text: `stamped ${time}`, time });
			oracle.arrived(futureId, true);
		}
		if (rng() < 0.2) {
			const id = pick(sandbox.inbox.all(A)).conversation_id;
			oracle.leaves(id);
			sandbox.inbox.receiveMessage(A, id, { text: 'my reply', time: nextTime(), fromMe: true });
		}
		for (const c of sandbox.inbox.all(A).filter((c) => c.unread > 0 && rng() < 0.08)) {
			oracle.leaves(c.conversation_id);
			sandbox.inbox.markRead(A, c.conversation_id);
		}
		const read = sandbox.inbox.all(A).filter((c) => c.unread === 0);
		if (rng() < 0.1 && read.length > 0) sandbox.inbox.markUnread(A, pick(read).conversation_id);
		const unread = sandbox.inbox.all(A).filter((c) => c.unread > 0);
		// A reaction or an edit: activity order moves it up without a new message.
		if (rng() < 0.3 && unread.length > 0)
			sandbox.inbox.bump(A, pick(unread).conversation_id, nextTime());
		if (rng() < 0.1) sandbox.expireCursors();
		sandbox.setMaxPageSize(pick([100, 100, 100, 7, 3]));
		sandbox.setLatency(rng() < 0.1 ? 40 : 0);
		if (rng() < 0.2) sandbox.injectFault(pick(FAULTS), { skip: Math.floor(rng() * 3), times: 1 });

		// A tight time budget (60% of 150 ms) so slow pages cut polls short.
		const trigger = triggerPoller(sandbox, {}, JSON.parse(JSON.stringify(saved)), 150);
		try {
			const items = await trigger.pollItems();
			saved = trigger.saved();
			const state = (saved['node:LinkUp'] as { linkUpInbox: { backlog: unknown[] } }).linkUpInbox;
			const emitted = items.map(
				(item) => `${item.json.conversationId}@${Date.parse(item.json.lastMessageAt as string)}`,
			);
			oracle.polled(emitted, state.backlog.length === 0);
		} catch (error) {
			if ((error as Error).message.startsWith('missed'))
				throw new Error(`poll ${poll} (seed ${scenario.seed}): ${(error as Error).message}`);
			oracle.stats.failedPolls += 1;
			// A failed poll changes nothing stored (n8n may create the node's empty static-data object).
			expect(stateIn(trigger.saved())).toEqual(stateIn(saved));
		} finally {
			sandbox.clearFaults();
		}
	}
	// Drain: no more faults, slow or short pages; polls until the backlog is empty and all is quiet.
	sandbox.setLatency(0);
	sandbox.setMaxPageSize(100);
	for (let drain = 0; drain < 50; drain += 1) {
		const trigger = triggerPoller(sandbox, {}, saved);
		const items = await trigger.pollItems();
		saved = trigger.saved();
		const state = (saved['node:LinkUp'] as { linkUpInbox: { backlog: unknown[] } }).linkUpInbox;
		oracle.polled(
			items.map(
				(item) => `${item.json.conversationId}@${Date.parse(item.json.lastMessageAt as string)}`,
			),
			state.backlog.length === 0,
		);
		if (items.length === 0 && state.backlog.length === 0) break;
	}
	return { ...oracle.stats, owedAtEnd: oracle.owed.size, stateBytes: JSON.stringify(saved).length };
}

/** The trigger's stored state in a workflow's static data. */
const stateIn = (saved: IDataObject) =>
	(saved['node:LinkUp'] as { linkUpInbox?: unknown } | undefined)?.linkUpInbox;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ inbox: [] });
});
afterAll(async () => await sandbox.close());

const fresh = async (seed: number) => {
	await sandbox.close();
	sandbox = await startSandbox({ inbox: realisticInbox(seed, 40, { now: Date.now() - 3 * DAY }) });
};

describe.each(SEEDS)(
	'randomized trigger runs (seed %i): activity order, equal times, a future stamp, expiring cursors, empty, short and slow pages, ~20% faults',
	(seed) => {
		it(`${POLLS} polls of everyday traffic: 0 missed, 0 repeated, 0 unexpected, caught up after every poll that says so`, async () => {
			await fresh(seed);
			const stats = await run(sandbox, {
				seed,
				polls: POLLS,
				gapMinutes: 3,
				arrivals: (rng) =>
					rng() < 0.6 ? 0 : rng() < 0.95 ? 1 + Math.floor(rng() * 5) : 20 + Math.floor(rng() * 130),
			});
			process.stdout.write(`randomized trigger run: ${JSON.stringify({ seed, ...stats })}\n`);
			expect(stats).toMatchObject({ missed: 0, repeated: 0, unexpected: 0 });
			expect(stats.emitted).toBeGreaterThan(POLLS / 2);
			expect(stats.failedPolls).toBeGreaterThan(POLLS / 20);
			expect(stats.caughtUpChecks).toBeGreaterThan(POLLS / 2);
		}, 600_000);

		it(`${BURST_POLLS} polls with bursts of 200-600 (over one poll's budget): 0 missed, 0 repeated, 0 unexpected`, async () => {
			await fresh(seed + 1);
			const stats = await run(sandbox, {
				seed: seed + 1,
				polls: BURST_POLLS,
				gapMinutes: 10,
				arrivals: (rng) =>
					rng() < 0.5
						? 0
						: rng() < 0.85
							? 1 + Math.floor(rng() * 20)
							: 200 + Math.floor(rng() * 400),
			});
			process.stdout.write(
				`randomized burst run: ${JSON.stringify({ seed: seed + 1, ...stats })}\n`,
			);
			expect(stats).toMatchObject({ missed: 0, repeated: 0, unexpected: 0 });
			expect(stats.owedAtEnd).toBeGreaterThan(100);
		}, 600_000);
	},
);
