import { NodeApiError } from 'n8n-workflow';

import { LinkUpMessaging } from '../../../nodes/LinkUpMessaging/LinkUpMessaging.node';
import { credentialData, listSearch } from '../../helpers/engine';
import { serializeThoroughly } from '../../helpers/serialize';
import { API_ERROR_WORDING } from '../../helpers/wording';
import {
	SANDBOX_ACCOUNT_ID,
	SANDBOX_INACTIVE_ACCOUNT_ID,
	defaultAccounts,
	startSandbox,
	type Account,
	type Sandbox,
} from '../../sandbox';

const nodeType = new LinkUpMessaging();
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const search = (filter?: string, token?: string, apiKey = sandbox.apiKey) =>
	listSearch(nodeType, 'searchAccounts', credentialData(sandbox.url, apiKey), filter, token);

describe('Account picker (listSearch searchAccounts through LoadOptionsContext)', () => {
	it('lists the LinkedIn accounts only, the inactive one marked, from one free GET /v2/accounts', async () => {
		expect(await search()).toStrictEqual({
			results: [
				{ name: 'Ada Lovelace', value: SANDBOX_ACCOUNT_ID },
				{ name: 'Charles Babbage (inactive)', value: SANDBOX_INACTIVE_ACCOUNT_ID },
			],
			paginationToken: undefined,
		});
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect([request.method, request.path, request.query]).toEqual([
			'GET',
			'/v2/accounts',
			{ limit: '100', offset: '0' },
		]);
		expect(request.headers['x-api-key']).toBe(sandbox.apiKey);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it.each([
		['charles', [SANDBOX_INACTIVE_ACCOUNT_ID]],
		['ADA', [SANDBOX_ACCOUNT_ID]],
		['c9d0', [SANDBOX_ACCOUNT_ID]],
		['inactive', [SANDBOX_INACTIVE_ACCOUNT_ID]],
		['whatsapp', []],
		['nobody', []],
	])('the filter %p keeps %p', async (filter, ids) => {
		const { results } = await search(filter);
		expect(results.map((r) => r.value)).toEqual(ids);
	});

	it('with a base URL ending in a slash', async () => {
		const { results } = await listSearch(
			nodeType,
			'searchAccounts',
			credentialData(`${sandbox.url}/`, sandbox.apiKey),
		);
		expect(results).toHaveLength(2);
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/v2/accounts']);
	});

	it('a rejected key fails with our wording and without the key', async () => {
		const wrongKey = 'lk_wrong_picker_key_5a4b3c2d1e';
		const failure = await search(undefined, undefined, wrongKey).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect(failure).toMatchObject({
			message: API_ERROR_WORDING.INVALID_API_KEY.message,
			description: API_ERROR_WORDING.INVALID_API_KEY.description,
			httpCode: '403',
		});
		expect(serializeThoroughly(failure)).not.toContain(wrongKey);
	});

	it('success:false on HTTP 200 is an error, not an empty list', async () => {
		sandbox.injectFault('SUCCESS_FALSE_200', { path: '/v2/accounts' });
		await expect(search()).rejects.toMatchObject({
			message: API_ERROR_WORDING.INTERNAL_ERROR.message,
		});
	});
});

describe('Account picker with more accounts than one page', () => {
	it('pages by offset with a token, and the last page has none', async () => {
		const [template] = defaultAccounts();
		const accounts: Account[] = Array.from({ length: 130 }, (_, i) => ({
			...template,
			account_id: `acc_${String(i).padStart(3, '0')}`,
			account_name: `Member ${i}`,
		}));
		const many = await startSandbox({ accounts });
		try {
			const first = await listSearch(
				nodeType,
				'searchAccounts',
				credentialData(many.url, many.apiKey),
			);
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('100');
			const second = await listSearch(
				nodeType,
				'searchAccounts',
				credentialData(many.url, many.apiKey),
				undefined,
				'100',
			);
			expect(second.results.map((r) => r.value)).toEqual(
				accounts.slice(100).map((a) => a.account_id),
			);
			expect(second.paginationToken).toBeUndefined();
			expect(many.requests.map((r) => r.query)).toEqual([
				{ limit: '100', offset: '0' },
				{ limit: '100', offset: '100' },
			]);
		} finally {
			await many.close();
		}
	});
});
