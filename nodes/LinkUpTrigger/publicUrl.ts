import type { LinkUpFailure } from '../shared/errors';

interface Problem {
	message: string;
	description: string;
}

const SET_WEBHOOK_URL =
	"Set n8n's WEBHOOK_URL environment variable to the public HTTPS address of this n8n (for example https://n8n.example.com/), restart n8n and activate the workflow again. The LinkUp Messaging Trigger (polling) needs no public address.";

const PRIVATE_HOST =
	/^(localhost|.*\.localhost|.*\.local|.*\.internal|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|0\.0\.0\.0|\[::1?\]|\[f[cd][0-9a-f]{2}:.*\]|\[fe80:.*\])$/i;

/** Why LinkUp cannot call this URL (it calls public HTTPS addresses only), or undefined. */
export function publicHttpsProblem(url: string): Problem | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return {
			message: `n8n has no webhook URL LinkUp could call ("${url}")`,
			description: SET_WEBHOOK_URL,
		};
	}
	const local = PRIVATE_HOST.test(parsed.hostname) || !parsed.hostname.includes('.');
	if (parsed.protocol === 'https:' && !local) return undefined;
	return {
		message: `LinkUp can only call a public HTTPS address, and n8n's webhook URL is ${url}`,
		description: SET_WEBHOOK_URL,
	};
}

/** LinkUp refused n8n's URL when creating the webhook: say how to give it one it accepts. */
export function webhookUrlRefusal(
	failure: LinkUpFailure | undefined,
	url: string,
): Problem | undefined {
	if (failure?.code !== 'INVALID_PARAMS' || !/url/i.test(failure.message)) return undefined;
	return {
		message: `LinkUp refused n8n's webhook URL ${url}: ${failure.message.replace(/^LinkUp refused a parameter: /, '')}`,
		description: SET_WEBHOOK_URL,
	};
}
