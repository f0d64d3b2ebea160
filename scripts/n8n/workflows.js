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
	manual: 'n8n-nodes-base.manualTrigger',
	httpRequest: 'n8n-nodes-base.httpRequest',
	webhook: 'n8n-nodes-base.webhook',
};
const CREDENTIAL_TYPE = 'linkUpLinkedInApi';
const NEVER = '0 0 1 1 *'; // Poll Times "custom" that never fires during a test: every poll is one we cause.

const account = (accountId) => ({ __rl: true, mode: 'id', value: accountId });
const credRef = (credential) => ({ [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } });

/** One List Inbox node. params: { category, returnAll, limit, simplify }. */
function listInboxNode({ name, credential, accountId, position = [400, 0], category = 'INBOX', returnAll = false, limit = 50, simplify = true }) {
	const parameters = { operation: 'listInbox', accountId: account(accountId), category, returnAll, simplify };
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

/** Manual Trigger → one List Inbox node per variant (all in parallel, one execution). */
function listInboxWorkflow({ name = 'List Inbox variants', credential, accountId, variants }) {
	const trigger = { id: 'n-manual', name: 'Manual Trigger', type: TYPES.manual, typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = [trigger];
	variants.forEach((v, i) => nodes.push(listInboxNode({ credential, accountId, position: [400, i * 160], ...v })));
	return {
		name,
		nodes,
		connections: {
			[trigger.name]: { main: [nodes.slice(1).map((n) => ({ node: n.name, type: 'main', index: 0 }))] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The polling trigger alone, polled only when the test activates the workflow. */
function triggerNode({ name = 'LinkUp Messaging Trigger', credential, accountId, simplify = true, options = {}, cron = NEVER, position = [0, 0] }) {
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

function triggerWorkflow({ name = 'LinkUp trigger', ...opts }) {
	return { name, nodes: [triggerNode(opts)], connections: {}, settings: { executionOrder: 'v1' } };
}

/**
 * Both nodes on one canvas, set up as a user would (account picked from the list, every
 * trigger option shown): for the editor screenshots.
 */
function bothNodesWorkflow({ name = 'LinkUp nodes', credential, accountId, accountName = 'Ada Lovelace' }) {
	const picked = { __rl: true, mode: 'list', value: accountId, cachedResultName: accountName };
	const trigger = triggerNode({
		credential,
		accountId,
		cron: '0 */15 * * * *',
		options: { includeOwnLastMessage: false, includeSponsored: false, emitExistingOnFirstPoll: false },
		position: [0, 0],
	});
	trigger.parameters.pollTimes = { item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] };
	trigger.parameters.accountId = picked;
	const action = listInboxNode({ name: 'LinkUp Messaging', credential, accountId, position: [320, 0], category: 'UNREAD', limit: 10 });
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
 */
function benchWorkflows({ credential, accountId, baseUrl, count = 100 }) {
	const manual = (id) => ({ id, name: 'Manual Trigger', type: TYPES.manual, typeVersion: 1, position: [0, 0], parameters: {} });
	const node = listInboxNode({ name: 'List Inbox', credential, accountId, limit: count, simplify: false, position: [300, 0] });
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
			jsonBody: JSON.stringify({ account_id: accountId, action: 'list_inbox', params: { count, category: 'INBOX' } }),
			options: {},
		},
		credentials: credRef(credential),
	};
	const wf = (name, trigger, target) => ({
		name,
		nodes: [trigger, target],
		connections: { [trigger.name]: { main: [[{ node: target.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	return { listInbox: wf('Bench: List Inbox', manual('n-m1'), node), httpRequest: wf('Bench: HTTP Request', manual('n-m2'), http) };
}

/** The example workflows shipped in examples/ (parsed), by file name. */
function loadExamples(dir = path.join(REPO_ROOT, 'examples')) {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

/**
 * An example wired to a real credential and account: every node of ours gets `credential`
 * and, when its Account is empty, `accountId` (mode "id"). Other nodes get `otherCredentials`
 * of their type when given (n8n 2.x refuses to activate a workflow with a credential missing).
 */
function wireExample(workflow, { credential, accountId, otherCredentials = {} }) {
	const wf = JSON.parse(JSON.stringify(workflow));
	for (const node of wf.nodes) {
		// otherCredentials: { '<node type>': { <credential type>: { id, name } } } for nodes not ours.
		if (otherCredentials[node.type] && !node.credentials) node.credentials = otherCredentials[node.type];
		if (node.type !== TYPES.action && node.type !== TYPES.trigger) continue;
		node.credentials = credRef(credential);
		const acc = node.parameters.accountId;
		if (accountId && (!acc || !acc.value)) node.parameters.accountId = account(accountId);
	}
	return { name: wf.name, nodes: wf.nodes, connections: wf.connections || {}, settings: wf.settings || { executionOrder: 'v1' } };
}

module.exports = {
	TYPES,
	CREDENTIAL_TYPE,
	NEVER,
	listInboxNode,
	listInboxWorkflow,
	triggerNode,
	triggerWorkflow,
	bothNodesWorkflow,
	benchWorkflows,
	loadExamples,
	wireExample,
};
