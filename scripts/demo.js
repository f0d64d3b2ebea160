#!/usr/bin/env node
// Demo without a LinkUp account: starts the local LinkUp sandbox (a realistic inbox) and runs
// the package's nodes through n8n's own engine (n8n-core), printing what a workflow would get.
const { execSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const step = (text) => process.stdout.write(`\n▶ ${text}\n`);

step('Compiling the nodes and the sandbox (tsc, ~15 s)…');
execSync('npx tsc -p tsconfig.test.json', { cwd: root, stdio: 'inherit' });

require(join(root, 'build/test/setup-env.js'));
const { startSandbox, realisticInbox, SANDBOX_ACCOUNT_ID } = require(join(root, 'build/test/sandbox'));
const engine = require(join(root, 'build/test/helpers/engine.js'));
const { triggerPoller } = require(join(root, 'build/test/nodes/LinkUpMessagingTrigger/triggerHarness.js'));

async function main() {
	const sandbox = await startSandbox({ inbox: realisticInbox(42, 30) });
	step(`LinkUp sandbox listening on ${sandbox.url} (account ${SANDBOX_ACCOUNT_ID})`);
	try {
		step('LinkUp Messaging › List Inbox (Limit 5, Simplify on), run by n8n-core WorkflowExecute:');
		const node = engine.nodeOf(engine.ACTION_TYPE, {
			operation: 'listInbox',
			accountId: { __rl: true, mode: 'list', value: SANDBOX_ACCOUNT_ID },
			category: 'INBOX',
			limit: 5,
		});
		const run = await engine.runNode(node, engine.credentialData(sandbox.url, sandbox.apiKey));
		if (run.error) throw run.error;
		console.log(JSON.stringify(run.items.map((item) => item.json), null, 2));
		console.log(`(${run.items.length} items, ${sandbox.creditsConsumed} LinkUp credit used)`);

		step('LinkUp Messaging Trigger, polled by n8n-core PollContext:');
		const trigger = triggerPoller(sandbox);
		console.log(`first poll (records what is unread, emits nothing): ${JSON.stringify(await trigger.poll())}`);
		const fresh = sandbox.inbox.newConversation(SANDBOX_ACCOUNT_ID, { participantName: 'Grace Hopper', text: 'Hi! Are you free for a call on Tuesday? 📞' });
		console.log(`a new message arrives from Grace Hopper (${fresh.conversation_id})`);
		const items = await trigger.pollItems();
		console.log(`next poll emits ${items.length} item(s):`);
		console.log(JSON.stringify(items.map((item) => item.json), null, 2));
		console.log(`poll after that (quiet): ${JSON.stringify(await trigger.poll())}`);
		console.log(`LinkUp credits used in all: ${sandbox.creditsConsumed}`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(`Demo failed: ${error.message}\nRun \`npm ci\` first if dependencies are missing.`);
	process.exit(1);
});
