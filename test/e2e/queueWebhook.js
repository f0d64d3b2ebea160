'use strict';
/**
 * Queue mode: the LinkUp Trigger (webhook) registers the webhook processor's URL (WEBHOOK_URL),
 * LinkUp's deliveries are taken by the webhook processor (main has production webhooks off) and
 * start one execution each on the workers; deactivation from main removes the LinkUp webhook.
 */
const { randomUUID } = require('node:crypto');
const { webhookTriggerWorkflow, nodeItems, executionError } = require('../../scripts/n8n');
const { settledExecutions } = require('./helpers');

const NODE = 'LinkUp Trigger';

/** @param {any} ctx the queue suite's shared context */
module.exports = function queueWebhookTests(ctx) {
	describe('the LinkUp Trigger (webhook) in queue mode', () => {
		const webhookId = randomUUID();
		/** @type {string} */ let id;
		/** @type {string} */ let url;
		const ours = async () => (await ctx.sandbox.webhooks()).webhooks.filter((w) => w.url === url);
		const settled = (count) => settledExecutions(ctx.n8n, id, count);
		/** How many times a process's log shows it receiving a production call for our path. */
		const received = (p) =>
			ctx
				.plain(p.log())
				.split('\n')
				.filter((l) => l.includes(`Received webhook "POST" for path "${webhookId}/webhook"`))
				.length;

		beforeAll(async () => {
			const wf = await ctx.n8n.createWorkflow(
				webhookTriggerWorkflow({ credential: ctx.credential, accountId: ctx.accountId, webhookId }),
			);
			id = wf.id;
			url = `${ctx.stack.webhook.url}/webhook/${webhookId}/webhook`;
			ctx.webhookDeliveriesBefore = (await ctx.sandbox.deliveries()).length;
		});

		test('activation on main registers one webhook at LinkUp for the webhook processor’s URL', async () => {
			await ctx.n8n.activate(id);
			const all = (await ctx.sandbox.webhooks()).webhooks;
			expect(all).toHaveLength(1);
			expect(all[0]).toMatchObject({
				url,
				account_id: ctx.accountId,
				events: ['message_received'],
				signature_enabled: true,
			});
			expect(url.startsWith(ctx.stack.main.url)).toBe(false);
		});

		test('three deliveries: taken by the webhook processor, one execution each on the workers', async () => {
			const sent = [];
			for (let i = 0; i < 3; i++) {
				sent.push(
					await ctx.sandbox.message({
						participantName: `Hook ${i}`,
						text: `instant ${i} ⚡`,
						wait: true,
					}),
				);
			}
			const deliveries = (await ctx.sandbox.deliveries()).slice(ctx.webhookDeliveriesBefore);
			expect(deliveries.map((d) => [d.url, d.status])).toEqual(sent.map(() => [url, 200]));
			const list = await settled(3);
			expect(list).toHaveLength(3);
			expect(list.map((e) => nodeItems(e, NODE)?.[0]?.senderName)).toEqual([
				'Hook 0',
				'Hook 1',
				'Hook 2',
			]);
			for (const e of list) {
				expect(executionError(e)).toBeUndefined();
				expect(e.mode).toBe('webhook');
				expect(ctx.ranOn(e.id)).toEqual([expect.stringMatching(/^worker\d$/)]);
			}
			expect(received(ctx.stack.webhook)).toBe(3);
			expect(received(ctx.stack.main)).toBe(0);
			for (const w of ctx.stack.workers) expect(received(w)).toBe(0);
		});

		test('a LinkUp retry of a delivery (same webhook processor) is answered 200 and starts nothing', async () => {
			const [first] = (await ctx.sandbox.deliveries()).slice(ctx.webhookDeliveriesBefore);
			expect((await ctx.sandbox.redeliver(first.index)).status).toBe(200);
			expect(await settled(3)).toHaveLength(3);
			expect(received(ctx.stack.webhook)).toBe(4);
		});

		test('main does not serve production webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS)', async () => {
			const [delivered] = (await ctx.sandbox.deliveries()).slice(ctx.webhookDeliveriesBefore);
			const res = await fetch(`${ctx.stack.main.url}/webhook/${webhookId}/webhook`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: delivered.body,
			});
			expect(res.status).toBe(404);
			expect(await settled(3)).toHaveLength(3);
		});

		test('deactivation from main deletes the LinkUp webhook; later messages start nothing', async () => {
			await ctx.n8n.deactivate(id);
			expect(await ours()).toEqual([]);
			expect((await ctx.sandbox.webhooks()).webhooks).toEqual([]);
			const count = (await ctx.sandbox.deliveries()).length;
			await ctx.sandbox.message({
				participantName: 'Too Late',
				text: 'nobody listens',
				wait: true,
			});
			expect((await ctx.sandbox.deliveries()).length).toBe(count);
			expect(await settled(3)).toHaveLength(3);
		});
	});
};
