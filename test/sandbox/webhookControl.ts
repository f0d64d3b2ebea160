/** The webhook control endpoints under /__sandbox/ (see control.ts and README.md "Webhooks"). */
import { num, ok, str, type Body } from './controlInput';
import type { Reply } from './envelope';
import type { Sandbox } from './server';

/** The reply of a webhook control route; undefined when the route is none of them. */
export function handleWebhookControl(
	sandbox: Sandbox,
	route: string,
	body: Body,
): Reply | undefined {
	const webhooks = sandbox.webhooks;
	const accountId = (): string =>
		str(body, 'account_id') ?? str(body, 'accountId') ?? sandbox.accountId;
	switch (route) {
		case 'GET /__sandbox/webhooks': {
			const at = body.at === undefined ? undefined : Number(body.at);
			if (at !== undefined && !Number.isFinite(at)) throw new TypeError('at must be epoch ms');
			return ok({ webhooks: webhooks.list(), monitoringCredits: webhooks.monitoringCredits(at) });
		}
		case 'DELETE /__sandbox/webhooks':
			webhooks.clear();
			return ok();
		case 'GET /__sandbox/webhook-deliveries':
			return ok({ deliveries: webhooks.deliveries });
		case 'POST /__sandbox/redeliver': {
			const index = num(body, 'index');
			if (index === undefined) throw new TypeError('index is required');
			void webhooks.redeliver(index);
			return ok({ delivery: webhooks.deliveries[webhooks.deliveries.length - 1] });
		}
		case 'POST /__sandbox/invitation-accepted': {
			const who = { name: str(body, 'name'), profile_url: str(body, 'profile_url') };
			return ok({ deliveries: webhooks.invitationAccepted(accountId(), who) });
		}
		case 'POST /__sandbox/disconnect':
			return ok({ deliveries: webhooks.disconnect(accountId()) });
		default:
			return undefined;
	}
}
