'use strict';
/**
 * Workflow JSON for the e2e suite, the bench and the demo. Node types as n8n resolves them for
 * a community package: `<package name>.<node name>`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { PACKAGE_NAME, REPO_ROOT } = require('./config');

const TYPES = {
	action: `${PACKAGE_NAME}.linkUpMessaging`,
	trigger: `${PACKAGE_NAME}.linkUpMessagingTrigger`,
	webhookTrigger: `${PACKAGE_NAME}.linkUpTrigger`,
	/** The AI tool variant n8n registers for a `usableAsTool` node. */
	tool: `${PACKAGE_NAME}.linkUpMessagingTool`,
	manual: 'n8n-nodes-base.manualTrigger',
	httpRequest: 'n8n-nodes-base.httpRequest',
	webhook: 'n8n-nodes-base.webhook',
};
const CREDENTIAL_TYPE = 'linkUpLinkedInApi';
const NEVER = '0 0 1 1 *'; // Poll Times "custom" that never fires during a test: every poll is one we cause.

/**
 * A node as n8n stores it in a workflow.
 * @typedef {object} WorkflowNode
 * @property {string} [id]
 * @property {string} name
 * @property {string} type
 * @property {number} typeVersion
 * @property {number[]} position
 * @property {Record<string, any>} parameters
 * @property {Record<string, { id: string, name: string }>} [credentials] by credential type
 */

/**
 * A workflow as the public API creates it.
 * @typedef {object} Workflow
 * @property {string} name
 * @property {WorkflowNode[]} nodes
 * @property {Record<string, any>} connections
 * @property {Record<string, any>} settings
 */

/** @typedef {{ id: string, name: string }} CredentialRef  a stored credential (N8nClient.createCredential) */

/** @param {string} accountId */
const account = (accountId) => ({ __rl: true, mode: 'id', value: accountId });
/** @param {CredentialRef} credential */
const credRef = (credential) => ({
	[CREDENTIAL_TYPE]: { id: credential.id, name: credential.name },
});

/**
 * @typedef {object} ListInboxNodeOptions
 * @property {string} name
 * @property {CredentialRef} credential
 * @property {string} accountId
 * @property {number[]} [position]
 * @property {string} [category]   INBOX (default), UNREAD, MY_CONNECTIONS, INMAIL, STARRED
 * @property {boolean} [returnAll]
 * @property {number} [limit]      when not returnAll (default 50)
 * @property {boolean} [simplify]  default true
 */

/**
 * One List Inbox node.
 * @param {ListInboxNodeOptions} options
 * @returns {WorkflowNode}
 */
function listInboxNode({
	name,
	credential,
	accountId,
	position = [400, 0],
	category = 'INBOX',
	returnAll = false,
	limit = 50,
	simplify = true,
}) {
	/** @type {Record<string, any>} */
	const parameters = {
		operation: 'listInbox',
		accountId: account(accountId),
		category,
		returnAll,
		simplify,
	};
	if (!returnAll) parameters.limit = limit;
	return {
		id: `n-${name.replace(/[^a-z0-9]/gi, '').toLowerCase()}`.slice(0, 36),
		name,
		type: TYPES.action,
		typeVersion: 1,
		position,
		parameters,
		credentials: credRef(credential),
	};
}

/**
 * Manual Trigger → one List Inbox node per variant (all in parallel, one execution).
 * @param {{ name?: string, credential: CredentialRef, accountId: string, variants: (Partial<ListInboxNodeOptions> & { name: string })[] }} options
 * @returns {Workflow}
 */
function listInboxWorkflow({ name = 'List Inbox variants', credential, accountId, variants }) {
	return manualWorkflow({
		name,
		nodes: variants.map((v, i) =>
			listInboxNode({ credential, accountId, position: [400, i * 160], ...v }),
		),
	});
}

/**
 * A LinkUp Messaging node (resource Message) with any operation's parameters, `accountId` set.
 * @param {{ name: string, credential: CredentialRef, accountId: string, parameters: Record<string, any>, position?: number[], extra?: Partial<WorkflowNode> & Record<string, unknown> }} options
 *   extra: more node fields, e.g. `{ onError: 'continueRegularOutput' }`
 * @returns {WorkflowNode}
 */
function messageNode({ name, credential, accountId, parameters, position = [400, 0], extra = {} }) {
	return {
		id: `n-${name.replace(/[^a-z0-9]/gi, '').toLowerCase()}`.slice(0, 36),
		name,
		type: TYPES.action,
		typeVersion: 1,
		position,
		parameters: { resource: 'message', accountId: account(accountId), ...parameters },
		credentials: credRef(credential),
		...extra,
	};
}

