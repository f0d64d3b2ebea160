import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/constants';
import { accountIdProperty } from '../shared/descriptions';
import { searchAccounts } from '../shared/listSearch/searchAccounts';
import { receiveDelivery } from './receiveDelivery';
import { checkExists, create, remove } from './webhookLifecycle';

export class LinkUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LinkUp Trigger',
		name: 'linkUpTrigger',
		icon: { light: 'file:../../icons/linkup.svg', dark: 'file:../../icons/linkup.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow the moment LinkUp reports a LinkedIn event (webhook)',
		defaults: { name: 'LinkUp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"LinkUp bills about 10 credits a day for each account with a webhook, also while you listen for a test event; deactivating the workflow removes it. LinkUp calls public HTTPS addresses only: set n8n's WEBHOOK_URL if n8n runs behind a proxy.",
				name: 'costNotice',
				type: 'notice',
				default: '',
			},
			{ ...accountIdProperty, description: 'The LinkedIn account connected to LinkUp to watch' },
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['messageReceived'],
				options: [
					{
						name: 'Account Disconnected',
						value: 'accountDisconnected',
						description: 'The LinkedIn session of the account expired: reconnect it in LinkUp',
					},
					{
						name: 'Invitation Accepted',
						value: 'invitationAccepted',
						description: 'Someone accepted a connection invitation you sent',
					},
					{
						name: 'Message Received',
						value: 'messageReceived',
						description: 'A LinkedIn message arrived',
					},
				],
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return a flat item (event, sender, message text, times) instead of the body LinkUp sent',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Include Own Messages',
						name: 'includeOwnMessages',
						type: 'boolean',
						default: false,
						description:
							'Whether to also start the workflow for messages you sent, when LinkUp marks them as yours',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchAccounts } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
