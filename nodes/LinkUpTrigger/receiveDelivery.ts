import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readDelivery, type TriggerEvent } from './events';
import { recentDeliveries } from './recentDeliveries';
import { verifyLinkUpSignature } from './signature';
import { storedWebhook } from './webhookLifecycle';

/** Answers LinkUp itself (n8n starts no execution): 401 unsigned or forged, 400 unreadable. */
function refuse(context: IWebhookFunctions, status: 400 | 401, message: string) {
	context.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true } satisfies IWebhookResponseData;
}

/** 200 without an execution: a delivery we took and chose not to run the workflow for. */
const acknowledge = (reason: string): IWebhookResponseData => ({
	webhookResponse: { received: true, ignored: reason },
});

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const nowMs = Date.now();
	const request = this.getRequestObject();
	const stored = storedWebhook(this.getWorkflowStaticData('node'));
	if (!stored) return refuse(this, 401, 'No signing secret is stored: activate the workflow again');
	const rawBody = Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
	const check = verifyLinkUpSignature({
		secret: stored.secret,
		timestamp: request.headers['x-linkup-timestamp'],
		signature: request.headers['x-linkup-signature'],
		rawBody,
		nowMs,
	});
	if (!check.valid) return refuse(this, 401, `Refused: ${check.reason}`);

	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return refuse(this, 400, 'The body is not JSON');
	}
	const delivery = readDelivery(body, nowMs);
	if (delivery.kind === 'malformed')
		return refuse(this, 400, `Unreadable event: ${delivery.reason}`);
	if (delivery.kind === 'unknown')
		return acknowledge(`event type ${delivery.type} is not one of ours`);

	const selected = this.getNodeParameter('events', []) as TriggerEvent[];
	if (!selected.includes(delivery.event.event))
		return acknowledge(`${delivery.event.event} is not selected`);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (delivery.isOwn && options.includeOwnMessages !== true) return acknowledge('own message');
	if (!recentDeliveries.firstTime(`${stored.webhookId}|${delivery.key}`, nowMs))
		return acknowledge('already received');

	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const json = simplify ? (delivery.event as unknown as IDataObject) : (body as IDataObject);
	return { workflowData: [[{ json }]] };
}
