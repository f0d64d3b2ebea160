import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';
import { webhookTrigger } from './webhookHarness';

type Trigger = Awaited<ReturnType<typeof webhookTrigger>>;
type TriggerArgs = Parameters<typeof webhookTrigger> extends [unknown, ...infer R] ? R : never;

/**
 * One sandbox for a test file (reset before each test) and the triggers its tests open (closed
 * after each test). Call at the top of a test file.
 */
export function webhookSuite() {
	let sandbox: Sandbox;
	const open: Trigger[] = [];
	beforeAll(async () => {
		sandbox = await startSandbox({ inbox: realisticInbox(7, 12) });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());
	afterEach(async () => {
		while (open.length > 0) await open.pop()!.close();
	});

	return {
		sandbox: () => sandbox,
		triggerFor: async (...args: TriggerArgs) => {
			const trigger = await webhookTrigger(sandbox, ...args);
			open.push(trigger);
			return trigger;
		},
		/** n8n's activation: checkExists, then create when it says no. */
		activate: async (trigger: Trigger, isTest = false) => {
			if (!(await trigger.hook('checkExists', { isTest })))
				await trigger.hook('create', { isTest });
		},
		registeredFor: (url: string) => sandbox.webhooks.list().filter((w) => w.url === url),
		/** A message arrives in the newest conversation; resolves once LinkUp delivered it. */
		message: async (text = 'Are you free on Tuesday?') => {
			const [first] = sandbox.inbox.all(SANDBOX_ACCOUNT_ID);
			sandbox.inbox.receiveMessage(SANDBOX_ACCOUNT_ID, first.conversation_id, {
				text,
				time: Date.now(),
			});
			await sandbox.webhooks.settled();
			return first;
		},
	};
}
