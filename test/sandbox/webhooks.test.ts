import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
	SANDBOX_INACTIVE_ACCOUNT_ID,
	SANDBOX_WHATSAPP_ACCOUNT_ID,
	SIGNATURE_SCHEME,
	startSandbox,
} from './index';
import type { ApiWebhook, Sandbox } from './index';
import { api, control } from './webhookTestKit';

type Created = ApiWebhook & { secret?: string; signature_scheme?: string };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ inbox: [] });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const create = (body: Record<string, unknown>) =>
	api<Created>(sandbox, 'POST', '/v2/webhooks', { account_id: sandbox.accountId, ...body });
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('POST /v2/webhooks', () => {
	it('hosted mode by default: all events, monitoring, no signature, no secret, 0 credits', async () => {
		const { status, body } = await create({});
		expect(status).toBe(200);
		expect(body.metadata).toMatchObject({ action: 'create_webhook', credits_consumed: 0 });
		const { webhook_id, created_at, ...rest } = body.data;
		expect(webhook_id).toMatch(/^wh_[0-9a-f]{24}$/);
		expect(created_at).toMatch(ISO);
		expect(rest).toEqual({
			account_id: sandbox.accountId,
			url: null,
			events: ['all'],
			mode: 'hosted',
			signature_enabled: false,
			monitoring: true,
		});
	});

	it('custom mode with a signature shows the secret once; lists never do', async () => {
		const { body } = await create({
			url: 'https://hooks.example.com/x',
			events: ['message_received'],
			enable_signature: true,
		});
		expect(body.data).toMatchObject({ mode: 'custom', signature_enabled: true });
		expect(body.data.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
		expect(body.data.signature_scheme).toBe(SIGNATURE_SCHEME);
		const listed = await api<{ webhooks: Created[] }>(sandbox, 'GET', '/v2/webhooks');
		expect(Object.keys(listed.body.data.webhooks[0]).sort()).toEqual(
			[
				'account_id',
				'created_at',
				'events',
				'mode',
				'monitoring',
				'signature_enabled',
				'url',
				'webhook_id',
			].sort(),
		);
		expect(sandbox.webhooks.list()[0].secret).toBe(body.data.secret);
	});

	it('refuses bad events, bad urls, unknown and inactive accounts, and a missing key', async () => {
		for (const events of [[], ['message'], 'all', [null]]) {
			const { status, body } = await create({ events });
			expect([status, body.error?.code]).toEqual([400, 'INVALID_PARAMS']);
			expect(body.error?.message).toMatch(/^events must be a non-empty array/);
		}
		for (const url of ['ftp://example.com/x', 'not a url', 42]) {
			const { status, body } = await create({ url });
			expect([status, body.error?.message]).toEqual([400, 'url must be a valid http(s) URL']);
		}
		const unknown = await create({ account_id: 'nope' });
		expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'INVALID_ACCOUNT']);
		const inactive = await create({ account_id: SANDBOX_INACTIVE_ACCOUNT_ID });
		expect([inactive.status, inactive.body.error?.code]).toEqual([403, 'ACCOUNT_INACTIVE']);
		const noKey = await api(sandbox, 'POST', '/v2/webhooks', {}, '');
		expect([noKey.status, noKey.body.error?.code]).toEqual([403, 'INVALID_API_KEY']);
		expect(sandbox.webhooks.list()).toEqual([]);
	});

	it('webhookRequireHttps refuses http and private hosts, accepts public https', async () => {
		sandbox.webhooks.configure({ webhookRequireHttps: true });
		for (const url of [
			'http://hooks.example.com/x',
			'https://localhost/x',
			'https://127.0.0.1:8443/x',
			'https://10.1.2.3/x',
			'https://192.168.1.10/x',
			'https://172.20.0.1/x',
			'https://[::1]/x',
		]) {
			const { status, body } = await create({ url });
			expect([status, body.error?.code, body.error?.message]).toEqual([
				400,
				'INVALID_PARAMS',
				'url must be a public HTTPS URL',
			]);
		}
		expect((await create({ url: 'https://172.32.0.1/x' })).status).toBe(200);
		expect((await create({ url: 'https://hooks.example.com/x' })).status).toBe(200);
		sandbox.reset(); // back to the start option (false)
		expect((await create({ url: 'http://127.0.0.1:1/x' })).status).toBe(200);
	});

	it('webhookStartsMonitoring false: created stopped', async () => {
		sandbox.webhooks.configure({ webhookStartsMonitoring: false });
		expect((await create({})).body.data.monitoring).toBe(false);
	});

	it('an injected fault on /v2/webhooks answers the next create', async () => {
		sandbox.injectFault('INTERNAL_ERROR', { path: '/v2/webhooks' });
		const first = await create({});
		expect([first.status, first.body.error?.code]).toEqual([500, 'INTERNAL_ERROR']);
		expect(first.body.metadata?.action).toBe('create_webhook');
		expect((await create({})).status).toBe(200);
		expect(sandbox.webhooks.list()).toHaveLength(1);
	});
});

