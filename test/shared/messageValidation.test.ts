import {
	binaryPropertyProblem,
	conversationIdProblem,
	isSet,
	mediaUrlProblem,
	messageTextProblem,
	profileUrlProblem,
	twoMediaProblem,
} from '../../nodes/shared/messageValidation';

describe('profileUrlProblem', () => {
	it.each([
		'https://www.linkedin.com/in/ada-lovelace',
		'https://www.linkedin.com/in/ada-lovelace/',
		'http://linkedin.com/in/ada',
		'https://fr.linkedin.com/in/ren%C3%A9e-lef%C3%A8vre-884f4ebb',
		'https://www.linkedin.com/in/zoë-müller',
		'HTTPS://WWW.LINKEDIN.COM/in/ADA',
		'https://www.linkedin.com/in/ada?originalSubdomain=fr',
		'https://www.linkedin.com/in/ACoAAB3xYz#about',
		'  https://www.linkedin.com/in/ada \n',
	])('accepts %p', (url) => {
		expect(profileUrlProblem(url)).toBeUndefined();
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		[undefined, 'empty'],
		[null, 'empty'],
		[42, 'empty'],
		['https://example.com/in/ada', 'not'],
		['https://linkedin.com.evil.example/in/ada', 'not'],
		['https://evil-linkedin.com/in/ada', 'not'],
		['https://www.linkedin.com/company/acme/', 'not'],
		['https://www.linkedin.com/in/', 'not'],
		['https://www.linkedin.com/in/ada/details/experience/', 'not'],
		['www.linkedin.com/in/ada', 'not'],
		['ftp://www.linkedin.com/in/ada', 'not'],
		['https://www.linkedin.com/in/ada lovelace', 'not'],
	])('refuses %p', (url, kind) => {
		const problem = profileUrlProblem(url);
		if (kind === 'empty') {
			expect(problem).toBe(
				"Profile URL is empty: enter the person's LinkedIn profile URL, e.g. https://www.linkedin.com/in/ada-lovelace (participantProfileUrl of List Inbox or the trigger)",
			);
		} else {
			expect(problem).toBe(
				`Profile URL must be a LinkedIn profile URL like https://www.linkedin.com/in/ada-lovelace (got ${JSON.stringify(url)})`,
			);
		}
	});

	it('names the parameter it checks', () => {
		expect(profileUrlProblem('', 'Conversation (By Profile URL)')).toMatch(
			/^Conversation \(By Profile URL\) is empty: /,
		);
	});
});

describe('conversationIdProblem', () => {
	it.each(['urn:li:msg_conversation:(urn:li:fsd_profile:ACoAA,2-x)', '2-abc', ' x '])(
		'accepts %p',
		(id) => {
			expect(conversationIdProblem(id)).toBeUndefined();
		},
	);
	it.each(['', '  \n', undefined, null, 7])('refuses %p', (id) => {
		expect(conversationIdProblem(id)).toBe(
			'Conversation is empty: enter a conversation ID (conversationId of List Inbox or the trigger), or choose By Profile URL',
		);
	});
});

describe('messageTextProblem', () => {
	it.each(['Hi', ' Hi ', '👍', 'line 1\nline 2'])('accepts %p', (text) => {
		expect(messageTextProblem(text)).toBeUndefined();
	});
	it.each(['', ' ', '\n\t '])('refuses the blank %p', (text) => {
		expect(messageTextProblem(text)).toBe('Text is empty: enter the message to send');
	});
	it.each([
		[42, '42'],
		[undefined, 'undefined'],
		[null, 'null'],
		[{ a: 1 }, '{"a":1}'],
	])('refuses the non-text %p', (text, shown) => {
		expect(messageTextProblem(text)).toBe(
			`Text must be the message to send, as text (got ${shown})`,
		);
	});
});

describe('mediaUrlProblem', () => {
	it.each([
		'https://example.com/a.png',
		'http://cdn.example.com/x?y=1',
		' https://example.com/a.pdf ',
	])('accepts %p', (url) => {
		expect(mediaUrlProblem(url)).toBeUndefined();
	});
	it.each([
		'ftp://example.com/a',
		'example.com/a.png',
		'javascript:alert(1)',
		'https://',
		'https:///a',
		'https://exa mple.com',
		'',
		3,
	])('refuses %p', (url) => {
		expect(mediaUrlProblem(url)).toMatch(
			/^Media URL must be a public http\(s\) link, e\.g\. https:\/\/example\.com\/photo\.jpg \(got /,
		);
	});
});

describe('media options', () => {
	it('two set options are refused; a blank one counts as unset', () => {
		const both =
			'Media URL and Binary Property are both set: a message carries one attachment, so remove one of the two options';
		expect(twoMediaProblem('https://example.com/a.png', 'data')).toBe(both);
		expect(twoMediaProblem('https://example.com/a.png', ' ')).toBeUndefined();
		expect(twoMediaProblem(undefined, 'data')).toBeUndefined();
		expect(twoMediaProblem('', '')).toBeUndefined();
	});

	it('isSet', () => {
		expect([undefined, null, '', '  ', 'x', 0].map(isSet)).toEqual([
			false,
			false,
			false,
			false,
			true,
			true,
		]);
	});

	it('a missing binary property names what the item has', () => {
		expect(binaryPropertyProblem('data', [])).toBe(
			'Binary Property "data" is not on this input item (it has no binary data): set Binary Property to the name of the file to send, or remove the option',
		);
		expect(binaryPropertyProblem('data', ['photo', 'cv'])).toContain('(it has "photo", "cv")');
	});
});
