'use strict';
/**
 * What issues 4 and 9 ask to prove in each n8n line, against one n8n server (started once, restarted
 * once for the trigger's persistence). Call from a test file: require('./suite')('2', { extra }).
 * Tests run in order and share the server; each describes one user-visible behaviour.
 */
const {
	startStack,
	listInboxWorkflow,
	triggerWorkflow,
	nodeItems,
	executionError,
	loadExamples,
	wireExample,
	TYPES,
	CREDENTIAL_TYPE,
} = require('../../scripts/n8n');
const {
	packedTarball,
	expectedItems,
	expectedFailure,
	newestUnread,
	sleep,
	LIST_INBOX_VARIANTS,
} = require('./helpers');
const { credentialTestCases, ruleMessage } = require('./credentialTest');

const INACTIVE_ACCOUNT = '65f1c2a9b3d4e5f6a7b8c9d1';
const UNKNOWN_ACCOUNT = '65f1c2a9b3d4e5f6a7b8ffff';
const WRONG_KEY = 'lk_wrong_key_e2e_7d41c0ffee';
const CONVERSATIONS = 130; // > one Return All page (100)

/**
 * @param {string} line  '2' or '1'
 * @param {{ extra?: (ctx: any) => void }} [options] extra: more tests on the same server (after the examples)
 */
