import { createHmac, timingSafeEqual } from 'crypto';

/** LinkUp signs `<X-Linkup-Timestamp>.<raw body>`; a delivery older or newer than this is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export interface SignedDelivery {
	secret: string;
	/** X-Linkup-Timestamp: unix seconds */
	timestamp: string | string[] | undefined;
	/** X-Linkup-Signature: `v1=<hex>` (several, comma separated, when LinkUp rotates) */
	signature: string | string[] | undefined;
	/** the body exactly as received */
	rawBody: Buffer;
	nowMs: number;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

const single = (header: string | string[] | undefined) =>
	(Array.isArray(header) ? header.join(',') : (header ?? '')).trim();

/** The hex digests of every `v1=` entry of the header; other schemes are not ours to check. */
function v1Digests(header: string): Buffer[] {
	return header
		.split(/[,\s]+/)
		.map((part) => /^v1=([0-9a-f]{64})$/i.exec(part.trim())?.[1])
		.filter((hex): hex is string => hex !== undefined)
		.map((hex) => Buffer.from(hex, 'hex'));
}

export function expectedDigest(secret: string, timestamp: string, rawBody: Buffer): Buffer {
	return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** Checks one delivery; compares digests in constant time, never the strings. */
export function verifyLinkUpSignature(delivery: SignedDelivery): SignatureCheck {
	const timestamp = single(delivery.timestamp);
	const signature = single(delivery.signature);
	if (!signature) return { valid: false, reason: 'the X-Linkup-Signature header is missing' };
	if (!/^\d{1,12}$/.test(timestamp))
		return { valid: false, reason: 'the X-Linkup-Timestamp header is missing or not unix seconds' };
	const skewSeconds = Math.abs(delivery.nowMs / 1000 - Number(timestamp));
	if (skewSeconds > SIGNATURE_TOLERANCE_SECONDS)
		return { valid: false, reason: 'the delivery is more than 5 minutes old or ahead (replayed?)' };
	const digests = v1Digests(signature);
	if (digests.length === 0)
		return { valid: false, reason: 'the X-Linkup-Signature header has no v1= signature' };
	const expected = expectedDigest(delivery.secret, timestamp, delivery.rawBody);
	const matches = digests.some((digest) => timingSafeEqual(digest, expected));
	return matches ? { valid: true } : { valid: false, reason: 'the signature does not match' };
}
