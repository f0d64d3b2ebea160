'use strict';
/**
 * Queue mode under load: 200 List Inbox executions queued at once (200 concurrent calls to a
 * Webhook → List Inbox workflow at the webhook processor) all succeed on the workers, with exactly
 * the credits expected and no error. Prints executions per second and the p95 duration.
 */
const { randomUUID } = require('node:crypto');
const { listInboxNode, nodeItems, executionError, TYPES } = require('../../scripts/n8n');
const { expectedItems, sleep } = require('./helpers');

const RUNS = Number(process.env.LINKUP_E2E_QUEUE_LOAD || 200);
const LIMIT = 10; // one page of 10 conversations: 1 credit per run (the sandbox bills ceil(n / 10))

/** @type {(xs: number[], p: number) => number} the p-th percentile */
const pct = (xs, p) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** @param {any} ctx the queue suite's shared context */
module.exports = function queueLoadTests(ctx) {
	describe(`load: ${RUNS} List Inbox executions queued at once`, () => {
		const path = randomUUID();
		const result = {};

		beforeAll(async () => {
			const hook = {
				id: 'n-webhook',
				name: 'Webhook',
				type: TYPES.webhook,
				typeVersion: 2,
				position: [0, 0],
				webhookId: path,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			};
			const list = listInboxNode({
				name: 'List Inbox',
				credential: ctx.credential,
				accountId: ctx.accountId,
				limit: LIMIT,
				simplify: true,
			});
			const wf = await ctx.n8n.createWorkflow({
				name: 'Queue load',
				nodes: [hook, list],
				connections: { Webhook: { main: [[{ node: 'List Inbox', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
			result.workflowId = wf.id;
			await ctx.n8n.activate(wf.id);
			result.conversations = await ctx.sandbox.conversations();
			await ctx.sandbox.clearRequests();
			result.creditsBefore = await ctx.sandbox.creditsConsumed();
			const url = `${ctx.stack.webhook.url}/webhook/${path}`;
			result.t0 = Date.now();
			result.statuses = await Promise.all(
				Array.from({ length: RUNS }, (_, i) =>
					fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ run: i }),
					}).then((r) => r.status),
				),
			);
			result.queuedMs = Date.now() - result.t0;
			result.executions = await ctx.n8n.waitForExecutions(wf.id, RUNS, { timeoutMs: 300000 });
			await sleep(2000);
			result.all = await ctx.n8n.executions({ workflowId: wf.id, includeData: false });
			await ctx.n8n.deactivate(wf.id);
		}, 400000);

		test('every call is accepted and every execution succeeds, once, on a worker', () => {
			expect(result.statuses).toEqual(result.statuses.map(() => 200));
			expect(result.all).toHaveLength(RUNS);
			const expected = expectedItems(result.conversations, { limit: LIMIT, simplify: true });
			expect(expected).toHaveLength(LIMIT);
			const byWorker = {};
			for (const e of result.executions) {
				expect([e.id, e.status, executionError(e)]).toEqual([e.id, 'success', undefined]);
				expect(nodeItems(e, 'List Inbox')).toEqual(expected);
				const where = ctx.ranOn(e.id);
				expect([e.id, where.length]).toEqual([e.id, 1]);
				byWorker[where[0]] = (byWorker[where[0]] || 0) + 1;
			}
			expect(Object.keys(byWorker).sort()).toEqual(ctx.stack.workers.map((w) => w.name).sort());
			result.byWorker = byWorker;
		});

		test('exactly the credits expected: one List Inbox call per run, 1 credit each, no error', async () => {
			const requests = (await ctx.sandbox.requests()).filter((r) => r.path === '/v2/messages');
			expect(requests).toHaveLength(RUNS);
			expect(requests.every((r) => r.status === 200)).toBe(true);
			expect((await ctx.sandbox.creditsConsumed()) - result.creditsBefore).toBe(RUNS);
			for (const p of ctx.stack.workers) {
				const errors = ctx
					.plain(p.log())
					.split('\n')
					.filter((l) => /^\S+\s+error\s/.test(l) && l.includes('Queue load'));
				expect([p.name, errors]).toEqual([p.name, []]);
			}
		});

		test('throughput and duration (printed)', () => {
			const durations = result.executions.map(
				(e) => new Date(e.stoppedAt).getTime() - new Date(e.startedAt).getTime(),
			);
			const lastStop = Math.max(...result.executions.map((e) => new Date(e.stoppedAt).getTime()));
			const wallS = (lastStop - result.t0) / 1000;
			const perSecond = RUNS / wallS;
			const line =
				`[e2e queue] load: ${RUNS} List Inbox executions queued in ${result.queuedMs} ms, all done in ` +
				`${wallS.toFixed(1)} s = ${perSecond.toFixed(1)} executions/s; duration p50 ${pct(durations, 50)} ms, ` +
				`p95 ${pct(durations, 95)} ms, max ${Math.max(...durations)} ms; ${RUNS} credits; by worker ${JSON.stringify(result.byWorker)}\n`;
			process.stdout.write(line);
			ctx.loadFigures = { perSecond, p95: pct(durations, 95), wallS };
			expect(perSecond).toBeGreaterThan(0);
		});
	});
};
