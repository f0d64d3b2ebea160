import { SANDBOX_ACCOUNT_ID } from '../../sandbox';
import { webhookSuite } from './webhookSuite';

const A = SANDBOX_ACCOUNT_ID;
const { sandbox, triggerFor, activate, registeredFor, message } = webhookSuite();

describe('LinkUp Trigger lifecycle through n8n-core (HookContext) against the sandbox', () => {
	it('activation registers exactly one signed, monitoring webhook for n8n’s URL and keeps its id and secret', async () => {
		const trigger = await triggerFor();
		expect(await trigger.hook('checkExists')).toBe(false);
		expect(await trigger.hook('create')).toBe(true);
		const [webhook, ...others] = registeredFor(trigger.url());
		expect(others).toEqual([]);
		expect(webhook).toMatchObject({
			account_id: A,
			events: ['message_received'],
			signature_enabled: true,
			monitoring: true,
		});
		expect(trigger.stored()).toMatchObject({
			webhookId: webhook.webhook_id,
			secret: webhook.secret,
		});
		expect(await trigger.hook('checkExists')).toBe(true);
		expect(sandbox().creditsConsumed).toBe(0);
	});

	it('deactivation deletes the webhook (billing stops); deleting again, or after LinkUp lost it, still succeeds', async () => {
		const trigger = await triggerFor();
		await activate(trigger);
		const id = registeredFor(trigger.url())[0].webhook_id;
		expect(await trigger.hook('delete')).toBe(true);
		expect(sandbox().webhooks.list()).toEqual([]);
		expect(trigger.stored()).toEqual({});
		const after = sandbox().webhooks.monitoringCredits(Date.now() + 10 * 86_400_000);
		expect(after).toBeLessThan(0.01);
		expect(await trigger.hook('delete')).toBe(true);
		await activate(trigger);
		await fetch(`${sandbox().url}/v2/webhooks/${registeredFor(trigger.url())[0].webhook_id}`, {
			method: 'DELETE',
			headers: { 'x-api-key': sandbox().apiKey },
		});
		expect(await trigger.hook('delete')).toBe(true);
		expect(id).toMatch(/^wh_/);
	});

	it('re-activation, re-publishing (create without checkExists) and a restart leave exactly one webhook', async () => {
		const trigger = await triggerFor();
		await activate(trigger);
		await activate(trigger);
		await trigger.hook('create');
		await trigger.hook('create');
		expect(registeredFor(trigger.url())).toHaveLength(1);
		// n8n restarts: the same URL, the static data as saved; 1.x runs checkExists → create.
		const saved = JSON.parse(JSON.stringify(trigger.workflow.staticData));
		await trigger.close();
		const restarted = await triggerFor({}, { staticData: saved, port: trigger.port });
		expect(restarted.url()).toBe(trigger.url());
		await activate(restarted);
		await restarted.hook('create');
		expect(registeredFor(trigger.url())).toHaveLength(1);
		await message();
		expect(restarted.executions).toHaveLength(1);
	});

	it('a changed WEBHOOK_URL moves the webhook: the one for the old URL is deleted', async () => {
		const before = await triggerFor();
		await activate(before);
		const saved = JSON.parse(JSON.stringify(before.workflow.staticData));
		const moved = await triggerFor({}, { staticData: saved });
		expect(moved.url()).not.toBe(before.url());
		await activate(moved);
		expect(
			sandbox()
				.webhooks.list()
				.map((w) => w.url),
		).toEqual([moved.url()]);
		await message();
		expect(moved.executions).toHaveLength(1);
		expect(before.executions).toHaveLength(0);
	});

	it('a lost secret is replaced, never skipped: the next activation registers anew and deliveries verify', async () => {
		const trigger = await triggerFor();
		await activate(trigger);
		const before = registeredFor(trigger.url())[0].webhook_id;
		delete trigger.stored().secret;
		expect(await trigger.hook('checkExists')).toBe(false);
		await trigger.hook('create');
		const [now, ...others] = registeredFor(trigger.url());
		expect(others).toEqual([]);
		expect(now.webhook_id).not.toBe(before);
		await message();
		expect(trigger.executions).toHaveLength(1);
	});

	it('changing the events or the account re-registers with the new filter', async () => {
		const trigger = await triggerFor();
		await activate(trigger);
		trigger.node.parameters.events = ['invitationAccepted'];
		await activate(trigger);
		expect(registeredFor(trigger.url()).map((w) => w.events)).toEqual([['accepted_invitation']]);
	});

	it('starts monitoring when LinkUp creates webhooks stopped, and reads the list as a bare array', async () => {
		sandbox().webhooks.configure({ webhookStartsMonitoring: false, webhookListShape: 'array' });
		const trigger = await triggerFor();
		await activate(trigger);
		expect(registeredFor(trigger.url())).toEqual([expect.objectContaining({ monitoring: true })]);
		await activate(trigger);
		await trigger.hook('create');
		expect(registeredFor(trigger.url())).toHaveLength(1);
	});

	it('"Listen for test event" registers the test URL, fires, and removes it when listening ends', async () => {
		const trigger = await triggerFor();
		await activate(trigger, true);
		expect(
			sandbox()
				.webhooks.list()
				.map((w) => w.url),
		).toEqual([trigger.url(true)]);
		await message();
		expect(trigger.executions).toHaveLength(1);
		await trigger.hook('delete', { isTest: true });
		expect(sandbox().webhooks.list()).toEqual([]);
	});

	it('monitoring bills about 10 credits a day while the webhook exists', async () => {
		const trigger = await triggerFor();
		await activate(trigger);
		const day = Date.now() + 86_400_000;
		expect(sandbox().webhooks.monitoringCredits(day)).toBeCloseTo(10, 1);
	});
});

