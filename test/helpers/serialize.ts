/**
 * JSON of anything, errors included: every own property of an Error (enumerable or not:
 * message, stack, cause, description, context, errorResponse, ...) is written out, nested
 * errors and causes too, bypassing any `toJSON` (n8n's errors have one that drops most of
 * them). Cycles become "[Circular]". For "this secret appears nowhere" checks.
 */
export function serializeThoroughly(value: unknown): string {
	const seen = new WeakSet<object>();
	const text = JSON.stringify(
		{ value },
		function replacer(this: Record<string, unknown>, key: string, converted: unknown) {
			// JSON.stringify has already applied toJSON to `converted`; the holder has the original.
			const current = key === '' ? converted : this[key];
			if (typeof current === 'bigint') return current.toString();
			if (typeof current === 'function') return `[Function ${current.name}]`;
			if (typeof current !== 'object' || current === null) return current;
			if (seen.has(current)) return '[Circular]';
			seen.add(current);
			const copy: Record<string, unknown> = {};
			if (current instanceof Error) copy.errorClass = current.constructor?.name;
			if (current instanceof Map) return Object.fromEntries(current);
			if (current instanceof Set) return [...current];
			if (Array.isArray(current)) return current.slice();
			if (current instanceof Date) return current.toISOString();
			for (const name of Object.getOwnPropertyNames(current)) {
				copy[name] = (current as Record<string, unknown>)[name];
			}
			return copy;
		},
	);
	return text ?? String(value);
}
