import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/shared/baseUrl';
import { DEFAULT_BASE_URL } from '../nodes/shared/constants';

const REJECTED_KEY = 'LinkUp rejected the API key: paste a valid key from your LinkUp dashboard';
const LINKUP_ERROR = 'LinkUp answered the test with an error: retry later, or check the Base URL';
const NOT_LINKUP =
	'The Base URL does not answer like the LinkUp API: leave it at https://api.linkupapi.com';

export class LinkUpLinkedInApi implements ICredentialType {
	name = 'linkUpLinkedInApi';

	displayName = 'LinkUp API';

	icon: Icon = {
		light: 'file:../icons/linkup.svg',
		dark: 'file:../icons/linkup.dark.svg',
	};

	documentationUrl = 'https://docs.linkupapi.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your LinkUp API key, from the LinkUp dashboard (linkupapi.com)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Leave as is, unless you route LinkUp through a proxy or a test server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	// GET /v2/accounts is free: testing the credential costs no credits. LinkUp's answer is read
	// whatever its status (n8n 1.x ignores status-code rules), and judged by its body.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v2/accounts',
			qs: { limit: 1 },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'error.code', value: 'INVALID_API_KEY', message: REJECTED_KEY },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'success', value: false, message: LINKUP_ERROR },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'success', value: undefined, message: NOT_LINKUP },
			},
		],
	};
}
