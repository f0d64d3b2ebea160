import { SANDBOX_INACTIVE_ACCOUNT_ID, SANDBOX_WHATSAPP_ACCOUNT_ID, type Sandbox } from '../sandbox';
import type { ActionRun } from './engine';
import { rl } from './listInbox';

/**
 * Accounts LinkUp refuses for real reasons (no fault injected), as `it.each` rows: the case, the
 * node parameters that pick the account, and the LinkUp code whose wording the run must show.
 */
export const REFUSED_ACCOUNTS = [
	[
		'an unknown account → INVALID_ACCOUNT wording',
		{ accountId: rl('65f1c2a9b3d4e5f6a7b8ffff', 'id') },
		'INVALID_ACCOUNT',
	],
	[
		'an inactive account → ACCOUNT_INACTIVE wording (403, told apart from a bad key)',
		{ accountId: rl(SANDBOX_INACTIVE_ACCOUNT_ID) },
		'ACCOUNT_INACTIVE',
	],
	[
		'a WhatsApp account → INVALID_ACTION wording',
		{ accountId: rl(SANDBOX_WHATSAPP_ACCOUNT_ID) },
		'INVALID_ACTION',
	],
] as const;

/** The words a failed run must show: message, description and HTTP code. */
export interface ShownFailure {
	message: string;
	description: string;
	httpCode: string;
}

/**
 * The run failed with a NodeApiError carrying exactly these words, after exactly one request
 * (never retried), with no item out and no credit billed.
 */
export function expectOneRequestFailure(
	{ items, error, run }: ActionRun,
	sandbox: Sandbox,
	shown: ShownFailure,
) {
	expect(run.status).toBe('error');
	expect(error?.name).toBe('NodeApiError');
	expect({
		message: error?.message,
		description: error?.description,
		httpCode: error?.httpCode,
	}).toStrictEqual(shown);
	expect(items).toEqual([]);
	expect(sandbox.requests).toHaveLength(1);
	expect(sandbox.creditsConsumed).toBe(0);
}