describe('list, start, stop, delete, rotate', () => {
	it('lists as { webhooks } or as an array, filtered by account_id', async () => {
		const a = (await create({})).body.data;
		const b = (await create({ account_id: SANDBOX_WHATSAPP_ACCOUNT_ID })).body.data;
		const all = await api<{ webhooks: Created[] }>(sandbox, 'GET', '/v2/webhooks');
		expect(all.body.metadata?.action).toBe('list_webhooks');
		expect(all.body.data.webhooks.map((w) => w.webhook_id)).toEqual([a.webhook_id, b.webhook_id]);
		expect(all.body.data.webhooks[0]).toEqual(a);
		sandbox.webhooks.configure({ webhookListShape: 'array' });
		const path = `/v2/webhooks?account_id=${SANDBOX_WHATSAPP_ACCOUNT_ID}`;
		const filtered = await api<Created[]>(sandbox, 'GET', path);
		expect(filtered.body.data).toEqual([b]);
		const unknown = await api(sandbox, 'GET', '/v2/webhooks?account_id=nope');
		expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'INVALID_ACCOUNT']);
	});

	it('start and stop answer { webhook_id, account_id, monitoring }', async () => {
		const { webhook_id } = (await create({})).body.data;
		const stop = await api(sandbox, 'POST', `/v2/webhooks/${webhook_id}/stop`);
		expect(stop.body.data).toEqual({
			webhook_id,
			account_id: sandbox.accountId,
			monitoring: false,
		});
		expect(stop.body.metadata).toMatchObject({ action: 'stop_webhook', credits_consumed: 0 });
		expect(sandbox.webhooks.list()[0].monitoring).toBe(false);
		const start = await api(sandbox, 'POST', `/v2/webhooks/${webhook_id}/start`);
		expect(start.body.data).toEqual({
			webhook_id,
			account_id: sandbox.accountId,
			monitoring: true,
		});
	});

	it('delete, then every route on the id is 404 NOT_FOUND', async () => {
		const { webhook_id } = (await create({})).body.data;
		const del = await api(sandbox, 'DELETE', `/v2/webhooks/${webhook_id}`);
		expect([del.status, del.body.data]).toEqual([200, { webhook_id, deleted: true }]);
		for (const [method, suffix] of [
			['DELETE', ''],
			['POST', '/start'],
			['POST', '/stop'],
			['POST', '/rotate-secret'],
		]) {
			const res = await api(sandbox, method, `/v2/webhooks/${webhook_id}${suffix}`);
			expect([res.status, res.body.error]).toEqual([
				404,
				{ code: 'NOT_FOUND', message: `Webhook ${webhook_id} not found` },
			]);
		}
		expect(sandbox.webhooks.list()).toEqual([]);
	});

	it('rotate-secret replaces the secret, and turns the signature on for an unsigned webhook', async () => {
		const signed = (await create({ url: 'https://a.example.com', enable_signature: true })).body;
		const rotated = await api(
			sandbox,
			'POST',
			`/v2/webhooks/${signed.data.webhook_id}/rotate-secret`,
		);
		expect(Object.keys(rotated.body.data)).toEqual(['webhook_id', 'secret', 'signature_scheme']);
		expect(rotated.body.data.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
		expect(rotated.body.data.secret).not.toBe(signed.data.secret);
		expect(sandbox.webhooks.list()[0].secret).toBe(rotated.body.data.secret);
		const plain = (await create({ url: 'https://b.example.com' })).body.data;
		expect(plain.signature_enabled).toBe(false);
		await api(sandbox, 'POST', `/v2/webhooks/${plain.webhook_id}/rotate-secret`);
		expect(sandbox.webhooks.list()[1].signature_enabled).toBe(true);
	});
});

describe('control endpoints', () => {
	it('state, webhooks (with secrets), config, reset', async () => {
		const { body } = await create({ url: 'https://a.example.com', enable_signature: true });
		const listed = await control(sandbox, 'GET', 'webhooks');
		expect((listed.body.webhooks as { secret: string }[])[0].secret).toBe(body.data.secret);
		expect(listed.body.monitoringCredits).toBeGreaterThanOrEqual(0);
		expect((await control(sandbox, 'GET', 'state')).body.webhooks).toBe(1);
		const config = await control(sandbox, 'POST', 'config', { webhookListShape: 'array' });
		expect(config.body).toMatchObject({ ok: true, webhookListShape: 'array' });
		const bad = await control(sandbox, 'POST', 'config', { maxPageSize: 2, webhookListShape: 'x' });
		expect(bad.status).toBe(400);
		expect([sandbox.maxPageSize, sandbox.webhooks.settings.webhookListShape]).toEqual([
			100,
			'array',
		]);
		await control(sandbox, 'POST', 'reset');
		expect(sandbox.webhooks.list()).toEqual([]);
		expect(sandbox.webhooks.settings.webhookListShape).toBe('object');
	});
});
