'use strict';
/**
 * Issue 9's AI agent, n8n 2.x: the "AI inbox assistant" example (examples/ai-inbox-assistant.json:
 * n8n's own AI Agent + OpenAI Chat Model + LinkUp Messaging as three tools with $fromAI()
 * parameters) runs in real n8n. Its OpenAI credential's Base URL points at the scripted stub in
 * test/openai-stub, which answers: list the unread inbox → read the conversation with the most
 * unread messages →
 * reply to its participant → a final message, and records every request. The test checks what
 * the stub received (the tools' descriptions, each tool result) against the sandbox.
 * The workflow is the example as shipped, wired to the e2e credentials; the only changes are the
 * model (an id the stub knows) and "Use Responses API" off (the stub speaks Chat Completions).
 */
const { loadExamples, wireExample, executionError, TYPES } = require('../../scripts/n8n');
const { startOpenAiStub, OPENAI_STUB_MODEL } = require('../openai-stub/server');
const { expectedItems, dist, asApiMessage } = require('./helpers');

const EXAMPLE = 'ai-inbox-assistant.json';
const LIST_LIMIT = 10; // the example's List unread conversations: Limit 10
const READ_LIMIT = 10; // the example's Read a conversation: Limit 10
const FINAL = 'I answered the conversation with the most unread messages.';
const OPENAI_KEY = 'sk-openai-stub-e2e-9f2b7c';

/**
 * @param {string} firstName
 */
const replyText = (firstName) =>
	`Thanks for your message, ${firstName}! Happy to set up a call next week.`;

/**
 * The conversation the scripted model answers: of the listed unread conversations with a
 * profile URL, the one with the most unread messages (the first of equals).
 * @param {any[]} items List Inbox's simplified items
 */
function choose(items) {
	const candidates = items.filter((i) => i.participantProfileUrl);
	if (!candidates.length) throw new Error('no listed conversation has a profile URL');
	return candidates.reduce((best, i) =>
		Number(i.unreadCount) > Number(best.unreadCount) ? i : best,
	);
}

/**
 * The tool items a node returned in an execution (tools output on `ai_tool`).
 * @param {any} execution
 * @param {string} nodeName
 * @returns {any[][]} one array of item JSON per call of the tool
 */
function toolRuns(execution, nodeName) {
	const runs = execution?.data?.resultData?.runData?.[nodeName] || [];
	return runs.map((/** @type {any} */ r) =>
		(r.data?.ai_tool?.[0] || []).map((/** @type {any} */ i) => i.json),
	);
}

