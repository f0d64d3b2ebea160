import { DEFAULT_BASE_URL } from './constants';

/** A user-typed base URL without trailing slashes, so `/v2/...` never becomes `//v2/...`. */
export function normalizeBaseUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	return (text === '' ? DEFAULT_BASE_URL : text).replace(/\/+$/, '');
}
