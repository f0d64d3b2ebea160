'use strict';
/**
 * A scripted OpenAI-compatible server for the AI agent e2e test: what n8n's OpenAI Chat Model
 * node (LangChain's ChatOpenAI, Chat Completions API) calls, on 127.0.0.1 and a free port.
 * Plain Node `http`, no dependencies.
 *
 *   const stub = await startOpenAiStub({ script: [step1, step2, …] });
 *   // OpenAI credential: { apiKey: 'sk-…', url: stub.baseUrl }   (baseUrl = `${url}/v1`)
 *   … run the workflow …
 *   stub.requests   // every request received: { method, path, headers, body, at }
 *   await stub.close();
 *
 * Routes: `POST /v1/chat/completions` (JSON or `stream: true` server-sent events),
 * `GET /v1/models` (one model, for the credential Test and the model list). Anything else is a
 * 404 (recorded too).
 *
 * The script is stateless per request: the step answered is the number of assistant turns
 * already in `messages` (a retried request gets the same answer). A step returns tool calls
 * (`{ toolCalls: [{ name, arguments }] }`) or a final answer (`{ content }`); after the last step
 * the stub answers `finalContent`. A step that throws answers 500 with the message (recorded as
 * `error`), so a test sees why the script could not go on.
 *
 * CLI (a hand-run stub that only answers `finalContent`): `node test/openai-stub/server.js`.
 */
const http = require('node:http');

/**
 * A tool as the request's `tools[]` describes it.
 * @typedef {{ name: string, description: string, parameters: any }} StubTool
 */
/**
 * A tool result (`role: 'tool'` message) in a request, its content parsed as JSON when it is JSON.
 * @typedef {{ toolCallId: string, name: string | undefined, content: string, json: any }} ToolResult
 */
/**
 * What a step sees.
 * @typedef {object} StepInput
 * @property {any} body                 the request body
 * @property {StubTool[]} tools         the tools offered (function tools only)
 * @property {ToolResult[]} toolResults every tool result so far, oldest first
 * @property {(match: RegExp | string) => StubTool} tool  the one tool whose name or description matches (throws otherwise)
 */
/** @typedef {{ name: string, arguments: Record<string, unknown> }} StubToolCall */
/** @typedef {{ toolCalls: StubToolCall[] } | { content: string }} StepOutput */
/** @typedef {(input: StepInput) => StepOutput} Step */
/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {any} body     parsed JSON (or the raw text)
 * @property {number} status
 * @property {string} [error]
 * @property {StepOutput} [answer]
 * @property {string} at    ISO time
 */
/**
 * @typedef {object} OpenAiStub
 * @property {string} url       `http://127.0.0.1:<port>`
 * @property {string} baseUrl   `${url}/v1`: the OpenAI credential's Base URL
 * @property {RecordedRequest[]} requests
 * @property {() => RecordedRequest[]} chatRequests  the POST /v1/chat/completions ones
 * @property {(script: Step[]) => void} setScript
 * @property {() => void} clear  forgets the recorded requests
 * @property {() => Promise<void>} close
 */

const MODEL = 'gpt-stub-1';

/**
 * @param {any} body
 * @returns {StubTool[]}
 */
function toolsOf(body) {
	return (Array.isArray(body?.tools) ? body.tools : [])
		.filter((/** @type {any} */ t) => t && t.type === 'function' && t.function)
		.map((/** @type {any} */ t) => ({
			name: t.function.name,
			description: t.function.description || '',
			parameters: t.function.parameters,
		}));
}

/**
 * @param {any} body
 * @returns {ToolResult[]}
 */
function toolResultsOf(body) {
	const messages = Array.isArray(body?.messages) ? body.messages : [];
	/** @type {Record<string, string>} tool call id → tool name */
	const names = {};
	for (const m of messages) {
		for (const c of (m && m.role === 'assistant' && m.tool_calls) || [])
			names[c.id] = c.function?.name;
	}
	return messages
		.filter((/** @type {any} */ m) => m && m.role === 'tool')
		.map((/** @type {any} */ m) => {
			const content = typeof m.content === 'string' ? m.content : JSON.stringify(m.content);
			let json;
			try {
				json = JSON.parse(content);
			} catch {
				json = undefined;
			}
			return { toolCallId: m.tool_call_id, name: names[m.tool_call_id], content, json };
		});
}

/**
 * The assistant turns already taken: which step answers this request.
 * @param {any} body
 */
function turnOf(body) {
	const messages = Array.isArray(body?.messages) ? body.messages : [];
	return messages.filter((/** @type {any} */ m) => m && m.role === 'assistant').length;
}

let callSeq = 0;

/**
 * The chat.completion (or its chunks) for a step's answer.
 * @param {StepOutput} answer
 * @param {string} model
 */
