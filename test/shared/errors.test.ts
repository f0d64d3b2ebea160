import {
	LINKUP_ERROR_GUIDANCE,
	describeLinkUpFailure,
	describeNetworkFailure,
	readLinkUpEnvelope,
} from '../../nodes/shared/errors';
import {
	API_ERROR_WORDING,
	DOCUMENTED_CODES,
	NO_DATA_DESCRIPTION,
	NOT_JSON_DESCRIPTION,
	TIMEOUT_WORDING,
	UNREACHABLE_DESCRIPTION,
} from './userFacingWords';

/** An error envelope as documented (api-reference/v2/error-codes). */
const errorEnvelope = (code: string, message: string) => ({
	success: false,
	error: { code, message },
	metadata: { action: 'list_inbox', credits_consumed: 0, timestamp: '2025-01-20T16:45:03Z' },
});

const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

describe('LINKUP_ERROR_GUIDANCE', () => {
	it('words exactly the documented codes, each as pinned', () => {
		expect(Object.keys(LINKUP_ERROR_GUIDANCE).sort()).toEqual([...DOCUMENTED_CODES].sort());
		for (const code of DOCUMENTED_CODES) {
			const { message, description } = API_ERROR_WORDING[code];
			expect(LINKUP_ERROR_GUIDANCE[code]).toEqual({ message, description });
		}
	});
});

describe('describeLinkUpFailure', () => {
	it.each(DOCUMENTED_CODES.filter((code) => code !== 'INVALID_PARAMS'))(
		'%s → its own message and fix, with the HTTP status as httpCode',
		(code) => {
			const { status, message, description } = API_ERROR_WORDING[code];
			expect(
				describeLinkUpFailure(status, errorEnvelope(code, 'whatever LinkUp says')),
			).toStrictEqual({
				code,
				httpCode: String(status),
				message,
				description,
			});
		},
	);

	it('tells the two 403 codes apart by error.code, not by the status', () => {
		const key = describeLinkUpFailure(
			403,
			errorEnvelope('INVALID_API_KEY', 'Invalid or missing API key'),
		);
		const inactive = describeLinkUpFailure(
			403,
			errorEnvelope('ACCOUNT_INACTIVE', 'Account is inactive'),
		);
		expect([key.code, key.message]).toEqual(['INVALID_API_KEY', 'LinkUp rejected the API key']);
		expect([inactive.code, inactive.message]).toEqual([
			'ACCOUNT_INACTIVE',
			'The LinkedIn account is inactive in LinkUp',
		]);
	});

	it('INVALID_PARAMS names the parameter LinkUp complained about', () => {
		const failure = describeLinkUpFailure(
			400,
			errorEnvelope('INVALID_PARAMS', '  params.count must be an integer  '),
		);
		expect(failure).toStrictEqual({
			code: 'INVALID_PARAMS',
			httpCode: '400',
			message: 'LinkUp refused a parameter: params.count must be an integer',
			description: 'Check the parameters of this node.',
		});
		expect(describeLinkUpFailure(400, errorEnvelope('INVALID_PARAMS', '')).message).toBe(
			'LinkUp refused a parameter',
		);
	});

	it('an error envelope on HTTP 200 is described by its code', () => {
		expect(describeLinkUpFailure(200, errorEnvelope('INTERNAL_ERROR', 'oops'))).toStrictEqual({
			code: 'INTERNAL_ERROR',
			httpCode: '200',
			message: 'LinkUp had an internal error',
			description: 'Retry later. If it keeps failing, contact LinkUp support.',
		});
	});

	it('an unknown code is shown with LinkUp’s own message', () => {
		expect(describeLinkUpFailure(418, errorEnvelope('TEAPOT', ' I am a teapot '))).toStrictEqual({
			code: 'TEAPOT',
			httpCode: '418',
			message: 'LinkUp returned error TEAPOT: I am a teapot',
			description: 'Retry later.',
		});
		expect(
			describeLinkUpFailure(500, { success: false, error: { code: 'NEW_CODE' } }).message,
		).toBe('LinkUp returned error NEW_CODE');
	});

	it('a truncated JSON string on HTTP 200 is "not valid JSON" without a status', () => {
		expect(
			describeLinkUpFailure(200, '{"success":true,"data":{"conversations":[{"conv'),
		).toStrictEqual({
			code: 'INVALID_RESPONSE',
			httpCode: '200',
			message: 'LinkUp sent a response that is not valid JSON',
			description: NOT_JSON_DESCRIPTION,
		});
	});

	it('an HTML 502 page is "not valid JSON (HTTP 502)"', () => {
		expect(describeLinkUpFailure(502, HTML_502)).toStrictEqual({
			code: 'INVALID_RESPONSE',
			httpCode: '502',
			message: 'LinkUp sent a response that is not valid JSON (HTTP 502)',
			description: NOT_JSON_DESCRIPTION,
		});
	});

	it('no body at all, and no status at all', () => {
		expect(describeLinkUpFailure(504, undefined).message).toBe(
			'LinkUp sent a response that is not valid JSON (HTTP 504)',
		);
		expect(describeLinkUpFailure(undefined, null)).toStrictEqual({
			code: 'INVALID_RESPONSE',
			httpCode: '',
			message: 'LinkUp sent a response that is not valid JSON',
			description: NOT_JSON_DESCRIPTION,
		});
	});

	it.each([
		[
			'an object without error',
			503,
			{ message: 'Service Unavailable' },
			'LinkUp answered with HTTP 503 and no usable data',
		],
		[
			'success:false without error',
			200,
			{ success: false },
			'LinkUp answered with HTTP 200 and no usable data',
		],
		[
			'an error that is a string',
			400,
			{ success: false, error: 'bad' },
			'LinkUp answered with HTTP 400 and no usable data',
		],
		[
			'a numeric error code',
			400,
			{ success: false, error: { code: 42 } },
			'LinkUp answered with HTTP 400 and no usable data',
		],
		['an array', 200, [1, 2], 'LinkUp answered with HTTP 200 and no usable data'],
		['no status', undefined, {}, 'LinkUp answered with HTTP ? and no usable data'],
	])('%s → UNEXPECTED_RESPONSE', (_label, status, body, message) => {
		expect(describeLinkUpFailure(status, body)).toStrictEqual({
			code: 'UNEXPECTED_RESPONSE',
			httpCode: status === undefined ? '' : String(status),
			message,
			description: NO_DATA_DESCRIPTION,
		});
	});
});

