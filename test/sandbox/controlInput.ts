/** Replies and input readers of the control endpoints (control.ts, webhookControl.ts). */
import type { Reply } from './envelope';

export type Body = Record<string, unknown>;

export const ok = (data: Record<string, unknown> = {}): Reply => ({
	status: 200,
	body: { ok: true, ...data },
	credits: 0,
});
export const fail = (status: number, error: string): Reply => ({
	status,
	body: { ok: false, error },
	credits: 0,
});

export function str(body: Body, key: string): string | undefined {
	const v = body[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'string') throw new TypeError(`${key} must be a string`);
	return v;
}

export function num(body: Body, key: string): number | undefined {
	const v = body[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'number') throw new TypeError(`${key} must be a number`);
	return v;
}

export function required(body: Body, key: string): string {
	const v = str(body, key);
	if (!v) throw new TypeError(`${key} is required`);
	return v;
}
