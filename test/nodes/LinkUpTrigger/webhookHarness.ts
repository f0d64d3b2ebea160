import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INodeExecutionData,
	type IWebhookData,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { LinkUpTrigger } from '../../../nodes/LinkUpTrigger/LinkUpTrigger.node';
import {
	additionalDataFor,
	credentialData,
	nodeOf,
	nodeTypes,
	registerNodeType,
	PACKAGE_NAME,
} from '../../helpers/engine';
import { SANDBOX_ACCOUNT_ID, type Sandbox } from '../../sandbox';

export const WEBHOOK_TRIGGER_TYPE = `${PACKAGE_NAME}.linkUpTrigger`;
const trigger = new LinkUpTrigger();
registerNodeType(WEBHOOK_TRIGGER_TYPE, trigger);

type HookMethod = 'checkExists' | 'create' | 'delete';

export interface Answer {
	status: number;
	body: unknown;
}

/**
 * The LinkUp Trigger in a workflow, with a local HTTP server in n8n's place: LinkUp (the
 * sandbox) calls its webhook URL, each call runs the node's webhook() in n8n-core's
 * WebhookContext, and answers as n8n does for `responseMode: onReceived`.
 */
export async function webhookTrigger(
	sandbox: Sandbox,
	parameters: IDataObject = {},
	{ baseUrl = sandbox.url, staticData = {} as IDataObject, port = 0 } = {},
) {
	const node = nodeOf(
		WEBHOOK_TRIGGER_TYPE,
		{
			accountId: { __rl: true, mode: 'list', value: SANDBOX_ACCOUNT_ID },
			events: ['messageReceived'],
			simplify: true,
			options: {},
			...parameters,
		} as never,
		{ webhookId: 'c0ffee00-0000-4000-8000-00000000beef' },
	);
	const workflow = new Workflow({
		id: 'wf-hook',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
	});
	const additionalData = additionalDataFor(credentialData(baseUrl, sandbox.apiKey));
	const executions: INodeExecutionData[][] = [];
	const answers: Answer[] = [];

	const webhookData = (isTest: boolean): IWebhookData => ({
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: trigger.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest,
	});

	async function receive(req: IncomingMessage, raw: Buffer, res: ServerResponse) {
		let answer: Answer = { status: 200, body: { message: 'Workflow was started' } };
		const response = {
			status(code: number) {
				answer = { ...answer, status: code };
				return response;
			},
			json(body: unknown) {
				answer = { ...answer, body };
				return response;
			},
			send(body: unknown) {
				answer = { ...answer, body };
				return response;
			},
		};
		const request = Object.assign(req, { rawBody: raw, body: {}, query: {} });
		const isTest = (req.url ?? '').startsWith('/webhook-test/');
		const context = new WebhookContext(
			workflow,
			node,
			{ ...additionalData, httpRequest: request as never, httpResponse: response as never },
			'webhook',
			webhookData(isTest),
			[],
			null,
		);
		const result: IWebhookResponseData = await trigger.webhook.call(context);
		if (result.workflowData) executions.push(result.workflowData[0]);
		else if (!result.noWebhookResponse)
			answer = {
				status: 200,
				body: result.webhookResponse ?? { message: 'Webhook call received' },
			};
		answers.push(answer);
		res.writeHead(answer.status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(answer.body));
	}

	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			receive(req, Buffer.concat(chunks), res).catch((error: Error) => {
				answers.push({ status: 500, body: error.message });
				res.writeHead(500).end(error.message);
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	additionalData.webhookBaseUrl = `${origin}/webhook`;
	additionalData.webhookTestBaseUrl = `${origin}/webhook-test`;

	return {
		node,
		workflow,
		executions,
		answers,
		/** The URL n8n registers at LinkUp (production, or test for "Listen for test event"). */
		url: (isTest = false) =>
			`${isTest ? additionalData.webhookTestBaseUrl : additionalData.webhookBaseUrl}/${node.webhookId}/webhook`,
		/** Runs a webhook method as n8n does on activation (or on "Listen for test event"). */
		hook: async (method: HookMethod, { isTest = false } = {}) => {
			const context = new HookContext(
				workflow,
				node,
				additionalData,
				isTest ? 'manual' : 'trigger',
				isTest ? 'manual' : 'activate',
				webhookData(isTest),
			);
			return await trigger.webhookMethods.default[method].call(context);
		},
		/** What activation stored (id and secret). */
		stored: () => (workflow.staticData[`node:${node.name}`] ?? {}) as IDataObject,
		/** A POST straight to the webhook URL, as a forger or LinkUp would send it. */
		post: async (body: string, headers: Record<string, string>, isTest = false) => {
			const reply = await fetch(
				`${origin}/${isTest ? 'webhook-test' : 'webhook'}/${node.webhookId}/webhook`,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body,
				},
			);
			return { status: reply.status, body: (await reply.json()) as unknown };
		},
		port: (server.address() as AddressInfo).port,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
