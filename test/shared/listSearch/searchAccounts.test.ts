import { toAccountSearchItems } from '../../../nodes/shared/listSearch/searchAccounts';
import type { LinkUpAccount } from '../../../nodes/shared/types';

const accounts: LinkUpAccount[] = [
	{
		account_id: '65f1c2a9b3d4e5f6a7b8c9d0',
		platform: 'LINKEDIN',
		account_name: 'Ada Lovelace',
		is_active: true,
		status: 'active',
	},
	{
		account_id: '65f1c2a9b3d4e5f6a7b8c9d1',
		platform: 'LINKEDIN',
		account_name: 'Charles Babbage',
		is_active: false,
		status: 'inactive',
	},
	{
		account_id: '65f1c2a9b3d4e5f6a7b8c9d2',
		platform: 'WHATSAPP',
		account_name: 'Ada Lovelace (WhatsApp)',
		is_active: true,
		status: 'active',
	},
	{
		account_id: 'acc_suspended',
		platform: 'linkedin',
		account_name: 'Grace Hopper',
		is_active: true,
		status: 'suspended',
	},
	{
		account_id: 'acc_noname',
		platform: 'LINKEDIN',
		account_name: '',
		is_active: true,
		status: 'active',
	},
	{ account_id: 'acc_noplatform', account_name: 'Émile Zola' },
	{
		account_id: 'acc_inactive_flag',
		platform: 'LINKEDIN',
		account_name: 'Olga Петрова',
		is_active: false,
	},
];

describe('toAccountSearchItems', () => {
	it('lists LinkedIn accounts only, in order, with the inactive ones marked by their status', () => {
		expect(toAccountSearchItems(accounts)).toStrictEqual([
			{ name: 'Ada Lovelace', value: '65f1c2a9b3d4e5f6a7b8c9d0' },
			{ name: 'Charles Babbage (inactive)', value: '65f1c2a9b3d4e5f6a7b8c9d1' },
			{ name: 'Grace Hopper (suspended)', value: 'acc_suspended' },
			{ name: 'acc_noname', value: 'acc_noname' },
			{ name: 'Émile Zola', value: 'acc_noplatform' },
			{ name: 'Olga Петрова (inactive)', value: 'acc_inactive_flag' },
		]);
	});

	it('filters by name, case-insensitively, ignoring surrounding spaces', () => {
		expect(toAccountSearchItems(accounts, '  charles ')).toStrictEqual([
			{ name: 'Charles Babbage (inactive)', value: '65f1c2a9b3d4e5f6a7b8c9d1' },
		]);
		expect(toAccountSearchItems(accounts, 'ПЕТРОВА').map((item) => item.value)).toEqual([
			'acc_inactive_flag',
		]);
	});

	it('filters by account ID and by the shown status', () => {
		expect(toAccountSearchItems(accounts, 'c9d0').map((item) => item.value)).toEqual([
			'65f1c2a9b3d4e5f6a7b8c9d0',
		]);
		expect(toAccountSearchItems(accounts, 'inactive').map((item) => item.value)).toEqual([
			'65f1c2a9b3d4e5f6a7b8c9d1',
			'acc_inactive_flag',
		]);
	});

	it('never offers a WhatsApp account, even when the filter names it', () => {
		expect(toAccountSearchItems(accounts, 'whatsapp')).toEqual([]);
	});

	it('an empty or blank filter lists everything; no accounts list nothing', () => {
		expect(toAccountSearchItems(accounts, '')).toHaveLength(6);
		expect(toAccountSearchItems(accounts, '   ')).toHaveLength(6);
		expect(toAccountSearchItems([], 'ada')).toEqual([]);
	});
});
