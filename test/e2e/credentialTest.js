'use strict';
/**
 * The credential's Test button as n8n's own CredentialsTester runs it (POST /rest/credentials/test
 * in a real n8n): what the package's unit tests cannot prove without re-implementing n8n.
 */
const { freePort } = require('../../scripts/n8n');
const { dist } = require('./helpers');

/**
 * The message of the built credential's body rule for `key` === `value`.
 * @param {string} key
 * @param {unknown} value
 * @returns {string | undefined}
 */
function ruleMessage(key, value) {
	const { LinkUpLinkedInApi } = dist('credentials/LinkUpLinkedInApi.credentials.js');
	/** @type {Array<{ type: string, properties: { key: string, value: unknown, message: string } }>} */
	const rules = new LinkUpLinkedInApi().test.rules ?? [];
	return rules.find(
		(r) =>
			r.type === 'responseSuccessBody' && r.properties.key === key && r.properties.value === value,
	)?.properties.message;
}

/**
 * Tests for the `describe('credential')` block of the suite.
 * @param {any} ctx the suite's context: `n8n`, `credential`, `sandbox` (its client) and `stack` are set by its beforeAll
 */
function credentialTestCases(ctx) {
	/** @param {Record<string, unknown>} data */
	const testWith = async (data) =>
		await ctx.n8n.testCredential({
			...ctx.credential,
			data: { ...ctx.stack.credentialData, ...data },
		});

	test('Test costs nothing: one GET /v2/accounts?limit=1 with the key header', async () => {
		const sandbox = ctx.sandbox;
		await sandbox.clearRequests();
		const credits = await sandbox.creditsConsumed();
		expect(await testWith({})).toMatchObject({ status: 'OK' });
		const requests = await sandbox.requests();
		expect(requests.map((/** @type {any} */ r) => [r.method, r.path, r.query, r.status])).toEqual([
			['GET', '/v2/accounts', { limit: '1' }, 200],
		]);
		expect(requests[0].headers['x-api-key']).toBe(ctx.stack.credentialData.apiKey);
		expect(await sandbox.creditsConsumed()).toBe(credits);
	});

	test.each(['/', '/v2', '/v2/  '])(
		'a Base URL ending in %p passes, still on /v2/accounts',
		async (suffix) => {
			const sandbox = ctx.sandbox;
			await sandbox.clearRequests();
			expect(await testWith({ baseUrl: `  ${ctx.stack.sandbox.url}${suffix}` })).toMatchObject({
				status: 'OK',
			});
			expect((await sandbox.requests()).map((/** @type {any} */ r) => r.path)).toEqual([
				'/v2/accounts',
			]);
		},
	);

	test.each(['SUCCESS_FALSE_200', 'INTERNAL_ERROR'])(
		'LinkUp answering %s fails with our message',
		async (fault) => {
			await ctx.sandbox.fault(fault, { path: '/v2/accounts' });
			try {
				expect(await testWith({})).toEqual({
					status: 'Error',
					message: ruleMessage('success', false),
				});
			} finally {
				await ctx.sandbox.clearFaults();
			}
		},
	);

	test.each(['HTML_502', 'MALFORMED_JSON'])(
		'a Base URL that is not LinkUp (%s) is called out',
		async (fault) => {
			await ctx.sandbox.fault(fault, { path: '/v2/accounts' });
			try {
				const result = await testWith({});
				expect(result).toEqual({ status: 'Error', message: ruleMessage('success', undefined) });
				expect(result.message).toMatch(/Base URL/);
			} finally {
				await ctx.sandbox.clearFaults();
			}
		},
	);

	test('nothing listening at the Base URL fails the test', async () => {
		const result = await testWith({ baseUrl: `http://127.0.0.1:${await freePort()}` });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/ECONNREFUSED|connect/i);
	});
}

module.exports = { credentialTestCases, ruleMessage };