describe('readLinkUpEnvelope', () => {
	const data = { conversations: [], total_results: 0, next_cursor: null };
	const ok = { success: true, data, metadata: { action: 'list_inbox', credits_consumed: 0 } };

	it('returns data of a success envelope on 2xx', () => {
		expect(readLinkUpEnvelope(200, ok)).toStrictEqual({ ok: true, data });
		expect(readLinkUpEnvelope(299, ok)).toStrictEqual({ ok: true, data });
	});

	it.each(DOCUMENTED_CODES)('%s on its documented status is a failure with our wording', (code) => {
		const { status, description } = API_ERROR_WORDING[code];
		const result = readLinkUpEnvelope(status, errorEnvelope(code, 'x'));
		expect(result.ok).toBe(false);
		expect(
			result.ok === false && [
				result.failure.code,
				result.failure.httpCode,
				result.failure.description,
			],
		).toEqual([code, String(status), description]);
	});

	it('success:false is a failure even with HTTP 200', () => {
		const result = readLinkUpEnvelope(200, errorEnvelope('RATE_LIMITED', 'slow down'));
		expect(result).toStrictEqual({
			ok: false,
			failure: {
				code: 'RATE_LIMITED',
				httpCode: '200',
				message: 'LinkUp rate limit reached',
				description: 'Too many requests for this API key. Retry later, or poll less often.',
			},
		});
	});

	it.each([
		['a success body with a non-2xx status', 500, ok, 'UNEXPECTED_RESPONSE'],
		['a success body without data', 200, { success: true }, 'UNEXPECTED_RESPONSE'],
		['data that is an array', 200, { success: true, data: [] }, 'UNEXPECTED_RESPONSE'],
		['success as the string "true"', 200, { success: 'true', data }, 'UNEXPECTED_RESPONSE'],
		['a string body', 200, 'OK', 'INVALID_RESPONSE'],
		['no status', undefined, ok, 'UNEXPECTED_RESPONSE'],
	])('%s is a failure (%s)', (_label, status, body, code) => {
		const result = readLinkUpEnvelope(status, body);
		expect(result.ok === false && result.failure.code).toBe(code);
	});
});

describe('describeNetworkFailure', () => {
	it.each(['ECONNABORTED', 'ETIMEDOUT'])('%s is a timeout', (code) => {
		expect(describeNetworkFailure(code, 'https://api.linkupapi.com')).toStrictEqual({
			code,
			httpCode: '',
			...TIMEOUT_WORDING,
		});
	});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET'])(
		'%s names the base URL it could not reach',
		(code) => {
			expect(describeNetworkFailure(code, 'http://127.0.0.1:9')).toStrictEqual({
				code,
				httpCode: '',
				message: 'Could not reach LinkUp at http://127.0.0.1:9',
				description: UNREACHABLE_DESCRIPTION,
			});
		},
	);

	it('without a code it is a NETWORK_ERROR', () => {
		expect(describeNetworkFailure(undefined, 'https://proxy.example')).toStrictEqual({
			code: 'NETWORK_ERROR',
			httpCode: '',
			message: 'Could not reach LinkUp at https://proxy.example',
			description: UNREACHABLE_DESCRIPTION,
		});
	});
});
