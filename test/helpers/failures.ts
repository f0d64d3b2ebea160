import type { Sandbox } from '../sandbox';
import type { ActionRun } from './engine';

/** The words a failed run must show: message, description and HTTP code. */
export interface ShownFailure {
	message: string;
	description: string;
	httpCode: string;
}

/**
 * The run failed with a NodeApiError carrying exactly these words, after exactly one request
 * (never retried), with no item out and no credit billed.
 */
export function expectOneRequestFailure(
	{ items, error, run }: ActionRun,
	sandbox: Sandbox,
	shown: ShownFailure,
) {
	expect(run.status).toBe('error');
	expect(error?.name).toBe('NodeApiError');
	expect({
		message: error?.message,
		description: error?.description,
		httpCode: error?.httpCode,
	}).toStrictEqual(shown);
	expect(items).toEqual([]);
	expect(sandbox.requests).toHaveLength(1);
	expect(sandbox.creditsConsumed).toBe(0);
}
