import type { IHookFunctions } from 'n8n-workflow';

import { isObject } from '../shared/errors';
import { textOrNull } from '../shared/outputValues';
import {
	linkUpApiRequest,
	linkUpApiRequestLoose,
	linkUpFailureOf,
	toLinkUpApiError,
} from '../shared/transport';

/** A webhook as LinkUp lists it; fields LinkUp leaves out are undefined. */
export interface RegisteredWebhook {
	id: string;
	accountId?: string;
	url?: string;
	events?: string[];
	monitoring?: boolean;
}

const WEBHOOKS = '/v2/webhooks';

const textOf = (value: unknown) => textOrNull(value) ?? undefined;

function toWebhook(entry: unknown): RegisteredWebhook | undefined {
	if (!isObject(entry)) return undefined;
	const id = textOf(entry.webhook_id) ?? textOf(entry.id);
	if (!id) return undefined;
	return {
		id,
		accountId: textOf(entry.account_id),
		url: textOf(entry.url),
		events: Array.isArray(entry.events) ? entry.events.map(String) : undefined,
		monitoring: typeof entry.monitoring === 'boolean' ? entry.monitoring : undefined,
	};
}

/** The list's shape is not documented: an array, or an object holding one. */
export function readWebhookList(data: unknown): RegisteredWebhook[] {
	const list = Array.isArray(data)
		? data
		: isObject(data)
			? [data.webhooks, data.items, data.data].find(Array.isArray)
			: undefined;
	return (list ?? []).map(toWebhook).filter((w): w is RegisteredWebhook => w !== undefined);
}

/** Every webhook of the API key (all accounts): one registered for our URL may sit on another account. */
export async function listWebhooks(this: IHookFunctions): Promise<RegisteredWebhook[]> {
	return readWebhookList(await linkUpApiRequestLoose.call(this, { method: 'GET', path: WEBHOOKS }));
}

export async function createWebhook(
	this: IHookFunctions,
	body: { account_id: string; url: string; events: string[] },
) {
	const data = await linkUpApiRequest.call(this, {
		method: 'POST',
		path: WEBHOOKS,
		body: { ...body, enable_signature: true },
	});
	return { webhook: toWebhook(data), secret: textOf(data.secret) };
}

export async function rotateSecret(this: IHookFunctions, id: string) {
	const data = await linkUpApiRequest.call(this, {
		method: 'POST',
		path: `${WEBHOOKS}/${encodeURIComponent(id)}/rotate-secret`,
	});
	return textOf(data.secret);
}

export async function startMonitoring(this: IHookFunctions, id: string) {
	await linkUpApiRequestLoose.call(this, {
		method: 'POST',
		path: `${WEBHOOKS}/${encodeURIComponent(id)}/start`,
	});
}

/** Removes a webhook; one LinkUp no longer knows (404) is already removed. */
export async function deleteWebhook(this: IHookFunctions, id: string) {
	try {
		await linkUpApiRequestLoose.call(this, {
			method: 'DELETE',
			path: `${WEBHOOKS}/${encodeURIComponent(id)}`,
		});
	} catch (error) {
		if (linkUpFailureOf(error)?.httpCode === '404') return;
		throw toLinkUpApiError(this.getNode(), error);
	}
}
