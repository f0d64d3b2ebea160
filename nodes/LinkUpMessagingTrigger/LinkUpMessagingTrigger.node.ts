import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { searchAccounts } from '../shared/listSearch/searchAccounts';
import { CREDENTIAL_TYPE } from '../shared/constants';
import { accountIdProperty, simplifyProperty } from '../shared/descriptions';
import { pollInbox } from './pollInbox';

export class LinkUpMessagingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LinkUp Messaging Trigger',
		name: 'linkUpMessagingTrigger',
		icon: { light: 'file:../../icons/linkup.svg', dark: 'file:../../icons/linkup.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New unread conversation',
		description: 'Starts the workflow when a LinkedIn conversation gets a new unread message',
		defaults: { name: 'LinkUp Messaging Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName:
					'Each poll costs LinkUp credits: at least 1 (10 unread conversations are checked per credit). Polling every minute ≈ 1,440 credits a day; every 15 minutes ≈ 96; every hour ≈ 24.',
				name: 'costNotice',
				type: 'notice',
				default: '',
			},
			accountIdProperty,
			simplifyProperty,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing on First Poll',
						name: 'emitExistingOnFirstPoll',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits the conversations that are already unread (by default it only records them)',
					},
					{
						displayName: 'Include Own Last Message',
						name: 'includeOwnLastMessage',
						type: 'boolean',
						default: false,
						description: 'Whether to also emit conversations whose last message was sent by you',
					},
					{
						displayName: 'Include Sponsored',
						name: 'includeSponsored',
						type: 'boolean',
						default: false,
						description: 'Whether to also emit sponsored InMail (conversations of type Sponsored)',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchAccounts } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollInbox.call(this);
	}
}
