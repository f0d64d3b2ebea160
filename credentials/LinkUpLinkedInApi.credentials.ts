import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class LinkUpLinkedInApi implements ICredentialType {
	name = 'linkUpLinkedInApi';

	displayName = 'LinkUp API';

	icon: Icon = {
		light: 'file:../nodes/LinkUpMessaging/linkup.svg',
		dark: 'file:../nodes/LinkUpMessaging/linkup.dark.svg',
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
			default: 'https://api.linkupapi.com',
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

	// GET /v2/accounts is free: testing the credential costs no credits.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.baseUrl || "https://api.linkupapi.com").replace(/\\/+$/, "") }}',
			url: '/v2/accounts',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'LinkUp did not accept the API key: check it in your LinkUp dashboard',
				},
			},
		],
	};
}
