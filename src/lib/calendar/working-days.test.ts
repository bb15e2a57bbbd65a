import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days';

// Calendars used below, worked out by hand:
//   2026: 31 Jan Sat; Good Friday 3 Apr, Easter Monday 6 Apr; 25 Dec Fri, 26 Dec Sat, 28 Dec Mon
//         (Boxing Day substitute).
//   2027: 1 Jan Fri; Good Friday 26 Mar, Easter Monday 29 Mar.
//   2025: 25 Dec Thu, 26 Dec Fri.

describe('isWorkingDay', () => {
	it('is false at weekends and true on an ordinary weekday', () => {
		expect(isWorkingDay('2026-01-31')).toBe(false); // Saturday
		expect(isWorkingDay('2026-02-01')).toBe(false); // Sunday
		expect(isWorkingDay('2026-02-02')).toBe(true); // Monday
		expect(isWorkingDay('2026-02-06')).toBe(true); // Friday
	});

	it('knows Christmas 2026, with Boxing Day moved to Monday 28 December', () => {
		expect(isWorkingDay('2026-12-24')).toBe(true);
		expect(isWorkingDay('2026-12-25')).toBe(false);
		expect(isWorkingDay('2026-12-28')).toBe(false);
		expect(isWorkingDay('2026-12-29')).toBe(true);
	});

	it('knows Easter in 2026 and 2027', () => {
		expect(isWorkingDay('2026-04-02')).toBe(true);
		expect(isWorkingDay('2026-04-03')).toBe(false);
		expect(isWorkingDay('2026-04-06')).toBe(false);
		expect(isWorkingDay('2026-04-07')).toBe(true);
		expect(isWorkingDay('2027-03-26')).toBe(false);
		expect(isWorkingDay('2027-03-29')).toBe(false);
		// The same dates a year apart are ordinary days.
		expect(isWorkingDay('2027-04-06')).toBe(true);
		expect(isWorkingDay('2026-03-26')).toBe(true);
	});

	it('refuses things that are not ISO dates', () => {
		expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
		expect(() => isWorkingDay('26-02-03')).toThrow(RangeError);
		expect(() => isWorkingDay('2026-02-03T00:00:00Z')).toThrow(RangeError);
	});
});

describe('addWorkingDays', () => {
	it('skips Christmas Day, the weekend and the substitute Boxing Day', () => {
		expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
		expect(addWorkingDays('2026-12-24', 3)).toBe('2026-12-31');
	});

	it('carries on into the next year, skipping New Year’s Day 2027 (a Friday)', () => {
		expect(addWorkingDays('2026-12-24', 4)).toBe('2027-01-04');
	});

	it('skips both Christmas days when they fall on Thursday and Friday (2025)', () => {
		expect(addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
	});

	it('skips Good Friday and Easter Monday', () => {
		expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
		expect(addWorkingDays('2026-04-01', 2)).toBe('2026-04-07');
	});

	it('does not count the starting day, even when it is itself a day off', () => {
		expect(addWorkingDays('2026-01-31', 1)).toBe('2026-02-02');
		expect(addWorkingDays('2026-02-02', 1)).toBe('2026-02-03');
		expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
		expect(addWorkingDays('2026-02-04', 0)).toBe('2026-02-04');
	});

	it('refuses negative or fractional days and bad dates', () => {
		expect(() => addWorkingDays('2026-02-02', -1)).toThrow(RangeError);
		expect(() => addWorkingDays('2026-02-02', 1.5)).toThrow(RangeError);
		expect(() => addWorkingDays('2026-02-02', Number.NaN)).toThrow(RangeError);
		expect(() => addWorkingDays('2026-13-01', 0)).toThrow(RangeError);
	});
});
