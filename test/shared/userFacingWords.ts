/**
 * The exact words users see for each failure and each refused input, written out once, so that
 * a changed or lost wording fails the unit tests of the functions that word them (errors,
 * transport, validation). Engine tests compare with what the code words (test/helpers/wording.ts),
 * so they check that the right words reach the user without copying them. `status` is LinkUp's
 * documented HTTP status.
 */
export const API_ERROR_WORDING = {
	INVALID_API_KEY: {
		status: 403,
		message: 'LinkUp rejected the API key',
		description:
			'Open the LinkUp API credential and paste a valid API key from your LinkUp dashboard (the key may be wrong, expired or revoked).',
	},
	ACCOUNT_INACTIVE: {
		status: 403,
		message: 'The LinkedIn account is inactive in LinkUp',
		description:
			'Reconnect the LinkedIn account in your LinkUp dashboard, or pick an active account in Account.',
	},
	INVALID_ACCOUNT: {
		status: 404,
		message: 'LinkUp does not know this account',
		description:
			'Pick another account in Account: it must be connected to the LinkUp API key of this credential.',
	},
	INSUFFICIENT_CREDITS: {
		status: 402,
		message: 'Your LinkUp credits are used up',
		description:
			'Top up credits in your LinkUp dashboard. Listing costs 1 credit per 10 conversations returned.',
	},
	RATE_LIMITED: {
		status: 429,
		message: 'LinkUp rate limit reached',
		description: 'Too many requests for this API key. Retry later, or poll less often.',
	},
	INVALID_PARAMS: {
		status: 400,
		message: 'LinkUp refused a parameter',
		description: 'Check the parameters of this node.',
	},
	INVALID_ACTION: {
		status: 400,
		message: 'LinkUp does not support this action',
		description:
			'This is a bug in n8n-nodes-linkup-messaging or a change in the LinkUp API: please report it.',
	},
	INTERNAL_ERROR: {
		status: 500,
		message: 'LinkUp had an internal error',
		description: 'Retry later. If it keeps failing, contact LinkUp support.',
	},
} as const;

export type DocumentedCode = keyof typeof API_ERROR_WORDING;
export const DOCUMENTED_CODES = Object.keys(API_ERROR_WORDING) as DocumentedCode[];

export const NOT_JSON_DESCRIPTION =
	'LinkUp or a proxy in between may be down. Retry later; check the Base URL of the credential.';
export const NO_DATA_DESCRIPTION = 'Retry later; check the Base URL of the credential.';
export const TIMEOUT_WORDING = {
	message: 'LinkUp did not answer in time',
	description: 'The request timed out. Retry later.',
};
export const UNREACHABLE_DESCRIPTION =
	'Check the Base URL of the credential and your network connection.';

export const BLANK_ACCOUNT_MESSAGE =
	'Account is empty: pick a LinkedIn account from the list, or enter its LinkUp account ID';
export const limitMessage = (got: string) =>
	`Limit must be a whole number of at least 1 (got ${got}); or turn on Return All`;
export const categoryMessage = (got: string) =>
	`Category must be one of INBOX, UNREAD, MY_CONNECTIONS, INMAIL, STARRED (got ${got})`;
