import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SANDBOX_WHATSAPP_ACCOUNT_ID, startSandbox } from './index';
import type { ApiWebhook, Sandbox, WebhookEventFilter } from './index';
import { api, control, Receiver, type Received } from './webhookTestKit';

type Created = ApiWebhook & { secret?: string };
const DAY = 86_400_000;

let sandbox: Sandbox;
let receiver: Receiver;
beforeAll(async () => {
	sandbox = await startSandbox({ inbox: [] });
	receiver = await new Receiver().start();
});
afterAll(async () => {
	await sandbox.close();
	await receiver.close();
});
beforeEach(() => {
	sandbox.reset();
	receiver.received.length = 0;
	receiver.status = 200;
	receiver.delayMs = 0;
});

async function hook(body: Record<string, unknown> = {}): Promise<Created> {
	const defaults = { account_id: sandbox.accountId, url: receiver.url(), enable_signature: true };
	return (await api<Created>(sandbox, 'POST', '/v2/webhooks', { ...defaults, ...body })).body.data;
}

/** What a receiver must do: HMAC over the raw bytes, constant-time compare. */
function verifies(secret: string, r: Received): boolean {
	const ts = r.headers['x-linkup-timestamp'];
	const mac = createHmac('sha256', secret).update(`${ts}.`).update(r.raw).digest('hex');
	const expected = Buffer.from(`v1=${mac}`);
	const got = Buffer.from(r.headers['x-linkup-signature'] ?? '');
	return got.length === expected.length && timingSafeEqual(got, expected);
}

const json = (r: Received) => JSON.parse(r.raw.toString('utf8')) as Record<string, unknown>;

