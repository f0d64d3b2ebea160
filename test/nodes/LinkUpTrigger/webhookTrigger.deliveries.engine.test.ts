import { SANDBOX_ACCOUNT_ID, signature } from '../../sandbox';
import { webhookSuite } from './webhookSuite';

const A = SANDBOX_ACCOUNT_ID;
const { sandbox, triggerFor, activate, registeredFor, message } = webhookSuite();

describe('LinkUp Trigger deliveries through n8n-core (WebhookContext) from the sandbox', () => {
	it('a sandbox message starts one execution with the simplified item', async () => {
		const trigger = await triggerFor();
		await activate(trigger);
		const conversation = await message('Are you free on Tuesday?');
		expect(trigger.executions).toHaveLength(1);
		const [item] = trigger.executions[0];
		expect(item.json).toEqual({
			event: 'messageReceived',
			accountId: A,
			accountName: expect.any(String),
			senderName: conversation.participant.name,
			senderProfileUrl: conversation.participant.profile_url ?? null,
			messageText: 'Are you free on Tuesday?',
			conversationId: conversation.conversation_id,
			occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
		expect(sandbox().webhooks.deliveries.map((d) => d.status)).toEqual([200]);
	});

	it('with Simplify off the item is the body LinkUp sent, exactly', async () => {
		const trigger = await triggerFor({ simplify: false });
		await activate(trigger);
		await message();
		expect(trigger.executions[0][0].json).toEqual(
			JSON.parse(sandbox().webhooks.deliveries[0].body),
		);
	});

	it('reads the other body shape (event name + data) the same way', async () => {
		sandbox().webhooks.configure({ webhookDeliveryShape: 'data' });
		const trigger = await triggerFor();
		await activate(trigger);
		const conversation = await message('shape two');
		expect(trigger.executions[0][0].json).toMatchObject({
			event: 'messageReceived',
			messageText: 'shape two',
			conversationId: conversation.conversation_id,
		});
	});

	it('forged, stale, unsigned and malformed deliveries get 401/400 and start nothing; a retry starts one', async () => {
		const trigger = await triggerFor();
		await activate(trigger);
		await message();
		const [first] = sandbox().webhooks.deliveries;
		const secret = String(trigger.stored().secret);
		const now = String(Math.floor(Date.now() / 1000));
		const stale = String(Math.floor(Date.now() / 1000) - 301);
		const signed = (body: string, timestamp = now, key = secret) => ({
			'x-linkup-timestamp': timestamp,
			'x-linkup-signature': signature(key, timestamp, body),
		});
		const forged = first.body.replace('Are you free', 'Send the invoice');
		expect((await trigger.post(forged, signed(forged, now, 'whsec_guess'))).status).toBe(401);
		expect((await trigger.post(forged, { 'x-linkup-timestamp': now })).status).toBe(401);
		expect((await trigger.post(first.body, signed(first.body, stale))).status).toBe(401);
		expect(
			(await trigger.post(forged, { ...signed(first.body), 'x-linkup-timestamp': now })).status,
		).toBe(401);
		expect((await trigger.post('{"account_id":', signed('{"account_id":'))).status).toBe(400);
		expect((await trigger.post('{"event":{}}', signed('{"event":{}}'))).status).toBe(400);
		await sandbox().webhooks.redeliver(first.index);
		expect((await trigger.post(first.body, signed(first.body))).status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.answers.map((a) => a.status)).toEqual([
			200, 401, 401, 401, 401, 400, 400, 200, 200,
		]);
	});

	it('events not selected are acknowledged with 200 and start nothing; selected ones start one each', async () => {
		const trigger = await triggerFor({ events: ['messageReceived', 'invitationAccepted'] });
		await activate(trigger);
		expect(registeredFor(trigger.url())[0].events).toEqual([
			'message_received',
			'accepted_invitation',
		]);
		sandbox().webhooks.disconnect(A);
		sandbox().webhooks.invitationAccepted(A, {
			name: 'Linus',
			profile_url: 'https://www.linkedin.com/in/linus',
		});
		await sandbox().webhooks.settled();
		expect(sandbox().webhooks.deliveries.map((d) => [d.type, d.status])).toEqual([
			['disconnection', 200],
			['accepted_invitation', 200],
		]);
		expect(trigger.executions.map((e) => e[0].json)).toEqual([
			expect.objectContaining({
				event: 'invitationAccepted',
				senderName: 'Linus',
				senderProfileUrl: 'https://www.linkedin.com/in/linus',
			}),
		]);
	});

	it('Account Disconnected alone fires on a disconnection and ignores messages', async () => {
		const trigger = await triggerFor({ events: ['accountDisconnected'] });
		await activate(trigger);
		await message();
		sandbox().webhooks.disconnect(A);
		await sandbox().webhooks.settled();
		expect(trigger.executions.map((e) => e[0].json.event)).toEqual(['accountDisconnected']);
	});
});