/** @param {any} ctx the line's shared context (suite.js) */
module.exports = function agentSuite(ctx) {
	describe('AI agent (n8n 2.x): the "AI inbox assistant" example drives LinkUp Messaging as three tools', () => {
		/** @type {import('../openai-stub/server').OpenAiStub} */
		let stub;
		/** @type {Record<string, any>} */
		const seen = {};

		beforeAll(async () => {
			stub = await startOpenAiStub({
				finalContent: FINAL,
				script: [
					({ tool }) => ({ toolCalls: [{ name: tool(/list inbox/i).name, arguments: {} }] }),
					({ tool, toolResults }) => {
						const first = choose(toolResults[0].json);
						return {
							toolCalls: [
								{
									name: tool(/conversation's messages/i).name,
									arguments: { conversationId: first.conversationId },
								},
							],
						};
					},
					({ tool, toolResults }) => {
						const first = choose(toolResults[0].json);
						const name = String(first.participantName || 'there').split(' ')[0];
						return {
							toolCalls: [
								{
									name: tool(/send a message/i).name,
									arguments: { profileUrl: first.participantProfileUrl, text: replyText(name) },
								},
							],
						};
					},
					() => ({ content: FINAL }),
				],
			});
			const openAi = await ctx.n8n.createCredential({
				name: 'OpenAI (stub)',
				type: 'openAiApi',
				data: { apiKey: OPENAI_KEY, url: stub.baseUrl },
			});
			ctx.secrets = [...(ctx.secrets || []), OPENAI_KEY]; // the suite's secrets test: never in execution data or n8n's log
			const example = loadExamples().find((e) => e.file === EXAMPLE);
			if (!example) throw new Error(`examples/${EXAMPLE} is missing`);
			const workflow = wireExample(example.workflow, {
				credential: ctx.credential,
				accountId: ctx.accountId,
				otherCredentials: {
					'@n8n/n8n-nodes-langchain.lmChatOpenAi': {
						openAiApi: { id: openAi.id, name: openAi.name },
					},
				},
			});
			const model = workflow.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi');
			if (!model) throw new Error(`examples/${EXAMPLE} has no OpenAI Chat Model`);
			model.parameters = {
				...model.parameters,
				model: { __rl: true, mode: 'id', value: OPENAI_STUB_MODEL },
				responsesApiEnabled: false,
			};
			seen.workflow = workflow;
			seen.trigger = workflow.nodes.find((n) => n.type === TYPES.manual)?.name;
			seen.tools = Object.fromEntries(
				workflow.nodes
					.filter((n) => n.type === TYPES.tool)
					.map((n) => [n.parameters.operation, n.name]),
			);

			// The sandbox before the run: what the tools must return.
			const conversations = await ctx.sandbox.conversations();
			seen.unread = expectedItems(conversations, {
				category: 'UNREAD',
				limit: LIST_LIMIT,
				simplify: true,
			});
			const first = choose(seen.unread);
			seen.first = first;
			seen.conversationBefore = conversations.find(
				(c) => c.conversation_id === first.conversationId,
			);
			seen.historyBefore = await ctx.sandbox.messages(first.conversationId);

			const created = await ctx.n8n.createWorkflow(workflow);
			await ctx.sandbox.clearRequests();
			const before = await ctx.sandbox.creditsConsumed();
			const started = Date.now();
			seen.execution = await ctx.n8n.runManually(created.id, {
				trigger: String(seen.trigger),
				timeoutMs: 120000,
			});
			seen.ms = Date.now() - started;
			seen.billed = (await ctx.sandbox.creditsConsumed()) - before;
			seen.requests = (await ctx.sandbox.requests()).filter((r) => r.path === '/v2/messages');
			seen.chat = stub.chatRequests();
		}, 180000);

		afterAll(async () => {
			if (seen.chat) {
				const calls = seen.chat.map((/** @type {any} */ r, /** @type {number} */ i) => {
					const a = r.answer;
					const what = !a
						? `error ${r.error || r.status}`
						: 'toolCalls' in a
							? a.toolCalls
									.map((/** @type {any} */ c) => `${c.name}(${JSON.stringify(c.arguments)})`)
									.join(', ')
							: `final: ${JSON.stringify(a.content)}`;
					return `  ${i + 1}. ${r.body?.messages?.length} messages in, ${r.body?.tools?.length ?? 0} tools → ${what}`;
				});
				const credits = ['list_inbox', 'get_conversation', 'send'].map(
					(action) =>
						`${action} ${seen.requests.filter((/** @type {any} */ r) => r.body?.action === action).reduce((s, /** @type {any} */ r) => s + r.creditsConsumed, 0)}`,
				);
				const tools = (seen.chat[0]?.body?.tools || []).map(
					(/** @type {any} */ t) => `  tool ${t.function.name}: "${t.function.description}"`,
				);
				const results = seen.chat[seen.chat.length - 1]?.body?.messages
					?.filter((/** @type {any} */ m) => m.role === 'tool')
					.map((/** @type {any} */ m) => {
						let n = '?';
						try {
							n = String(JSON.parse(m.content).length);
						} catch {}
						return `${n} item(s)`;
					});
				process.stdout.write(
					`[e2e] AI agent run (${seen.ms} ms): the stub saw\n${tools.join('\n')}\n${calls.join('\n')}\n  tool results received: ${(results || []).join(', ')}\n  credits billed: ${seen.billed} (${credits.join(', ')})\n`,
				);
			}
			if (stub) await stub.close();
		});

		test('the run succeeds and the agent gives the model’s final answer', () => {
			expect(executionError(seen.execution)).toBeUndefined();
			expect(seen.execution.status).toBe('success');
			const out = seen.execution.data.resultData.runData['AI Agent']?.[0]?.data?.main?.[0] || [];
			expect(out.map((/** @type {any} */ i) => i.json.output)).toEqual([FINAL]);
		});

		test('the model was offered three tools whose descriptions tell them apart', () => {
			const first = seen.chat[0].body;
			const tools = (first.tools || []).map((/** @type {any} */ t) => ({
				name: t.function.name,
				description: t.function.description,
			}));
			expect(tools.map((/** @type {any} */ t) => t.name).sort()).toEqual(
				Object.values(seen.tools)
					.map((n) => n.replace(/[^a-zA-Z0-9_-]+/g, '_'))
					.sort(),
			);
			const descriptions = tools.map((/** @type {any} */ t) => t.description);
			expect(new Set(descriptions).size).toBe(3);
			// Worded from each operation's `action` (the node has a resource parameter).
			const { LinkUpMessaging } = dist('nodes/LinkUpMessaging/LinkUpMessaging.node.js');
			const operations = new LinkUpMessaging().description.properties.find(
				(/** @type {any} */ p) => p.name === 'operation',
			).options;
			for (const op of operations) {
				const tool = tools.find(
					(/** @type {any} */ t) =>
						t.name === seen.tools[op.value].replace(/[^a-zA-Z0-9_-]+/g, '_'),
				);
				expect(tool.description.toLowerCase()).toContain(op.action.toLowerCase());
			}
			// $fromAI parameters become the tools' arguments.
			const schema = (/** @type {string} */ op) =>
				first.tools.find(
					(/** @type {any} */ t) =>
						t.function.name === seen.tools[op].replace(/[^a-zA-Z0-9_-]+/g, '_'),
				).function.parameters;
			expect(Object.keys(schema('listInbox').properties || {})).toEqual([]);
			expect(schema('getConversation').required).toEqual(['conversationId']);
			expect([...schema('sendMessage').required].sort()).toEqual(['profileUrl', 'text']);
		});

		test('the agent listed the unread inbox, read one conversation, sent one reply (the stub’s script, in order)', () => {
			expect(seen.chat).toHaveLength(4);
			expect(seen.chat.every((/** @type {any} */ r) => r.status === 200)).toBe(true);
			const called = seen.chat.flatMap((/** @type {any} */ r) =>
				'toolCalls' in r.answer ? r.answer.toolCalls.map((/** @type {any} */ c) => c.name) : [],
			);
			const tool = (/** @type {string} */ op) => seen.tools[op].replace(/[^a-zA-Z0-9_-]+/g, '_');
			expect(called).toEqual([tool('listInbox'), tool('getConversation'), tool('sendMessage')]);
			// What reached the sandbox: one list (Unread), one read of that conversation, one send to that person.
			expect(seen.requests.map((/** @type {any} */ r) => [r.body.action, r.status])).toEqual([
				['list_inbox', 200],
				['get_conversation', 200],
				['send', 200],
			]);
			expect(seen.requests[0].body.params).toMatchObject({ category: 'UNREAD', count: LIST_LIMIT });
			expect(seen.requests[1].body.params).toMatchObject({
				conversation_id: seen.first.conversationId,
			});
			expect(seen.requests[2].body.params).toEqual({
				profile_url: seen.first.participantProfileUrl,
				message_text: replyText(seen.first.participantName.split(' ')[0]),
			});
		});

		test('each tool result the model received holds our items, as the sandbox holds them', () => {
			const last = seen.chat[seen.chat.length - 1].body;
			/** @type {Record<string, string>} tool call id → tool name */
			const names = {};
			for (const m of last.messages)
				for (const c of m.tool_calls || []) names[c.id] = c.function.name;
			const results = last.messages
				.filter((/** @type {any} */ m) => m.role === 'tool')
				.map((/** @type {any} */ m) => ({
					name: names[m.tool_call_id],
					items: JSON.parse(m.content),
				}));
			const tool = (/** @type {string} */ op) => seen.tools[op].replace(/[^a-zA-Z0-9_-]+/g, '_');
			expect(results.map((/** @type {any} */ r) => r.name)).toEqual([
				tool('listInbox'),
				tool('getConversation'),
				tool('sendMessage'),
			]);
			const [listed, read, sent] = results.map((/** @type {any} */ r) => r.items);
			// List Inbox: the unread conversations, exactly List Inbox's simplified items.
			expect(listed).toEqual(seen.unread);
			// Get Conversation: the conversation's messages as they were before the reply.
			const { conversationContext, simplifyMessage } = dist('nodes/shared/simplifyMessage.js');
			const context = conversationContext(
				{
					unread_count: seen.conversationBefore.unread,
					total_message_count: seen.historyBefore.length,
				},
				seen.first.conversationId,
			);
			const expectedRead = seen.historyBefore
				.slice(0, READ_LIMIT)
				.map((/** @type {any} */ m) =>
					JSON.parse(JSON.stringify(simplifyMessage(asApiMessage(m), context))),
				);
			expect(read).toEqual(expectedRead);
			// Send Message: the sent message, as the sandbox stored it.
			expect(sent).toHaveLength(1);
			expect(sent[0]).toMatchObject({
				conversationId: seen.first.conversationId,
				profileUrl: seen.first.participantProfileUrl,
			});
			seen.sent = sent[0];
			// The tool nodes' own output in the execution is what the model got.
			expect(toolRuns(seen.execution, seen.tools.listInbox)).toEqual([listed]);
			expect(toolRuns(seen.execution, seen.tools.getConversation)).toEqual([read]);
			expect(toolRuns(seen.execution, seen.tools.sendMessage)).toEqual([sent]);
		});

		test('the sandbox shows the reply: on top of the thread and of the inbox, as our own message', async () => {
			const history = await ctx.sandbox.messages(seen.first.conversationId);
			expect(history).toHaveLength(seen.historyBefore.length + 1);
			expect(history[0]).toMatchObject({
				from_me: true,
				text: replyText(seen.first.participantName.split(' ')[0]),
				entity_urn: seen.sent.messageId,
			});
			expect(seen.sent.deliveredAt).toBe(new Date(history[0].timestamp).toISOString());
			const [top] = await ctx.sandbox.conversations();
			expect(top.conversation_id).toBe(seen.first.conversationId);
			expect(top.last_message.sender.is_me).toBe(true);
			expect(Number(top.unread)).toBe(0);
			// Credits: list 1 (≤ 10 conversations), read 1 (≤ 10 messages), send 1 (text).
			expect(seen.billed).toBe(
				Math.ceil(seen.unread.length / 10) +
					Math.ceil(Math.min(READ_LIMIT, seen.historyBefore.length) / 10) +
					1,
			);
		});
	});
};