module.exports = function defineLineSuite(line, { extra } = {}) {
	const ctx = {};

	describe(`n8n line ${line}`, () => {
		beforeAll(async () => {
			const t = Date.now();
			ctx.stack = await startStack({
				line,
				tarball: packedTarball(),
				count: CONVERSATIONS,
				logLevel: 'debug',
			});
			ctx.n8n = ctx.stack.n8n;
			ctx.n8nProcess = ctx.stack.n8nProcess;
			ctx.sandbox = ctx.stack.sandbox.client;
			ctx.credential = ctx.stack.credential;
			ctx.accountId = ctx.stack.accountId;
			ctx.apiKey = ctx.stack.sandbox.apiKey;
			process.stdout.write(
				`[e2e] n8n ${ctx.stack.version} up at ${ctx.n8n.url} in ${Math.round((Date.now() - t) / 1000)}s (user folder ${ctx.n8nProcess.userFolder}, removed after the run unless LINKUP_E2E_KEEP=1; its log goes to build/e2e/logs/)\n`,
			);
		}, 300000);

		afterAll(async () => {
			if (ctx.stack) await ctx.stack.stop();
		}, 60000);

		test('loads our nodes and credential from the packed package', async () => {
			const nodes = await ctx.n8n.nodeTypes();
			const names = nodes.map((n) => n.name);
			expect(names).toEqual(expect.arrayContaining([TYPES.action, TYPES.trigger]));
			const creds = await ctx.n8n.credentialTypes();
			expect(creds.map((c) => c.name)).toContain(CREDENTIAL_TYPE);
			const action = nodes.find((n) => n.name === TYPES.action);
			expect(action.properties.map((p) => p.name)).toEqual(
				expect.arrayContaining([
					'operation',
					'accountId',
					'category',
					'returnAll',
					'limit',
					'simplify',
				]),
			);
			// The icon the editor asks for is served.
			const icon = typeof action.iconUrl === 'string' ? action.iconUrl : action.iconUrl?.light;
			expect(icon).toBeTruthy();
			const svg = await ctx.n8n.getAuthed(`/${icon.replace(/^\//, '')}`);
			expect(String(svg)).toContain('<svg');
		});

		describe('credential', () => {
			test('Test passes with the sandbox key', async () => {
				const result = await ctx.n8n.testCredential({
					...ctx.credential,
					data: ctx.stack.credentialData,
				});
				expect(result).toMatchObject({ status: 'OK' });
			});

			test('Test fails clearly with a wrong key', async () => {
				ctx.badCredential = await ctx.n8n.createCredential({
					name: 'LinkUp API (wrong key)',
					type: CREDENTIAL_TYPE,
					data: { apiKey: WRONG_KEY, baseUrl: ctx.stack.sandbox.url },
				});
				const result = await ctx.n8n.testCredential({
					...ctx.badCredential,
					data: { apiKey: WRONG_KEY, baseUrl: ctx.stack.sandbox.url },
				});
				expect(result.status).toBe('Error');
				ctx.wrongKeyTestMessage = result.message;
				// A message that points at the key (ours), not a bare status code.
				expect(result.message).toMatch(/API key|credentials/i);
			});

			// The credential reads LinkUp's answer whatever its status (ignoreHttpStatusErrors) and
			// judges the body: n8n 1.123 ignores status-code rules, so body rules are what both lines show.
			test('Test failure shows our message, not a bare HTTP status', () => {
				expect(ctx.wrongKeyTestMessage).toBe(ruleMessage('error.code', 'INVALID_API_KEY'));
			});

			credentialTestCases(ctx);
		});

		describe('List Inbox in a workflow', () => {
			const variants = LIST_INBOX_VARIANTS;

			beforeAll(async () => {
				const wf = await ctx.n8n.createWorkflow(
					listInboxWorkflow({ credential: ctx.credential, accountId: ctx.accountId, variants }),
				);
				ctx.conversations = await ctx.sandbox.conversations();
				ctx.listExecution = await ctx.n8n.runManually(wf.id, { trigger: 'Manual Trigger' });
			});

			test('the run succeeds', () => {
				expect(executionError(ctx.listExecution)).toBeUndefined();
				expect(ctx.listExecution.status).toBe('success');
				expect(ctx.conversations.length).toBe(CONVERSATIONS);
			});

			test.each(variants.map((v) => [v.name, v]))(
				'%s: items equal what the sandbox holds',
				(name, v) => {
					const items = nodeItems(ctx.listExecution, name);
					const expected = expectedItems(ctx.conversations, {
						category: v.category,
						limit: v.returnAll ? undefined : v.limit,
						simplify: v.simplify,
					});
					expect(items).toHaveLength(expected.length);
					expect(items).toEqual(expected);
				},
			);

			test('each category is non-trivial in the sandbox', () => {
				for (const category of ['UNREAD', 'MY_CONNECTIONS', 'INMAIL', 'STARRED']) {
					const n = expectedItems(ctx.conversations, { category, simplify: false }).length;
					expect(n).toBeGreaterThan(0);
					expect(n).toBeLessThan(CONVERSATIONS);
				}
			});
		});

		describe('an error code ends the run with our message', () => {
			/** @type {(name: string, options?: { accountId?: string, credential?: { id: string, name: string } }) => ReturnType<typeof listInboxWorkflow>} */
			const single = (name, { accountId, credential } = {}) =>
				listInboxWorkflow({
					name,
					credential: credential || ctx.credential,
					accountId: accountId || ctx.accountId,
					variants: [{ name: 'List Inbox', limit: 5, simplify: true }],
				});
			const runFailing = async (workflow) => {
				const wf = await ctx.n8n.createWorkflow(workflow);
				const execution = await ctx.n8n.runManually(wf.id, { trigger: 'Manual Trigger' });
				return { execution, error: executionError(execution) };
			};
			const expectOurError = ({ execution, error }, failure) => {
				expect(execution.status).toBe('error');
				expect(error).toBeDefined();
				expect(error.nodeName).toBe('List Inbox');
				expect(error.message).toBe(failure.message);
				expect(error.description).toBe(failure.description);
				expect(nodeItems(execution, 'List Inbox') || []).toEqual([]);
			};

			test('INVALID_API_KEY (a credential with a wrong key)', async () => {
				const r = await runFailing(single('Error: wrong key', { credential: ctx.badCredential }));
				expectOurError(r, expectedFailure(403, { error: { code: 'INVALID_API_KEY' } }));
			});

			test('INVALID_ACCOUNT (an account the key does not own)', async () => {
				const r = await runFailing(
					single('Error: unknown account', { accountId: UNKNOWN_ACCOUNT }),
				);
				expectOurError(r, expectedFailure(404, { error: { code: 'INVALID_ACCOUNT' } }));
			});

			test('ACCOUNT_INACTIVE (an inactive account)', async () => {
				const r = await runFailing(
					single('Error: inactive account', { accountId: INACTIVE_ACCOUNT }),
				);
				expectOurError(r, expectedFailure(403, { error: { code: 'ACCOUNT_INACTIVE' } }));
			});

			/** @type {[fault: string, status: number, code?: string][]} */
			const faults = [
				['INSUFFICIENT_CREDITS', 402],
				['RATE_LIMITED', 429],
				['INTERNAL_ERROR', 500],
				['INVALID_ACTION', 400],
				['SUCCESS_FALSE_200', 200, 'INTERNAL_ERROR'],
			];
			test.each(faults)('%s (injected, HTTP %s)', async (fault, status, code = fault) => {
				await ctx.sandbox.fault(fault, { times: -1 });
				try {
					const r = await runFailing(single(`Error: ${fault}`));
					expectOurError(r, expectedFailure(status, { error: { code } }));
				} finally {
					await ctx.sandbox.clearFaults();
				}
			});

			test('INVALID_PARAMS (injected): our message with LinkUp’s detail', async () => {
				await ctx.sandbox.fault('INVALID_PARAMS', { times: -1 });
				try {
					const r = await runFailing(single('Error: INVALID_PARAMS'));
					const failure = expectedFailure(400, { error: { code: 'INVALID_PARAMS' } });
					expect(r.execution.status).toBe('error');
					expect(r.error?.message.startsWith(failure.message)).toBe(true);
					expect(r.error?.description).toBe(failure.description);
				} finally {
					await ctx.sandbox.clearFaults();
				}
			});

			test('an HTML 502 page (injected)', async () => {
				await ctx.sandbox.fault('HTML_502', { times: -1 });
				try {
					const r = await runFailing(single('Error: HTML_502'));
					expectOurError(r, expectedFailure(502, '<html>'));
				} finally {
					await ctx.sandbox.clearFaults();
				}
			});
		});

		describe('the trigger in an active workflow', () => {
			const NODE = 'LinkUp Messaging Trigger';
			const emitted = async (count) => {
				const list = await ctx.n8n.waitForExecutions(ctx.triggerWf.id, count);
				return list.map((e) => ({
					id: e.id,
					status: e.status,
					mode: e.mode,
					items: nodeItems(e, NODE) || [],
				}));
			};
			const finishedCount = async () =>
				(await ctx.n8n.executions({ workflowId: ctx.triggerWf.id, includeData: false })).length;
			/** After a poll that must emit nothing: give n8n a moment, then count again. */
			const expectNoNewExecution = async (before) => {
				await sleep(1500);
				expect(await finishedCount()).toBe(before);
			};
			const staticState = async () => (await ctx.n8n.getWorkflow(ctx.triggerWf.id)).staticData;
			const ids = (items) => items.map((i) => i.conversationId).sort();

			beforeAll(async () => {
				ctx.triggerWf = await ctx.n8n.createWorkflow(
					triggerWorkflow({
						name: 'Trigger',
						credential: ctx.credential,
						accountId: ctx.accountId,
					}),
				);
			});

			test('activation polls once and seeds: nothing emitted, state stored', async () => {
				await ctx.sandbox.clearRequests();
				await ctx.n8n.activate(ctx.triggerWf.id);
				const requests = (await ctx.sandbox.requests()).filter((r) => r.path === '/v2/messages');
				expect(requests.length).toBeGreaterThan(0);
				expect(requests.every((r) => r.body?.params?.category === 'UNREAD')).toBe(true);
				await expectNoNewExecution(0);
				const state = await staticState();
				expect(JSON.stringify(state)).toContain('linkUpInbox');
			});

			test('new sandbox messages are emitted by the next poll, exactly once', async () => {
				const conversations = await ctx.sandbox.conversations();
				const someRead = conversations.find(
					(c) =>
						Number(c.unread) === 0 && c.type === 'normal' && c.last_message.sender.is_me !== true,
				);
				const fresh = await ctx.sandbox.message({
					participantName: 'Zoë E2E 🚀',
					text: 'Hello from the e2e suite 👋',
				});
				const reply = await ctx.sandbox.message({
					conversationId: someRead.conversation_id,
					text: 'A new message in an old thread',
				});
				await ctx.n8n.pollNow(ctx.triggerWf.id);
				const [first] = await emitted(1);
				expect(first.status).toBe('success');
				expect(ids(first.items)).toEqual([fresh.conversation_id, reply.conversation_id].sort());
				const byId = Object.fromEntries(first.items.map((i) => [i.conversationId, i]));
				expect(byId[fresh.conversation_id]).toMatchObject({
					participantName: 'Zoë E2E 🚀',
					lastMessageText: 'Hello from the e2e suite 👋',
					unreadCount: 1,
				});
				// The next poll has nothing new: no second execution.
				await ctx.n8n.pollNow(ctx.triggerWf.id);
				await expectNoNewExecution(1);
			});

			test('a poll that hits a fault emits nothing; the next poll recovers everything', async () => {
				const before = await staticState();
				const a = await ctx.sandbox.message({
					participantName: 'Fault Tolerant',
					text: 'Sent before LinkUp failed',
				});
				const b = await ctx.sandbox.message({
					participantName: 'Still Waiting',
					text: 'Also sent before the failure',
				});
				await ctx.sandbox.clearRequests();
				await ctx.sandbox.fault('INTERNAL_ERROR', { times: 1 });
				// n8n 1.x: the activation poll fails (the API says why) and the workflow stays inactive,
				// so the test polls again. n8n 2.41 retries a failed activation poll by itself after 1 s.
				try {
					await ctx.n8n.pollNow(ctx.triggerWf.id);
				} catch (err) {
					expect(err.activationError).toContain(
						expectedFailure(500, { error: { code: 'INTERNAL_ERROR' } }).message,
					);
					await expectNoNewExecution(1);
					expect(await staticState()).toEqual(before);
					await ctx.n8n.activate(ctx.triggerWf.id);
				}
				const statuses = (await ctx.sandbox.requests())
					.filter((r) => r.path === '/v2/messages')
					.map((r) => r.status);
				expect(statuses[0]).toBe(500);
				expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
				const list = await emitted(2);
				expect(list).toHaveLength(2);
				expect(ids(list[1].items)).toEqual([a.conversation_id, b.conversation_id].sort());
				await ctx.n8n.pollNow(ctx.triggerWf.id);
				await expectNoNewExecution(2);
			});

			test('a poll that keeps failing shows our message, and nothing is lost', async () => {
				const c = await ctx.sandbox.message({
					participantName: 'Patient Person',
					text: 'Sent during the outage',
				});
				await ctx.sandbox.fault('RATE_LIMITED', { times: -1 });
				let error;
				try {
					await ctx.n8n.pollNow(ctx.triggerWf.id);
				} catch (err) {
					error = err;
				}
				await ctx.sandbox.clearFaults();
				expect(error).toBeDefined();
				expect(error.activationError).toContain(
					expectedFailure(429, { error: { code: 'RATE_LIMITED' } }).message,
				);
				await expectNoNewExecution(2);
				await ctx.n8n.pollNow(ctx.triggerWf.id);
				const list = await emitted(3);
				expect(ids(list[2].items)).toEqual([c.conversation_id]);
			});

			test('n8n restarted on the same user folder keeps the state: no repeat, no loss', async () => {
				const before = await staticState();
				const a = await ctx.sandbox.message({
					participantName: 'Before Restart',
					text: 'Sent before the restart',
				});
				await ctx.n8nProcess.stop();
				const b = await ctx.sandbox.message({
					participantName: 'During Restart',
					text: 'Sent while n8n was down',
				});
				await ctx.n8nProcess.start();
				await ctx.n8n.login();
				// n8n reactivates the workflow at start: that activation poll emits what arrived meanwhile.
				const list = await emitted(4);
				expect(list.length).toBe(4);
				expect(ids(list[3].items)).toEqual([a.conversation_id, b.conversation_id].sort());
				expect(before).toBeDefined();
				await ctx.n8n.pollNow(ctx.triggerWf.id);
				await expectNoNewExecution(4);
				const all = list.flatMap((e) => e.items.map((i) => i.conversationId));
				expect(new Set(all).size).toBe(all.length);
			});

			test('"Fetch Test Event" returns the newest unread conversation and leaves the state alone', async () => {
				const before = await staticState();
				const countBefore = await finishedCount();
				const execution = await ctx.n8n.runManually(ctx.triggerWf.id, {
					trigger: NODE,
					destinationNode: NODE,
				});
				expect(executionError(execution)).toBeUndefined();
				const items = nodeItems(execution, NODE);
				const expected = newestUnread(await ctx.sandbox.conversations());
				expect(items).toHaveLength(1);
				expect(items?.[0]).toEqual(expectedItems([expected], { simplify: true })[0]);
				expect(await staticState()).toEqual(before);
				expect(await finishedCount()).toBe(countBefore + 1);
				await ctx.n8n.deactivate(ctx.triggerWf.id);
			});
		});

		require('./webhookTrigger')(ctx, line);

		describe('example workflows', () => {
			test('import and resolve our nodes', async () => {
				const examples = loadExamples();
				expect(examples.length).toBeGreaterThanOrEqual(3);
				const known = new Set((await ctx.n8n.nodeTypes()).map((n) => n.name));
				// Placeholder credentials for the other services (never called: activation only polls LinkUp).
				/** @type {Record<string, [string, Record<string, string>]>} node type → [credential type, data] */
				const placeholders = {
					'n8n-nodes-base.slack': ['slackApi', { accessToken: 'xoxb-e2e-placeholder' }],
					'n8n-nodes-base.googleSheets': [
						'googleSheetsOAuth2Api',
						{ clientId: 'e2e-placeholder', clientSecret: 'e2e-placeholder' },
					],
					'@n8n/n8n-nodes-langchain.lmChatOpenAi': ['openAiApi', { apiKey: 'sk-e2e-placeholder' }],
				};
				/** @type {Record<string, Record<string, { id: string, name: string }>>} node type → its credentials */
				const otherCredentials = {};
				for (const [nodeType, [type, data]] of Object.entries(placeholders)) {
					const c = await ctx.n8n.createCredential({ name: `${type} (placeholder)`, type, data });
					otherCredentials[nodeType] = { [type]: { id: c.id, name: c.name } };
				}
				for (const { file, workflow } of examples) {
					for (const node of workflow.nodes) {
						expect([file, node.type, known.has(node.type)]).toEqual([file, node.type, true]);
					}
					const created = await ctx.n8n.createWorkflow(
						wireExample(workflow, {
							credential: ctx.credential,
							accountId: ctx.accountId,
							otherCredentials,
						}),
					);
					const stored = await ctx.n8n.getWorkflowRest(created.id);
					expect(stored.nodes.length).toBe(workflow.nodes.length);
					const ours = stored.nodes.filter(
						(n) => n.type === TYPES.action || n.type === TYPES.trigger || n.type === TYPES.tool,
					);
					expect(ours.length).toBeGreaterThan(0);
					// A trigger example activates: n8n resolved the trigger and its first poll succeeded.
					if (ours.some((n) => n.type === TYPES.trigger)) {
						await ctx.n8n.activate(created.id);
						await ctx.n8n.deactivate(created.id);
					}
					ctx.examples = { ...(ctx.examples || {}), [file]: created.id };
				}
			});

			test('"Daily inbox digest" runs: List Inbox → summary', async () => {
				const id = Object.entries(ctx.examples || {}).find(([file]) => /digest/i.test(file))?.[1];
				if (!id) throw new Error('no "digest" example was imported (see the test before)');
				const stored = await ctx.n8n.getWorkflowRest(id);
				const trigger = stored.nodes.find((n) => /scheduleTrigger/.test(n.type));
				const execution = await ctx.n8n.runManually(id, { trigger: trigger.name });
				expect(executionError(execution)).toBeUndefined();
				const unread = expectedItems(await ctx.sandbox.conversations(), {
					category: 'UNREAD',
					simplify: true,
				});
				const last = execution.data.resultData.lastNodeExecuted;
				const out = nodeItems(execution, last) || [];
				expect(out).toHaveLength(1);
				expect(out[0].unreadConversations).toBe(unread.length);
				expect(out[0].unreadMessages).toBe(unread.reduce((sum, c) => sum + c.unreadCount, 0));
				expect(out[0].digest).toContain(unread[0].participantName);
				ctx.digest = out[0];
			});
		});

		// Issue 9: Get Conversation and Send Message in a workflow (test/e2e/messages.js).
		require('./messages')(ctx);

		if (extra) extra(ctx);

		describe('secrets', () => {
			test('the API keys appear nowhere in execution data or n8n’s log', async () => {
				const executions = await ctx.n8n.executions({ includeData: true });
				expect(executions.length).toBeGreaterThan(10);
				const data = JSON.stringify(executions);
				// The sandbox saw the key on every call: the check is about n8n, not a missing header.
				const requests = await ctx.sandbox.requests();
				expect(requests.some((r) => JSON.stringify(r.headers).includes(ctx.apiKey))).toBe(true);
				const rest = [];
				for (const e of executions.slice(0, 20))
					rest.push(JSON.stringify(await ctx.n8n.executionRest(e.id)));
				const log = ctx.n8nProcess.log();
				expect(log.length).toBeGreaterThan(1000);
				// ctx.secrets: keys other parts added (the AI agent's OpenAI key, test/e2e/agent.js).
				for (const secret of [ctx.apiKey, WRONG_KEY, ...(ctx.secrets || [])]) {
					expect(data.includes(secret)).toBe(false);
					expect(rest.join('\n').includes(secret)).toBe(false);
					expect(log.includes(secret)).toBe(false);
				}
			});
		});
	});

	return ctx;
};
