import { createHmac } from 'crypto';

import {
	SIGNATURE_TOLERANCE_SECONDS,
	verifyLinkUpSignature,
} from '../../../nodes/LinkUpTrigger/signature';

const SECRET = 'whsec_0123456789abcdef';
const NOW_MS = 1_796_000_000_000;
const NOW_S = String(NOW_MS / 1000);
const BODY = Buffer.from(
	'{"account_id":"acc","event":{"type":"message","message_text":"héllo 👋"}}',
);

/** What LinkUp sends: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>. */
const sign = (secret: string, timestamp: string, body: Buffer) =>
	`v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;

const check = (overrides: Partial<Parameters<typeof verifyLinkUpSignature>[0]> = {}) =>
	verifyLinkUpSignature({
		secret: SECRET,
		timestamp: NOW_S,
		signature: sign(SECRET, NOW_S, BODY),
		rawBody: BODY,
		nowMs: NOW_MS,
		...overrides,
	});

describe('verifyLinkUpSignature', () => {
	it('accepts a delivery signed with the secret over the raw bytes', () => {
		expect(check()).toEqual({ valid: true });
	});

	it.each([
		['a wrong secret', { signature: sign('whsec_other', NOW_S, BODY) }, 'does not match'],
		[
			'a tampered body',
			{ rawBody: Buffer.from(BODY.toString().replace('héllo', 'hello')) },
			'does not match',
		],
		[
			'the body re-serialised',
			{ rawBody: Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1)) },
			'does not match',
		],
		[
			'a signature for another timestamp',
			{ signature: sign(SECRET, String(NOW_MS / 1000 - 1), BODY) },
			'does not match',
		],
		['no signature header', { signature: undefined }, 'X-Linkup-Signature header is missing'],
		['an empty signature header', { signature: '' }, 'X-Linkup-Signature header is missing'],
		['no timestamp header', { timestamp: undefined }, 'X-Linkup-Timestamp'],
		['a timestamp in milliseconds', { timestamp: String(NOW_MS) }, 'X-Linkup-Timestamp'],
		['an ISO timestamp', { timestamp: new Date(NOW_MS).toISOString() }, 'X-Linkup-Timestamp'],
		[
			'a bare hex digest without v1=',
			{ signature: sign(SECRET, NOW_S, BODY).slice(3) },
			'no v1= signature',
		],
		[
			'another scheme only',
			{ signature: sign(SECRET, NOW_S, BODY).replace('v1=', 'v0=') },
			'no v1= signature',
		],
		[
			'a truncated digest',
			{ signature: sign(SECRET, NOW_S, BODY).slice(0, -2) },
			'no v1= signature',
		],
		['a digest that is not hex', { signature: `v1=${'z'.repeat(64)}` }, 'no v1= signature'],
	])('refuses %s', (_case, overrides, reason) => {
		const result = check(overrides);
		expect(result.valid).toBe(false);
		expect(result.valid === false && result.reason).toContain(reason);
	});

	it(`refuses a timestamp more than ${SIGNATURE_TOLERANCE_SECONDS} s off either way, signed correctly`, () => {
		for (const skew of [SIGNATURE_TOLERANCE_SECONDS + 1, -(SIGNATURE_TOLERANCE_SECONDS + 1)]) {
			const timestamp = String(NOW_MS / 1000 - skew);
			const result = check({ timestamp, signature: sign(SECRET, timestamp, BODY) });
			expect(result).toEqual({ valid: false, reason: expect.stringContaining('5 minutes') });
		}
		const edge = String(NOW_MS / 1000 - SIGNATURE_TOLERANCE_SECONDS);
		expect(check({ timestamp: edge, signature: sign(SECRET, edge, BODY) })).toEqual({
			valid: true,
		});
	});

	it('accepts odd but valid header formats: upper-case hex, spaces, several signatures, a repeated header', () => {
		const good = sign(SECRET, NOW_S, BODY);
		const stale = sign('whsec_old', NOW_S, BODY);
		expect(check({ signature: `v1=${good.slice(3).toUpperCase()}` })).toEqual({ valid: true });
		expect(check({ signature: `  ${good}  `, timestamp: ` ${NOW_S} ` })).toEqual({ valid: true });
		expect(check({ signature: `${stale},${good}` })).toEqual({ valid: true });
		expect(check({ signature: `${stale}, ${good}` })).toEqual({ valid: true });
		expect(check({ signature: [stale, good] })).toEqual({ valid: true });
		expect(check({ signature: [stale, stale] }).valid).toBe(false);
	});
});
