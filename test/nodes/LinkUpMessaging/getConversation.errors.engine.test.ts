import { NodeApiError } from 'n8n-workflow';

import { credentialData, runNode, type ActionRun } from '../../helpers/engine';
import { REFUSED_ACCOUNTS, expectOneRequestFailure } from '../../helpers/failures';
import { closedPort } from '../../helpers/listInbox';
import {
	CREDITS_DESCRIPTION,
	conversationRl,
	expectNoKey,
	getConversationNode,
	runNodeOn,
} from '../../helpers/messages';
import {
	API_ERROR_WORDING,
	DOCUMENTED_CODES,
	NOT_JSON_DESCRIPTION,
	UNREACHABLE_DESCRIPTION,
	type DocumentedCode,
} from '../../helpers/wording';
import {
	FAULT_MESSAGES,
	SANDBOX_ACCOUNT_ID,
	realisticInbox,
	startSandbox,
	type Sandbox,
} from '../../sandbox';

// A key that cannot turn up by accident: long, and in no fixture.
const API_KEY = 'lk_live_5e4d3c2b1a09f8e7d6c5b4a392817060';
let sandbox: Sandbox;
let conversationId: string;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(3, 15), apiKey: API_KEY });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	conversationId = sandbox.inbox.all(SANDBOX_ACCOUNT_ID)[0].conversation_id;
});

const creds = (apiKey = API_KEY) => credentialData(sandbox.url, apiKey);
const node = (parameters: Record<string, unknown> = {}, extra = {}) =>
	getConversationNode(conversationRl(conversationId), { limit: 5, ...parameters }, extra);
const continueOnFail = { onError: 'continueRegularOutput' as const };

/** The run failed with a NodeApiError carrying exactly these words, after exactly one request, and without the key. */
function expectFailure(result: ActionRun, message: string, description: string, httpCode: string) {
	expectOneRequestFailure(result, sandbox, { message, description, httpCode });
	expectNoKey(result, API_KEY);
}

const wording = (code: DocumentedCode, apiMessage: string = FAULT_MESSAGES.INVALID_PARAMS) => {
	const { message, description, status } = API_ERROR_WORDING[code];
	const shown = code === 'INVALID_PARAMS' ? `${message}: ${apiMessage}` : message;
	return [
		shown,
		code === 'INSUFFICIENT_CREDITS' ? CREDITS_DESCRIPTION.getConversation : description,
		String(status),
	] as const;
};

describe('Get Conversation: every documented error code becomes our NodeApiError', () => {
	it.each(DOCUMENTED_CODES)('%s', async (code) => {
		sandbox.injectFault(code);
		const result = await runNode(node(), creds());
		expect(sandbox.requests[0].status).toBe(API_ERROR_WORDING[code].status);
		expectFailure(result, ...wording(code));
	});
});

describe('Get Conversation: broken answers', () => {
	it('success:false with HTTP 200 is an error', async () => {
		sandbox.injectFault('SUCCESS_FALSE_200');
		const { message, description } = API_ERROR_WORDING.INTERNAL_ERROR;
		expectFailure(await runNode(node(), creds()), message, description, '200');
	});

	it('truncated JSON with HTTP 200 is an error, not empty output', async () => {
		sandbox.injectFault('MALFORMED_JSON');
		expectFailure(
			await runNode(node(), creds()),
			'LinkUp sent a response that is not valid JSON',
			NOT_JSON_DESCRIPTION,
			'200',
		);
	});

	it('an HTML 502 page from a proxy is an error that names the status', async () => {
		sandbox.injectFault('HTML_502');
		expectFailure(
			await runNode(node(), creds()),
			'LinkUp sent a response that is not valid JSON (HTTP 502)',
			NOT_JSON_DESCRIPTION,
			'502',
		);
	});

	it('nothing listening: our network wording', async () => {
		const baseUrl = `http://127.0.0.1:${await closedPort()}`;
		const result = await runNode(node(), credentialData(baseUrl, API_KEY));
		expect([result.error?.message, result.error?.description, result.error?.httpCode]).toEqual([
			`Could not reach LinkUp at ${baseUrl}`,
			UNREACHABLE_DESCRIPTION,
			'ECONNREFUSED',
		]);
		expectNoKey(result, API_KEY);
	});
});

