import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { linkUpApiRequest } from '../transport';
import type { LinkUpAccount, LinkUpAccountsPage } from '../types';

const ACCOUNTS_PAGE_SIZE = 100;

/** The Account picker's entries: LinkedIn accounts only, named with their status. */
export function toAccountSearchItems(
	accounts: LinkUpAccount[],
	filter?: string,
): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase() ?? '';
	return accounts
		.filter((account) => (account.platform ?? 'LINKEDIN').toUpperCase() === 'LINKEDIN')
		.map((account) => {
			const name = account.account_name || account.account_id;
			const inactive = account.is_active === false || (account.status ?? 'active') !== 'active';
			return {
				name: inactive ? `${name} (${account.status ?? 'inactive'})` : name,
				value: account.account_id,
			};
		})
		.filter((item) => needle === '' || `${item.name} ${item.value}`.toLowerCase().includes(needle));
}

/** listSearch method: free `GET /v2/accounts`, paged by offset. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken) || 0;
	const page = (await linkUpApiRequest.call(this, {
		method: 'GET',
		path: '/v2/accounts',
		qs: { limit: ACCOUNTS_PAGE_SIZE, offset },
	})) as LinkUpAccountsPage;
	const accounts = Array.isArray(page.items) ? page.items : [];
	const nextOffset = offset + accounts.length;
	const more = accounts.length > 0 && typeof page.total === 'number' && nextOffset < page.total;
	return {
		results: toAccountSearchItems(accounts, filter),
		paginationToken: more ? String(nextOffset) : undefined,
	};
}
