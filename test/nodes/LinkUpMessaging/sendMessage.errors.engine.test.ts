import { NodeApiError } from 'n8n-workflow';

import { credentialData, runNode, type ActionRun } from '../../helpers/engine';
import { REFUSED_ACCOUNTS, expectOneRequestFailure } from '../../helpers/failures';
import { closedPort } from '../../helpers/listInbox';
import {
	CREDITS_DESCRIPTION,
	expectNoKey,
	runNodeOn,
	sendMessageNode,
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
	type SandboxConversation,
} from '../../sandbox';

// A key that cannot turn up by accident: long, and in no fixture.
const API_KEY = 'lk_live_a1b2c3d4e5f60718293a4b5c6d7e8f90';
let sandbox: Sandbox;
let people: string[];

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(13, 15), apiKey: API_KEY });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	people = sandbox.inbox
		.all(SANDBOX_ACCOUNT_ID)
		.map((c) => c.participant.profile_url ?? '')
		.filter((url) => url.includes('/in/'));
});

const creds = (apiKey = API_KEY) => credentialData(sandbox.url, apiKey);
const node = (parameters: Record<string, unknown> = {}, extra = {}) =>
	sendMessageNode({ profileUrl: people[0], text: 'Hello!', ...parameters }, extra);
const continueOnFail = { onError: 'continueRegularOutput' as const };
/** The inbox as it stands: a failed send must leave it as it was. */
const snapshot = (): SandboxConversation[] => sandbox.inbox.all(SANDBOX_ACCOUNT_ID);

/** Failed with exactly these words after exactly one request (never retried), nothing sent, no key anywhere. */
function expectFailure(
	result: ActionRun,
	before: SandboxConversation[],
	message: string,
	description: string,
	httpCode: string,
) {
	expectOneRequestFailure(result, sandbox, { message, description, httpCode });
	expect(snapshot()).toEqual(before);
	expectNoKey(result, API_KEY);
}

const wording = (code: DocumentedCode) => {
	const { message, description, status } = API_ERROR_WORDING[code];
	const shown =
		code === 'INVALID_PARAMS' ? `${message}: ${FAULT_MESSAGES.INVALID_PARAMS}` : message;
	return [
		shown,
		code === 'INSUFFICIENT_CREDITS' ? CREDITS_DESCRIPTION.sendMessage : description,
		String(status),
	] as const;
};

describe('Send Message: every documented error code becomes our NodeApiError, sent once and never retried', () => {
	it.each(DOCUMENTED_CODES)('%s', async (code) => {
		const before = snapshot();
		sandbox.injectFault(code, { times: 5 });
		const result = await runNode(node(), creds());
		expect(sandbox.requests[0].status).toBe(API_ERROR_WORDING[code].status);
		expectFailure(result, before, ...wording(code));
	});
});

describe('Send Message: broken answers', () => {
	it.each([
		[
			'SUCCESS_FALSE_200',
			API_ERROR_WORDING.INTERNAL_ERROR.message,
			API_ERROR_WORDING.INTERNAL_ERROR.description,
			'200',
		],
		[
			'MALFORMED_JSON',
			'LinkUp sent a response that is not valid JSON',
			NOT_JSON_DESCRIPTION,
			'200',
		],
		[
			'HTML_502',
			'LinkUp sent a response that is not valid JSON (HTTP 502)',
			NOT_JSON_DESCRIPTION,
			'502',
		],
	] as const)('%s', async (fault, message, description, httpCode) => {
		const before = snapshot();
		sandbox.injectFault(fault, { times: 5 });
		expectFailure(await runNode(node(), creds()), before, message, description, httpCode);
	});

	it('nothing listening: our network wording, and no key', async () => {
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

describe('Send Message: errors the real API gives for real reasons (no fault injected)', () => {
	it.each(REFUSED_ACCOUNTS)('%s', async (_label, parameters, code) => {
		const before = snapshot();
		expectFailure(await runNode(node(parameters), creds()), before, ...wording(code));
	});

	it('a wrong API key → INVALID_API_KEY wording, and neither key shows', async () => {
		const wrong = 'lk_live_f0e1d2c3b4a5968778695a4b3c2d1e0f';
		const before = snapshot();
		const result = await runNode(node(), creds(wrong));
		expectFailure(result, before, ...wording('INVALID_API_KEY'));
		expectNoKey(result, wrong);
	});
});

describe('Send Message with several items when one fails', () => {
	const inputs = () =>
		people.slice(0, 3).map((url, i) => ({ json: { url, text: `Message ${i + 1}` } }));
	const parameters = { profileUrl: '={{ $json.url }}', text: '={{ $json.text }}' };

	it('without Continue On Fail: the run fails on item 2, and item 3 is not sent', async () => {
		sandbox.injectFault('INTERNAL_ERROR', { skip: 1 });
		const { error, run } = await runNodeOn(node(parameters), creds(), inputs());
		expect(run.status).toBe('error');
		expect(error?.message).toBe(API_ERROR_WORDING.INTERNAL_ERROR.message);
		expect(
			sandbox.requests.map(
				(r) => (r.body as { params: { message_text: string } }).params.message_text,
			),
		).toEqual(['Message 1', 'Message 2']);
		expect(sandbox.creditsConsumed).toBe(1);
	});

	it('without Continue On Fail, bad input on item 2 stops item 3 too (item 1 went before it)', async () => {
		const items = inputs();
		items[1].json.text = ' ';
		const { error } = await runNodeOn(node(parameters), creds(), items);
		expect(error?.message).toBe('Text is empty: enter the message to send');
		expect(
			sandbox.requests.map(
				(r) => (r.body as { params: { message_text: string } }).params.message_text,
			),
		).toEqual(['Message 1']);
	});

	it('with Continue On Fail: item 2 carries the error, items 1 and 3 are sent', async () => {
		sandbox.injectFault('INSUFFICIENT_CREDITS', { skip: 1 });
		const result = await runNodeOn(node(parameters, continueOnFail), creds(), inputs());
		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(sandbox.requests).toHaveLength(3);
		expect(result.items.map((i) => i.json.error ?? i.json.profileUrl)).toEqual([
			people[0],
			'Your LinkUp credits are used up',
			people[2],
		]);
		expect(result.items[1].error).toBeInstanceOf(NodeApiError);
		expect(result.items[1].error?.description).toBe(CREDITS_DESCRIPTION.sendMessage);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.creditsConsumed).toBe(2);
		expectNoKey(result, API_KEY);
	});

	it('with Continue On Fail, bad input on item 2 is refused without a request; items 1 and 3 are sent', async () => {
		const items = inputs();
		items[1].json.url = 'https://example.com/ada';
		const result = await runNodeOn(node(parameters, continueOnFail), creds(), items);
		expect(result.items.map((i) => i.json.error ?? i.json.profileUrl)).toEqual([
			people[0],
			'Profile URL must be a LinkedIn profile URL like https://www.linkedin.com/in/ada-lovelace (got "https://example.com/ada")',
			people[2],
		]);
		expect(sandbox.requests).toHaveLength(2);
	});
});

describe('Send Message: the API key appears in no output', () => {
	it('a successful run (the check itself works: the key was sent)', async () => {
		const result = await runNode(node(), creds());
		expect(result.items).toHaveLength(1);
		expect(sandbox.requests[0].headers['x-api-key']).toBe(API_KEY);
		expectNoKey(result, API_KEY);
	});
});