/**
 * Get Conversation's parameters.
 * @param {{ mode?: 'id' | 'url', value: string, returnAll?: boolean, limit?: number, simplify?: boolean }} options
 */
function getConversationParameters({
	mode = 'id',
	value,
	returnAll = false,
	limit = 50,
	simplify = true,
}) {
	/** @type {Record<string, any>} */
	const parameters = {
		operation: 'getConversation',
		conversation: { __rl: true, mode, value },
		returnAll,
		simplify,
	};
	if (!returnAll) parameters.limit = limit;
	return parameters;
}

/**
 * Send Message's parameters.
 * @param {{ profileUrl: string, text: string, mediaUrl?: string, binaryPropertyName?: string }} options
 */
function sendMessageParameters({ profileUrl, text, mediaUrl, binaryPropertyName }) {
	/** @type {Record<string, string>} */
	const options = {};
	if (mediaUrl !== undefined) options.mediaUrl = mediaUrl;
	if (binaryPropertyName !== undefined) options.binaryPropertyName = binaryPropertyName;
	return { operation: 'sendMessage', profileUrl, text, options };
}

/**
 * Manual Trigger → the given nodes, wired by `edges` ([from, to] names; 'Manual Trigger' is the
 * trigger). Without edges every node hangs off the trigger (in parallel, one execution).
 * @param {{ name: string, nodes: WorkflowNode[], edges?: [string, string][] }} options
 * @returns {Workflow}
 */
