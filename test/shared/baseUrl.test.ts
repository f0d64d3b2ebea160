import { normalizeBaseUrl } from '../../nodes/shared/baseUrl';

describe('normalizeBaseUrl', () => {
	it.each([
		['https://api.linkupapi.com', 'https://api.linkupapi.com'],
		['https://api.linkupapi.com/', 'https://api.linkupapi.com'],
		['https://api.linkupapi.com///', 'https://api.linkupapi.com'],
		['  https://proxy.example/linkup/  ', 'https://proxy.example/linkup'],
		['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
		['https://api.linkupapi.com/v2', 'https://api.linkupapi.com'],
		[' https://api.linkupapi.com/V2/ ', 'https://api.linkupapi.com'],
		['https://proxy.example/v2x', 'https://proxy.example/v2x'],
		['', 'https://api.linkupapi.com'],
		['   ', 'https://api.linkupapi.com'],
		[undefined, 'https://api.linkupapi.com'],
		[null, 'https://api.linkupapi.com'],
		[42, 'https://api.linkupapi.com'],
	])('%p → %p', (input, expected) => {
		expect(normalizeBaseUrl(input)).toBe(expected);
	});
});
