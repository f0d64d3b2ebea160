import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fetchConversationPages, validateGetConversationRequest } from '../routing/getConversation';
import { accountField, messagesActionRouting } from './messagesAction';

const showForGetConversation = { show: { operation: ['getConversation'] } };

export const getConversationOperation: INodePropertyOptions = {
	name: 'Get Conversation',
	value: 'getConversation',
	action: "Get a conversation's messages",
	description:
		'Read the messages of one LinkedIn conversation, newest first, by conversation ID or by the other person’s profile URL',
	// The preSend routes Conversation; both Limit and Return All go through fetchConversationPages: it sets params.count and follows cursors.
	routing: messagesActionRouting(
		'get_conversation',
		validateGetConversationRequest,
		fetchConversationPages,
	),
};

export const getConversationFields: INodeProperties[] = [
	accountField(
		'getConversation',
		'The LinkedIn account connected to LinkUp whose conversation to read',
	),
	{
		displayName: 'Conversation',
		name: 'conversation',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description:
			'The conversation to read: its ID (conversationId of List Inbox or the trigger), or the LinkedIn profile URL of the other person',
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. urn:li:msg_conversation:(urn:li:fsd_profile:ACoAA…,2-…)',
			},
			{
				displayName: 'By Profile URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://www.linkedin.com/in/ada-lovelace',
			},
		],
		displayOptions: showForGetConversation,
		// No regex validation in the modes: validateGetConversationRequest checks the value (the same
		// rules whether typed or from an expression, and Continue On Fail applies), then sends it as
		// params.conversation_id (By ID) or params.profile_url (By Profile URL).
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		hint: 'Return All reads the whole conversation: LinkUp bills 1 credit per 10 messages returned, so a long conversation can cost many credits',
		displayOptions: showForGetConversation,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		hint: 'Costs 1 LinkUp credit per 10 messages returned (50 → 5 credits)',
		// No routing: fetchConversationPages sets params.count on every page (the rest of the Limit).
		displayOptions: { show: { operation: ['getConversation'], returnAll: [false] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a flat version of each message (text, sender, time, and the conversation’s unread and total counts) instead of the raw data',
		displayOptions: showForGetConversation,
	},
];
