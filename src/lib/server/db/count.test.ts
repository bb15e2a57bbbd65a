import { describe, expect, it } from 'vitest';
import { toCount } from './count';

describe('toCount', () => {
	it('turns pg bigint strings and PGlite numbers into numbers', () => {
		expect(toCount('42')).toBe(42);
		expect(toCount(42)).toBe(42);
		expect(toCount(7n)).toBe(7);
		expect(toCount(null)).toBe(0);
	});
	it('refuses what is not a count', () => {
		expect(() => toCount('abc')).toThrow(/Not a count/);
		expect(() => toCount('1.5')).toThrow(/Not a count/);
	});
});