describe('deliveries', () => {
	it('a message: documented body, headers, and a signature over the raw bytes', async () => {
		const { secret } = await hook({ events: ['message_received'] });
		const c = sandbox.inbox.newConversation(sandbox.accountId, {
			participantName: 'Zoë Ünïcødé 🚀',
			text: 'Salut 👋 "quoted"',
			time: 1_700_000_000_000,
		});
		await sandbox.webhooks.settled();
		expect(receiver.received).toHaveLength(1);
		const [r] = receiver.received;
		expect(r.method).toBe('POST');
		expect(r.headers['content-type']).toBe('application/json');
		expect(r.headers['user-agent']).toBe('LinkUp-Webhooks/1.0');
		expect(verifies(secret as string, r)).toBe(true);
		expect(verifies(`${secret}x`, r)).toBe(false);
		const [message] = sandbox.inbox.messages(sandbox.accountId, c.conversation_id);
		const body = json(r);
		expect(body).toEqual({
			account_id: sandbox.accountId,
			account_name: 'Ada Lovelace',
			event: {
				type: 'message',
				sender_name: 'Zoë Ünïcødé 🚀',
				sender_profile: c.participant.profile_url,
				message_text: 'Salut 👋 "quoted"',
				conversation_id: c.conversation_id,
				message_id: `msg_${message.seq}`,
				occurred_at: '2023-11-14T22:13:20.000Z',
			},
			timestamp: expect.stringMatching(/^\d{4}-.*Z$/),
		});
		const [d] = sandbox.webhooks.deliveries;
		expect(d).toMatchObject({ index: 0, type: 'message_received', status: 200, done: true });
		expect(d.body).toBe(r.raw.toString('utf8'));
		expect(Number(r.headers['x-linkup-timestamp'])).toBe(Math.floor(d.sentAt / 1000));
		expect(d.answeredAt).toBeGreaterThanOrEqual(d.sentAt);
	});

	it('the data shape, and every way a message arrives (control endpoints too)', async () => {
		sandbox.webhooks.configure({ webhookDeliveryShape: 'data' });
		await hook({ enable_signature: false });
		const first = await control(sandbox, 'POST', 'message', { text: 'one', time: 1000 });
		const id = (first.body.conversation as { conversation_id: string }).conversation_id;
		await control(sandbox, 'POST', 'message', { conversationId: id, text: 'two', time: 2000 });
		await control(sandbox, 'POST', 'message', { conversationId: id, text: 'mine', fromMe: true });
		sandbox.inbox.receiveMessage(sandbox.accountId, id, { text: 'three', time: 3000 });
		sandbox.inbox.newConversation(SANDBOX_WHATSAPP_ACCOUNT_ID, {}); // no webhook there
		const copy = { ...sandbox.inbox.get(sandbox.accountId, id), conversation_id: 'urn:copy' };
		await control(sandbox, 'POST', 'conversation', { conversation: copy, wait: true });
		const bodies = receiver.received.map(json);
		expect(bodies.map((b) => (b.data as { message_text: string }).message_text)).toEqual([
			'one',
			'two',
			'three',
			'three',
		]);
		expect(bodies[1]).toEqual({
			account_id: sandbox.accountId,
			account_name: 'Ada Lovelace',
			event: 'message_received',
			data: {
				conversation_id: id,
				sender_name: expect.any(String),
				sender_profile_url: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/in\//),
				message_text: 'two',
				timestamp: 2000,
			},
			timestamp: expect.any(String),
		});
		expect(receiver.received[0].headers['x-linkup-signature']).toBeUndefined();
		expect(receiver.received[0].headers['x-linkup-timestamp']).toBeUndefined();
	});

	it('events filter; disconnection goes to every monitoring webhook; stopped and hosted get none', async () => {
		const filters: WebhookEventFilter[][] = [
			['accepted_invitation'],
			['message_received'],
			['all'],
		];
		const [inv, msg, all] = await Promise.all(
			filters.map((events, i) => hook({ events, url: receiver.url(`/${i}`) })),
		);
		const stopped = await hook({ url: receiver.url('/stopped') });
		await api(sandbox, 'POST', `/v2/webhooks/${stopped.webhook_id}/stop`);
		await hook({ url: null });
		const paths = async (): Promise<string[]> => {
			await sandbox.webhooks.settled();
			const out = receiver.received.map((r) => r.path).sort();
			receiver.received.length = 0;
			return out;
		};
		sandbox.inbox.newConversation(sandbox.accountId);
		expect(await paths()).toEqual(['/1', '/2']);
		sandbox.webhooks.invitationAccepted(sandbox.accountId, { name: 'Grace Hopper' });
		expect(await paths()).toEqual(['/0', '/2']);
		const started = sandbox.webhooks.disconnect(sandbox.accountId);
		expect(started.map((d) => d.webhook_id).sort()).toEqual(
			[inv.webhook_id, msg.webhook_id, all.webhook_id].sort(),
		);
		expect(await paths()).toEqual(['/0', '/1', '/2']);
		await control(sandbox, 'POST', 'invitation-accepted', {
			profile_url: 'https://www.linkedin.com/in/grace',
			wait: true,
		});
		const event = JSON.parse(sandbox.webhooks.deliveries.at(-1)?.body ?? '{}').event;
		expect(event).toEqual({
			type: 'accepted_invitation',
			sender_name: 'Grace Hopper',
			sender_profile: 'https://www.linkedin.com/in/grace',
			occurred_at: expect.any(String),
		});
		expect(sandbox.webhooks.deliveries.map((d) => d.type)).toEqual([
			...['message_received', 'message_received', 'accepted_invitation', 'accepted_invitation'],
			...['disconnection', 'disconnection', 'disconnection'],
			...['accepted_invitation', 'accepted_invitation'],
		]);
	});

	it('rotate-secret: the next delivery is signed with the new secret only', async () => {
		const { webhook_id, secret } = await hook();
		const rotated = await api<{ secret: string }>(
			sandbox,
			'POST',
			`/v2/webhooks/${webhook_id}/rotate-secret`,
		);
		sandbox.webhooks.disconnect(sandbox.accountId);
		await sandbox.webhooks.settled();
		expect(verifies(rotated.body.data.secret, receiver.received[0])).toBe(true);
		expect(verifies(secret as string, receiver.received[0])).toBe(false);
	});

	it('redeliver sends the same bytes and headers, recorded as a new attempt', async () => {
		await hook();
		sandbox.inbox.newConversation(sandbox.accountId);
		await sandbox.webhooks.settled();
		receiver.status = 503;
		const again = await sandbox.webhooks.redeliver(0);
		expect(again).toMatchObject({ index: 1, redeliveryOf: 0, status: 503, done: true });
		const [a, b] = receiver.received;
		expect(b.raw.equals(a.raw)).toBe(true);
		for (const h of ['x-linkup-signature', 'x-linkup-timestamp', 'user-agent', 'content-type'])
			expect(b.headers[h]).toBe(a.headers[h]);
		const viaControl = await control(sandbox, 'POST', 'redeliver', { index: 0, wait: true });
		expect(viaControl.body.delivery).toMatchObject({ index: 2, status: 503, done: true });
		expect(() => sandbox.webhooks.redeliver(9)).toThrow('no delivery 9');
		expect((await control(sandbox, 'POST', 'redeliver', { index: 9 })).status).toBe(404);
	});

	it('webhookStartsMonitoring false: nothing is delivered until /start', async () => {
		sandbox.webhooks.configure({ webhookStartsMonitoring: false });
		const { webhook_id } = await hook();
		sandbox.inbox.newConversation(sandbox.accountId, { text: 'before' });
		await sandbox.webhooks.settled();
		expect(receiver.received).toHaveLength(0);
		await api(sandbox, 'POST', `/v2/webhooks/${webhook_id}/start`);
		sandbox.inbox.newConversation(sandbox.accountId, { text: 'after' });
		await sandbox.webhooks.settled();
		expect(
			receiver.received.map((r) => (json(r).event as { message_text: string }).message_text),
		).toEqual(['after']);
	});

	it('a slow or dead receiver never blocks the request that caused the delivery', async () => {
		receiver.delayMs = 1500;
		await hook();
		await hook({ url: 'http://127.0.0.1:1/closed' });
		const started = Date.now();
		const res = await control(sandbox, 'POST', 'message', { text: 'hi' });
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(sandbox.webhooks.deliveries.map((d) => d.done)).toEqual([false, expect.any(Boolean)]);
		await sandbox.webhooks.settled();
		const [slow, dead] = sandbox.webhooks.deliveries;
		expect([slow.status, slow.done]).toEqual([200, true]);
		expect(slow.answeredAt - slow.sentAt).toBeGreaterThanOrEqual(1400);
		expect(dead.status).toBe(0);
		expect(dead.error).toMatch(/ECONNREFUSED|fetch failed/);
	});

	it('close() aborts a delivery in flight', async () => {
		const other = await startSandbox({ inbox: [] });
		receiver.delayMs = -1;
		await api(other, 'POST', '/v2/webhooks', { account_id: other.accountId, url: receiver.url() });
		other.inbox.newConversation(other.accountId);
		await other.close();
		await other.webhooks.settled();
		expect(other.webhooks.deliveries[0]).toMatchObject({ status: 0, error: 'sandbox closed' });
	});
});

