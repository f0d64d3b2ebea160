/**
 * What the code words for each failure and each refused input, for engine tests: they check
 * that the right words reach the user through n8n without copying them (the words themselves are
 * pinned once, in test/shared/userFacingWords.ts, by the unit tests of the functions below).
 */
import {
	LINKUP_ERROR_GUIDANCE,
	describeLinkUpFailure,
	describeNetworkFailure,
} from '../../nodes/shared/errors';
import { accountIdProblem, categoryProblem, limitProblem } from '../../nodes/shared/validation';
import { ERROR_STATUS } from '../sandbox';

export type DocumentedCode = keyof typeof ERROR_STATUS;
export const DOCUMENTED_CODES = Object.keys(ERROR_STATUS) as DocumentedCode[];

export const API_ERROR_WORDING = Object.fromEntries(
	DOCUMENTED_CODES.map((code) => [
		code,
		{ status: ERROR_STATUS[code], ...LINKUP_ERROR_GUIDANCE[code] },
	]),
) as Record<DocumentedCode, { status: number; message: string; description: string }>;

export const NOT_JSON_DESCRIPTION = describeLinkUpFailure(200, 'not json').description;
export const NO_DATA_DESCRIPTION = describeLinkUpFailure(200, {}).description;
const timedOut = describeNetworkFailure('ETIMEDOUT');
export const TIMEOUT_WORDING = { message: timedOut.message, description: timedOut.description };
export const UNREACHABLE_DESCRIPTION = describeNetworkFailure('ECONNREFUSED').description;

export const BLANK_ACCOUNT_MESSAGE = accountIdProblem('')!;
/** The message for a refused Limit or Category value. */
export const limitMessage = (value: unknown) => limitProblem(value)!;
export const categoryMessage = (value: unknown) => categoryProblem(value)!;
