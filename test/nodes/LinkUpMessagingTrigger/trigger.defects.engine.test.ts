/**
 * The six ways an outside model of LinkUp made the trigger lose, repeat or stall (issue 7), each
 * through the real PollContext against the sandbox. They assert behaviour only (items emitted,
 * requests and credits), never the stored state's shape.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';
import { idsOf, triggerPoller } from './triggerHarness';

let sandbox: Sandbox;
const A = SANDBOX_ACCOUNT_ID;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(7, 40) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
	sandbox.clearRequests();
});

const arrive = (text: string, time?: number) =>
	sandbox.inbox.newConversation(A, { text, time }).conversation_id;
/** `count` new conversations, newest last; `timeOf(i)` pins their times. */
const arriveMany = (count: number, timeOf?: (i: number) => number) =>
	Array.from({ length: count }, (_, i) => arrive(`burst ${i}`, timeOf?.(i)));

/** Polls until two polls in a row emit nothing; every id emitted, in order. */
async function drain(trigger: ReturnType<typeof triggerPoller>, maxPolls = 30) {
	const emitted: unknown[] = [];
	let quiet = 0;
	let polls = 0;
	while (quiet < 2 && polls < maxPolls) {
		polls += 1;
		const items: INodeExecutionData[] = await trigger.pollItems();
		emitted.push(...idsOf(items));
		quiet = items.length === 0 ? quiet + 1 : 0;
	}
	return { emitted, polls };
}
const once = (emitted: unknown[], expected: string[]) => {
	expect(emitted).toHaveLength(expected.length);
	expect(new Set(emitted)).toEqual(new Set(expected));
};

describe('issue 7: six ways the trigger lost, repeated or stalled', () => {
	it('1. a poll cut short before it listed anything (20 empty pages with a cursor) loses nothing', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const before = arrive('before the empty pages');
		sandbox.injectFault('EMPTY_PAGE_NEW_CURSOR', { times: 25 });
		expect(await trigger.poll()).toBeNull();
		sandbox.clearFaults();
		const meanwhile = arrive('meanwhile');
		expect((await drain(trigger)).emitted).toEqual([before, meanwhile]);
	});

	it("1b. a first page slower than n8n's poll time budget loses nothing", async () => {
		const trigger = triggerPoller(sandbox, {}, {}, 100);
		await trigger.poll();
		const before = arrive('before the slow page');
		sandbox.injectFault('EMPTY_PAGE_NEW_CURSOR', { times: 1 });
		sandbox.setLatency(150);
		expect(await trigger.poll()).toBeNull();
		sandbox.setLatency(0);
		const meanwhile = arrive('meanwhile');
		expect((await drain(trigger)).emitted).toEqual([before, meanwhile]);
	});

	it('2. a seeding poll that listed nothing does not make the next poll emit the whole unread inbox', async () => {
		const unread = sandbox.inbox.all(A).filter((c) => c.unread > 0).length;
		expect(unread).toBeGreaterThan(10);
		const trigger = triggerPoller(sandbox);
		sandbox.injectFault('EMPTY_PAGE_NEW_CURSOR', { times: 25 });
		expect(await trigger.poll()).toBeNull();
		sandbox.clearFaults();
		expect(await trigger.poll()).toBeNull();
		const fresh = arrive('after activation');
		expect((await drain(trigger)).emitted).toEqual([fresh]);
	});

	it.each([10, 30])(
		'3. activity order: a handled conversation moved to the top (a reaction) hides none of %i new ones below it',
		async (count) => {
			const trigger = triggerPoller(sandbox);
			await trigger.poll();
			const handled = arrive('handled');
			expect(idsOf(await trigger.pollItems())).toEqual([handled]);
			const burst = arriveMany(count);
			sandbox.inbox.bump(A, handled);
			once((await drain(trigger)).emitted, burst);
		},
	);

	it.each([
		[205, 199],
		[410, 389],
	])(
		'4. equal timestamps at a budget boundary: a burst of %i with a tie across positions %i/+1 loses nothing',
		async (count, tieAt) => {
			const trigger = triggerPoller(sandbox);
			await trigger.poll();
			const start = sandbox.inbox.now() + 1000;
			// Newest first in the listing: position p holds burst index count-1-p; 3 s apart, so the
			// split is minutes below the newest.
			const timeOfPosition = (p: number) => start + (count - (p === tieAt + 1 ? tieAt : p)) * 3000;
			const burst = arriveMany(count, (i) => timeOfPosition(count - 1 - i));
			once((await drain(trigger)).emitted, burst);
		},
	);

	it('5a. a second burst that overflows does not re-read the first: credits stay at the floor', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const before = sandbox.creditsConsumed;
		const first = arriveMany(300);
		const emitted = idsOf(await trigger.pollItems());
		const second = arriveMany(210);
		const rest = await drain(trigger);
		once([...emitted, ...rest.emitted], [...first, ...second]);
		const polls = rest.polls + 1;
		const credits = sandbox.creditsConsumed - before;
		process.stdout.write(`5a: ${polls} polls, ${credits} credits for 510 (floor 51)\n`);
		expect(credits).toBeLessThanOrEqual(51 + polls);
	});

	it('5b. cursors that expire between polls: a burst of 600 still drains, each conversation once', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const before = sandbox.creditsConsumed;
		const burst = arriveMany(600);
		const emitted: unknown[] = [];
		let polls = 0;
		for (let quiet = 0; quiet < 2 && polls < 30; polls += 1) {
			sandbox.expireCursors();
			const items = idsOf(await trigger.pollItems());
			emitted.push(...items);
			quiet = items.length === 0 ? quiet + 1 : 0;
		}
		once(emitted, burst);
		const credits = sandbox.creditsConsumed - before;
		process.stdout.write(
			`5b: ${polls} polls, ${credits} credits for 600 with expiring cursors (floor 60)\n`,
		);
		expect(polls).toBeLessThanOrEqual(6);
		expect(credits).toBeLessThanOrEqual(2 * 60 + polls);
	});

	it('6. one message stamped a day in the future does not silence the trigger', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const future = arrive('from the future', Date.now() + 24 * 3600_000);
		expect(idsOf(await trigger.pollItems())).toEqual([future]);
		const normal = arriveMany(10);
		once((await drain(trigger)).emitted, normal);
	});
});
