import { createServer } from 'node:net';
import type { INode, INodeParameters } from 'n8n-workflow';

import { ACTION_TYPE, nodeOf } from './engine';
import {
	SANDBOX_ACCOUNT_ID,
	inCategory,
	toApiConversation,
	type Category,
	type Conversation,
	type Sandbox,
} from '../sandbox';

/** A resource-locator value, as the editor stores the Account parameter. */
export const rl = (value: string, mode: 'list' | 'id' = 'list') => ({ __rl: true, mode, value });

/** A List Inbox node on the sandbox's active account; `parameters` override the defaults. */
export function listInboxNode(
	parameters: Record<string, unknown> = {},
	extra: Partial<INode> = {},
): INode {
	return nodeOf(
		ACTION_TYPE,
		{ operation: 'listInbox', accountId: rl(SANDBOX_ACCOUNT_ID), ...parameters } as INodeParameters,
		extra,
	);
}

/** The sandbox's listing of a category, exactly as the API outputs it, newest first. */
export function apiListing(
	sandbox: Sandbox,
	category: Category = 'INBOX',
	accountId = SANDBOX_ACCOUNT_ID,
): Conversation[] {
	return sandbox.inbox
		.all(accountId)
		.filter((conversation) => inCategory(conversation, category))
		.map(toApiConversation);
}

/** The bodies of the requests the sandbox received, oldest first. */
export const sentBodies = (sandbox: Sandbox) => sandbox.requests.map((request) => request.body);

/** LinkUp's price: 1 credit per started 10 conversations (written out here, not imported). */
export const creditsForRows = (rows: number) => Math.ceil(rows / 10);

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
