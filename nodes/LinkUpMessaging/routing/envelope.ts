import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { readLinkUpEnvelope } from '../../shared/errors';
import { linkUpApiError } from '../../shared/transport';

/**
 * postReceive: the envelope's `data` as one item, or the user-facing error. Requests are
 * sent with `ignoreHttpStatusErrors`, so LinkUp's error codes (and `success: false` on
 * HTTP 200) all arrive here and get our wording.
 */
export async function readLinkUpData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const envelope = readLinkUpEnvelope(response.statusCode, response.body);
	if (!envelope.ok) throw linkUpApiError(this.getNode(), envelope.failure);
	return [{ json: envelope.data as INodeExecutionData['json'] }];
}
