import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';
import { idsOf, triggerPoller } from './triggerHarness';

let sandbox: Sandbox;
const A = SANDBOX_ACCOUNT_ID;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(5, 20) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.clearFaults();
	sandbox.clearRequests();
});

const arriveMany = (count: number, spacingMs = 0) => {
	let time = sandbox.inbox.now();
	return Array.from(
		{ length: count },
		(_, i) =>
			sandbox.inbox.newConversation(A, { text: `burst ${i}`, time: (time += spacingMs || 1) })
				.conversation_id,
	);
};
const stateOf = (saved: IDataObject) =>
	(saved['node:LinkUp'] as { linkUpInbox: IDataObject }).linkUpInbox;

async function drain(trigger: ReturnType<typeof triggerPoller>, emitted: unknown[], maxPolls = 30) {
	for (let poll = 0; poll < maxPolls; poll += 1) {
		const items = await trigger.pollItems();
		emitted.push(...idsOf(items));
		if (items.length === 0 && (stateOf(trigger.saved()).backlog as unknown[]).length === 0) return;
	}
	throw new Error('the trigger did not settle');
}

describe('bursts larger than one poll (20 pages)', () => {
	it('a burst read as it is emitted: every unread conversation still comes out, once', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const burst = arriveMany(1000);
		const emitted: unknown[] = [];
		const first = idsOf(await trigger.pollItems());
		expect(first).toHaveLength(200);
		emitted.push(...first);
		for (const id of first) sandbox.inbox.markRead(A, id as string);
		await drain(trigger, emitted);
		expect(emitted).toHaveLength(1000);
		expect(new Set(emitted)).toEqual(new Set(burst));
	});

	it('a new burst overtaking an unfinished one: nothing twice, nothing lost', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const firstBurst = arriveMany(300, 1000);
		const emitted: unknown[] = [];
		const first = idsOf(await trigger.pollItems());
		emitted.push(...first);
		for (const id of first) sandbox.inbox.markRead(A, id as string);
		emitted.push(...idsOf(await trigger.pollItems()));
		const secondBurst = arriveMany(210, Math.round((20 * 60_000) / 210));
		await drain(trigger, emitted);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(new Set(emitted)).toEqual(new Set([...firstBurst, ...secondBurst]));
	});

	it('a stored cursor LinkUp no longer accepts does not block the trigger', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const burst = arriveMany(250);
		const emitted = idsOf(await trigger.pollItems());
		const saved = trigger.saved();
		const state = stateOf(saved) as { backlog: Array<{ cursor: string }> };
		expect(state.backlog).toEqual([{ cursor: expect.any(String), depth: 200, skip: 0 }]);
		state.backlog[0].cursor = 'bm90LWEtY3Vyc29y';
		const restarted = triggerPoller(sandbox, {}, saved);
		const late = sandbox.inbox.newConversation(A, {
			text: 'after the cursor expired',
		}).conversation_id;
		// The refused cursor: listed again from the top, past the 200 emitted, in the same poll.
		const next = idsOf(await restarted.pollItems());
		expect(next).toHaveLength(51);
		expect(next[50]).toBe(late);
		emitted.push(...next);
		await drain(restarted, emitted);
		expect(new Set(emitted)).toEqual(new Set([...burst, late]));
		expect(emitted).toHaveLength(251);
	});

	it('a pass-over whose first page LinkUp serves again (a cursor back to page 1) still reaches the rest of the burst', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		const burst = arriveMany(400);
		const emitted = idsOf(await trigger.pollItems());
		expect(emitted).toHaveLength(200);
		sandbox.expireCursors();
		// The top page is quiet; the stored cursor is refused; the first page of the pass-over
		// hands back a cursor that lists page 1 again.
		sandbox.injectFault('REPEAT_CURSOR', { skip: 1 });
		const next = idsOf(await trigger.pollItems());
		expect(sandbox.requests.filter((r) => r.fault === 'REPEAT_CURSOR')).toHaveLength(1);
		expect(next.length).toBeGreaterThan(0);
		emitted.push(...next);
		await drain(trigger, emitted);
		expect(emitted).toHaveLength(400);
		expect(new Set(emitted)).toEqual(new Set(burst));
	});

	it('a state stored for another account is not reused: the poll seeds afresh', async () => {
		const trigger = triggerPoller(sandbox);
		await trigger.poll();
		arriveMany(3);
		const saved = trigger.saved();
		(stateOf(saved) as { accountId: string }).accountId = 'another-account';
		const moved = triggerPoller(sandbox, {}, saved);
		expect(await moved.poll()).toBeNull();
		expect(stateOf(moved.saved()).accountId).toBe(A);
		expect(idsOf(await trigger.pollItems())).toHaveLength(3);
	});
});
