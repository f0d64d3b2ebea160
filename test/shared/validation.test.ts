import { accountIdProblem, categoryProblem, limitProblem } from '../../nodes/shared/validation';
import { BLANK_ACCOUNT_MESSAGE, categoryMessage, limitMessage } from './userFacingWords';

describe('accountIdProblem', () => {
	it.each(['65f1c2a9b3d4e5f6a7b8c9d0', 'acc_abc123', ' acc_abc123 '])('accepts %p', (id) => {
		expect(accountIdProblem(id)).toBeUndefined();
	});

	it.each([[''], ['   '], ['\t\n'], [undefined], [null], [42], [{ value: 'acc' }]])(
		'refuses %p',
		(id) => {
			expect(accountIdProblem(id)).toBe(BLANK_ACCOUNT_MESSAGE);
		},
	);
});

describe('limitProblem', () => {
	it.each([1, 10, 50, 1000])('accepts %p', (limit) => {
		expect(limitProblem(limit)).toBeUndefined();
	});

	it.each([
		[0, '0'],
		[-1, '-1'],
		[2.5, '2.5'],
		[0.5, '0.5'],
		[NaN, 'NaN'],
		[Infinity, 'Infinity'],
		['5', '"5"'],
		[null, 'null'],
		[undefined, 'undefined'],
		[true, 'true'],
	])('refuses %p and shows it as %s', (limit, shown) => {
		expect(limitProblem(limit)).toBe(limitMessage(shown));
	});
});

describe('categoryProblem', () => {
	it.each(['INBOX', 'UNREAD', 'MY_CONNECTIONS', 'INMAIL', 'STARRED'])('accepts %s', (category) => {
		expect(categoryProblem(category)).toBeUndefined();
	});

	it.each([
		['FOO', '"FOO"'],
		['inbox', '"inbox"'],
		['', '""'],
		[' INBOX', '" INBOX"'],
		[undefined, 'undefined'],
		[3, '3'],
	])('refuses %p', (category, shown) => {
		expect(categoryProblem(category)).toBe(categoryMessage(shown));
	});
});
