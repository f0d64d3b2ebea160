'use strict';
/** Expectations for the e2e suite, computed from the sandbox's state and our built code (dist/). */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('../../scripts/n8n/config');

/** @param {string} p a path inside dist/ */
const dist = (p) => require(path.join(REPO_ROOT, 'dist', p));

/** The tarball globalSetup packed (build/e2e/tarball.txt). */
function packedTarball() {
	const file = path.join(REPO_ROOT, 'build', 'e2e', 'tarball.txt');
	const tgz = fs.readFileSync(file, 'utf8').trim();
	if (!fs.existsSync(tgz)) throw new Error(`${tgz} is missing: globalSetup did not pack`);
	return tgz;
}

const IN_CATEGORY = {
	INBOX: () => true,
	UNREAD: (c) => Number(c.unread) > 0,
	MY_CONNECTIONS: (c) => c.connection === true,
	INMAIL: (c) => c.type === 'inmail',
	STARRED: (c) => c.starred === true,
};

/**
 * A conversation as the API serves it: the sandbox-only flags removed.
 * @param {Record<string, any>} c
 */
function asServed(c) {
	const { connection, starred, ...rest } = c;
	return rest;
}

/**
 * What List Inbox must output for the sandbox's conversations (already in API order).
 * @param {any[]} conversations
 * @param {{ category?: string, limit?: number, simplify?: boolean }} options
 * @returns {any[]}
 */
function expectedItems(conversations, { category = 'INBOX', limit, simplify }) {
	let list = conversations.filter(IN_CATEGORY[category]).map(asServed);
	if (limit !== undefined) list = list.slice(0, limit);
	if (!simplify) return list;
	const { simplifyConversation } = dist('nodes/shared/simplify.js');
	return list.map((c) => JSON.parse(JSON.stringify(simplifyConversation(c))));
}

/**
 * Our wording for a LinkUp failure (dist/nodes/shared/errors.js).
 * @param {number} statusCode
 * @param {unknown} body
 * @returns {{ message: string, description?: string }}
 */
function expectedFailure(statusCode, body) {
	return dist('nodes/shared/errors.js').describeLinkUpFailure(statusCode, body);
}

/**
 * The conversation "Fetch Test Event" must show: the newest unread one the trigger would emit.
 * @param {any[]} conversations
 * @param {{ includeOwnLastMessage?: boolean, includeSponsored?: boolean }} [options]
 */
function newestUnread(
	conversations,
	{ includeOwnLastMessage = false, includeSponsored = false } = {},
) {
	return conversations.find(
		(c) =>
			Number(c.unread) > 0 &&
			(includeOwnLastMessage || c.last_message?.sender?.is_me !== true) &&
			(includeSponsored || c.type !== 'Sponsored'),
	);
}

/**
 * A stored history message as get_conversation serves it (sandbox-only fields dropped).
 * @param {any} m
 */
const asApiMessage = (m) => ({
	text: m.text,
	timestamp: m.timestamp,
	sender: m.sender,
	sender_info: m.sender_info,
	message_type: m.message_type,
	entity_urn: m.entity_urn,
});

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A workflow's executions, oldest first.
 * @param {import('../../scripts/n8n').N8nClient} n8n
 * @param {string} workflowId
 */
async function executionsOf(n8n, workflowId) {
	return (await n8n.executions({ workflowId })).sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Waits for `count` finished executions of a workflow, then gives n8n a moment to start any extra
 * one (a test that expects exactly `count` must see a second execution if there was one).
 * @param {import('../../scripts/n8n').N8nClient} n8n
 * @param {string} workflowId
 * @param {number} count
 */
async function settledExecutions(n8n, workflowId, count, pauseMs = 2000) {
	await n8n.waitForExecutions(workflowId, count, { timeoutMs: 60000 });
	await sleep(pauseMs);
	return await executionsOf(n8n, workflowId);
}

/** List Inbox variants run in one workflow by every line (limits, Return All across pages, raw, categories). */
const LIST_INBOX_VARIANTS = [
	{ name: 'Limit 5', limit: 5, simplify: true },
	{ name: 'Limit 5 raw', limit: 5, simplify: false },
	{ name: 'Limit 120', limit: 120, simplify: true },
	{ name: 'Return All', returnAll: true, simplify: true },
	{ name: 'Return All raw', returnAll: true, simplify: false },
	{ name: 'Inbox', category: 'INBOX', returnAll: true, simplify: false },
	{ name: 'Unread', category: 'UNREAD', returnAll: true, simplify: false },
	{ name: 'My Connections', category: 'MY_CONNECTIONS', returnAll: true, simplify: true },
	{ name: 'InMail', category: 'INMAIL', returnAll: true, simplify: false },
	{ name: 'Starred', category: 'STARRED', returnAll: true, simplify: true },
];

module.exports = {
	packedTarball,
	expectedItems,
	expectedFailure,
	newestUnread,
	asServed,
	IN_CATEGORY,
	sleep,
	dist,
	asApiMessage,
	executionsOf,
	settledExecutions,
	LIST_INBOX_VARIANTS,
};
