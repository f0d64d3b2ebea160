'use strict';
/**
 * Issue 10's figures, in the bench's real n8n: how fast the LinkUp Trigger starts an execution
 * after the sandbox delivers a message, and what watching one account costs a day with the
 * polling trigger (1, 5, 15 minutes) against the webhook trigger.
 */
const { randomUUID } = require('node:crypto');

/** @type {(xs: number[], p: number) => number} the p-th percentile */
const pct = (xs, p) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * @param {import('.').Stack} stack
 * @param {{ messages?: number, log: (message: string) => void }} options
 */
async function webhookBench(stack, { messages = 50, log }) {
	const { webhookTriggerWorkflow, triggerWorkflow, nodeItems } = require('.');
	const { n8n, credential, accountId } = stack;
	const sandbox = stack.sandbox.client;
	const instant = await n8n.createWorkflow(
		webhookTriggerWorkflow({ credential, accountId, webhookId: randomUUID() }),
	);
	await n8n.activate(instant.id);
	log(`[bench] ${messages} messages, one at a time, to the active LinkUp Trigger workflow…`);
	const sent = [];
	for (let i = 0; i < messages; i++) {
		const text = `bench message ${i} ${randomUUID()}`;
		await sandbox.message({ participantName: `Bench ${i}`, text, wait: true });
		sent.push(text);
	}
	const executions = await n8n.waitForExecutions(instant.id, messages, { timeoutMs: 120000 });
	const deliveries = (await sandbox.deliveries()).filter((d) => d.type === 'message_received');
	const startedByText = new Map(
		executions.map((e) => [nodeItems(e, 'LinkUp Trigger')?.[0]?.messageText, e.startedAt]),
	);
	const toStart = [];
	const toAnswer = [];
	for (const d of deliveries) {
		const text = sent.find((t) => d.body.includes(t));
		const startedAt = text && startedByText.get(text);
		if (!startedAt) throw new Error(`no execution for delivery ${d.index}`);
		toStart.push(new Date(startedAt).getTime() - d.sentAt);
		toAnswer.push(d.answeredAt - d.sentAt);
	}
	await n8n.deactivate(instant.id);

	// A quiet poll of the polling trigger, measured in credits, then scaled to a day.
	const polling = await n8n.createWorkflow(triggerWorkflow({ credential, accountId }));
	await n8n.activate(polling.id);
	const before = await sandbox.creditsConsumed();
	const quietPolls = 5;
	for (let i = 0; i < quietPolls; i++) await n8n.pollNow(polling.id);
	const perPoll = ((await sandbox.creditsConsumed()) - before) / quietPolls;
	await n8n.deactivate(polling.id);
	const { monitoringCredits } = await sandbox.webhooks();

	log('');
	log(`LinkUp Trigger, ${deliveries.length} deliveries (ms, one run):`);
	log(`  sandbox sends → n8n answers 200     p50 ${pct(toAnswer, 50)}   p95 ${pct(toAnswer, 95)}`);
	log(`  sandbox sends → execution starts    p50 ${pct(toStart, 50)}   p95 ${pct(toStart, 95)}`);
	log('');
	log(`Watching one quiet account (a quiet poll measured at ${perPoll} credit):`);
	const rows = [
		['polling trigger every minute', perPoll * 1440],
		['polling trigger every 5 minutes', perPoll * 288],
		['polling trigger every 15 minutes', perPoll * 96],
		['LinkUp Trigger (webhook)', 10],
	];
	for (const [label, perDay] of rows)
		log(`  ${String(label).padEnd(34)} ${String(perDay).padStart(6)} credits/day`);
	log(
		`  (the webhook's 10 a day is LinkUp's documented rate, which the sandbox bills: ${monitoringCredits.toFixed(4)} so far in this run)`,
	);
	return { toStart, toAnswer, perPoll };
}

module.exports = { webhookBench };
