/**
 * Deterministic LinkedIn-looking identifiers: profile URNs, conversation URNs, profile URLs and
 * picture URLs, all derived from a string key with sha512 (same key → same value).
 */
import { createHash } from 'node:crypto';
import type { Account, Sender } from './types';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URLISH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function bytes(key: string): Buffer {
	return createHash('sha512').update(key, 'utf8').digest();
}

function encodeWith(alphabet: string, key: string, length: number): string {
	const b = bytes(key);
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[b[i % b.length] % alphabet.length];
	return out;
}

export function hex(key: string, length: number): string {
	return bytes(key).toString('hex').slice(0, length);
}

/** `urn:li:fsd_profile:ACoAA…` */
export function profileUrn(key: string): string {
	return `urn:li:fsd_profile:ACoAA${encodeWith(BASE62, `profile:${key}`, 34)}`;
}

/** LinkedIn thread id: `2-` + base64 of `<uuid>_<suffix>` */
export function threadId(key: string): string {
	const h = hex(`thread:${key}`, 32);
	const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
	const suffix = ['100', '010', '500'][parseInt(h.slice(0, 2), 16) % 3];
	return `2-${Buffer.from(`${uuid}_${suffix}`, 'utf8').toString('base64')}`;
}

/** `urn:li:msg_conversation:(urn:li:fsd_profile:ACoAA…,2-…)`; the profile is the mailbox owner. */
export function conversationUrn(ownerKey: string, threadKey: string): string {
	return `urn:li:msg_conversation:(${profileUrn(ownerKey)},${threadId(threadKey)})`;
}

export function slug(name: string): string {
	const s = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[łŁ]/g, 'l')
		.replace(/[øØ]/g, 'o')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return s || 'member';
}

export function profileUrl(name: string, key: string): string {
	return `https://www.linkedin.com/in/${slug(name)}-${hex(`url:${key}`, 8)}`;
}

/** A LinkedIn member profile URL: http(s), a linkedin.com host, /in/<slug> (what send and get_conversation take). */
export function isProfileUrl(url: string): boolean {
	return /^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\/in\/[^/?#\s]+\/?([?#]\S*)?$/i.test(url.trim());
}

/** Whether two profile URLs name the same member: scheme, subdomain (www., fr.), query, trailing slash and case ignored. */
export function sameProfile(a: string, b: string): boolean {
	const key = (url: string) =>
		url
			.trim()
			.toLowerCase()
			.replace(/^https?:\/\//, '')
			.replace(/^([a-z0-9-]+\.)*(?=linkedin\.com\/)/, '')
			.replace(/[?#].*$/, '')
			.replace(/\/+$/, '');
	return key(a) === key(b);
}

export function companyUrl(name: string): string {
	return `https://www.linkedin.com/company/${slug(name)}/`;
}

export function pictureUrl(key: string, kind: 'profile' | 'company' = 'profile'): string {
	const image = encodeWith(BASE62, `img:${key}`, 14);
	const token = encodeWith(BASE64URLISH, `tok:${key}`, 43);
	const stamp = 1690000000000 + (parseInt(hex(`ts:${key}`, 8), 16) % 40000000000);
	const shape = kind === 'company' ? 'company-logo_100_100' : 'profile-displayphoto-shrink_100_100';
	const prefix = kind === 'company' ? 'C4D0BAQ' : 'D4E03AQ';
	return `https://media.licdn.com/dms/image/v2/${prefix}${image}/${shape}/${shape}/0/${stamp}?e=1767225600&v=beta&t=${token}`;
}

/** The mailbox owner as a message sender (is_me: true). */
export function ownerSender(account: Account): Sender {
	return {
		name: account.account_name,
		headline: 'Mathematician · Writing the first program 🧮',
		profile_url: profileUrl(account.account_name, account.account_id),
		profile_picture: pictureUrl(account.account_id),
		is_me: true,
	};
}
