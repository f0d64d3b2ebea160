'use strict';
/**
 * Queue mode: the polling trigger polls on main only (once per poll, never once per worker),
 * its executions run on the workers, its state is workflow_entity.staticData in Postgres, and a
 * main restart between polls neither repeats nor loses, also for a message sent while main is down.
 */
const { triggerWorkflow, nodeItems } = require('../../scripts/n8n');
const { sleep, executionsOf, settledExecutions } = require('./helpers');

const NODE = 'LinkUp Messaging Trigger';

/** @param {any} ctx the queue suite's shared context */
module.exports = function queueTriggerTests(ctx) {
	describe('the polling trigger in queue mode', () => {
		/** @type {string} */ let id;
		const executions = () => executionsOf(ctx.n8n, id);
		const settled = (count) => settledExecutions(ctx.n8n, id, count);
		const ids = (e) => (nodeItems(e, NODE) || []).map((i) => i.conversationId).sort();
		const listRequests = async () =>
			(await ctx.sandbox.requests()).filter((r) => r.path === '/v2/messages');
		/** staticData as Postgres holds it (psql), and as the public API shows it. */
		const stateInPostgres = () => {
			const raw = ctx.stack.services.postgres.sql(
				`select "staticData" from workflow_entity where id = '${id}'`,
			);
			return raw ? JSON.parse(raw) : null;
		};
		/** One poll, counting the LinkUp requests it made. */
		const poll = async () => {
			await ctx.sandbox.clearRequests();
			await ctx.n8n.pollNow(id);
			return (await listRequests()).length;
		};

		beforeAll(async () => {
			const wf = await ctx.n8n.createWorkflow(
				triggerWorkflow({
					name: 'Queue trigger',
					credential: ctx.credential,
					accountId: ctx.accountId,
				}),
			);
			id = wf.id;
		});

		test('activation polls once on main and seeds the state in Postgres; nothing is emitted', async () => {
			await ctx.sandbox.clearRequests();
			await ctx.n8n.activate(id);
			const requests = await listRequests();
			expect(requests.length).toBeGreaterThan(0);
			expect(requests.every((r) => r.body?.params?.category === 'UNREAD')).toBe(true);
			ctx.requestsPerQuietPoll = requests.length;
			await sleep(2000);
			expect(await executions()).toEqual([]);
			const state = stateInPostgres();
			expect(JSON.stringify(state)).toContain('linkUpInbox');
			expect((await ctx.n8n.getWorkflow(id)).staticData).toEqual(state);
		});

		test('a quiet poll makes one poll’s requests (not one per worker) and no execution', async () => {
			expect(await poll()).toBe(ctx.requestsPerQuietPoll);
			expect(await poll()).toBe(ctx.requestsPerQuietPoll);
			await sleep(1500);
			expect(await executions()).toEqual([]);
		});

		test('a new message: one poll, one execution on a worker, state updated in Postgres', async () => {
			const before = stateInPostgres();
			const a = await ctx.sandbox.message({ participantName: 'Queue Quinn', text: 'To the queue' });
			// One poll's requests (a poll that finds something new may read one page more).
			const n = await poll();
			expect(n).toBeGreaterThanOrEqual(ctx.requestsPerQuietPoll);
			expect(n).toBeLessThan(2 * ctx.requestsPerQuietPoll + 1);
			const list = await settled(1);
			expect(list).toHaveLength(1);
			expect(list[0].status).toBe('success');
			expect(ids(list[0])).toEqual([a.conversation_id]);
			expect(ctx.ranOn(list[0].id)).toEqual([expect.stringMatching(/^worker\d$/)]);
			expect(ctx.enqueuedByMain(list[0].id)).toBe(true);
			const after = stateInPostgres();
			expect(after).not.toEqual(before);
			expect(JSON.stringify(after)).toContain('linkUpInbox');
			expect((await ctx.n8n.getWorkflow(id)).staticData).toEqual(after);
			// The next poll has nothing new.
			expect(await poll()).toBe(ctx.requestsPerQuietPoll);
			expect(await settled(1)).toHaveLength(1);
		});

		test('several messages in one poll: one execution with each once, whatever the workers', async () => {
			const sent = [];
			for (let i = 0; i < 4; i++)
				sent.push(await ctx.sandbox.message({ participantName: `Batch ${i}`, text: `batch ${i}` }));
			await poll();
			const list = await settled(2);
			expect(list).toHaveLength(2);
			expect(ids(list[1])).toEqual(sent.map((c) => c.conversation_id).sort());
		});

		test('main restarted between polls, a message sent while it is down: no repeat, no loss', async () => {
			const before = stateInPostgres();
			const a = await ctx.sandbox.message({ participantName: 'Before Restart', text: 'before' });
			await ctx.stack.main.stop();
			// Main is down; workers and the webhook processor stay up. The state is in Postgres.
			expect(stateInPostgres()).toEqual(before);
			const b = await ctx.sandbox.message({ participantName: 'While Down', text: 'main is down' });
			await sleep(1000);
			expect(await ctx.stack.workers[0].ready()).toBe(true);
			await ctx.stack.main.start();
			await ctx.n8n.login();
			await ctx.n8n.waitForPublication(id);
			// Main re-activates the workflow at start: that activation poll emits what arrived meanwhile.
			const list = await settled(3);
			expect(list).toHaveLength(3);
			expect(ids(list[2])).toEqual([a.conversation_id, b.conversation_id].sort());
			expect(ctx.ranOn(list[2].id)).toEqual([expect.stringMatching(/^worker\d$/)]);
			expect(await poll()).toBe(ctx.requestsPerQuietPoll);
			const all = (await settled(3)).flatMap((e) => ids(e));
			expect(all).toHaveLength(7);
			expect(new Set(all).size).toBe(all.length);
			await ctx.n8n.deactivate(id);
		});
	});
};
