import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeLinkUpFailure, describeNetworkFailure } from '../../nodes/shared/errors';
import { isLinkUpApiError, linkUpApiError, toLinkUpApiError } from '../../nodes/shared/transport';
import { ACTION_TYPE, nodeOf } from '../helpers/engine';
import { serializeThoroughly } from '../helpers/serialize';
import { TIMEOUT_WORDING, UNREACHABLE_DESCRIPTION } from './userFacingWords';

const node = nodeOf(ACTION_TYPE, {});
const BASE = 'https://api.linkupapi.com';
const KEY = 'lk_live_unit_test_key_7f3e9a1c2b4d';

/** What axios throws for a refused connection: it carries the request config, key included. */
function axiosLikeError(code: string | undefined, where: 'code' | 'cause' = 'code') {
	const error = new Error(`connect ${code ?? 'failed'} 127.0.0.1:9`) as Error &
		Record<string, unknown>;
	if (code && where === 'code') error.code = code;
	if (code && where === 'cause') error.cause = { code };
	error.config = { headers: { 'x-api-key': KEY }, url: '/v2/messages' };
	return error;
}

describe('linkUpApiError', () => {
	it('is a NodeApiError with our message, description and the HTTP status as httpCode', () => {
		const failure = describeLinkUpFailure(402, {
			success: false,
			error: { code: 'INSUFFICIENT_CREDITS', message: 'x' },
		});
		const error = linkUpApiError(node, failure);
		expect(error).toBeInstanceOf(NodeApiError);
		expect([error.message, error.description, error.httpCode]).toEqual([
			'Your LinkUp credits are used up',
			'Top up credits in your LinkUp dashboard. Listing costs 1 credit per 10 conversations returned.',
			'402',
		]);
		expect(error.node).toBe(node);
	});

	// n8n's NodeApiError replaces a message with its generic wording ("The service refused the
	// connection - perhaps it is offline") when the error code is a Node.js network code.
	it.each([
		['ECONNREFUSED', `Could not reach LinkUp at ${BASE}`, UNREACHABLE_DESCRIPTION],
		['ENOTFOUND', `Could not reach LinkUp at ${BASE}`, UNREACHABLE_DESCRIPTION],
		['ECONNRESET', `Could not reach LinkUp at ${BASE}`, UNREACHABLE_DESCRIPTION],
		['ECONNABORTED', TIMEOUT_WORDING.message, TIMEOUT_WORDING.description],
		['ETIMEDOUT', TIMEOUT_WORDING.message, TIMEOUT_WORDING.description],
	])('keeps our words for the network code %s', (code, message, description) => {
		const error = linkUpApiError(node, describeNetworkFailure(code, BASE));
		expect([error.message, error.description, error.httpCode]).toEqual([
			message,
			description,
			code,
		]);
	});
});

describe('isLinkUpApiError', () => {
	it('recognises only errors built by linkUpApiError', () => {
		expect(isLinkUpApiError(linkUpApiError(node, describeNetworkFailure(undefined, BASE)))).toBe(
			true,
		);
		expect(isLinkUpApiError(new NodeApiError(node, { message: 'x' }))).toBe(false);
		expect(isLinkUpApiError(new NodeOperationError(node, 'x'))).toBe(false);
		expect(isLinkUpApiError(new Error('x'))).toBe(false);
		expect(isLinkUpApiError({ message: 'x' })).toBe(false);
		expect(isLinkUpApiError(undefined)).toBe(false);
	});
});

describe('toLinkUpApiError', () => {
	it('passes our own errors through unchanged', () => {
		const ours = linkUpApiError(
			node,
			describeLinkUpFailure(429, { error: { code: 'RATE_LIMITED' } }),
		);
		expect(toLinkUpApiError(node, ours, BASE)).toBe(ours);
	});

	it.each([
		[
			'a refused connection',
			axiosLikeError('ECONNREFUSED'),
			'ECONNREFUSED',
			`Could not reach LinkUp at ${BASE}`,
		],
		['a timeout', axiosLikeError('ECONNABORTED'), 'ECONNABORTED', TIMEOUT_WORDING.message],
		[
			'a code on the cause',
			axiosLikeError('ETIMEDOUT', 'cause'),
			'ETIMEDOUT',
			TIMEOUT_WORDING.message,
		],
		[
			'no code anywhere',
			axiosLikeError(undefined),
			'NETWORK_ERROR',
			`Could not reach LinkUp at ${BASE}`,
		],
		['a thrown string', 'socket hang up', 'NETWORK_ERROR', `Could not reach LinkUp at ${BASE}`],
	])(
		'rewords %s without keeping the HTTP client’s error (and its headers)',
		(_label, thrown, code, message) => {
			const error = toLinkUpApiError(node, thrown, BASE);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(isLinkUpApiError(error)).toBe(true);
			expect([error.message, error.httpCode]).toEqual([message, code]);
			expect(error.cause).toBeUndefined();
			expect(serializeThoroughly(error)).not.toContain(KEY);
		},
	);

	it('the serializer used above does see a key hidden in an error’s cause', () => {
		expect(
			serializeThoroughly(new Error('x', { cause: axiosLikeError('ECONNREFUSED') })),
		).toContain(KEY);
	});
});