function completion(answer, model) {
	const id = `chatcmpl-stub-${Date.now()}-${++callSeq}`;
	const created = Math.floor(Date.now() / 1000);
	const toolCalls =
		'toolCalls' in answer
			? answer.toolCalls.map((c) => ({
					id: `call_stub_${++callSeq}`,
					type: 'function',
					function: { name: c.name, arguments: JSON.stringify(c.arguments || {}) },
				}))
			: undefined;
	const message = toolCalls
		? { role: 'assistant', content: null, tool_calls: toolCalls }
		: { role: 'assistant', content: /** @type {{ content: string }} */ (answer).content };
	const finishReason = toolCalls ? 'tool_calls' : 'stop';
	const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
	return { id, created, model, message, toolCalls, finishReason, usage };
}

/**
 * @param {{ script?: Step[], port?: number, finalContent?: string, model?: string }} [options]
 * @returns {Promise<OpenAiStub>}
 */
async function startOpenAiStub({
	script = [],
	port = 0,
	finalContent = 'Done.',
	model = MODEL,
} = {}) {
	/** @type {RecordedRequest[]} */
	const requests = [];
	let steps = script;

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				body = text;
			}
			const path = (req.url || '/').split('?')[0];
			/** @type {RecordedRequest} */
			const record = {
				method: req.method || 'GET',
				path,
				headers: req.headers,
				body,
				status: 200,
				at: new Date().toISOString(),
			};
			requests.push(record);
			/** @type {(status: number, json: unknown) => void} */
			const reply = (status, json) => {
				record.status = status;
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(json));
			};

			if (req.method === 'GET' && /^\/(v1\/)?models\/?$/.test(path)) {
				return reply(200, {
					object: 'list',
					data: [{ id: model, object: 'model', created: 1700000000, owned_by: 'openai-stub' }],
				});
			}
			if (req.method !== 'POST' || !/^\/(v1\/)?chat\/completions$/.test(path)) {
				return reply(404, {
					error: {
						message: `openai-stub: no route ${req.method} ${path}`,
						type: 'invalid_request_error',
					},
				});
			}

			/** @type {StepOutput} */
			let answer;
			try {
				const tools = toolsOf(body);
				const step = steps[turnOf(body)];
				/** @type {StepInput} */
				const input = {
					body,
					tools,
					toolResults: toolResultsOf(body),
					tool: (match) => {
						const test = (/** @type {string} */ s) =>
							typeof match === 'string' ? s === match : match.test(s);
						const found = tools.filter((t) => test(t.name) || test(t.description));
						if (found.length !== 1) {
							throw new Error(
								`openai-stub: ${found.length} tools match ${match} among ${tools.map((t) => t.name).join(', ')}`,
							);
						}
						return found[0];
					},
				};
				answer = step ? step(input) : { content: finalContent };
			} catch (err) {
				record.error = err instanceof Error ? err.message : String(err);
				return reply(500, { error: { message: record.error, type: 'server_error' } });
			}
			record.answer = answer;
			const c = completion(answer, body?.model || model);

			if (!body?.stream) {
				return reply(200, {
					id: c.id,
					object: 'chat.completion',
					created: c.created,
					model: c.model,
					choices: [
						{ index: 0, message: c.message, logprobs: null, finish_reason: c.finishReason },
					],
					usage: c.usage,
					system_fingerprint: 'fp_openai_stub',
				});
			}
			// stream: true — one delta with everything, the finish, usage when asked, [DONE].
			res.writeHead(200, {
				'content-type': 'text/event-stream',
				'cache-control': 'no-cache',
				connection: 'keep-alive',
			});
			/** @type {(choices: unknown[], extra?: Record<string, unknown>) => void} */
			const chunk = (choices, extra = {}) => {
				res.write(
					`data: ${JSON.stringify({ id: c.id, object: 'chat.completion.chunk', created: c.created, model: c.model, choices, ...extra })}\n\n`,
				);
			};
			const delta = c.toolCalls
				? {
						role: 'assistant',
						content: null,
						tool_calls: c.toolCalls.map((t, index) => ({ index, ...t })),
					}
				: { role: 'assistant', content: c.message.content };
			chunk([{ index: 0, delta, logprobs: null, finish_reason: null }]);
			chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: c.finishReason }]);
			if (body?.stream_options?.include_usage) chunk([], { usage: c.usage });
			res.end('data: [DONE]\n\n');
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const address = server.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
	return {
		url,
		baseUrl: `${url}/v1`,
		requests,
		chatRequests: () =>
			requests.filter((r) => r.method === 'POST' && /chat\/completions$/.test(r.path)),
		setScript: (s) => {
			steps = s;
		},
		clear: () => {
			requests.length = 0;
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startOpenAiStub, toolsOf, toolResultsOf, OPENAI_STUB_MODEL: MODEL };

if (require.main === module) {
	startOpenAiStub({ port: Number(process.env.PORT || 0) }).then((stub) => {
		process.stdout.write(`${JSON.stringify({ url: stub.url, baseUrl: stub.baseUrl })}\n`);
		const stop = () => stub.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
