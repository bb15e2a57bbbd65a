import { describe, expect, it } from 'vitest';
import { ageBand, ageOn } from './age-bands';

describe('ageBand', () => {
	const on = new Date('2026-11-24T12:00:00Z');
	it('counts a birthday only once it has come', () => {
		expect(ageOn('2016-11-24', on)).toBe(10);
		expect(ageOn('2016-11-25', on)).toBe(9);
		expect(ageOn('2016-12-01', on)).toBe(9);
	});
	it('puts each age in its band', () => {
		expect(ageBand('2022-01-01', on)).toBe('0-4');
		expect(ageBand('2019-11-24', on)).toBe('5-7');
		expect(ageBand('2015-01-01', on)).toBe('8-11');
		expect(ageBand('2011-01-01', on)).toBe('12-15');
		expect(ageBand('2009-01-01', on)).toBe('16-17');
		expect(ageBand('2001-01-01', on)).toBe('18-25');
		expect(ageBand('1990-01-01', on)).toBe('26+');
	});
	it('has no band without a date of birth or for a future date', () => {
		expect(ageBand(null, on)).toBeNull();
		expect(ageBand('2030-01-01', on)).toBeNull();
	});
});
