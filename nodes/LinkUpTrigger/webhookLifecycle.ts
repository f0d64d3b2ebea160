import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { normalizeBaseUrl } from '../shared/baseUrl';
import { CREDENTIAL_TYPE, DEFAULT_BASE_URL } from '../shared/constants';
import { linkUpFailureOf, toLinkUpApiError } from '../shared/transport';
import { accountIdProblem } from '../shared/validation';
import { linkUpEventFilter, type TriggerEvent } from './events';
import { publicHttpsProblem, webhookUrlRefusal } from './publicUrl';
import {
	createWebhook,
	deleteWebhook,
	listWebhooks,
	rotateSecret,
	startMonitoring,
	type RegisteredWebhook,
} from './webhookRegistry';

/** What activation keeps in the node's static data; the secret exists nowhere else. */
export interface StoredWebhook {
	webhookId: string;
	secret: string;
	accountId: string;
	url: string;
	events: string[];
}

export function storedWebhook(staticData: IDataObject): StoredWebhook | undefined {
	const { webhookId, secret, accountId, url, events } = staticData;
	if (typeof webhookId !== 'string' || typeof secret !== 'string' || secret === '')
		return undefined;
	if (typeof accountId !== 'string' || typeof url !== 'string' || !Array.isArray(events))
		return undefined;
	return { webhookId, secret, accountId, url, events: events.map(String) };
}

function forget(staticData: IDataObject) {
	for (const key of ['webhookId', 'secret', 'accountId', 'url', 'events']) delete staticData[key];
}

/** The webhook this node wants: its URL, account and LinkUp event filter. */
function wanted(context: IHookFunctions) {
	const url = context.getNodeWebhookUrl('default') ?? '';
	const accountId = String(
		context.getNodeParameter('accountId', '', { extractValue: true }) ?? '',
	).trim();
	const problem = accountIdProblem(accountId);
	if (problem) throw new NodeOperationError(context.getNode(), problem);
	const events = context.getNodeParameter('events', []) as TriggerEvent[];
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No event selected', {
			description: 'Select at least one event in Trigger On.',
		});
	}
	return { url, accountId, events: linkUpEventFilter(events) };
}

const sameEvents = (a: string[], b: string[]) =>
	a.length === b.length && a.every((event) => b.includes(event));

/** Webhooks for our URL, and the one we stored even when LinkUp's list leaves the URL out. */
const ours = async (context: IHookFunctions, url: string, storedId?: unknown) =>
	(await listWebhooks.call(context)).filter(
		(webhook) => webhook.url === url || webhook.id === storedId,
	);

async function deleteAll(context: IHookFunctions, webhooks: RegisteredWebhook[]) {
	for (const webhook of webhooks) await deleteWebhook.call(context, webhook.id);
}

/**
 * Ours exists when LinkUp lists the webhook we stored, for our URL, account and events, and we
 * hold its secret. Anything else registered for our URL is a leftover (a re-published workflow,
 * a lost static data): it is removed so that `create` leaves exactly one.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const target = wanted(this);
	const staticData = this.getWorkflowStaticData('node');
	const stored = storedWebhook(staticData);
	const registered = await ours(this, target.url, staticData.webhookId);
	const current =
		stored &&
		stored.url === target.url &&
		stored.accountId === target.accountId &&
		sameEvents(stored.events, target.events) &&
		registered.find((webhook) => webhook.id === stored.webhookId);
	if (!current) {
		await deleteAll(this, registered);
		forget(staticData);
		return false;
	}
	await deleteAll(
		this,
		registered.filter((webhook) => webhook !== current),
	);
	if (current.monitoring === false) await startMonitoring.call(this, current.id);
	return true;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const target = wanted(this);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	if (normalizeBaseUrl(credentials.baseUrl) === DEFAULT_BASE_URL) {
		const problem = publicHttpsProblem(target.url);
		if (problem) throw new NodeOperationError(this.getNode(), problem.message, problem);
	}
	const staticData = this.getWorkflowStaticData('node');
	await deleteAll(this, await ours(this, target.url, staticData.webhookId));
	let created: Awaited<ReturnType<typeof createWebhook>>;
	try {
		created = await createWebhook.call(this, {
			account_id: target.accountId,
			url: target.url,
			events: target.events,
		});
	} catch (error) {
		const refusal = webhookUrlRefusal(linkUpFailureOf(error), target.url);
		if (refusal) throw new NodeOperationError(this.getNode(), refusal.message, refusal);
		throw toLinkUpApiError(this.getNode(), error);
	}
	const { webhook } = created;
	if (!webhook) {
		throw new NodeOperationError(this.getNode(), 'LinkUp did not return the webhook it created', {
			description: 'Activate the workflow again; if it keeps failing, contact LinkUp support.',
		});
	}
	// Without a secret no delivery could be verified: get one, or leave nothing registered.
	const secret = created.secret ?? (await rotateSecret.call(this, webhook.id));
	if (!secret) {
		await deleteWebhook.call(this, webhook.id);
		throw new NodeOperationError(this.getNode(), 'LinkUp did not return a signing secret', {
			description:
				'The trigger only accepts signed deliveries. Activate the workflow again; if it keeps failing, contact LinkUp support.',
		});
	}
	if (webhook.monitoring !== true) await startMonitoring.call(this, webhook.id);
	Object.assign(staticData, {
		webhookId: webhook.id,
		secret,
		accountId: target.accountId,
		url: target.url,
		events: target.events,
	} satisfies StoredWebhook);
	return true;
}

/** Removes ours and any leftover for our URL, so billing stops; already gone is fine. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const stored = storedWebhook(staticData);
	const url = this.getNodeWebhookUrl('default') ?? stored?.url ?? '';
	let registered: RegisteredWebhook[];
	try {
		registered = await ours(this, url, staticData.webhookId);
	} catch (error) {
		// LinkUp unreachable: still try the one we stored.
		if (typeof staticData.webhookId !== 'string') throw toLinkUpApiError(this.getNode(), error);
		registered = [];
	}
	const storedId = typeof staticData.webhookId === 'string' ? staticData.webhookId : undefined;
	const ids = new Set([...(storedId ? [storedId] : []), ...registered.map((w) => w.id)]);
	for (const id of ids) await deleteWebhook.call(this, id);
	forget(staticData);
	return true;
}
