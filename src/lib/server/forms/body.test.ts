import { describe, expect, it } from 'vitest';
import { isTypedText, readFormData } from './body';

const post = (body: string, type: string | null) =>
	new Request('http://x.test/', {
		method: 'POST',
		body,
		headers: type ? { 'content-type': type } : {}
	});

describe('readFormData', () => {
	it('reads a urlencoded form', async () => {
		const form = await readFormData(post('a=1&a=2', 'application/x-www-form-urlencoded'));
		expect(form?.getAll('a')).toEqual(['1', '2']);
	});

	it.each([
		['text/plain', 'a=1'],
		['application/json', '{"a":1}'],
		['multipart/form-data; boundary=x', 'not a multipart body'],
		['multipart/form-data', '--x\r\n']
	])('refuses a %s body', async (type, body) => {
		expect(await readFormData(post(body, type))).toBeNull();
	});

	it('refuses a body with no type', async () => {
		expect(await readFormData(post('a=1', null))).toBeNull();
	});
});

describe('isTypedText', () => {
	it('accepts letters of any script, right-to-left marks and emoji', () => {
		expect(isTypedText('Zoë اردو \u200f😀 =SUM(A1)')).toBe(true);
	});

	it.each(['a\u0000b', 'a\u0007', '\u001b[2J', 'a\u007f', 'a\nb', 'a\tb', 'a\rb'])(
		'refuses control characters on one line: %j',
		(value) => {
			expect(isTypedText(value)).toBe(false);
		}
	);

	it('allows tab and line breaks in a textarea, not NUL', () => {
		expect(isTypedText('one\r\ntwo\tthree', true)).toBe(true);
		expect(isTypedText('one\u0000', true)).toBe(false);
	});

	it.each(['\ud800', 'a\udc00b', '\udbff\ud800'])('refuses a lone surrogate: %j', (value) => {
		expect(isTypedText(value, true)).toBe(false);
	});
});
