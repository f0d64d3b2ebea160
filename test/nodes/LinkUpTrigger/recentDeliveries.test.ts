import { RecentDeliveries } from '../../../nodes/LinkUpTrigger/recentDeliveries';
import { SIGNATURE_TOLERANCE_SECONDS } from '../../../nodes/LinkUpTrigger/signature';

const T = 1_796_000_000_000;
const WINDOW_MS = 2 * SIGNATURE_TOLERANCE_SECONDS * 1000;

describe('RecentDeliveries', () => {
	it('lets a key through once while a retry could still pass the signature check', () => {
		const recent = new RecentDeliveries();
		expect(recent.firstTime('wh_1|a', T)).toBe(true);
		expect(recent.firstTime('wh_1|a', T + 1000)).toBe(false);
		expect(recent.firstTime('wh_1|a', T + WINDOW_MS - 1)).toBe(false);
		expect(recent.firstTime('wh_2|a', T + 1000)).toBe(true);
		expect(recent.firstTime('wh_1|b', T + 1000)).toBe(true);
	});

	it('forgets a key after twice the signature window (by then a retry is refused as stale)', () => {
		const recent = new RecentDeliveries();
		expect(recent.firstTime('k', T)).toBe(true);
		expect(recent.firstTime('k', T + WINDOW_MS)).toBe(true);
		expect(recent.firstTime('k', T + WINDOW_MS + 1)).toBe(false);
	});

	it('stays bounded: past 10,000 keys within the window the oldest is forgotten first', () => {
		const recent = new RecentDeliveries();
		for (let i = 0; i < 10_001; i += 1) expect(recent.firstTime(`k${i}`, T)).toBe(true);
		expect(recent.firstTime('k10000', T)).toBe(false);
		expect(recent.firstTime('k1', T)).toBe(false);
		expect(recent.firstTime('k0', T)).toBe(true);
	});
});
