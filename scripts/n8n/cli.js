#!/usr/bin/env node
'use strict';
/**
 * Drive a real n8n with this package loaded, by hand or from other scripts.
 *
 *   node scripts/n8n/cli.js start [--line 2|1] [--port N] [--examples] [--count 35]
 *       Installs n8n when missing, builds + packs the package, starts the sandbox and n8n with
 *       the package in a fresh user folder, creates the owner and the "LinkUp API" credential
 *       (and, with --examples, imports examples/*.json wired to it), prints the editor URL and
 *       login, writes build/e2e/stack.json, and runs until Ctrl-C.
 *       With --demo (npm run demo) it also runs List Inbox once, prints the items, sends a reply to the
 *       newest unread conversation (Send Message), and activates
 *       a trigger workflow that polls every minute and an instant (LinkUp webhook) trigger workflow.
 *   node scripts/n8n/cli.js message [--name "Zoë"] [--text "Hi"] [--conversation ID]
 *       A new message arrives in the running sandbox (a new unread conversation by default); with
 *       the demo running, prints the item of the instant trigger's execution.
 *   node scripts/n8n/cli.js fault INTERNAL_ERROR [--times 1]   |   fault --clear
 *   node scripts/n8n/cli.js poll <workflowId>     "poll now" (deactivate + activate)
 *   node scripts/n8n/cli.js run <workflowId> [--trigger "Manual Trigger"]   run and print items
 *   node scripts/n8n/cli.js state                 what the running stack is (URLs, login)
 */
const fs = require('node:fs');
const path = require('node:path');
const lib = require('.');

const STATE_FILE = path.join(lib.REPO_ROOT, 'build', 'e2e', 'stack.json');
const argv = process.argv.slice(2);
const cmd = argv[0];
/**
 * The value after `name` on the command line, else `dflt`.
 * @overload
 * @param {string} name
 * @returns {string | undefined}
 */
/**
 * @overload
 * @param {string} name
 * @param {string} dflt
 * @returns {string}
 */
/**
 * @param {string} name
 * @param {string} [dflt]
 */
function opt(name, dflt) {
	return argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt;
}
const out = (m) => process.stdout.write(`${m}\n`);

function readState() {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	} catch {
		throw new Error(
			`no running stack (${path.relative(lib.REPO_ROOT, STATE_FILE)} is missing): run node scripts/n8n/cli.js start first`,
		);
	}
}

/** A client for the running stack's n8n, logged in with the stored API key and session. */
async function attach() {
	const s = readState();
	const n8n = new lib.N8nClient({
		url: `http://127.0.0.1:${s.port}`,
		line: s.line,
		owner: s.owner,
		apiKey: s.apiKey,
	});
	await n8n.login();
	return { s, n8n, sandbox: new lib.SandboxClient(s.sandboxUrl) };
}

async function start() {
	const line = opt('--line', '2');
	const port = opt('--port') ? Number(opt('--port')) : undefined;
	const stack = await lib.startStack({
		line,
		count: Number(opt('--count', '35')),
		install: true,
		port,
	});
	const { n8n, n8nProcess } = stack;
	const imported = [];
	if (argv.includes('--examples')) {
		for (const { file, workflow } of lib.loadExamples()) {
			const wf = await n8n.createWorkflow(
				lib.wireExample(workflow, { credential: stack.credential, accountId: stack.accountId }),
			);
			imported.push({ file, id: wf.id, name: wf.name });
		}
	}
	let demo;
	if (argv.includes('--demo')) demo = await demoWorkflows(stack);
	const state = {
		line,
		version: stack.version,
		url: n8n.url,
		port: n8nProcess.port,
		userFolder: n8nProcess.userFolder,
		owner: n8n.owner,
		apiKey: n8n.apiKey,
		credential: stack.credential,
		accountId: stack.accountId,
		sandboxUrl: stack.sandbox.url,
		workflows: imported,
		instantWorkflowId: demo?.instant.id,
		pid: process.pid,
	};
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
	out(`n8n ${stack.version} with n8n-nodes-linkup-messaging: ${n8n.url}`);
	out(`  login: ${n8n.owner.email} / ${n8n.owner.password}`);
	out(`  LinkUp sandbox: ${stack.sandbox.url} (credential "LinkUp API" points at it)`);
	for (const w of imported) out(`  workflow "${w.name}": ${n8n.url}/workflow/${w.id}`);
	if (demo) {
		out(`  workflow "${demo.listInbox.name}": ${n8n.url}/workflow/${demo.listInbox.id}`);
		out(`  workflow "${demo.reply.name}": ${n8n.url}/workflow/${demo.reply.id}`);
		out(
			`  workflow "${demo.trigger.name}" (active, polls every minute): ${n8n.url}/workflow/${demo.trigger.id}`,
		);
		out(
			`  workflow "${demo.instant.name}" (active, LinkUp webhook): ${n8n.url}/workflow/${demo.instant.id}`,
		);
		out(
			'  make a LinkedIn message arrive (second terminal): npm run demo:message -- --name "Zoë" --text "Hi!"',
		);
		out(
			'  the instant workflow runs at once (demo:message prints its item); the polling one within a minute.',
		);
	} else {
		out('  a new LinkedIn message: node scripts/n8n/cli.js message --name "Zoë" --text "Hi!"');
	}
	out('Ctrl-C stops n8n and the sandbox.');
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		out('\nstopping…');
		await stack.stop();
		fs.rmSync(STATE_FILE, { force: true });
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	await new Promise(() => {});
}

/**
 * The demo's own workflows: List Inbox run once now (its items printed), a reply sent to the
 * newest unread conversation (List Inbox › Send Message), and the trigger, active and polling
 * every minute, so a message sent with `npm run demo:message` shows up.
 * @param {import('.').Stack} stack
 */
