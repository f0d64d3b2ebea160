'use strict';
/**
 * Issue 9 in each n8n line: Get Conversation and Send Message run in real n8n against the
 * sandbox, and their items equal the sandbox's state (GET /__sandbox/messages, /__sandbox/state);
 * a sent message does not wake the polling trigger. Every run is measured: the credits the
 * sandbox billed per operation are printed at the end (and kept in `ctx.credits`).
 * Called by suite.js with the line's shared context (server, sandbox, credential).
 */
const {
	messageNode,
	getConversationParameters,
	sendMessageParameters,
	manualWorkflow,
	listInboxNode,
	triggerWorkflow,
	nodeItems,
	executionError,
} = require('../../scripts/n8n');
const { expectedItems, expectedFailure, sleep, dist, asApiMessage } = require('./helpers');

/** A 1×1 PNG, the file Send Message attaches from binary data. */
const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const NEW_CONTACT = 'https://www.linkedin.com/in/grace-e2e-hopper-5c0ffee1';

/**
 * What Get Conversation must output for a sandbox history (newest first).
 * @param {any[]} history          GET /__sandbox/messages
 * @param {{ unread: number }} conversation  the conversation as the sandbox holds it
 * @param {{ limit?: number, simplify: boolean, requestedId?: string }} options  requestedId: By ID's value
 */
function expectedMessages(history, conversation, { limit, simplify, requestedId }) {
	let list = history.map(asApiMessage);
	if (limit !== undefined) list = list.slice(0, limit);
	if (!simplify) return list;
	const { conversationContext, simplifyMessage } = dist('nodes/shared/simplifyMessage.js');
	const context = conversationContext(
		{ unread_count: conversation.unread, total_message_count: history.length },
		requestedId,
	);
	return list.map((m) => JSON.parse(JSON.stringify(simplifyMessage(m, context))));
}

/**
 * A node's items with their error (Continue On Fail puts `{ json: {}, error }` on the item).
 * @param {any} execution
 * @param {string} nodeName
 * @returns {{ json: any, error?: any }[]}
 */
function fullItems(execution, nodeName) {
	return execution?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] || [];
}

/** @param {{ json: any, error?: any }} item  the error message an item carries, if any */
const itemError = (item) => item.error?.message ?? item.json?.error ?? item.json?.message;

