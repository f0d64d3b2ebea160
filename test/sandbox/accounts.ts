/** The sandbox's default API key and accounts. */
import type { Account } from './types';

export const SANDBOX_API_KEY = 'lk_sandbox_key_3f9a7c21d8e64b05';
export const SANDBOX_ACCOUNT_ID = '65f1c2a9b3d4e5f6a7b8c9d0';
export const SANDBOX_INACTIVE_ACCOUNT_ID = '65f1c2a9b3d4e5f6a7b8c9d1';
export const SANDBOX_WHATSAPP_ACCOUNT_ID = '65f1c2a9b3d4e5f6a7b8c9d2';

export function defaultAccounts(): Account[] {
	const base = { created_at: '2024-03-13T09:12:41.000Z', updated_at: '2025-01-20T16:45:03.000Z' };
	return [
		{
			account_id: SANDBOX_ACCOUNT_ID,
			platform: 'LINKEDIN',
			account_name: 'Ada Lovelace',
			is_active: true,
			status: 'active',
			country: 'GB',
			...base,
		},
		{
			account_id: SANDBOX_INACTIVE_ACCOUNT_ID,
			platform: 'LINKEDIN',
			account_name: 'Charles Babbage',
			is_active: false,
			status: 'inactive',
			country: 'GB',
			...base,
		},
		{
			account_id: SANDBOX_WHATSAPP_ACCOUNT_ID,
			platform: 'WHATSAPP',
			account_name: 'Ada Lovelace (WhatsApp)',
			is_active: true,
			status: 'active',
			country: 'FR',
			...base,
		},
	];
}
