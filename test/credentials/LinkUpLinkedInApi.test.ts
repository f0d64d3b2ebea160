import type { ICredentialTestRequest } from 'n8n-workflow';

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
const rejectedKeyRule = () =>
	(credentialType.test.rules ?? []).find((r) => r.type === 'responseCode' && r.properties.value === 403);

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

	it.each(['/', '//', '/v2', '/v2/  '])('a base URL ending in %p → OK, still /v2/accounts', async (suffix) => {
		expect(await testCredential(credentialData(`  ${sandbox.url}${suffix}`, sandbox.apiKey))).toStrictEqual(OK);
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/v2/accounts']);
	});

	it('a wrong key → the test fails, after one request that LinkUp answered with 403', async () => {
		const result = await testCredential(credentialData(sandbox.url, WRONG_KEY));
		expect(sandbox.requests.map((r) => [r.status, r.headers['x-api-key']])).toEqual([[403, WRONG_KEY]]);
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(WRONG_KEY);
	});

	it('a wrong key → the message tells the user LinkUp rejected the API key', async () => {
		const result = await testCredential(credentialData(sandbox.url, WRONG_KEY));
		expect(result.message).toBe(rejectedKeyRule()?.properties.message);
		expect(result.message).toMatch(/API key/);
	});

	it('a 403 responseCode rule’s message is what n8n shows for a wrong key (else the status text)', async () => {
		const message = 'LinkUp rejected the API key: paste a valid key from your LinkUp dashboard';
		const rule = { type: 'responseCode' as const, properties: { value: 403, message } };
		// n8n runs mixed rule lists, but its type only allows one kind per list: hence the cast.
		const rules = [...(credentialType.test.rules ?? []), rule] as unknown as ICredentialTestRequest['rules'];
		const withRule = { ...credentialType.test, rules };
		expect(await testCredential(credentialData(sandbox.url, WRONG_KEY), withRule)).toStrictEqual({ status: 'Error', message });
		expect(await testCredential(credentialData(sandbox.url, WRONG_KEY))).toStrictEqual({
			status: 'Error',
			message: rejectedKeyRule()?.properties.message ?? 'Forbidden',
		});
	});

	it('success:false on HTTP 200 → the responseSuccessBody rule fails the test', async () => {
		sandbox.injectFault('SUCCESS_FALSE_200', { path: '/v2/accounts' });
		const rule = (credentialType.test.rules ?? []).find((r) => r.type === 'responseSuccessBody');
		expect(rule?.properties).toMatchObject({ key: 'success', value: false });
		expect(await testCredential(credentialData(sandbox.url, sandbox.apiKey))).toStrictEqual({
			status: 'Error',
			message: rule?.properties.message,
		});
	});

	it('a LinkUp outage (500) → an error, not OK', async () => {
		sandbox.injectFault('INTERNAL_ERROR', { path: '/v2/accounts' });
		expect(await testCredential(credentialData(sandbox.url, sandbox.apiKey))).toStrictEqual({
			status: 'Error',
			message: 'Internal Server Error',
		});
	});

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
