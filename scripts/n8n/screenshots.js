#!/usr/bin/env node
'use strict';
/**
 * Refreshes the editor screenshots the README shows:
 *
 *   node scripts/n8n/screenshots.js            # → docs/screenshots/*.png
 *   node scripts/n8n/screenshots.js --out DIR
 *
 * Builds and packs the package, starts the sandbox and n8n 2.x (installing it into the cache
 * when missing), opens a workflow with both nodes in Debian's headless Chromium, runs List
 * Inbox from its panel and saves each node's panel and the canvas; then the LinkUp Trigger's
 * panel, and Get Conversation (run) and Send Message (not run) on a canvas of their own. Needs `chromium`
 * (apt-get install -y chromium fonts-liberation) and the devDependency playwright-core.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { capturePanels } = require('./editor');

/** The panels to capture, in order (List Inbox runs first; the trigger then shows its item). */
const PANELS = [
	{ name: 'LinkUp Messaging', file: 'list-inbox-node.png', execute: true, view: 'Table' },
	{ name: 'LinkUp Messaging Trigger', file: 'trigger-node.png', view: 'Schema' },
];
const WEBHOOK_PANEL = [{ name: 'LinkUp Trigger', file: 'webhook-trigger-node.png' }];
/** Get Conversation runs (it only reads); Send Message is shown, never run (it would send). */
const MESSAGE_PANELS = [
	{ name: 'Get Conversation', file: 'get-conversation-node.png', execute: true, view: 'Table' },
	{ name: 'Send Message', file: 'send-message-node.png' },
];

async function main() {
	const { REPO_ROOT, startStack, bothNodesWorkflow, webhookTriggerWorkflow } = require('.');
	const argv = process.argv.slice(2);
	const outIdx = argv.indexOf('--out');
	const out = path.resolve(
		outIdx >= 0 ? argv[outIdx + 1] : path.join(REPO_ROOT, 'docs', 'screenshots'),
	);
	const log = (m) => process.stdout.write(`[screenshots] ${m}\n`);
	log(
		'starting the sandbox and n8n 2.x with the packed package (~30 s; first run installs n8n, ~8 min)',
	);
	const stack = await startStack({ line: '2', install: true });
	try {
		const wf = await stack.n8n.createWorkflow(
			bothNodesWorkflow({ credential: stack.credential, accountId: stack.accountId }),
		);
		log(`capturing in Chromium from ${stack.n8n.url}/workflow/${wf.id}`);
		const shots = await capturePanels(stack.n8n, wf.id, PANELS, out);
		fs.renameSync(path.join(out, 'canvas.png'), path.join(out, 'workflow-canvas.png'));
		// The LinkUp Trigger (webhook) on a canvas of its own; only its panel is kept.
		const instant = await stack.n8n.createWorkflow(
			webhookTriggerWorkflow({
				credential: stack.credential,
				accountId: stack.accountId,
				webhookId: randomUUID(),
			}),
		);
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linkup-shots-'));
		const [webhookShot] = Object.values(
			await capturePanels(stack.n8n, instant.id, WEBHOOK_PANEL, scratch),
		);
		fs.copyFileSync(webhookShot.screenshot, path.join(out, WEBHOOK_PANEL[0].file));
		fs.rmSync(scratch, { recursive: true, force: true });
		log(`wrote ${path.relative(REPO_ROOT, path.join(out, WEBHOOK_PANEL[0].file))}`);
		await captureMessagePanels(stack, out, log);
		for (const s of Object.values(shots)) log(`wrote ${path.relative(REPO_ROOT, s.screenshot)}`);
		log(`wrote ${path.relative(REPO_ROOT, path.join(out, 'workflow-canvas.png'))}`);
	} finally {
		await stack.stop();
	}
}

/**
 * Get Conversation (of the newest conversation) and Send Message (a reply to its participant),
 * each panel as a user sets it up; only the panels are kept.
 * @param {import('.').Stack} stack
 * @param {string} out
 * @param {(message: string) => void} log
 */
async function captureMessagePanels(stack, out, log) {
	const {
		manualWorkflow,
		messageNode,
		getConversationParameters,
		sendMessageParameters,
	} = require('.');
	const [newest] = await stack.sandbox.client.conversations();
	const node = (name, parameters, position) =>
		messageNode({
			name,
			credential: stack.credential,
			accountId: stack.accountId,
			parameters,
			position,
		});
	const wf = await stack.n8n.createWorkflow(
		manualWorkflow({
			name: 'Screenshots: Get Conversation and Send Message',
			nodes: [
				node(
					'Get Conversation',
					getConversationParameters({ value: newest.conversation_id, limit: 10 }),
					[250, -100],
				),
				node(
					'Send Message',
					sendMessageParameters({
						profileUrl: newest.participant.profile_url,
						text: 'Thanks for your message, I will get back to you shortly!',
					}),
					[250, 100],
				),
			],
		}),
	);
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'linkup-shots-'));
	const shots = await capturePanels(stack.n8n, wf.id, MESSAGE_PANELS, scratch);
	for (const { name, file } of MESSAGE_PANELS) {
		fs.copyFileSync(shots[name].screenshot, path.join(out, file));
		log(`wrote ${path.relative(path.join(out, '..', '..'), path.join(out, file))}`);
	}
	fs.rmSync(scratch, { recursive: true, force: true });
}

module.exports = { PANELS, capturePanels };

if (require.main === module) {
	main().catch((err) => {
		process.stderr.write(`[screenshots] FAILED: ${err.message}\n`);
		process.exit(1);
	});
}
