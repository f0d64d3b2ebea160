import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyProperty } from '../../shared/descriptions';
import { fetchInboxPages, validateListInboxRequest } from '../routing/listInbox';
import { accountField, messagesActionRouting } from './messagesAction';

const showForListInbox = { show: { operation: ['listInbox'] } };

export const listInboxOperation: INodePropertyOptions = {
	name: 'List Inbox',
	value: 'listInbox',
	action: 'List inbox conversations',
	description:
		'List LinkedIn conversations, newest activity first, with participant, last message and unread count',
	// Both Limit and Return All go through fetchInboxPages: it sets params.count and follows cursors.
	routing: messagesActionRouting('list_inbox', validateListInboxRequest, fetchInboxPages),
};

export const listInboxFields: INodeProperties[] = [
	accountField('listInbox'),
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'INBOX',
		description: 'Which conversations to list',
		options: [
			{ name: 'Inbox', value: 'INBOX', description: 'All conversations' },
			{ name: 'InMail', value: 'INMAIL', description: 'InMail conversations only' },
			{
				name: 'My Connections',
				value: 'MY_CONNECTIONS',
				description: 'Conversations with your 1st-degree connections',
			},
			{ name: 'Starred', value: 'STARRED', description: 'Conversations you starred on LinkedIn' },
			{ name: 'Unread', value: 'UNREAD', description: 'Conversations with unread messages' },
		],
		displayOptions: showForListInbox,
		routing: { send: { type: 'body', property: 'params.category' } },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		hint: 'Return All reads every conversation in the category: LinkUp bills 1 credit per 10 conversations returned, so a large inbox can cost many credits',
		displayOptions: showForListInbox,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		hint: 'Costs 1 LinkUp credit per 10 conversations returned (50 → 5 credits)',
		// No routing: fetchInboxPages sets params.count on every page (the rest of the Limit).
		displayOptions: { show: { operation: ['listInbox'], returnAll: [false] } },
	},
	{ ...simplifyProperty, displayOptions: showForListInbox },
];
