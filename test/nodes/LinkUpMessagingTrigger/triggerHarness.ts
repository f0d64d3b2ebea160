import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { LinkUpMessagingTrigger } from '../../../nodes/LinkUpMessagingTrigger/LinkUpMessagingTrigger.node';
import {
	credentialData,
	nodeOf,
	pollerFor,
	registerNodeType,
	PACKAGE_NAME,
} from '../../helpers/engine';
import { SANDBOX_ACCOUNT_ID, type Sandbox } from '../../sandbox';

export const TRIGGER_TYPE = `${PACKAGE_NAME}.linkUpMessagingTrigger`;
export const trigger = new LinkUpMessagingTrigger();
registerNodeType(TRIGGER_TYPE, trigger);

export function triggerNode(parameters: IDataObject = {}) {
	return nodeOf(TRIGGER_TYPE, {
		accountId: { __rl: true, mode: 'list', value: SANDBOX_ACCOUNT_ID },
		simplify: true,
		options: {},
		...parameters,
	} as never);
}

/** A trigger whose static data survives across polls (and, via `restart`, across a JSON round trip). */
export function triggerPoller(
	sandbox: Sandbox,
	parameters: IDataObject = {},
	staticData: IDataObject = {},
	pollBudgetMs?: number,
) {
	const poller = pollerFor(
		trigger,
		triggerNode(parameters),
		credentialData(sandbox.url, sandbox.apiKey),
		staticData,
		pollBudgetMs,
	);
	return {
		...poller,
		/** Items of one poll ([] for null), or the error it threw. */
		pollItems: async (mode: 'trigger' | 'manual' = 'trigger') => {
			const result = await poller.poll(mode);
			return (result?.[0] ?? []) as INodeExecutionData[];
		},
		restart: () => triggerPoller(sandbox, parameters, poller.saved(), pollBudgetMs),
	};
}

export const idsOf = (items: INodeExecutionData[]) => items.map((item) => item.json.conversationId);
