import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IBinaryData,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	binaryPropertyProblem,
	isSet,
	mediaUrlProblem,
	messageTextProblem,
	profileUrlProblem,
	twoMediaProblem,
} from '../../shared/messageValidation';
import { simplifySentMessage } from '../../shared/simplifyMessage';
import type { LinkUpSentMessage } from '../../shared/types';
import { accountIdProblem } from '../../shared/validation';
import { routedRequest } from './request';

/**
 * Sends go one at a time, in item order: n8n starts the requests of all items at once, and
 * messages to one person must arrive in the order of the items. Without Continue On Fail the
 * first failure ends the run, so the items after it are not sent either.
 */
interface Turn {
	/** settles once the item before is done: whether this one may be sent */
	previous: Promise<boolean>;
	/** this item is done: whether the next may be sent */
	done: (mayGoOn: boolean) => void;
}

/** The last turn of each run (keyed by the run's execute data, shared by its items). */
const lastTurn = new WeakMap<object, Promise<boolean>>();
/** The turn of each item, keyed by its request options (preSend hands them to the request). */
const turns = new WeakMap<object, Turn>();

/** A run without execute data (none known) gets a turn of its own for each item. */
function takeTurn(run: unknown): Turn {
	const key = typeof run === 'object' && run !== null ? run : {};
	const previous = lastTurn.get(key) ?? Promise.resolve(true);
	let done: Turn['done'] = () => undefined;
	const mine = new Promise<boolean>((resolve) => {
		done = resolve;
	});
	lastTurn.set(key, mine);
	return { previous, done };
}

async function fail(context: IExecuteSingleFunctions, message: string): Promise<never> {
	throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex() });
}

/**
 * preSend: takes the item's turn (first, in item order), refuses bad input before anything is
 * sent (and billed), and adds the binary file as `media_file` when Binary Property is set.
 */
export async function prepareSendMessageRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const turn = takeTurn(this.getExecuteData());
	let ready = false;
	try {
		const body = (requestOptions.body ?? {}) as IDataObject;
		const params = (body.params ?? {}) as IDataObject;
		if (!isSet(params.media_link)) delete params.media_link;
		const binaryName = this.getNodeParameter('options.binaryPropertyName', '') as unknown;
		const problem =
			accountIdProblem(body.account_id) ??
			profileUrlProblem(params.profile_url) ??
			messageTextProblem(params.message_text) ??
			(params.media_link === undefined ? undefined : mediaUrlProblem(params.media_link)) ??
			twoMediaProblem(params.media_link, binaryName);
		if (problem) await fail(this, problem);
		body.account_id = (body.account_id as string).trim();
		params.profile_url = (params.profile_url as string).trim();
		if (params.media_link !== undefined) params.media_link = (params.media_link as string).trim();
		if (isSet(binaryName)) params.media_file = await mediaFile(this, String(binaryName).trim());
		turns.set(requestOptions, turn);
		ready = true;
		return requestOptions;
	} finally {
		// Refused: this item is done; the next may go only with Continue On Fail.
		if (!ready) turn.done(this.continueOnFail());
	}
}

/** The item's binary property as LinkUp's `media_file`: base64 data and the file name. */
async function mediaFile(context: IExecuteSingleFunctions, name: string): Promise<IDataObject> {
	let binary: IBinaryData | undefined;
	try {
		binary = context.helpers.assertBinaryData(name);
	} catch {
		binary = undefined;
	}
	if (!binary)
		return await fail(
			context,
			binaryPropertyProblem(name, Object.keys(context.getInputData().binary ?? {})),
		);
	const data = (await context.helpers.getBinaryDataBuffer(name)).toString('base64');
	const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
	return { data, filename: binary.fileName || `${name}${extension}` };
}

/**
 * The one request of an item (n8n's pagination hook is the only one around the request itself):
 * sent once its turn comes, never retried, and any failure in our words.
 */
export async function sendOneMessage(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const turn = turns.get(requestData.options);
	let sent = false;
	try {
		if (turn && !(await turn.previous)) {
			await fail(
				this,
				'Not sent: an earlier item failed, and without Continue On Fail sending stops at the first failure',
			);
		}
		const body = (requestData.options.body ?? {}) as IDataObject;
		const data: LinkUpSentMessage = await routedRequest.call(this, requestData, body, 'send');
		sent = true;
		const profileUrl = (body.params as IDataObject).profile_url as string;
		return [
			{ json: simplifySentMessage(data, profileUrl), pairedItem: { item: this.getItemIndex() } },
		];
	} finally {
		turn?.done(sent || this.continueOnFail());
	}
}