async function demoWorkflows(stack) {
	const { n8n } = stack;
	const listInbox = await n8n.createWorkflow(
		lib.listInboxWorkflow({
			name: 'Demo: List Inbox',
			credential: stack.credential,
			accountId: stack.accountId,
			variants: [{ name: 'LinkUp Messaging', category: 'INBOX', limit: 5 }],
		}),
	);
	out('▶ Running "Demo: List Inbox" (LinkUp Messaging › List Inbox, Limit 5) in n8n…');
	const execution = await n8n.runManually(listInbox.id, { trigger: 'Manual Trigger' });
	const error = lib.executionError(execution);
	if (error) throw new Error(`List Inbox failed: ${error.message}`);
	out(JSON.stringify(lib.nodeItems(execution, 'LinkUp Messaging'), null, 2));
	const reply = await n8n.createWorkflow(
		lib.manualWorkflow({
			name: 'Demo: reply to the newest unread conversation',
			nodes: [
				lib.messageNode({
					name: 'Newest unread',
					credential: stack.credential,
					accountId: stack.accountId,
					parameters: { operation: 'listInbox', category: 'UNREAD', limit: 1, simplify: true },
					position: [250, 0],
				}),
				lib.messageNode({
					name: 'Send a reply',
					credential: stack.credential,
					accountId: stack.accountId,
					parameters: lib.sendMessageParameters({
						profileUrl: '={{ $json.participantProfileUrl }}',
						text: '=Thanks {{ $json.participantName }}, I will get back to you shortly!',
					}),
					position: [500, 0],
				}),
			],
			edges: [
				['Manual Trigger', 'Newest unread'],
				['Newest unread', 'Send a reply'],
			],
		}),
	);
	out('▶ Running "Demo: reply to the newest unread conversation" (List Inbox › Send Message)…');
	const sent = await n8n.runManually(reply.id, { trigger: 'Manual Trigger' });
	const sendError = lib.executionError(sent);
	if (sendError) throw new Error(`Send Message failed: ${sendError.message}`);
	const [item] = lib.nodeItems(sent, 'Send a reply') ?? [];
	out(JSON.stringify(item, null, 2));
	if (item && typeof item.conversationId === 'string') {
		const [newest] = await stack.sandbox.client.messages(item.conversationId);
		out(`  the sandbox's thread now ends with your message: "${newest?.text}"`);
	}
	const triggerWorkflow = lib.triggerWorkflow({
		name: 'Demo: new unread LinkedIn conversations',
		credential: stack.credential,
		accountId: stack.accountId,
	});
	triggerWorkflow.nodes[0].parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	const trigger = await n8n.createWorkflow(triggerWorkflow);
	await n8n.activate(trigger.id);
	const instant = await n8n.createWorkflow(
		lib.webhookTriggerWorkflow({
			name: 'Demo: instant LinkedIn messages (LinkUp webhook)',
			credential: stack.credential,
			accountId: stack.accountId,
			webhookId: require('node:crypto').randomUUID(),
		}),
	);
	await n8n.activate(instant.id);
	const [webhook] = (await stack.sandbox.client.webhooks()).webhooks;
	out(`▶ "${instant.name}" is active: LinkUp (the sandbox) delivers to ${webhook?.url}`);
	return { listInbox, reply, trigger, instant };
}

async function main() {
	switch (cmd) {
		case 'start':
			return await start();
		case 'state':
			return out(JSON.stringify(readState(), null, 2));
		case 'message': {
			const s = readState();
			const sandbox = new lib.SandboxClient(s.sandboxUrl);
			/** @type {Parameters<import('./sandbox').SandboxClient['message']>[0]} */
			const body = {};
			if (opt('--name')) body.participantName = opt('--name');
			if (opt('--text')) body.text = opt('--text');
			if (opt('--conversation')) body.conversationId = opt('--conversation');
			const instantId = s.instantWorkflowId;
			const n8n = instantId ? (await attach()).n8n : undefined;
			const before = n8n ? (await n8n.executions({ workflowId: instantId })).length : 0;
			const c = await sandbox.message({ ...body, wait: true });
			out(
				`new message from ${c.participant?.name}: "${c.last_message?.text}" (${c.unread} unread) in ${c.conversation_id}`,
			);
			if (!n8n) return;
			const latest = (await n8n.waitForExecutions(instantId, before + 1)).at(-1);
			out(`the instant trigger ran (execution ${latest?.id}):`);
			return out(JSON.stringify(lib.nodeItems(latest, 'LinkUp Trigger'), null, 2));
		}
		case 'fault': {
			const sandbox = new lib.SandboxClient(readState().sandboxUrl);
			if (argv.includes('--clear')) return out(JSON.stringify(await sandbox.clearFaults()));
			return out(
				JSON.stringify(await sandbox.fault(argv[1], { times: Number(opt('--times', '1')) })),
			);
		}
		case 'poll': {
			const { n8n } = await attach();
			await n8n.pollNow(argv[1]);
			return out(`polled workflow ${argv[1]}`);
		}
		case 'run': {
			const { n8n } = await attach();
			const e = await n8n.runManually(argv[1], { trigger: opt('--trigger', 'Manual Trigger') });
			const last = e.data.resultData.lastNodeExecuted;
			const err = lib.executionError(e);
			if (err) throw new Error(`${err.nodeName}: ${err.message}`);
			return out(JSON.stringify(lib.nodeItems(e, last), null, 2));
		}
		default:
			process.stderr.write(
				'usage: node scripts/n8n/cli.js start|state|message|fault|poll|run (see the header of this file)\n',
			);
			process.exit(2);
	}
}

main().catch((err) => {
	process.stderr.write(`[n8n-cli] ${err.message}\n`);
	process.exit(1);
});
