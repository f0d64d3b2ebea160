import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { LinkUpMessaging } from '../../nodes/LinkUpMessaging/LinkUpMessaging.node';
import { TestCredentialsHelper } from './credentials';

export const PACKAGE_NAME = 'n8n-nodes-linkup-messaging';
export const ACTION_TYPE = `${PACKAGE_NAME}.linkUpMessaging`;

const nodeTypesByName: Record<string, INodeType> = {
	[ACTION_TYPE]: new LinkUpMessaging(),
};

export function registerNodeType(name: string, nodeType: INodeType): void {
	nodeTypesByName[name] = nodeType;
}

export const nodeTypes: INodeTypes = {
	getByName: (name) => nodeTypesByName[name],
	getByNameAndVersion: (name) => nodeTypesByName[name],
	getKnownTypes: () => ({}),
} as INodeTypes;

export function credentialData(baseUrl: string, apiKey: string): ICredentialDataDecryptedObject {
	return { apiKey, baseUrl };
}

export function additionalDataFor(
	credentials: ICredentialDataDecryptedObject,
): IWorkflowExecuteAdditionalData {
	// A plain object: a deep mock would reroute HTTP requests to n8n's eval-mock path.
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function nodeOf(
	type: string,
	parameters: INodeParameters,
	extra: Partial<INode> = {},
): INode {
	return {
		id: 'b3f0c1de-0000-4000-8000-000000000001',
		name: 'LinkUp',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { linkUpLinkedInApi: { id: 'cred-1', name: 'LinkUp account' } },
		...extra,
	};
}

export interface ActionRun {
	items: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string | null };
	run: IRun;
}

/** How to run a node: the mode, its input items (one empty item by default) and workflow settings. */
export interface RunOptions {
	mode?: WorkflowExecuteMode;
	items?: INodeExecutionData[];
	settings?: IWorkflowSettings;
}

/** Runs one node through n8n-core's WorkflowExecute, as n8n runs a workflow. */
export async function runNode(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	{ mode = 'manual', items = [{ json: {} }], settings = {} }: RunOptions = {},
): Promise<ActionRun> {
	const workflowSettings = { executionOrder: 'v1' as const, ...settings };
	const workflow = new Workflow({
		id: 'wf-1',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: workflowSettings,
	});
	const additionalData = additionalDataFor(credentials);
	const hooks = new ExecutionLifecycleHooks(mode, 'exec-1', {
		id: 'wf-1',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: workflowSettings,
	} as never);
	let finished: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finished = run;
	});
	additionalData.hooks = hooks;
	const data = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	const result = await new WorkflowExecute(additionalData, mode, data).processRunExecutionData(
		workflow,
	);
	const run = finished ?? result;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const output = taskData?.data?.main?.[0] ?? [];
	const error = (run.data.resultData.error ?? taskData?.error) as ActionRun['error'];
	return { items: output, error, run };
}

/** Runs a listSearch method the way the editor's Account picker does. */
export async function listSearch(
	nodeType: INodeType,
	method: string,
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
	paginationToken?: string,
) {
	const node = nodeOf(ACTION_TYPE, {});
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalDataFor(credentials),
		'accountId',
	);
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`no listSearch method ${method}`);
	return await search.call(context, filter, paginationToken);
}

/** A poller bound to one workflow whose static data lives on across polls, like n8n's. */
export function pollerFor(
	nodeType: INodeType,
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	staticData: IDataObject = {},
	pollBudgetMs?: number,
) {
	const workflow = new Workflow({
		id: 'wf-poll',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
	});
	const additionalData = additionalDataFor(credentials);
	return {
		workflow,
		poll: async (mode: 'trigger' | 'manual' = 'trigger') => {
			const activation = mode === 'manual' ? 'manual' : 'activate';
			// n8n 2.x gives each poll a time budget (5 min by default); undefined keeps the default.
			const budget = pollBudgetMs === undefined ? undefined : () => pollBudgetMs;
			const context = new PollContext(
				workflow,
				node,
				additionalData,
				mode,
				activation,
				undefined,
				undefined,
				undefined,
				undefined,
				undefined,
				budget,
			);
			return await nodeType.poll!.call(context);
		},
		/** The static data as n8n would persist and reload it. */
		saved: () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}
