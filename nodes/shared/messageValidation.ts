/**
 * Checks for Get Conversation and Send Message, in the style of validation.ts: each returns what
 * is wrong in words that name the fix, or `undefined` when fine.
 */

const PROFILE_URL_EXAMPLE = 'https://www.linkedin.com/in/ada-lovelace';

/** http(s), a linkedin.com host (www., country subdomains), `/in/<handle>`, optional slash, query or hash. */
const LINKEDIN_PROFILE_URL =
	/^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\/in\/[^/?#\s]+\/?([?#]\S*)?$/i;

const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;

const shown = (value: unknown) =>
	typeof value === 'number' ? String(value) : JSON.stringify(value);

/** `field`: the parameter as the user sees it ("Profile URL", "Conversation (By Profile URL)"). */
export function profileUrlProblem(url: unknown, field = 'Profile URL'): string | undefined {
	if (typeof url !== 'string' || url.trim() === '') {
		return `${field} is empty: enter the person's LinkedIn profile URL, e.g. ${PROFILE_URL_EXAMPLE} (participantProfileUrl of List Inbox or the trigger)`;
	}
	if (!LINKEDIN_PROFILE_URL.test(url.trim())) {
		return `${field} must be a LinkedIn profile URL like ${PROFILE_URL_EXAMPLE} (got ${shown(url)})`;
	}
	return undefined;
}

export function conversationIdProblem(conversationId: unknown): string | undefined {
	if (typeof conversationId !== 'string' || conversationId.trim() === '') {
		return 'Conversation is empty: enter a conversation ID (conversationId of List Inbox or the trigger), or choose By Profile URL';
	}
	return undefined;
}

export function messageTextProblem(text: unknown): string | undefined {
	if (typeof text !== 'string')
		return `Text must be the message to send, as text (got ${shown(text)})`;
	if (text.trim() === '') return 'Text is empty: enter the message to send';
	return undefined;
}

export function mediaUrlProblem(url: unknown): string | undefined {
	if (typeof url !== 'string' || !HTTP_URL.test(url.trim())) {
		return `Media URL must be a public http(s) link, e.g. https://example.com/photo.jpg (got ${shown(url)})`;
	}
	return undefined;
}

export function twoMediaProblem(
	mediaUrl: unknown,
	binaryPropertyName: unknown,
): string | undefined {
	if (isSet(mediaUrl) && isSet(binaryPropertyName)) {
		return 'Media URL and Binary Property are both set: a message carries one attachment, so remove one of the two options';
	}
	return undefined;
}

/** `available`: the binary properties the item has. */
export function binaryPropertyProblem(name: string, available: string[]): string {
	const has =
		available.length > 0
			? `it has ${available.map((key) => `"${key}"`).join(', ')}`
			: 'it has no binary data';
	return `Binary Property "${name}" is not on this input item (${has}): set Binary Property to the name of the file to send, or remove the option`;
}

/** Whether an optional media option is in use: a blank one (e.g. an empty expression) counts as unset. */
export function isSet(value: unknown): boolean {
	return (
		value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')
	);
}
