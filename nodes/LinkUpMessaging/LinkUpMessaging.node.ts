import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { searchAccounts } from '../shared/accounts';
import { CREDENTIAL_TYPE } from '../shared/constants';
import { BASE_URL_EXPRESSION } from '../shared/baseUrl';
import { listInboxFields, listInboxOperation } from './operations/listInbox';

export class LinkUpMessaging implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LinkUp Messaging',
		name: 'linkUpMessaging',
		icon: { light: 'file:linkup.svg', dark: 'file:linkup.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ {"listInbox": "List Inbox"}[$parameter["operation"]] }}',
		description: 'Read LinkedIn conversations through the LinkUp API',
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
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [listInboxOperation],
				default: 'listInbox',
			},
			...listInboxFields,
		],
	};

	methods = { listSearch: { searchAccounts } };
}
