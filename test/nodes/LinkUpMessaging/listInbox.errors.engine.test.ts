import { NodeApiError } from 'n8n-workflow';

import { credentialData, runNode, type ActionRun } from '../../helpers/engine';
import { REFUSED_ACCOUNTS, expectOneRequestFailure } from '../../helpers/failures';
import { listInboxNode } from '../../helpers/listInbox';
import {
	API_ERROR_WORDING,
	DOCUMENTED_CODES,
	NOT_JSON_DESCRIPTION,
	type DocumentedCode,
} from '../../helpers/wording';
import { FAULT_MESSAGES, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(3, 15) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const creds = (apiKey = sandbox.apiKey) => credentialData(sandbox.url, apiKey);

/** The run failed with a NodeApiError carrying exactly these words, after exactly one request. */
function expectFailure(result: ActionRun, message: string, description: string, httpCode: string) {
	expectOneRequestFailure(result, sandbox, { message, description, httpCode });
}

const wording = (code: DocumentedCode) => {
	const { message, description, status } = API_ERROR_WORDING[code];
	const shown =
		code === 'INVALID_PARAMS' ? `${message}: ${FAULT_MESSAGES.INVALID_PARAMS}` : message;
	return [shown, description, String(status)] as const;
};

describe('List Inbox: every documented error code becomes our NodeApiError', () => {
	it.each(DOCUMENTED_CODES)('%s', async (code) => {
		sandbox.injectFault(code);
		const result = await runNode(listInboxNode({ limit: 5 }), creds());
		expect(sandbox.requests[0].status).toBe(API_ERROR_WORDING[code].status);
		expectFailure(result, ...wording(code));
	});
});

describe('List Inbox: broken answers', () => {
	it('success:false with HTTP 200 is an error', async () => {
		sandbox.injectFault('SUCCESS_FALSE_200');
		const result = await runNode(listInboxNode({ limit: 5 }), creds());
		const { message, description } = API_ERROR_WORDING.INTERNAL_ERROR;
		expectFailure(result, message, description, '200');
	});

	it('truncated JSON with HTTP 200 is an error, not empty output', async () => {
		sandbox.injectFault('MALFORMED_JSON');
		const result = await runNode(listInboxNode({ limit: 5 }), creds());
		expectFailure(
			result,
			'LinkUp sent a response that is not valid JSON',
			NOT_JSON_DESCRIPTION,
			'200',
		);
	});

	it('an HTML 502 page from a proxy is an error that names the status', async () => {
		sandbox.injectFault('HTML_502');
		const result = await runNode(listInboxNode({ limit: 5 }), creds());
		expectFailure(
			result,
			'LinkUp sent a response that is not valid JSON (HTTP 502)',
			NOT_JSON_DESCRIPTION,
			'502',
		);
	});
});

describe('List Inbox: errors the real API gives for real reasons (no fault injected)', () => {
	it.each(REFUSED_ACCOUNTS)('%s', async (_label, parameters, code) => {
		const result = await runNode(listInboxNode({ ...parameters, limit: 5 }), creds());
		expectFailure(result, ...wording(code));
	});

	it('a wrong API key → INVALID_API_KEY wording', async () => {
		const result = await runNode(listInboxNode({ limit: 5 }), creds('lk_wrong_key_000000000000'));
		expect(sandbox.requests[0].headers['x-api-key']).toBe('lk_wrong_key_000000000000');
		expectFailure(result, ...wording('INVALID_API_KEY'));
	});
});

describe('List Inbox: Continue On Fail', () => {
	const continueOnFail = { onError: 'continueRegularOutput' as const };

	it('an API error: the run succeeds and the one item carries the error', async () => {
		sandbox.injectFault('INSUFFICIENT_CREDITS');
		const { items, error, run } = await runNode(
			listInboxNode({ limit: 5 }, continueOnFail),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(items).toHaveLength(1);
		expect(items[0].json).toStrictEqual({ error: 'Your LinkUp credits are used up' });
		expect(items[0].error).toBeInstanceOf(NodeApiError);
		expect([
			items[0].error?.message,
			items[0].error?.description,
			(items[0].error as NodeApiError).httpCode,
		]).toEqual(wording('INSUFFICIENT_CREDITS'));
	});

	it('bad input: the item carries the refusal and nothing is sent', async () => {
		const { items, error } = await runNode(listInboxNode({ limit: 0 }, continueOnFail), creds());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toBe(
			'Limit must be a whole number of at least 1 (got 0); or turn on Return All',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a failure on page 2 of Return All: the item carries it', async () => {
		const paged = await startSandbox({ inbox: realisticInbox(3, 15), maxPageSize: 10 });
		try {
			paged.injectFault('RATE_LIMITED', { skip: 1 });
			const node = listInboxNode({ returnAll: true }, continueOnFail);
			const { items, error } = await runNode(node, credentialData(paged.url, paged.apiKey));
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json)).toStrictEqual([{ error: 'LinkUp rate limit reached' }]);
			expect(paged.requests.map((r) => r.status)).toEqual([200, 429]);
		} finally {
			await paged.close();
		}
	});
});
