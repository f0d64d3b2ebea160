'use strict';
/**
 * Queue mode: a worker killed (SIGKILL) in the middle of a trigger execution. What n8n 2.41 does
 * with the execution and its items, and what the user can recover (the README's "Running in
 * queue mode" states the findings these tests pin down).
 *
 * Workflow: the polling trigger → Wait 20 s (in-process on the worker), so the kill lands mid-run.
 */
const { triggerNode, listInboxWorkflow, nodeItems, waitFor } = require('../../scripts/n8n');
const { sleep } = require('./helpers');

const TRIGGER = 'LinkUp Messaging Trigger';

/** @param {any} ctx the queue suite's shared context */
module.exports = function queueKillTests(ctx) {
	describe('a worker killed mid-run', () => {
		/** @type {any} */
		const k = {};
		const executions = async () => await ctx.n8n.executions({ workflowId: k.workflowId });

		beforeAll(async () => {
			const trigger = triggerNode({ credential: ctx.credential, accountId: ctx.accountId });
			const wait = {
				id: 'n-wait',
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [300, 0],
				parameters: { amount: 20, unit: 'seconds' },
			};
			const wf = await ctx.n8n.createWorkflow({
				name: 'Queue kill',
				nodes: [trigger, wait],
				connections: { [TRIGGER]: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
			k.workflowId = wf.id;
			await ctx.n8n.activate(wf.id); // seeds
			k.message = await ctx.sandbox.message({
				participantName: 'Killed Kim',
				text: 'lost in flight?',
			});
			await ctx.n8n.pollNow(wf.id);
			// The public API lists finished executions only: read the running one from Postgres.
			k.executionId = await waitFor(
				() =>
					ctx.stack.services.postgres.sql(
						`select id from execution_entity where "workflowId" = '${wf.id}' order by id limit 1`,
					) || undefined,
				{ timeoutMs: 30000, what: 'the trigger’s execution to be created' },
			);
			k.worker = await waitFor(
				() => {
					const [name] = ctx.ranOn(k.executionId);
					return ctx.stack.workers.find((w) => w.name === name);
				},
				{ timeoutMs: 30000, what: `a worker to start execution ${k.executionId}` },
			);
			k.jobId = (new RegExp(`Enqueued execution ${k.executionId} \\(job (\\d+)\\)`).exec(
				ctx.plain(ctx.stack.main.log()),
			) || [])[1];
			await sleep(1000);
			k.killedAt = Date.now();
			await k.worker.stop({ signal: 'SIGKILL' });
		}, 120000);

		test('n8n fails the execution once Bull finds its job stalled; no other worker takes it over', async () => {
			const failed = await waitFor(
				async () => {
					const e = await ctx.n8n.execution(k.executionId);
					return ['running', 'new'].includes(String(e.status)) ? undefined : e;
				},
				{ timeoutMs: 150000, intervalMs: 1000, what: `execution ${k.executionId} to end` },
			);
			k.failedAfterS = Math.round((Date.now() - k.killedAt) / 1000);
			k.failed = failed;
			const log = ctx.plain(ctx.stack.main.log());
			process.stdout.write(
				`[e2e queue] killed worker: execution ${k.executionId} ${failed.status} after ${k.failedAfterS} s, ` +
					`error "${JSON.stringify(failed.data?.resultData?.error?.message)}", ` +
					`trigger item kept in the execution: ${JSON.stringify(failed.data || {}).includes(k.message.conversation_id)}\n`,
			);
			expect(failed.status).toBe('error');
			expect(failed.finished).toBe(false);
			expect(log).toContain(`job stalled more than maxStalledCount (execution ${k.executionId})`);
			expect(failed.data?.resultData?.error?.message).toMatch(
				/failed to be processed too many times/,
			);
			// The Wait node never finished, no other process ran the job, and the failed execution
			// does not keep the trigger's item: n8n saves it with empty run data.
			expect(nodeItems(failed, 'Wait')).toBeUndefined();
			expect(failed.data?.resultData?.runData).toEqual({});
			expect(JSON.stringify(failed.data)).not.toContain(k.message.conversation_id);
			expect(ctx.ranOn(k.executionId)).toEqual([k.worker.name]);
		}, 180000);

		test('the trigger does not emit the conversation again: it was recorded when it was emitted', async () => {
			await ctx.n8n.pollNow(k.workflowId);
			await sleep(3000);
			const list = await executions();
			expect(list.map((e) => e.id)).toEqual([k.executionId]);
		});

		test('a retry brings nothing back; List Inbox on Unread still lists the conversation', async () => {
			const res = await ctx.n8n.rest(
				'POST',
				`/executions/${k.executionId}/retry`,
				{ loadWorkflow: false },
				{ raw: true, expect: [200, 400, 409, 500] },
			);
			const retry = res.body?.data ?? res.body;
			process.stdout.write(
				`[e2e queue] retry of the failed execution: HTTP ${res.status}, execution ${retry?.id} ${retry?.status}, ` +
					`nodes run ${JSON.stringify(Object.keys(retry?.data?.resultData?.runData || {}))}\n`,
			);
			// The retry starts from the saved (empty) data: it ends at once with the same error, nothing runs.
			expect(res.status).toBe(200);
			expect(retry).toMatchObject({
				mode: 'retry',
				retryOf: String(k.executionId),
				status: 'error',
			});
			expect(retry.data.resultData.runData).toEqual({});
			expect(JSON.stringify(retry)).not.toContain(k.message.conversation_id);
			// The conversation is still unread at LinkUp: List Inbox on Unread finds it.
			const wf = await ctx.n8n.createWorkflow(
				listInboxWorkflow({
					name: 'Recover: unread',
					credential: ctx.credential,
					accountId: ctx.accountId,
					variants: [{ name: 'Unread', category: 'UNREAD', returnAll: true, simplify: true }],
				}),
			);
			const run = await ctx.n8n.runManually(wf.id, { trigger: 'Manual Trigger' });
			const unread = (nodeItems(run, 'Unread') || []).map((i) => i.conversationId);
			expect(unread).toContain(k.message.conversation_id);
			await ctx.n8n.deactivate(k.workflowId);
			await k.worker.start();
		}, 120000);
	});
};