describe('LinkUp Trigger activation errors', () => {
	it('LinkUp refusing a non-public URL names WEBHOOK_URL, and leaves nothing registered', async () => {
		sandbox().webhooks.configure({ webhookRequireHttps: true });
		const trigger = await triggerFor();
		const error = await activate(trigger).catch((e: Error & { description?: string }) => e);
		expect(error).toMatchObject({
			message: expect.stringContaining("LinkUp refused n8n's webhook URL http://127.0.0.1:"),
			description: expect.stringContaining('WEBHOOK_URL'),
		});
		expect(sandbox().webhooks.list()).toEqual([]);
	});

	it('with the real LinkUp base URL, a local n8n URL is refused before any request', async () => {
		const trigger = await triggerFor({}, { baseUrl: 'https://api.linkupapi.com' });
		const error = await trigger.hook('create').catch((e: Error & { description?: string }) => e);
		expect(error).toMatchObject({
			message: expect.stringContaining('public HTTPS address'),
			description: expect.stringContaining('WEBHOOK_URL'),
		});
		expect(sandbox().requests).toEqual([]);
	});

	it('an empty account or no event is refused before any request', async () => {
		const noAccount = await triggerFor({ accountId: { __rl: true, mode: 'id', value: ' ' } });
		await expect(noAccount.hook('create')).rejects.toThrow(/account/i);
		const noEvent = await triggerFor({ events: [] });
		await expect(noEvent.hook('create')).rejects.toThrow('No event selected');
		expect(sandbox().requests).toEqual([]);
	});

	it('a LinkUp failure on create is the usual LinkUp error, without the API key', async () => {
		sandbox().injectFault('INTERNAL_ERROR', { path: '/v2/webhooks', skip: 1 });
		const trigger = await triggerFor();
		const error = await trigger.hook('create').catch((e: Error) => e);
		expect(error).toMatchObject({ message: 'LinkUp had an internal error' });
		expect(JSON.stringify(error)).not.toContain(sandbox().apiKey);
		expect(sandbox().webhooks.list()).toEqual([]);
	});
});
