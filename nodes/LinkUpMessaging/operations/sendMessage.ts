import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { prepareSendMessageRequest, sendOneMessage } from '../routing/sendMessage';
import { accountField, messagesActionRouting } from './messagesAction';

const showForSendMessage = { show: { operation: ['sendMessage'] } };

export const sendMessageOperation: INodePropertyOptions = {
	name: 'Send Message',
	value: 'sendMessage',
	action: 'Send a message',
	description:
		'Send a LinkedIn message to one person, by their profile URL, with an optional image or file. Every call sends a new message.',
	// Not paging: n8n's pagination hook is the one that wraps the request, so sendOneMessage
	// makes the item's single request (in item order, never retried) and words its failures.
	routing: messagesActionRouting('send', prepareSendMessageRequest, sendOneMessage),
};

export const sendMessageFields: INodeProperties[] = [
	{
		displayName:
			'Sends one LinkedIn message per input item: 1 LinkUp credit, 2 with media. Not idempotent: Retry On Fail, or running the workflow again, sends the message again.',
		name: 'sendMessageNotice',
		type: 'notice',
		default: '',
		displayOptions: showForSendMessage,
	},
	accountField('sendMessage', 'The LinkedIn account connected to LinkUp to send the message from'),
	{
		displayName: 'Profile URL',
		name: 'profileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://www.linkedin.com/in/ada-lovelace',
		description:
			'LinkedIn profile URL of the person to message (participantProfileUrl of List Inbox or the trigger)',
		displayOptions: showForSendMessage,
		routing: { send: { type: 'body', property: 'params.profile_url' } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		description: 'The message to send (plain text; line breaks are kept)',
		displayOptions: showForSendMessage,
		routing: { send: { type: 'body', property: 'params.message_text' } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showForSendMessage,
		options: [
			{
				displayName: 'Binary Property',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description:
					'Name of the input item’s binary property holding a file to attach (sent as media_file, base64 with its file name)',
				hint: 'With an attachment the message costs 2 credits',
				// No routing of the name itself: prepareSendMessageRequest reads the file and sends params.media_file.
			},
			{
				displayName: 'Media URL',
				name: 'mediaUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/photo.jpg',
				description: 'Public http(s) link to an image or file to attach',
				hint: 'With an attachment the message costs 2 credits',
				routing: { send: { type: 'body', property: 'params.media_link' } },
			},
		],
	},
];