describe('monitoring credits', () => {
	const perMs = 10 / DAY;
	it('~10 credits a day per monitored account, not per webhook', async () => {
		const a = await hook();
		const t0 = Date.parse(a.created_at);
		expect(sandbox.webhooks.monitoringCredits(t0)).toBe(0);
		expect(sandbox.webhooks.monitoringCredits(t0 + DAY)).toBe(10);
		expect(sandbox.webhooks.monitoringCredits(t0 + 6 * 3_600_000)).toBe(2.5);
		await hook(); // same account: no second bill
		expect(sandbox.webhooks.monitoringCredits(t0 + DAY)).toBe(10);
		const w = await hook({ account_id: SANDBOX_WHATSAPP_ACCOUNT_ID });
		const t1 = Date.parse(w.created_at);
		expect(sandbox.webhooks.monitoringCredits(t0 + DAY)).toBeCloseTo(
			10 + (t0 + DAY - t1) * perMs,
			9,
		);
		const state = await control(sandbox, 'GET', `webhooks?at=${t0 + DAY}`);
		expect(state.body.monitoringCredits).toBeCloseTo(10 + (t0 + DAY - t1) * perMs, 9);
	});

	it('stops growing when the last monitoring webhook of the account is stopped or deleted', async () => {
		sandbox.webhooks.configure({ webhookStartsMonitoring: false });
		const a = await hook();
		const b = await hook();
		expect(sandbox.webhooks.monitoringCredits(Date.now() + DAY)).toBe(0);
		const before = Date.now();
		await api(sandbox, 'POST', `/v2/webhooks/${a.webhook_id}/start`);
		await api(sandbox, 'POST', `/v2/webhooks/${b.webhook_id}/start`);
		await new Promise((r) => setTimeout(r, 50));
		await api(sandbox, 'POST', `/v2/webhooks/${a.webhook_id}/stop`);
		const growing = sandbox.webhooks.monitoringCredits(Date.now() + DAY);
		expect(growing).toBeGreaterThanOrEqual(10);
		await api(sandbox, 'DELETE', `/v2/webhooks/${b.webhook_id}`);
		const after = Date.now();
		const now = sandbox.webhooks.monitoringCredits();
		expect(now).toBeGreaterThanOrEqual(50 * perMs);
		expect(now).toBeLessThanOrEqual((after - before) * perMs);
		expect(sandbox.webhooks.monitoringCredits(Date.now() + 10 * DAY)).toBe(now);
		sandbox.reset();
		expect(sandbox.webhooks.monitoringCredits()).toBe(0);
	});
});
