// The node gives up on a request after REQUEST_TIMEOUT_MS (60 s when shipped). This file alone
// shortens it through jest's module registry: the shipped constant and code stay as they are.
jest.mock('../../../nodes/shared/constants', () => ({
	...jest.requireActual('../../../nodes/shared/constants'),
	REQUEST_TIMEOUT_MS: 400,
}));

import { credentialData, runNode } from '../../helpers/engine';
import {
	SEND_TIMEOUT_DESCRIPTION,
	expectNoKey,
	runNodeOn,
	sendMessageNode,
} from '../../helpers/messages';
import { TIMEOUT_WORDING } from '../../helpers/wording';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;
let url: string;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(4, 10) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	url =
		sandbox.inbox.all(SANDBOX_ACCOUNT_ID).find((c) => c.participant.profile_url?.includes('/in/'))
			?.participant.profile_url ?? '';
});

const creds = () => credentialData(sandbox.url, sandbox.apiKey);

describe('Send Message when LinkUp never answers (HANG)', () => {
	it('times out once, is not retried, and says the message may have gone out', async () => {
		sandbox.injectFault('HANG', { times: 3 });
		const started = Date.now();
		const result = await runNode(sendMessageNode({ profileUrl: url, text: 'Hello' }), creds());
		const { items, error, run } = result;
		expect(run.status).toBe('error');
		expect(error?.name).toBe('NodeApiError');
		expect([error?.message, error?.description, error?.httpCode]).toEqual([
			TIMEOUT_WORDING.message,
			SEND_TIMEOUT_DESCRIPTION,
			'ECONNABORTED',
		]);
		expect(items).toEqual([]);
		expect(sandbox.requests.map((r) => [r.status, r.fault])).toEqual([[0, 'HANG']]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(350);
		expectNoKey(result, sandbox.apiKey);
	});

	it('with Continue On Fail the item carries the timeout and the next item is sent', async () => {
		sandbox.injectFault('HANG');
		const inputs = [{ json: { text: 'one' } }, { json: { text: 'two' } }];
		const node = sendMessageNode(
			{ profileUrl: url, text: '={{ $json.text }}' },
			{ onError: 'continueRegularOutput' },
		);
		const { items, error } = await runNodeOn(node, creds(), inputs);
		expect(error).toBeUndefined();
		expect(items[0].json).toStrictEqual({ error: TIMEOUT_WORDING.message });
		expect(items[0].error?.description).toBe(SEND_TIMEOUT_DESCRIPTION);
		expect(items[1].json.profileUrl).toBe(url);
		expect(sandbox.requests.map((r) => r.status)).toEqual([0, 200]);
	});
});
