import { INBOX_CATEGORIES } from './constants';

/** Each check returns what is wrong in words that name the fix, or `undefined` when fine. */

export function accountIdProblem(accountId: unknown): string | undefined {
	if (typeof accountId !== 'string' || accountId.trim() === '') {
		return 'Account is empty: pick a LinkedIn account from the list, or enter its LinkUp account ID';
	}
	return undefined;
}

export function limitProblem(limit: unknown): string | undefined {
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		// String(): JSON.stringify would show NaN and Infinity as "null".
		const got = typeof limit === 'number' ? String(limit) : JSON.stringify(limit);
		return `Limit must be a whole number of at least 1 (got ${got}); or turn on Return All`;
	}
	return undefined;
}

export function categoryProblem(category: unknown): string | undefined {
	if (typeof category !== 'string' || !(INBOX_CATEGORIES as readonly string[]).includes(category)) {
		return `Category must be one of ${INBOX_CATEGORIES.join(', ')} (got ${JSON.stringify(category)})`;
	}
	return undefined;
}