function manualWorkflow({ name, nodes, edges }) {
	/** @type {WorkflowNode} */
	const trigger = {
		id: 'n-manual',
		name: 'Manual Trigger',
		type: TYPES.manual,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const pairs = edges || nodes.map((n) => /** @type {[string, string]} */ ([trigger.name, n.name]));
	/** @type {Record<string, { main: { node: string, type: string, index: number }[][] }>} */
	const connections = {};
	for (const [from, to] of pairs) {
		connections[from] = connections[from] || { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return { name, nodes: [trigger, ...nodes], connections, settings: { executionOrder: 'v1' } };
}

/**
 * @typedef {object} TriggerNodeOptions
 * @property {string} [name]
 * @property {CredentialRef} credential
 * @property {string} accountId
 * @property {boolean} [simplify]           default true
 * @property {Record<string, unknown>} [options] the trigger's Options
 * @property {string} [cron]                Poll Times "custom" (default NEVER)
 * @property {number[]} [position]
 */

/**
 * The polling trigger alone, polled only when the test activates the workflow.
 * @param {TriggerNodeOptions} options
 * @returns {WorkflowNode}
 */
function triggerNode({
	name = 'LinkUp Messaging Trigger',
	credential,
	accountId,
	simplify = true,
	options = {},
	cron = NEVER,
	position = [0, 0],
}) {
	return {
		id: 'n-trigger',
		name,
		type: TYPES.trigger,
		typeVersion: 1,
		position,
		parameters: {
			pollTimes: { item: [{ mode: 'custom', cronExpression: cron }] },
			accountId: account(accountId),
			simplify,
			options,
		},
		credentials: credRef(credential),
	};
}

/**
 * A workflow with the trigger alone.
 * @param {TriggerNodeOptions} options `name` is the workflow's (default 'LinkUp trigger'), the node's is its default
 * @returns {Workflow}
 */
function triggerWorkflow({ name = 'LinkUp trigger', ...opts }) {
	return { name, nodes: [triggerNode(opts)], connections: {}, settings: { executionOrder: 'v1' } };
}

/**
 * The LinkUp Trigger (webhook) alone. `webhookId` makes its URL `<WEBHOOK_URL>webhook/<webhookId>/webhook`.
 * @param {{ name?: string, credential: CredentialRef, accountId: string, webhookId: string, events?: string[], simplify?: boolean, position?: [number, number] }} options
 * @returns {Workflow}
 */
function webhookTriggerWorkflow({
	name = 'LinkUp instant trigger',
	credential,
	accountId,
	webhookId,
	events = ['messageReceived'],
	simplify = true,
	position = [0, 0],
}) {
	const node = {
		id: 'n-webhook-trigger',
		name: 'LinkUp Trigger',
		type: TYPES.webhookTrigger,
		typeVersion: 1,
		position,
		webhookId,
		parameters: { accountId: account(accountId), events, simplify, options: {} },
		credentials: credRef(credential),
	};
	return { name, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

/**
 * Both nodes on one canvas, set up as a user would (account picked from the list, every
 * trigger option shown): for the editor screenshots.
 * @param {{ name?: string, credential: CredentialRef, accountId: string, accountName?: string }} options
 * @returns {Workflow}
 */
function bothNodesWorkflow({
	name = 'LinkUp nodes',
	credential,
	accountId,
	accountName = 'Ada Lovelace',
}) {
	const picked = { __rl: true, mode: 'list', value: accountId, cachedResultName: accountName };
	const trigger = triggerNode({
		credential,
		accountId,
		cron: '0 */15 * * * *',
		options: {
			includeOwnLastMessage: false,
			includeSponsored: false,
			emitExistingOnFirstPoll: false,
		},
		position: [0, 0],
	});
	trigger.parameters.pollTimes = { item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] };
	trigger.parameters.accountId = picked;
	const action = listInboxNode({
		name: 'LinkUp Messaging',
		credential,
		accountId,
		position: [320, 0],
		category: 'UNREAD',
		limit: 10,
	});
	action.parameters.accountId = picked;
	return {
		name,
		nodes: [trigger, action],
		connections: { [trigger.name]: { main: [[{ node: action.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * For the bench: Manual Trigger → List Inbox (Limit `count`, raw) and, separately, Manual
 * Trigger → HTTP Request making the same call with the same credential (predefined type).
 * @param {{ credential: CredentialRef, accountId: string, baseUrl: string, count?: number }} options
 * @returns {{ listInbox: Workflow, httpRequest: Workflow }}
 */
function benchWorkflows({ credential, accountId, baseUrl, count = 100 }) {
	/** @type {(id: string) => WorkflowNode} */
	const manual = (id) => ({
		id,
		name: 'Manual Trigger',
		type: TYPES.manual,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	});
	const node = listInboxNode({
		name: 'List Inbox',
		credential,
		accountId,
		limit: count,
		simplify: false,
		position: [300, 0],
	});
	/** @type {WorkflowNode} */
	const http = {
		id: 'n-http',
		name: 'HTTP Request',
		type: TYPES.httpRequest,
		typeVersion: 4.2,
		position: [300, 0],
		parameters: {
			method: 'POST',
			url: `${baseUrl.replace(/\/+$/, '')}/v2/messages`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: CREDENTIAL_TYPE,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: JSON.stringify({
				account_id: accountId,
				action: 'list_inbox',
				params: { count, category: 'INBOX' },
			}),
			options: {},
		},
		credentials: credRef(credential),
	};
	/** @type {(name: string, trigger: WorkflowNode, target: WorkflowNode) => Workflow} */
	const wf = (name, trigger, target) => ({
		name,
		nodes: [trigger, target],
		connections: { [trigger.name]: { main: [[{ node: target.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	return {
		listInbox: wf('Bench: List Inbox', manual('n-m1'), node),
		httpRequest: wf('Bench: HTTP Request', manual('n-m2'), http),
	};
}

/**
 * The example workflows shipped in examples/ (parsed), by file name.
 * @param {string} [dir]
 * @returns {{ file: string, workflow: Workflow }[]}
 */
function loadExamples(dir = path.join(REPO_ROOT, 'examples')) {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

/**
 * An example wired to a real credential and account: every node of ours (action, trigger, AI tool) gets `credential`
 * and, when its Account is empty, `accountId` (mode "id"). Other nodes get `otherCredentials`
 * of their type when given (n8n 2.x refuses to activate a workflow with a credential missing).
 * @param {Workflow} workflow
 * @param {{ credential: CredentialRef, accountId?: string, otherCredentials?: Record<string, NonNullable<WorkflowNode['credentials']>> }} options
 *   otherCredentials: { '<node type>': { <credential type>: { id, name } } } for nodes not ours
 * @returns {Workflow}
 */
function wireExample(workflow, { credential, accountId, otherCredentials = {} }) {
	/** @type {Workflow} */
	const wf = JSON.parse(JSON.stringify(workflow));
	for (const node of wf.nodes) {
		// otherCredentials: { '<node type>': { <credential type>: { id, name } } } for nodes not ours.
		if (otherCredentials[node.type] && !node.credentials)
			node.credentials = otherCredentials[node.type];
		if (node.type !== TYPES.action && node.type !== TYPES.trigger && node.type !== TYPES.tool)
			continue;
		node.credentials = credRef(credential);
		const acc = node.parameters.accountId;
		if (accountId && (!acc || !acc.value)) node.parameters.accountId = account(accountId);
	}
	return {
		name: wf.name,
		nodes: wf.nodes,
		connections: wf.connections || {},
		settings: wf.settings || { executionOrder: 'v1' },
	};
}

module.exports = {
	webhookTriggerWorkflow,
	TYPES,
	CREDENTIAL_TYPE,
	NEVER,
	listInboxNode,
	listInboxWorkflow,
	messageNode,
	getConversationParameters,
	sendMessageParameters,
	manualWorkflow,
	triggerNode,
	triggerWorkflow,
	bothNodesWorkflow,
	benchWorkflows,
	loadExamples,
	wireExample,
};
