/** The inbox's monotonic clock in epoch ms. */

/** An explicit time further ahead of Date.now() than this is deliberately future-stamped. */
export const FUTURE_STAMP_MS = 3_600_000;

export class Clock {
	private lastTime = 0;

	/** max(Date.now(), last time used + 1) */
	now(): number {
		this.lastTime = Math.max(Date.now(), this.lastTime + 1);
		return this.lastTime;
	}

	/**
	 * An explicit time was used: later now()s come after it, unless it is more than
	 * FUTURE_STAMP_MS after Date.now() (then the clock ignores it).
	 */
	saw(time: number): void {
		if (time - Date.now() <= FUTURE_STAMP_MS) this.lastTime = Math.max(this.lastTime, time);
	}

	/** `explicit` (checked, and seen) or now() */
	timeFor(explicit: number | undefined): number {
		if (explicit === undefined) return this.now();
		if (!Number.isSafeInteger(explicit)) throw new TypeError('time must be an integer (epoch ms)');
		this.saw(explicit);
		return explicit;
	}
}
