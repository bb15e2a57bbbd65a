import { describe, expect, it } from 'vitest';
import { intervalText, percentText } from './percent';

describe('percentText', () => {
	it('writes one decimal place, a whole number included', () => {
		expect(percentText(78)).toBe('78.0%');
		expect(percentText(76.3)).toBe('76.3%');
		expect(percentText(0)).toBe('0.0%');
		expect(percentText(100)).toBe('100.0%');
	});
	it('rounds a longer fraction to one place', () => {
		expect(percentText(66.66666)).toBe('66.7%');
		expect(percentText(12.25)).toBe('12.3%');
	});
	it('writes an interval with one sign at its end', () => {
		expect(intervalText(56.8, 86)).toBe('56.8–86.0%');
	});
});
