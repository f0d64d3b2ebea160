/** Run-time settings of the sandbox: the page size cap and the latency of POST /v2/messages. */

export interface SettingValues {
	/** the API returns min(count, maxPageSize) conversations */
	maxPageSize: number;
	/** every POST /v2/messages answer is sent this many ms late */
	latencyMs: number;
}

export function checkPageSize(n: unknown): number {
	if (!(n === Infinity || (typeof n === 'number' && Number.isInteger(n) && n >= 1))) {
		throw new TypeError('maxPageSize must be an integer >= 1');
	}
	return n;
}

export function checkLatency(ms: unknown): number {
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
		throw new TypeError('latencyMs must be a number >= 0');
	return ms;
}

/** The current values, changeable at run time; reset() goes back to the start values. */
export class Settings implements SettingValues {
	maxPageSize: number;
	latencyMs: number;

	constructor(private readonly start: SettingValues) {
		checkLatency(start.latencyMs);
		this.maxPageSize = start.maxPageSize;
		this.latencyMs = start.latencyMs;
	}

	setMaxPageSize(n: number): void {
		this.maxPageSize = checkPageSize(n);
	}

	setLatency(ms: number): void {
		this.latencyMs = checkLatency(ms);
	}

	reset(): void {
		this.maxPageSize = this.start.maxPageSize;
		this.latencyMs = this.start.latencyMs;
	}
}
