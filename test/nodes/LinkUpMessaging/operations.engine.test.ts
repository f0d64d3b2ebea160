// The node as a whole now that it has three operations: the resource parameter, how n8n words
// each AI tool, and workflows stored before Get Conversation and Send Message existed.
import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { LinkUpMessaging } from '../../../nodes/LinkUpMessaging/LinkUpMessaging.node';
import { ACTION_TYPE, credentialData, nodeOf, runNode } from '../../helpers/engine';
import { apiListing, rl } from '../../helpers/listInbox';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';
import { simplifyConversation } from '../../../nodes/shared/simplify';

const { description } = new LinkUpMessaging();
const property = (name: string) =>
	description.properties.find((p) => p.name === name) as INodeProperties;
const operations = () => property('operation').options as INodePropertyOptions[];

/** The parameters n8n stores for a node added with these values (defaults filled in, as the editor does). */
function stored(
	parameters: INodeParameters,
	type: INodeTypeDescription = description,
): INodeParameters {
	const node = { parameters } as INode;
	return NodeHelpers.getNodeParameters(type.properties, parameters, true, false, node, type) ?? {};
}

/** The tool description n8n 2.x gives the model for a node set to Tool Description: Set Automatically. */
function toolDescription(operation: string, type: INodeTypeDescription = description): string {
	const parameters = { ...stored({ operation }, type), descriptionType: 'auto' };
	return NodeHelpers.getToolDescriptionForNode(
		{ parameters } as unknown as INode,
		{ description: type } as never,
	) as string;
}

describe('LinkUp Messaging description', () => {
	it('has a Resource (one option, Message) before Operation, both without expressions', () => {
		const names = description.properties.map((p) => p.name);
		expect(names.slice(0, 2)).toEqual(['resource', 'operation']);
		expect(property('resource')).toMatchObject({
			type: 'options',
			noDataExpression: true,
			default: 'message',
			options: [{ name: 'Message', value: 'message' }],
		});
		expect(property('operation')).toMatchObject({
			noDataExpression: true,
			default: 'listInbox',
			displayOptions: { show: { resource: ['message'] } },
		});
	});

	it('offers the three operations under their stored names, each with its own action and description', () => {
		expect(operations().map((o) => [o.value, o.name, o.action])).toEqual([
			['getConversation', 'Get Conversation', "Get a conversation's messages"],
			['listInbox', 'List Inbox', 'List inbox conversations'],
			['sendMessage', 'Send Message', 'Send a message'],
		]);
		expect(new Set(operations().map((o) => o.description)).size).toBe(3);
	});

	it('the subtitle names each operation', () => {
		for (const { value, name } of operations())
			expect(description.subtitle).toContain(`"${value}": "${name}"`);
	});

	it('Send Message warns that it is not idempotent and states its price', () => {
		const notice = description.properties.find(
			(p) => p.type === 'notice' && p.displayOptions?.show?.operation?.includes('sendMessage'),
		);
		expect(notice?.displayName).toContain('Not idempotent: Retry On Fail');
		expect(notice?.displayName).toContain('1 LinkUp credit, 2 with media');
	});
});

describe('LinkUp Messaging as AI Agent tools (n8n 2.x automatic tool descriptions)', () => {
	it('each operation gets its own description, worded from its action', () => {
		expect(operations().map((o) => toolDescription(o.value as string))).toEqual([
			"Get a conversation's messages in LinkUp Messaging",
			'List inbox conversations in LinkUp Messaging',
			'Send a message in LinkUp Messaging',
		]);
	});

	it('(why the resource exists) without it, every tool would get the node’s own description', () => {
		const withoutResource: INodeTypeDescription = {
			...description,
			properties: description.properties
				.filter((p) => p.name !== 'resource')
				.map((p) => (p.name === 'operation' ? { ...p, displayOptions: undefined } : p)),
		};
		expect(
			new Set(operations().map((o) => toolDescription(o.value as string, withoutResource))),
		).toEqual(new Set([description.description]));
	});
});

describe('Workflows stored before the resource parameter existed', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ inbox: realisticInbox(2, 8) });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	it.each([
		[
			'{ operation: "listInbox", … } without resource',
			{ operation: 'listInbox', accountId: rl(SANDBOX_ACCOUNT_ID), limit: 3 },
		],
		['no operation and no resource at all', { accountId: rl(SANDBOX_ACCOUNT_ID), limit: 3 }],
	])('%s still runs List Inbox', async (_label, parameters) => {
		expect(parameters).not.toHaveProperty('resource');
		const { items, error } = await runNode(
			nodeOf(ACTION_TYPE, parameters),
			credentialData(sandbox.url, sandbox.apiKey),
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.body)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'list_inbox',
				params: { category: 'INBOX', count: 3 },
			},
		]);
		expect(items.map((i) => i.json)).toEqual(
			apiListing(sandbox).slice(0, 3).map(simplifyConversation),
		);
	});

	it('n8n fills in resource "message" for them, so the operation stays shown', () => {
		expect(stored({ operation: 'listInbox' })).toMatchObject({
			resource: 'message',
			operation: 'listInbox',
		});
	});
});
