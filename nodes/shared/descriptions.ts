import type { INodeProperties } from 'n8n-workflow';

/** Account picker shared by both nodes; the value is LinkUp's opaque `account_id`. */
export const accountIdProperty: INodeProperties = {
	displayName: 'Account',
	name: 'accountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The LinkedIn account connected to LinkUp whose inbox to read',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a LinkedIn account...',
			typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 65f1c2a9b3d4e5f6a7b8c9d0',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\S+$', errorMessage: 'An account ID has no spaces' },
				},
			],
		},
	],
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a flat version of each conversation (participant, last message, unread count) instead of the raw data',
};
