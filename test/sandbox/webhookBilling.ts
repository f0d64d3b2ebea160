/** Monitoring intervals per account, for LinkUp's ~10 credits a day per monitored account. */
import { MONITORING_CREDITS_PER_DAY } from './webhookTypes';

const DAY_MS = 86_400_000;

interface Interval {
	start: number;
	/** absent while the account is still monitored */
	end?: number;
}

export class MonitoringBook {
	private intervals = new Map<string, Interval[]>();

	/** The account is (still) monitored or not at `at` (epoch ms): opens or closes its interval. */
	update(accountId: string, monitored: boolean, at: number): void {
		let list = this.intervals.get(accountId);
		if (!list) this.intervals.set(accountId, (list = []));
		const last = list[list.length - 1];
		const open = last && last.end === undefined ? last : undefined;
		if (monitored && !open) list.push({ start: at });
		if (!monitored && open) open.end = Math.max(open.start, at);
	}

	/** Σ over accounts of the monitored ms before `at` × 10 / 86_400_000 (not rounded). */
	credits(at: number): number {
		let ms = 0;
		for (const list of this.intervals.values()) {
			for (const { start, end } of list) ms += Math.max(0, Math.min(end ?? at, at) - start);
		}
		return (ms * MONITORING_CREDITS_PER_DAY) / DAY_MS;
	}

	clear(): void {
		this.intervals.clear();
	}
}