/** @param {any} ctx the line's shared context (suite.js) */
module.exports = function messagesSuite(ctx) {
	describe('Get Conversation and Send Message in a workflow', () => {
		/** @type {{ operation: string, variant: string, requests: number, credits: number }[]} */
		const credits = [];
		/** @type {Record<string, any>} */
		const picked = {};

		/**
		 * Creates and runs a workflow; returns the execution, the /v2/messages requests it made
		 * and the credits the sandbox billed meanwhile.
		 * @param {ReturnType<typeof manualWorkflow>} workflow
		 */
		const run = async (workflow) => {
			const wf = await ctx.n8n.createWorkflow(workflow);
			await ctx.sandbox.clearRequests();
			const before = await ctx.sandbox.creditsConsumed();
			const execution = await ctx.n8n.runManually(wf.id, { trigger: 'Manual Trigger' });
			const billed = (await ctx.sandbox.creditsConsumed()) - before;
			const requests = (await ctx.sandbox.requests()).filter((r) => r.path === '/v2/messages');
			expect(requests.reduce((sum, r) => sum + (r.creditsConsumed || 0), 0)).toBe(billed);
			return { execution, requests, billed };
		};
		/**
		 * @param {string} operation
		 * @param {string} variant
		 * @param {any[]} requests
		 * @param {string} action  the requests' `action`
		 */
		const measure = (operation, variant, requests, action) => {
			const mine = requests.filter((r) => r.body?.action === action);
			const sum = mine.reduce((s, r) => s + (r.creditsConsumed || 0), 0);
			credits.push({ operation, variant, requests: mine.length, credits: sum });
			return sum;
		};
		/** @param {string} name @param {Record<string, any>} parameters @param {Record<string, unknown>} [extra] */
		const node = (name, parameters, extra) =>
			messageNode({
				name,
				credential: ctx.credential,
				accountId: ctx.accountId,
				parameters,
				extra,
			});

		/**
		 * The first three conversations of `category` as List Inbox outputs them, and a List Inbox
		 * node named "List Inbox" that lists exactly those.
		 * @param {string} category
		 */
		const firstThree = async (category) => {
			const expected = expectedItems(await ctx.sandbox.conversations(), {
				category,
				limit: 3,
				simplify: true,
			});
			expect(expected).toHaveLength(3);
			const list = listInboxNode({
				name: 'List Inbox',
				credential: ctx.credential,
				accountId: ctx.accountId,
				category,
				limit: 3,
			});
			return { expected, list };
		};

		beforeAll(async () => {
			const conversations = await ctx.sandbox.conversations();
			const withUrl = conversations.filter(
				(c) => c.type === 'normal' && c.participant?.profile_url,
			);
			const sameUrl = (/** @type {any} */ c) =>
				withUrl.filter(
					(o) =>
						o.participant.profile_url.toLowerCase() === c.participant.profile_url.toLowerCase(),
				).length === 1;
			// The longest history among the first conversations (one person, one conversation).
			let best;
			for (const c of withUrl.filter(sameUrl).slice(0, 25)) {
				const history = await ctx.sandbox.messages(c.conversation_id);
				if (!best || history.length > best.history.length) best = { conversation: c, history };
			}
			if (!best || best.history.length < 4)
				throw new Error('the sandbox has no conversation with 4+ messages');
			picked.long = best;
			// Recipients of Send Message: unread conversations with someone else (so the trigger
			// test can tell "turned read by our send" from "turned unread").
			const others = withUrl.filter(
				(c) =>
					sameUrl(c) &&
					c.conversation_id !== best.conversation.conversation_id &&
					Number(c.unread) > 0,
			);
			if (others.length < 2)
				throw new Error('the sandbox has too few unread conversations to send to');
			[picked.text, picked.media] = others;
		});

		afterAll(() => {
			if (!credits.length) return;
			const width = Math.max(...credits.map((c) => `${c.operation} — ${c.variant}`.length));
			const lines = credits.map(
				(c) =>
					`  ${`${c.operation} — ${c.variant}`.padEnd(width)}  ${String(c.requests).padStart(2)} request(s)  ${c.credits} credit(s)`,
			);
			process.stdout.write(
				`[e2e] n8n line ${ctx.stack?.line}: LinkUp credits per operation, measured at the sandbox\n${lines.join('\n')}\n`,
			);
			ctx.credits = [...(ctx.credits || []), ...credits];
		});

		describe('Get Conversation', () => {
			test('By ID, mapped from List Inbox’s conversationId (Starred, Limit 3 → 3 conversations, Return All)', async () => {
				// Starred: conversations of the seed, with histories (the newest unread ones are the trigger tests' one-message threads).
				const { expected: unread, list } = await firstThree('STARRED');
				const get = node(
					'Get Conversation',
					getConversationParameters({ value: '={{ $json.conversationId }}', returnAll: true }),
				);
				const { execution, requests } = await run(
					manualWorkflow({
						name: 'Get Conversation: by ID from List Inbox',
						nodes: [list, get],
						edges: [
							['Manual Trigger', 'List Inbox'],
							['List Inbox', 'Get Conversation'],
						],
					}),
				);
				expect(executionError(execution)).toBeUndefined();
				const expected = [];
				const state = await ctx.sandbox.conversations();
				for (const item of unread) {
					const conversation = state.find((c) => c.conversation_id === item.conversationId);
					const history = await ctx.sandbox.messages(item.conversationId);
					expected.push(
						...expectedMessages(history, conversation, {
							simplify: true,
							requestedId: item.conversationId,
						}),
					);
				}
				expect(expected.length).toBeGreaterThan(3);
				expect(nodeItems(execution, 'Get Conversation')).toEqual(expected);
				const gets = requests.filter((r) => r.body?.action === 'get_conversation');
				// One request per item; n8n makes an item's requests concurrently, so they arrive in any order.
				expect(gets.map((r) => r.body.params.conversation_id).sort()).toEqual(
					unread.map((u) => u.conversationId).sort(),
				);
				measure('List Inbox', 'Starred, Limit 3', requests, 'list_inbox');
				measure(
					'Get Conversation',
					`By ID ×3, Return All (${expected.length} messages)`,
					requests,
					'get_conversation',
				);
			});

			/** @type {[string, (long: any) => Parameters<typeof getConversationParameters>[0], (long: any) => { limit?: number, simplify: boolean, requestedId?: string }][]} */
			const variants = [
				[
					'By Profile URL',
					(l) => ({ mode: 'url', value: l.conversation.participant.profile_url }),
					() => ({ simplify: true }),
				],
				[
					'By ID, Limit 3',
					(l) => ({ value: l.conversation.conversation_id, limit: 3 }),
					(l) => ({ limit: 3, simplify: true, requestedId: l.conversation.conversation_id }),
				],
				[
					'By ID, Return All',
					(l) => ({ value: l.conversation.conversation_id, returnAll: true }),
					(l) => ({ simplify: true, requestedId: l.conversation.conversation_id }),
				],
				[
					'By ID, Return All, Simplify off',
					(l) => ({ value: l.conversation.conversation_id, returnAll: true, simplify: false }),
					() => ({ simplify: false }),
				],
			];
			test.each(variants)(
				'%s: items equal the sandbox’s history',
				async (variant, params, expectation) => {
					const { execution, requests } = await run(
						manualWorkflow({
							name: `Get Conversation: ${variant}`,
							nodes: [node('Get Conversation', getConversationParameters(params(picked.long)))],
						}),
					);
					expect(executionError(execution)).toBeUndefined();
					const conversation = (await ctx.sandbox.conversations()).find(
						(c) => c.conversation_id === picked.long.conversation.conversation_id,
					);
					const history = await ctx.sandbox.messages(conversation.conversation_id);
					const expected = expectedMessages(history, conversation, expectation(picked.long));
					expect(expected.length).toBeGreaterThanOrEqual(3);
					expect(nodeItems(execution, 'Get Conversation')).toEqual(expected);
					const billed = measure(
						'Get Conversation',
						`${variant} (${expected.length} messages)`,
						requests,
						'get_conversation',
					);
					expect(billed).toBe(Math.ceil(expected.length / 10));
				},
			);

			test('Return All with 2-message pages follows every cursor (nothing lost, nothing twice)', async () => {
				const id = picked.long.conversation.conversation_id;
				await ctx.sandbox.config({ maxPageSize: 2 });
				try {
					const { execution, requests } = await run(
						manualWorkflow({
							name: 'Get Conversation: short pages',
							nodes: [
								node('Get Conversation', getConversationParameters({ value: id, returnAll: true })),
							],
						}),
					);
					expect(executionError(execution)).toBeUndefined();
					const conversation = (await ctx.sandbox.conversations()).find(
						(c) => c.conversation_id === id,
					);
					const history = await ctx.sandbox.messages(id);
					expect(nodeItems(execution, 'Get Conversation')).toEqual(
						expectedMessages(history, conversation, { simplify: true, requestedId: id }),
					);
					const gets = requests.filter((r) => r.body?.action === 'get_conversation');
					expect(gets).toHaveLength(Math.ceil(history.length / 2));
					measure(
						'Get Conversation',
						`By ID, Return All, 2 per page (${history.length} messages)`,
						requests,
						'get_conversation',
					);
				} finally {
					await ctx.sandbox.config({ maxPageSize: 100 });
				}
			});
		});

		describe('Send Message', () => {
			/**
			 * The sandbox's side of one sent message: it tops the thread as the account's own
			 * message and the conversation tops the inbox with it as last message, read.
			 * @param {any} out  Send Message's output item
			 * @param {string} text
			 */
			const expectSent = async (out, text) => {
				const history = await ctx.sandbox.messages(out.conversationId);
				const [newest] = history;
				expect(newest).toMatchObject({ text, from_me: true, entity_urn: out.messageId });
				expect(out.deliveredAt).toBe(new Date(newest.timestamp).toISOString());
				const [top] = await ctx.sandbox.conversations();
				expect(top.conversation_id).toBe(out.conversationId);
				expect(top.last_message).toMatchObject({ text });
				expect(top.last_message.sender.is_me).toBe(true);
				expect(Number(top.unread)).toBe(0);
				return newest;
			};

			test('text: one message, in the thread and on top of the inbox as our own last message', async () => {
				const to = picked.text;
				const text = 'Thanks for reaching out 👋\nHappy to talk next week — Ada';
				const { execution, requests } = await run(
					manualWorkflow({
						name: 'Send Message: text',
						nodes: [
							node(
								'Send Message',
								sendMessageParameters({ profileUrl: to.participant.profile_url, text }),
							),
						],
					}),
				);
				expect(executionError(execution)).toBeUndefined();
				const out = nodeItems(execution, 'Send Message');
				expect(out).toHaveLength(1);
				expect(out?.[0]).toEqual({
					messageId: expect.stringMatching(/^urn:li:/),
					conversationId: to.conversation_id,
					deliveredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
					profileUrl: to.participant.profile_url,
				});
				const sent = await expectSent(out?.[0], text);
				expect(sent.media ?? null).toBeNull();
				expect(requests).toHaveLength(1);
				expect(requests[0].body.params).toEqual({
					profile_url: to.participant.profile_url,
					message_text: text,
				});
				expect(measure('Send Message', 'text', requests, 'send')).toBe(1);
			});

			test('a media URL: sent as media_link, kept with the message', async () => {
				const to = picked.media;
				const mediaUrl = 'https://example.com/e2e/brochure.pdf';
				const text = 'Here is the brochure we talked about.';
				const { execution, requests } = await run(
					manualWorkflow({
						name: 'Send Message: media URL',
						nodes: [
							node(
								'Send Message',
								sendMessageParameters({ profileUrl: to.participant.profile_url, text, mediaUrl }),
							),
						],
					}),
				);
				expect(executionError(execution)).toBeUndefined();
				const out = nodeItems(execution, 'Send Message') || [];
				expect(out).toHaveLength(1);
				expect(out[0].conversationId).toBe(to.conversation_id);
				const sent = await expectSent(out[0], text);
				expect(sent.media).toEqual({ kind: 'link', link: mediaUrl });
				expect(requests.map((r) => r.body.params.media_link)).toEqual([mediaUrl]);
				expect(measure('Send Message', 'media URL', requests, 'send')).toBe(2);
			});

			test('a binary file from a previous node (Convert to File): sent as media_file, to a new contact', async () => {
				const text = 'Nice to meet you, Grace! Our logo is attached.';
				/** @type {any[]} */
				const nodes = [
					{
						id: 'n-set',
						name: 'File as Base64',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						position: [200, 0],
						parameters: {
							mode: 'manual',
							assignments: {
								assignments: [{ id: 'a1', name: 'fileBase64', type: 'string', value: PNG_BASE64 }],
							},
							options: {},
						},
					},
					{
						id: 'n-file',
						name: 'Convert to File',
						type: 'n8n-nodes-base.convertToFile',
						typeVersion: 1.1,
						position: [400, 0],
						parameters: {
							operation: 'toBinary',
							sourceProperty: 'fileBase64',
							binaryPropertyName: 'data',
							options: { fileName: 'logo.png', mimeType: 'image/png' },
						},
					},
					node(
						'Send Message',
						sendMessageParameters({ profileUrl: NEW_CONTACT, text, binaryPropertyName: 'data' }),
					),
				];
				const { execution, requests } = await run(
					manualWorkflow({
						name: 'Send Message: binary',
						nodes,
						edges: [
							['Manual Trigger', 'File as Base64'],
							['File as Base64', 'Convert to File'],
							['Convert to File', 'Send Message'],
						],
					}),
				);
				expect(executionError(execution)).toBeUndefined();
				const out = nodeItems(execution, 'Send Message') || [];
				expect(out).toHaveLength(1);
				expect(out[0].profileUrl).toBe(NEW_CONTACT);
				const sent = await expectSent(out[0], text);
				expect(sent.media).toEqual({
					kind: 'file',
					filename: 'logo.png',
					bytes: Buffer.from(PNG_BASE64, 'base64').length,
				});
				expect(requests).toHaveLength(1);
				expect(requests[0].body.params.media_file).toEqual({
					data: PNG_BASE64,
					filename: 'logo.png',
				});
				const [top] = await ctx.sandbox.conversations();
				expect(top.participant.profile_url).toBe(NEW_CONTACT);
				expect(await ctx.sandbox.messages(top.conversation_id)).toHaveLength(1);
				expect(measure('Send Message', 'binary file (new conversation)', requests, 'send')).toBe(2);
			});

			test('Continue On Fail: a bad profile URL (no request) and a LinkUp error become error items, the next item is sent', async () => {
				const { expected: unread, list } = await firstThree('UNREAD');
				const send = node(
					'Send Message',
					sendMessageParameters({
						profileUrl:
							"={{ $itemIndex === 0 ? 'https://example.com/not-a-linkedin-profile' : $json.participantProfileUrl }}",
						text: '={{ "Thanks for your message, " + $json.participantName + "!" }}',
					}),
					{ onError: 'continueRegularOutput' },
				);
				const before = await Promise.all(
					unread
						.slice(0, 2)
						.map(async (u) => (await ctx.sandbox.messages(u.conversationId)).length),
				);
				// The List Inbox request passes (skip 1); the first send (item 1) gets the fault.
				await ctx.sandbox.fault('INSUFFICIENT_CREDITS', { skip: 1, times: 1 });
				let result;
				try {
					result = await run(
						manualWorkflow({
							name: 'Send Message: Continue On Fail',
							nodes: [list, send],
							edges: [
								['Manual Trigger', 'List Inbox'],
								['List Inbox', 'Send Message'],
							],
						}),
					);
				} finally {
					await ctx.sandbox.clearFaults();
				}
				const { execution, requests } = result;
				expect(executionError(execution)).toBeUndefined();
				expect(execution.status).toBe('success');
				const items = fullItems(execution, 'Send Message');
				expect(items).toHaveLength(3);
				// Item 0: refused before any request, with a message that names the fix.
				expect(itemError(items[0])).toMatch(/profile URL/i);
				// Item 1: LinkUp's 402, in our words; not retried.
				expect(itemError(items[1])).toBe(
					expectedFailure(402, { error: { code: 'INSUFFICIENT_CREDITS' } }).message,
				);
				// Item 2: sent.
				expect(items[2].error).toBeUndefined();
				expect(items[2].json).toMatchObject({
					conversationId: unread[2].conversationId,
					profileUrl: unread[2].participantProfileUrl,
				});
				await expectSent(items[2].json, `Thanks for your message, ${unread[2].participantName}!`);
				const sends = requests.filter((r) => r.body?.action === 'send');
				expect(sends.map((r) => [r.body.params.profile_url, r.status])).toEqual([
					[unread[1].participantProfileUrl, 402],
					[unread[2].participantProfileUrl, 200],
				]);
				// Nothing reached the first two conversations.
				const after = await Promise.all(
					unread
						.slice(0, 2)
						.map(async (u) => (await ctx.sandbox.messages(u.conversationId)).length),
				);
				expect(after).toEqual(before);
				expect(measure('Send Message', '3 items: bad URL, 402, sent', requests, 'send')).toBe(1);
			});
		});

		test('the polling trigger does not fire for a message we sent (and still fires for one we receive)', async () => {
			const wf = await ctx.n8n.createWorkflow(
				triggerWorkflow({
					name: 'Trigger vs Send Message',
					credential: ctx.credential,
					accountId: ctx.accountId,
				}),
			);
			const count = async () =>
				(await ctx.n8n.executions({ workflowId: wf.id, includeData: false })).length;
			await ctx.n8n.activate(wf.id); // seeds: emits nothing
			await sleep(1000);
			expect(await count()).toBe(0);
			// An unread conversation with someone (its last message theirs): our reply turns it read.
			const all = await ctx.sandbox.conversations();
			const to = all.find(
				(c) =>
					Number(c.unread) > 0 &&
					c.type === 'normal' &&
					c.last_message?.sender?.is_me !== true &&
					c.participant?.profile_url &&
					all.filter(
						(o) =>
							o.participant?.profile_url?.toLowerCase() === c.participant.profile_url.toLowerCase(),
					).length === 1,
			);
			expect(to).toBeDefined();
			const { execution } = await run(
				manualWorkflow({
					name: 'Send Message: while the trigger is active',
					nodes: [
						node(
							'Reply',
							sendMessageParameters({
								profileUrl: to.participant.profile_url,
								text: 'Replying while the trigger watches',
							}),
						),
						node(
							'New contact',
							sendMessageParameters({
								profileUrl: 'https://www.linkedin.com/in/alan-e2e-turing-0a1b2c3d',
								text: 'Hello Alan, a first message',
							}),
						),
					],
				}),
			);
			expect(executionError(execution)).toBeUndefined();
			await ctx.n8n.pollNow(wf.id);
			await sleep(1500);
			expect(await count()).toBe(0);
			// The poll did run: a message that arrives now is emitted by the next one.
			const incoming = await ctx.sandbox.message({
				conversationId: to.conversation_id,
				text: 'Thanks for the reply!',
			});
			await ctx.n8n.pollNow(wf.id);
			const [emitted] = await ctx.n8n.waitForExecutions(wf.id, 1);
			expect(
				(nodeItems(emitted, 'LinkUp Messaging Trigger') || []).map((i) => i.conversationId),
			).toEqual([incoming.conversation_id]);
			await ctx.n8n.deactivate(wf.id);
		});
	});
};