describe('Get Conversation: errors the real API gives for real reasons (no fault injected)', () => {
	it('an unknown conversation ID → LinkUp refused a parameter, with its message', async () => {
		const unknown = 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAnobody,2-bm9ib2R5)';
		const result = await runNode(getConversationNode(conversationRl(unknown)), creds());
		expectFailure(
			result,
			...wording(
				'INVALID_PARAMS',
				`params.conversation_id: no conversation ${unknown} in this account`,
			),
		);
	});

	it('a profile URL with no conversation → LinkUp refused a parameter, with its message', async () => {
		const url = 'https://www.linkedin.com/in/nobody-we-know';
		const result = await runNode(getConversationNode(conversationRl(url, 'url')), creds());
		expectFailure(
			result,
			...wording(
				'INVALID_PARAMS',
				`params.profile_url: no conversation with ${url} in this account`,
			),
		);
	});

	it.each(REFUSED_ACCOUNTS)('%s', async (_label, parameters, code) => {
		expectFailure(await runNode(node(parameters), creds()), ...wording(code));
	});

	it('a wrong API key → INVALID_API_KEY wording, and neither key shows', async () => {
		const wrong = 'lk_live_0f1e2d3c4b5a69788796a5b4c3d2e1f0';
		const result = await runNode(node(), creds(wrong));
		expect(sandbox.requests[0].headers['x-api-key']).toBe(wrong);
		expectFailure(result, ...wording('INVALID_API_KEY'));
		expectNoKey(result, wrong);
	});
});

describe('Get Conversation: Continue On Fail', () => {
	it('an API error: the run succeeds and the one item carries the error', async () => {
		sandbox.injectFault('INSUFFICIENT_CREDITS');
		const result = await runNode(node({}, continueOnFail), creds());
		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(result.items.map((i) => i.json)).toStrictEqual([
			{ error: 'Your LinkUp credits are used up' },
		]);
		expect(result.items[0].error).toBeInstanceOf(NodeApiError);
		expect([
			result.items[0].error?.description,
			(result.items[0].error as NodeApiError).httpCode,
		]).toEqual([CREDITS_DESCRIPTION.getConversation, '402']);
		expectNoKey(result, API_KEY);
	});

	it('three input items, the second fails: its item carries the error, the others their messages', async () => {
		const unknown = 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAnobody,2-bm9ib2R5)';
		const [first, , third] = sandbox.inbox.all(SANDBOX_ACCOUNT_ID).map((c) => c.conversation_id);
		const ids = [first, unknown, third];
		const conversation = conversationRl('={{ $json.id }}');
		const inputs = ids.map((id) => ({ json: { id } }));
		const { items, error } = await runNodeOn(
			getConversationNode(conversation, { limit: 1 }, continueOnFail),
			creds(),
			inputs,
		);
		expect(error).toBeUndefined();
		const sent = sandbox.requests.map(
			(r) => (r.body as { params: { conversation_id: string } }).params.conversation_id,
		);
		expect(sent.sort()).toEqual([...ids].sort());
		expect(items.map((i) => i.json.error ?? i.json.conversationId)).toEqual([
			first,
			`LinkUp refused a parameter: params.conversation_id: no conversation ${unknown} in this account`,
			third,
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('bad input: the item carries the refusal and nothing is sent', async () => {
		const { items, error } = await runNode(
			getConversationNode(conversationRl('={{ "  " }}'), {}, continueOnFail),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toStrictEqual([
			{
				error:
					'Conversation is empty: enter a conversation ID (conversationId of List Inbox or the trigger), or choose By Profile URL',
			},
		]);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Get Conversation: the API key appears in no output', () => {
	it('a successful run (the check itself works: the key was sent)', async () => {
		const result = await runNode(node(), creds());
		expect(result.items.length).toBeGreaterThan(0);
		expect(sandbox.requests[0].headers['x-api-key']).toBe(API_KEY);
		expectNoKey(result, API_KEY);
	});
});
