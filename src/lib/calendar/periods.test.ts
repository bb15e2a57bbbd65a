import { describe, expect, it } from 'vitest';
import {
	addMonths,
	financialYear,
	financialYearOf,
	financialYearStart,
	month,
	monthEnd,
	monthsOf,
	parsePeriodKey,
	quarter,
	quarterStart,
	quartersEnding,
	range
} from './periods';

describe('financial quarters and years', () => {
	it('puts 31 March in Q4 of the year before and 1 April in Q1 of the new year', () => {
		expect(quarter('2026-03-31')).toMatchObject({
			key: '2025-Q4',
			start: '2026-01-01',
			end: '2026-03-31'
		});
		expect(quarter('2026-04-01')).toMatchObject({
			key: '2026-Q1',
			start: '2026-04-01',
			end: '2026-06-30'
		});
		expect(financialYearOf('2026-03-31')).toBe(2025);
		expect(financialYearOf('2026-04-01')).toBe(2026);
	});

	it('labels quarters and years the way council returns do', () => {
		expect(quarter('2025-08-15').label).toBe('Q2 2025-26 (Jul–Sep 2025)');
		expect(quarter('2026-02-01').label).toBe('Q4 2025-26 (Jan–Mar 2026)');
		expect(financialYear('2025-12-01')).toMatchObject({
			key: 'FY2025',
			start: '2025-04-01',
			end: '2026-03-31',
			label: 'Financial year 2025-26'
		});
		expect(financialYear('2099-06-01').label).toBe('Financial year 2099-00');
	});

	it('gives the first day of a date’s financial year and quarter', () => {
		expect(financialYearStart('2026-03-31')).toBe('2025-04-01');
		expect(financialYearStart('2026-04-01')).toBe('2026-04-01');
		for (const [iso, start] of [
			['2026-01-31', '2026-01-01'],
			['2026-03-31', '2026-01-01'],
			['2026-04-01', '2026-04-01'],
			['2026-09-15', '2026-07-01'],
			['2026-12-01', '2026-10-01']
		])
			expect(quarterStart(iso!), iso).toBe(start);
	});

	it('counts whole months on, across year ends', () => {
		expect(addMonths('2026-11-24', 3)).toBe('2027-02-01');
		expect(addMonths('2025-04-01', 11)).toBe('2026-03-01');
		expect(addMonths('2026-01-01', 12)).toBe('2027-01-01');
		expect(addMonths('2026-03-01', -3)).toBe('2025-12-01');
	});

	it('knows the length of every month, leap years included', () => {
		expect(monthEnd('2024-02-10')).toBe('2024-02-29');
		expect(monthEnd('2100-02-01')).toBe('2100-02-28');
		expect(monthEnd('2026-04-30')).toBe('2026-04-30');
		expect(month('2024-02-10').end).toBe('2024-02-29');
		expect(month('2025-02-10').end).toBe('2025-02-28');
		expect(month('2025-12-31')).toMatchObject({ key: '2025-12', label: 'December 2025' });
	});

	it('counts back whole quarters across a year end', () => {
		expect(quartersEnding('2026-05-20', 4).map((q) => q.key)).toEqual([
			'2025-Q2',
			'2025-Q3',
			'2025-Q4',
			'2026-Q1'
		]);
	});

	it('reads period keys and refuses anything else', () => {
		expect(parsePeriodKey('2025-Q1')?.start).toBe('2025-04-01');
		expect(parsePeriodKey('2025-Q4')?.end).toBe('2026-03-31');
		expect(parsePeriodKey('FY2024')?.end).toBe('2025-03-31');
		expect(parsePeriodKey('2025-11')?.end).toBe('2025-11-30');
		for (const bad of [
			'2025-13',
			'2025-Q5',
			'FY25',
			'',
			'2025-04-01',
			"'; drop",
			'0000-01',
			'FY0000',
			'9999-Q1'
		])
			expect(parsePeriodKey(bad)).toBeNull();
	});

	it('makes a range of whole months and lists them', () => {
		const r = range('2025-11-15', '2026-02-03');
		expect(r).toMatchObject({ start: '2025-11-01', end: '2026-02-28' });
		expect(monthsOf(r)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
		expect(() => range('2026-02-01', '2025-11-01')).toThrow(RangeError);
	});
});
