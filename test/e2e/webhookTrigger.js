'use strict';
/**
 * Issue 10 in a real n8n: the LinkUp Trigger registers one signed webhook at the sandbox, which
 * delivers to n8n's webhook URL (WEBHOOK_URL is the local n8n). Tests run in order on one server.
 */
const { createHmac, randomUUID } = require('node:crypto');
const { webhookTriggerWorkflow, nodeItems, executionError, waitFor } = require('../../scripts/n8n');
const { executionsOf, settledExecutions } = require('./helpers');

const NODE = 'LinkUp Trigger';

/** @param {string} secret @param {string} timestamp @param {string} body */
const sign = (secret, timestamp, body) =>
	`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * @param {any} ctx the line suite's shared context
 * @param {string} line '2' or '1'
 */
module.exports = function webhookTriggerTests(ctx, line) {
	describe('the instant LinkUp Trigger (LinkUp webhooks)', () => {
		const webhookId = randomUUID();
		/** @type {string} */ let url;
		/** @type {string} */ let testUrl;
		const ours = async (u = url) =>
			(await ctx.sandbox.webhooks()).webhooks.filter((w) => w.url === u);
		const executions = () => executionsOf(ctx.n8n, ctx.hookWf.id);
		const itemsOf = (e) => nodeItems(e, NODE) || [];
		const settled = (count) => settledExecutions(ctx.n8n, ctx.hookWf.id, count, 1500);
		const post = async (body, headers) => {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
			return res.status;
		};

		beforeAll(async () => {
			ctx.hookWf = await ctx.n8n.createWorkflow(
				webhookTriggerWorkflow({ credential: ctx.credential, accountId: ctx.accountId, webhookId }),
			);
			url = `${ctx.n8n.url}/webhook/${webhookId}/webhook`;
			testUrl = `${ctx.n8n.url}/webhook-test/${webhookId}/webhook`;
		});

		test('activation registers exactly one signed, monitoring webhook for n8n’s production URL', async () => {
			await ctx.n8n.activate(ctx.hookWf.id);
			const [webhook, ...others] = await ours();
			expect(others).toEqual([]);
			expect(webhook).toMatchObject({
				account_id: ctx.accountId,
				events: ['message_received'],
				signature_enabled: true,
				monitoring: true,
			});
		});

		test('a sandbox message starts one execution with the simplified item', async () => {
			const conversation = await ctx.sandbox.message({
				participantName: 'Webhook Wanda',
				text: 'Instant hello ⚡',
				wait: true,
			});
			const [execution, ...more] = await settled(1);
			expect(more).toEqual([]);
			expect(executionError(execution)).toBeUndefined();
			expect(itemsOf(execution)).toEqual([
				{
					event: 'messageReceived',
					accountId: ctx.accountId,
					accountName: expect.any(String),
					senderName: 'Webhook Wanda',
					senderProfileUrl: conversation.participant.profile_url ?? null,
					messageText: 'Instant hello ⚡',
					conversationId: conversation.conversation_id,
					occurredAt: new Date(conversation.last_message.time).toISOString(),
					receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				},
			]);
			expect((await ctx.sandbox.deliveries()).map((d) => d.status)).toEqual([200]);
		});

		test('forged, stale, unsigned and malformed deliveries get 401/400 and start nothing; a retry starts nothing', async () => {
			const [delivered] = await ctx.sandbox.deliveries();
			const [{ secret }] = await ours();
			const now = String(Math.floor(Date.now() / 1000));
			const stale = String(Math.floor(Date.now() / 1000) - 301);
			const signed = (body, timestamp = now, key = secret) => ({
				'x-linkup-timestamp': timestamp,
				'x-linkup-signature': sign(key, timestamp, body),
			});
			const forged = delivered.body.replace('Instant hello', 'Send the invoice');
			expect(await post(forged, signed(forged, now, 'whsec_guess'))).toBe(401);
			expect(await post(forged, { 'x-linkup-timestamp': now })).toBe(401);
			expect(await post(delivered.body, signed(delivered.body, stale))).toBe(401);
			expect(await post(forged, { ...signed(delivered.body) })).toBe(401);
			expect(await post('{"event":{}}', signed('{"event":{}}'))).toBe(400);
			expect((await ctx.sandbox.redeliver(delivered.index)).status).toBe(200);
			expect(await post(delivered.body, signed(delivered.body))).toBe(200);
			expect(await settled(1)).toHaveLength(1);
		});

		test('events not selected are acknowledged and start nothing', async () => {
			const [disconnection] = await ctx.sandbox.disconnect();
			expect(disconnection).toMatchObject({ type: 'disconnection', status: 200 });
			expect(await settled(1)).toHaveLength(1);
		});

		test('deactivation deletes the webhook; activating again leaves exactly one', async () => {
			await ctx.n8n.deactivate(ctx.hookWf.id);
			expect(await ours()).toEqual([]);
			await ctx.n8n.activate(ctx.hookWf.id);
			await ctx.n8n.pollNow(ctx.hookWf.id);
			expect(await ours()).toHaveLength(1);
		});

		/** @type {[string, Record<string, string>][]} */
		const restarts =
			line === '1'
				? [['a restart', {}]]
				: [
						['a restart (2.x leaves active webhooks alone)', {}],
						[
							'a restart with the publication service off (checkExists → create at start, as 1.x)',
							{ N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false' },
						],
					];
		/** Restarts n8n on the same user folder with `env` added for this start only. */
		const restartWith = async (env) => {
			await ctx.n8nProcess.stop();
			Object.assign(ctx.n8nProcess.extraEnv, env);
			try {
				await ctx.n8nProcess.start();
			} finally {
				for (const key of Object.keys(env)) delete ctx.n8nProcess.extraEnv[key];
			}
			await ctx.n8n.login();
			await ctx.n8n.waitForPublication(ctx.hookWf.id);
		};

		test.each(restarts)('%s leaves exactly one webhook, and it still fires', async (_name, env) => {
			const before = (await executions()).length;
			await restartWith(env);
			expect(await ours()).toHaveLength(1);
			await ctx.sandbox.message({
				participantName: 'After Restart',
				text: 'Still here?',
				wait: true,
			});
			const list = await settled(before + 1);
			expect(list).toHaveLength(before + 1);
			expect(itemsOf(list.at(-1))[0]).toMatchObject({ senderName: 'After Restart' });
			// Back to the line's usual set-up for the tests that follow.
			if (Object.keys(env).length > 0) await restartWith({});
		});

		test('"Listen for test event" registers the test URL, fires once, and removes it', async () => {
			await ctx.n8n.deactivate(ctx.hookWf.id);
			const workflowData = await ctx.n8n.getWorkflowRest(ctx.hookWf.id);
			const started = await ctx.n8n.rest('POST', `/workflows/${ctx.hookWf.id}/run`, {
				workflowData,
				triggerToStartFrom: { name: NODE },
			});
			expect(started).toMatchObject({ waitingForWebhook: true });
			await waitFor(async () => (await ours(testUrl)).length === 1 || undefined, {
				timeoutMs: 15000,
				what: 'the test webhook to be registered',
			});
			expect(await ours()).toEqual([]);
			const before = (await executions()).length;
			await ctx.sandbox.message({
				participantName: 'Test Listener',
				text: 'Testing 1 2 3',
				wait: true,
			});
			const list = await settled(before + 1);
			expect(list.at(-1)?.mode).toBe('manual');
			expect(itemsOf(list.at(-1))[0]).toMatchObject({ senderName: 'Test Listener' });
			await waitFor(async () => (await ours(testUrl)).length === 0 || undefined, {
				timeoutMs: 15000,
				what: 'the test webhook to be removed',
			});
			expect((await ctx.sandbox.webhooks()).webhooks).toEqual([]);
		});
	});
};
