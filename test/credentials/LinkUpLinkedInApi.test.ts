import { credentialType } from '../helpers/credentials';
import { testCredential } from '../helpers/credentialTest';
import { credentialData } from '../helpers/engine';
import { closedPort } from '../helpers/listInbox';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const OK = { status: 'OK', message: 'Connection successful!' };
const WRONG_KEY = 'lk_wrong_key_1234567890';
/** The message of the credential's body rule for `key` === `value` (n8n applies the first match). */
const ruleFor = (key: string, value: unknown) =>
	(credentialType.test.rules ?? []).find(
		(r) =>
			r.type === 'responseSuccessBody' && r.properties.key === key && r.properties.value === value,
	)?.properties.message;

describe('LinkUp API credential: the Test button, as n8n’s CredentialsTester runs it', () => {
	it('a good key → OK, from exactly one free GET /v2/accounts?limit=1 with the key header', async () => {
		expect(await testCredential(credentialData(sandbox.url, sandbox.apiKey))).toStrictEqual(OK);
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect([request.method, request.path, request.query, request.status]).toEqual([
			'GET',
			'/v2/accounts',
			{ limit: '1' },
			200,
		]);
		expect(request.headers['x-api-key']).toBe(sandbox.apiKey);
		expect(request.creditsConsumed).toBe(0);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it.each(['/', '//', '/v2', '/v2/  '])(
		'a base URL ending in %p → OK, still /v2/accounts',
		async (suffix) => {
			expect(
				await testCredential(credentialData(`  ${sandbox.url}${suffix}`, sandbox.apiKey)),
			).toStrictEqual(OK);
			expect(sandbox.requests.map((r) => r.path)).toEqual(['/v2/accounts']);
		},
	);

	it('a wrong key → the test fails, after one request that LinkUp answered with 403', async () => {
		const result = await testCredential(credentialData(sandbox.url, WRONG_KEY));
		expect(sandbox.requests.map((r) => [r.status, r.headers['x-api-key']])).toEqual([
			[403, WRONG_KEY],
		]);
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(WRONG_KEY);
	});

	it('a wrong key → the message tells the user LinkUp rejected the API key', async () => {
		const result = await testCredential(credentialData(sandbox.url, WRONG_KEY));
		expect(result).toStrictEqual({
			status: 'Error',
			message: ruleFor('error.code', 'INVALID_API_KEY'),
		});
		expect(result.message).toBe(
			'LinkUp rejected the API key: paste a valid key from your LinkUp dashboard',
		);
	});

	it.each(['SUCCESS_FALSE_200', 'INTERNAL_ERROR', 'RATE_LIMITED'] as const)(
		'LinkUp answering %s → an error naming LinkUp, not OK',
		async (fault) => {
			sandbox.injectFault(fault, { path: '/v2/accounts' });
			expect(await testCredential(credentialData(sandbox.url, sandbox.apiKey))).toStrictEqual({
				status: 'Error',
				message: ruleFor('success', false),
			});
		},
	);

	it.each(['HTML_502', 'MALFORMED_JSON'] as const)(
		'a base URL that is not LinkUp (%s) → says so',
		async (fault) => {
			sandbox.injectFault(fault, { path: '/v2/accounts' });
			const result = await testCredential(credentialData(sandbox.url, sandbox.apiKey));
			expect(result).toStrictEqual({ status: 'Error', message: ruleFor('success', undefined) });
			expect(result.message).toMatch(/Base URL/);
		},
	);

	it('nothing listening at the base URL → the connection error', async () => {
		const baseUrl = `http://127.0.0.1:${await closedPort()}`;
		expect(await testCredential(credentialData(baseUrl, sandbox.apiKey))).toStrictEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
	});
});

describe('LinkUp API credential: its shape', () => {
	it('sends the key in x-api-key and stores it as a password', () => {
		expect(credentialType.name).toBe('linkUpLinkedInApi');
		expect(credentialType.authenticate).toStrictEqual({
			type: 'generic',
			properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}' } },
		});
		const apiKey = credentialType.properties.find((p) => p.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		const baseUrl = credentialType.properties.find((p) => p.name === 'baseUrl');
		expect(baseUrl?.default).toBe('https://api.linkupapi.com');
	});
});
