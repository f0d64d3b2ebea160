import { DEFAULT_BASE_URL } from './constants';

/**
 * A user-typed base URL as requests need it: trimmed, without trailing slashes (else `/v2/...`
 * becomes `//v2/...`) and without the `/v2` that LinkUp's docs print after the host.
 */
export function normalizeBaseUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	return (text === '' ? DEFAULT_BASE_URL : text).replace(/\/+$/, '').replace(/\/v2$/i, '');
}

/** The same normalization as an n8n expression, for `requestDefaults` and the credential test. */
export const BASE_URL_EXPRESSION = `={{ ($credentials.baseUrl || "").trim().replace(/\\/+$/, "").replace(/\\/v2$/i, "") || "${DEFAULT_BASE_URL}" }}`;
