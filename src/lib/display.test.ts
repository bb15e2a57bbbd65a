import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './display';

describe('safeReturnPath', () => {
	it.each(['/', '/answer/q/feel_safe', '/answer?lang=pl', '/code#code'])('keeps %s', (path) => {
		expect(safeReturnPath(path)).toBe(path);
	});

	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/%09/evil.example/../',
		'/\n/evil.example',
		'/\r\nSet-Cookie: a=b',
		' /evil',
		'https://evil.example/',
		'javascript:alert(1)',
		'evil.example',
		'/ /evil.example'
	])('refuses %j', (path) => {
		const kept = safeReturnPath(path);
		expect(new URL(kept, 'https://voices.example').origin).toBe('https://voices.example');
		expect(kept).toMatch(/^\/(?![/\\])/);
		expect(kept).not.toMatch(/[\s\\]/);
	});

	it('percent-encodes what a Location header cannot carry', () => {
		expect(safeReturnPath('/answer/zoë')).toBe('/answer/zo%C3%AB');
	});

	it('refuses what is not text', () => {
		expect(safeReturnPath(null)).toBe('/');
		expect(safeReturnPath(['/a'])).toBe('/');
	});
});
