import { SIGNATURE_TOLERANCE_SECONDS } from './signature';

/**
 * A retry outside the signature window is refused anyway, so remembering deliveries for twice
 * that window is enough to start one execution per event. Kept in memory: n8n drops static data
 * written by a webhook call that starts an execution.
 */
const REMEMBER_MS = 2 * SIGNATURE_TOLERANCE_SECONDS * 1000;
const MAX_REMEMBERED = 10_000;

export class RecentDeliveries {
	private readonly seenUntil = new Map<string, number>();

	/** true the first time a key is seen within the window; records it. */
	firstTime(key: string, nowMs: number): boolean {
		this.forgetExpired(nowMs);
		const until = this.seenUntil.get(key);
		if (until !== undefined && until > nowMs) return false;
		this.seenUntil.delete(key);
		this.seenUntil.set(key, nowMs + REMEMBER_MS);
		while (this.seenUntil.size > MAX_REMEMBERED) {
			const oldest = this.seenUntil.keys().next().value as string;
			this.seenUntil.delete(oldest);
		}
		return true;
	}

	private forgetExpired(nowMs: number) {
		// Insertion order is expiry order: stop at the first key still remembered.
		for (const [key, until] of this.seenUntil) {
			if (until > nowMs) break;
			this.seenUntil.delete(key);
		}
	}
}

/** One per n8n process; keys are scoped by webhook, so two workflows never silence each other. */
export const recentDeliveries = new RecentDeliveries();
