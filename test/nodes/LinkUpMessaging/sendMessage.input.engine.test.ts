import { credentialData, runNode } from '../../helpers/engine';
import { rl, sentBodies } from '../../helpers/listInbox';
import { binaryOf, runNodeOn, sendMessageNode } from '../../helpers/messages';
import { BLANK_ACCOUNT_MESSAGE } from '../../helpers/wording';
import { SANDBOX_ACCOUNT_ID, realisticInbox, startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;
let url: string;

beforeAll(async () => {
	sandbox = await startSandbox({ inbox: realisticInbox(17, 10) });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	url =
		sandbox.inbox.all(SANDBOX_ACCOUNT_ID).find((c) => c.participant.profile_url?.includes('/in/'))
			?.participant.profile_url ?? '';
});

const creds = () => credentialData(sandbox.url, sandbox.apiKey);
const BLANK_URL =
	"Profile URL is empty: enter the person's LinkedIn profile URL, e.g. https://www.linkedin.com/in/ada-lovelace (participantProfileUrl of List Inbox or the trigger)";
const notProfile = (got: string) =>
	`Profile URL must be a LinkedIn profile URL like https://www.linkedin.com/in/ada-lovelace (got ${got})`;
const BLANK_TEXT = 'Text is empty: enter the message to send';
const badMediaUrl = (got: string) =>
	`Media URL must be a public http(s) link, e.g. https://example.com/photo.jpg (got ${got})`;
const TWO_MEDIA =
	'Media URL and Binary Property are both set: a message carries one attachment, so remove one of the two options';
const missingBinary = (name: string, has: string) =>
	`Binary Property "${name}" is not on this input item (${has}): set Binary Property to the name of the file to send, or remove the option`;

describe('Send Message refuses bad input before sending anything', () => {
	it.each([
		['a Profile URL expression that resolves to ""', { profileUrl: '={{ "" }}' }, BLANK_URL],
		['a Profile URL of spaces', { profileUrl: '  \t' }, BLANK_URL],
		['a Profile URL expression that resolves to null', { profileUrl: '={{ null }}' }, BLANK_URL],
		[
			'a URL that is not LinkedIn',
			{ profileUrl: 'https://example.com/in/ada' },
			notProfile('"https://example.com/in/ada"'),
		],
		[
			'a look-alike host',
			{ profileUrl: 'https://linkedin.com.evil.example/in/ada' },
			notProfile('"https://linkedin.com.evil.example/in/ada"'),
		],
		[
			'a LinkedIn company page',
			{ profileUrl: 'https://www.linkedin.com/company/acme/' },
			notProfile('"https://www.linkedin.com/company/acme/"'),
		],
		[
			'a LinkedIn page that is not a profile',
			{ profileUrl: 'https://www.linkedin.com/feed/' },
			notProfile('"https://www.linkedin.com/feed/"'),
		],
		[
			'a profile URL without https://',
			{ profileUrl: 'linkedin.com/in/ada' },
			notProfile('"linkedin.com/in/ada"'),
		],
		['a name instead of a URL', { profileUrl: 'Ada Lovelace' }, notProfile('"Ada Lovelace"')],
		['a Text expression that resolves to ""', { text: '={{ "" }}' }, BLANK_TEXT],
		['a Text of spaces and line breaks', { text: ' \n\t ' }, BLANK_TEXT],
		[
			'a Text expression that resolves to a number',
			{ text: '={{ 42 }}' },
			'Text must be the message to send, as text (got 42)',
		],
		[
			'a Media URL that is ftp',
			{ options: { mediaUrl: 'ftp://example.com/a.png' } },
			badMediaUrl('"ftp://example.com/a.png"'),
		],
		[
			'a Media URL without a scheme',
			{ options: { mediaUrl: 'example.com/a.png' } },
			badMediaUrl('"example.com/a.png"'),
		],
		[
			'a javascript: Media URL',
			{ options: { mediaUrl: 'javascript:alert(1)' } },
			badMediaUrl('"javascript:alert(1)"'),
		],
		[
			'a Media URL with a space',
			{ options: { mediaUrl: 'https://example.com/a b.png' } },
			badMediaUrl('"https://example.com/a b.png"'),
		],
		[
			'both media options',
			{ options: { mediaUrl: 'https://example.com/a.png', binaryPropertyName: 'data' } },
			TWO_MEDIA,
		],
		[
			'a Binary Property the item does not have',
			{ options: { binaryPropertyName: 'data' } },
			missingBinary('data', 'it has no binary data'),
		],
		['an Account of spaces', { accountId: rl('   ') }, BLANK_ACCOUNT_MESSAGE],
	])('%s', async (_label, parameters, message) => {
		const { items, error, run } = await runNode(
			sendMessageNode({ profileUrl: url, text: 'Hello', ...parameters }),
			creds(),
		);
		expect(run.status).toBe('error');
		expect(error?.message).toBe(message);
		expect(items).toEqual([]);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.creditsConsumed).toBe(0);
	});

	it('a Binary Property the item does not have, when it has others: names them', async () => {
		const input = {
			json: {},
			binary: { photo: binaryOf('a', 'a.png'), cv: binaryOf('b', 'b.pdf') },
		};
		const node = sendMessageNode({
			profileUrl: url,
			text: 'Hi',
			options: { binaryPropertyName: 'data' },
		});
		const { error } = await runNodeOn(node, creds(), [input]);
		expect(error?.message).toBe(missingBinary('data', 'it has "photo", "cv"'));
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each([
		['Profile URL', { text: 'Hi' }],
		['Text', { profileUrl: 'https://www.linkedin.com/in/ada' }],
	])(
		'an empty %s typed in the editor is refused by n8n itself, before the node runs',
		async (name, parameters) => {
			await expect(runNode(sendMessageNode(parameters), creds())).rejects.toThrow(
				`Parameter "${name}" is required`,
			);
			expect(sandbox.requests).toHaveLength(0);
		},
	);
});

describe('Send Message accepts what it should', () => {
	it.each([
		(u: string) => u.replace('https://www.', 'http://'),
		(u: string) => u.replace('www.', 'fr.'),
		(u: string) => `${u}/`,
		(u: string) => `${u}?originalSubdomain=fr`,
		(u: string) => u.replace('linkedin.com', 'LinkedIn.com'),
	])('profile URL variant %#, sent as written', async (variant) => {
		const written = variant(url);
		const { items, error } = await runNode(
			sendMessageNode({ profileUrl: written, text: 'Hi' }),
			creds(),
		);
		expect(error).toBeUndefined();
		expect(
			(sandbox.requests[0].body as { params: { profile_url: string } }).params.profile_url,
		).toBe(written);
		expect(items[0].json.profileUrl).toBe(written);
	});

	it('spaces around the Profile URL, Account and Media URL are trimmed; the text is sent exactly as written', async () => {
		const text = '  Hello,\n\n  indented line\t\n';
		const node = sendMessageNode({
			accountId: rl(` ${SANDBOX_ACCOUNT_ID} `),
			profileUrl: ` ${url}\n`,
			text,
			options: { mediaUrl: ' https://example.com/a.png ' },
		});
		const { error } = await runNode(node, creds());
		expect(error).toBeUndefined();
		expect(sentBodies(sandbox)).toStrictEqual([
			{
				account_id: SANDBOX_ACCOUNT_ID,
				action: 'send',
				params: { profile_url: url, message_text: text, media_link: 'https://example.com/a.png' },
			},
		]);
	});

	it('a blank Binary Property counts as unset, even with a Media URL', async () => {
		const node = sendMessageNode({
			profileUrl: url,
			text: 'Hi',
			options: { binaryPropertyName: ' ', mediaUrl: 'https://example.com/a.png' },
		});
		const { error } = await runNode(node, creds());
		expect(error).toBeUndefined();
		expect((sandbox.requests[0].body as { params: object }).params).not.toHaveProperty(
			'media_file',
		);
	});
});
