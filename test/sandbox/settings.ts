/** Run-time settings of the sandbox: page size cap, latency of POST /v2/messages, webhooks. */
import type { WebhookSettingValues } from './webhookTypes';

export interface SettingValues extends WebhookSettingValues {
	/** the API returns min(count, maxPageSize) conversations */
	maxPageSize: number;
	/** every POST /v2/messages answer is sent this many ms late */
	latencyMs: number;
}

export const WEBHOOK_SETTING_DEFAULTS: WebhookSettingValues = {
	webhookRequireHttps: false,
	webhookStartsMonitoring: true,
	webhookListShape: 'object',
	webhookDeliveryShape: 'documented',
};

export function checkPageSize(n: unknown): number {
	if (!(n === Infinity || (typeof n === 'number' && Number.isInteger(n) && n >= 1))) {
		throw new TypeError('maxPageSize must be an integer >= 1');
	}
	return n;
}

export function checkLatency(ms: unknown): number {
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
		throw new TypeError('latencyMs must be a number >= 0');
	return ms;
}

const WEBHOOK_CHOICES: Record<keyof WebhookSettingValues, readonly unknown[]> = {
	webhookRequireHttps: [true, false],
	webhookStartsMonitoring: [true, false],
	webhookListShape: ['object', 'array'],
	webhookDeliveryShape: ['documented', 'data'],
};

/** The webhook settings present in `values` (other keys ignored), checked; throws TypeError. */
export function checkWebhookSettings(
	values: Partial<Record<keyof WebhookSettingValues, unknown>>,
): Partial<WebhookSettingValues> {
	const out: Record<string, unknown> = {};
	for (const [key, choices] of Object.entries(WEBHOOK_CHOICES)) {
		const v = values[key as keyof WebhookSettingValues];
		if (v === undefined) continue;
		if (!choices.includes(v)) {
			throw new TypeError(`${key} must be one of ${choices.map((c) => String(c)).join(', ')}`);
		}
		out[key] = v;
	}
	return out as Partial<WebhookSettingValues>;
}

/** The current values, changeable at run time; reset() goes back to the start values. */
export class Settings implements SettingValues {
	maxPageSize: number;
	latencyMs: number;
	webhookRequireHttps!: boolean;
	webhookStartsMonitoring!: boolean;
	webhookListShape!: WebhookSettingValues['webhookListShape'];
	webhookDeliveryShape!: WebhookSettingValues['webhookDeliveryShape'];
	private readonly start: SettingValues;

	constructor(start: Pick<SettingValues, 'maxPageSize' | 'latencyMs'> & Partial<SettingValues>) {
		checkLatency(start.latencyMs);
		this.start = {
			...WEBHOOK_SETTING_DEFAULTS,
			...checkWebhookSettings(start),
			maxPageSize: start.maxPageSize,
			latencyMs: start.latencyMs,
		};
		this.maxPageSize = start.maxPageSize;
		this.latencyMs = start.latencyMs;
		this.configureWebhooks(this.start);
	}

	setMaxPageSize(n: number): void {
		this.maxPageSize = checkPageSize(n);
	}

	setLatency(ms: number): void {
		this.latencyMs = checkLatency(ms);
	}

	/** Sets the webhook settings given (all checked first); returns every webhook setting. */
	configureWebhooks(values: Partial<WebhookSettingValues>): WebhookSettingValues {
		Object.assign(this, checkWebhookSettings(values));
		return this.webhooks();
	}

	webhooks(): WebhookSettingValues {
		const { webhookRequireHttps, webhookStartsMonitoring, webhookListShape } = this;
		return {
			webhookRequireHttps,
			webhookStartsMonitoring,
			webhookListShape,
			webhookDeliveryShape: this.webhookDeliveryShape,
		};
	}

	reset(): void {
		this.maxPageSize = this.start.maxPageSize;
		this.latencyMs = this.start.latencyMs;
		this.configureWebhooks(this.start);
	}
}
