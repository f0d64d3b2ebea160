import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { searchAccounts } from '../shared/listSearch/searchAccounts';
import { CREDENTIAL_TYPE } from '../shared/constants';
import { BASE_URL_EXPRESSION } from '../shared/baseUrl';
import { getConversationFields, getConversationOperation } from './operations/getConversation';
import { listInboxFields, listInboxOperation } from './operations/listInbox';
import { sendMessageFields, sendMessageOperation } from './operations/sendMessage';

export class LinkUpMessaging implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LinkUp Messaging',
		name: 'linkUpMessaging',
		icon: { light: 'file:../../icons/linkup.svg', dark: 'file:../../icons/linkup.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"listInbox": "List Inbox", "getConversation": "Get Conversation", "sendMessage": "Send Message"}[$parameter["operation"]] }}',
		description: 'Read and send LinkedIn messages through the LinkUp API',
		defaults: { name: 'LinkUp Messaging' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			{
				// One resource: n8n 2.x words each AI tool from its operation's `action` only when a
				// node has a resource parameter. Its default keeps workflows stored without it working.
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['message'] } },
				options: [getConversationOperation, listInboxOperation, sendMessageOperation],
				default: 'listInbox',
			},
			...listInboxFields,
			...getConversationFields,
			...sendMessageFields,
		],
	};

	methods = { listSearch: { searchAccounts } };
}
