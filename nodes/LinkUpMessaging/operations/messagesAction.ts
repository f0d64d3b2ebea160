import type {
	IN8nRequestOperations,
	INodeProperties,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';

import { accountIdProperty } from '../../shared/descriptions';
import { readLinkUpData } from '../routing/envelope';

/**
 * Every operation is one `action` of POST /v2/messages. Its preSend refuses (and routes) input
 * before anything is sent; its pagination hook makes the requests (n8n wraps the request in that
 * hook only when `paginate` is on), so every failure comes out in our words.
 */
export function messagesActionRouting(
	action: string,
	preSend: PreSendAction,
	pagination: IN8nRequestOperations['pagination'],
): INodePropertyRouting {
	return {
		request: {
			method: 'POST',
			url: '/v2/messages',
			body: { action },
			ignoreHttpStatusErrors: true,
		},
		send: { preSend: [preSend], paginate: '={{ true }}' },
		operations: { pagination },
		output: { postReceive: [readLinkUpData] },
	};
}

/** The Account picker of one operation, sent as the body's `account_id`. */
export function accountField(operation: string, description?: string): INodeProperties {
	return {
		...accountIdProperty,
		...(description ? { description } : {}),
		displayOptions: { show: { operation: [operation] } },
		routing: { send: { type: 'body', property: 'account_id' } },
	};
}
