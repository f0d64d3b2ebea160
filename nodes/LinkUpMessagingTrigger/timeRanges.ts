import type { TimeRange } from './pollState';

const low = (range: TimeRange) => range[0] ?? -Infinity;

export function inRanges(time: number, ranges: TimeRange[]): boolean {
	return ranges.some((range) => low(range) <= time && time <= range[1]);
}

/** Union of ranges, newest first, overlapping or touching ones merged. */
export function mergeRanges(ranges: TimeRange[]): TimeRange[] {
	const sorted = [...ranges].sort((a, b) => b[1] - a[1]);
	const merged: TimeRange[] = [];
	for (const range of sorted) {
		const last = merged[merged.length - 1];
		if (last && range[1] >= low(last)) {
			last[0] = Math.min(low(last), low(range)) === -Infinity ? null : Math.min(low(last), low(range));
		} else {
			merged.push([range[0], range[1]]);
		}
	}
	return merged;
}
