/** Values as Simplify outputs them: what LinkUp sent when usable, else null (never `undefined`). */

export function textOrNull(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

export function countOrNull(value: unknown): number | null {
	const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof count === 'number' && Number.isFinite(count) ? count : null;
}

/** ISO 8601 UTC from epoch ms (a number or a numeric string), or from a date string; else null. */
export function isoTimeOrNull(value: unknown): string | null {
	const numeric = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value);
	const ms = numeric
		? Number(value)
		: typeof value === 'string' && value.trim() !== ''
			? Date.parse(value)
			: value;
	if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
