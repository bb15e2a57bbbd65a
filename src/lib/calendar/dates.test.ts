import { describe, expect, it } from 'vitest';
import {
	addDays,
	dayOfWeek,
	daysBetween,
	isRealDate,
	monthsBefore,
	readDate,
	formatDate,
	ukDate,
	ukDateTime,
	ukToday,
	utcDate,
	utcMidnight
} from './dates';

describe('isRealDate', () => {
	it('accepts calendar dates, including 29 February in a leap year', () => {
		expect(isRealDate('2026-11-24')).toBe(true);
		expect(isRealDate('2028-02-29')).toBe(true);
	});
	it('refuses dates that do not exist and other shapes', () => {
		for (const d of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-11-31', '24/11/2026', ''])
			expect(isRealDate(d), d).toBe(false);
	});
	it('refuses years PostgreSQL or a person would not mean', () => {
		for (const d of ['0000-01-01', '1899-12-31', '2100-01-01', '9999-12-31', '+02026-01-01'])
			expect(isRealDate(d), d).toBe(false);
	});
});

describe('readDate', () => {
	it('reads a real date', () => {
		expect(readDate('29', '2', '2028')).toBe('2028-02-29');
		expect(readDate('03', '4', '2015')).toBe('2015-04-03');
	});

	it.each([
		['31', '2', '2026'],
		['1', '1', '0000'],
		['1', '13', '2026'],
		['0', '1', '2026'],
		['1', '1', '1899'],
		['1', '1', '2100'],
		['1e1', '1', '2026'],
		['00001', '1', '2026']
	])('refuses %s %s %s', (d, m, y) => {
		expect(readDate(d, m, y)).toBe('invalid');
	});
});

describe('date arithmetic', () => {
	it('adds days across month, year and leap-day ends', () => {
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
		expect(daysBetween('2026-03-28', '2026-04-07')).toBe(10);
		expect(daysBetween('2026-04-07', '2026-04-07')).toBe(0);
		expect(daysBetween('2026-04-07', '2026-04-06')).toBe(-1);
	});

	it('knows the day of the week', () => {
		expect(dayOfWeek('2026-04-02')).toBe(4); // Thursday
		expect(dayOfWeek('2026-11-29')).toBe(0); // Sunday
	});

	it('gives the UTC date of an instant, whatever the time zone of the server', () => {
		expect(utcDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-06-30');
		expect(utcDate(Date.UTC(2026, 0, 1))).toBe('2026-01-01');
	});

	it('refuses anything but an ISO date', () => {
		for (const bad of ['2026-02-30', '26-02-03', '2026-02-03T00:00:00Z', ''])
			expect(() => utcMidnight(bad), bad).toThrow(RangeError);
		expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
	});

	it('counts months back, the 31st of a shorter month becoming its last day', () => {
		expect(monthsBefore(new Date('2032-05-31T10:15:00Z'), 3).toISOString()).toBe(
			'2032-02-29T10:15:00.000Z'
		);
		expect(monthsBefore(new Date('2032-01-15T00:00:00Z'), 72).toISOString()).toBe(
			'2026-01-15T00:00:00.000Z'
		);
	});
});

describe('UK dates', () => {
	it('writes a date as people in the UK do, in any style asked for', () => {
		expect(ukDate('2026-11-13')).toBe('13 Nov 2026');
		expect(ukDate('2026-11-13T00:00:00Z')).toBe('13 Nov 2026');
		expect(ukDate('2026-11-13', { dateStyle: 'full' })).toMatch(/^Friday,? 13 November 2026$/);
		expect(ukDate('2026-11-13', { day: 'numeric', month: 'long', year: 'numeric' })).toBe(
			'13 November 2026'
		);
		expect(ukDate(null)).toBe('');
		expect(ukDate('not a date')).toBe('not a date');
	});

	it('writes a date in the long style of each language, or as British English', () => {
		expect(formatDate('2026-12-01')).toBe('1 December 2026');
		expect(formatDate('2026-12-01', 'en')).toBe('1 December 2026');
		expect(formatDate('2026-12-01', 'pl')).toBe('1 grudnia 2026');
		expect(formatDate('2026-12-01', 'ur')).toBe('1 دسمبر، 2026');
		expect(formatDate('2026-03-31T23:30:00Z', 'pl')).toBe('31 marca 2026');
		expect(formatDate('2026-12-01', 'xx')).toBe('1 December 2026');
		expect(formatDate(undefined, 'pl')).toBe('');
	});

	it('writes an instant in UK time, summer time included', () => {
		expect(ukDateTime('2026-07-01T08:05:00Z')).toBe('1 Jul 2026, 09:05');
		expect(ukDateTime('2026-12-01T08:05:00Z')).toBe('1 Dec 2026, 08:05');
	});

	it('takes today as the date in the UK, not in UTC', () => {
		expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
		expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
	});
});
