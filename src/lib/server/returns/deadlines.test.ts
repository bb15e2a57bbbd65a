import { describe, expect, it } from 'vitest';
import { parsePeriodKey, type Period } from '../../calendar/periods';
import { DEFAULT_DUE_DAYS, dueOn, periodOf, periodsOwed } from './deadlines';

// Calendars used below, worked out by hand:
//   2026: 1 Jan Thu; 31 Jan Sat; Good Friday 3 Apr, Easter Monday 6 Apr; 31 Mar Tue; 30 Apr Thu;
//         Early May bank holiday 4 May; 25 Dec Fri, 26 Dec Sat, 28 Dec Mon (Boxing Day substitute).
//   2027: 1 Jan Fri; Good Friday 26 Mar, Easter Monday 29 Mar.
//   2025: 25 Dec Thu, 26 Dec Fri.

const period = (key: string): Period => {
	const p = parsePeriodKey(key);
	if (!p) throw new Error(`bad key ${key}`);
	return p;
};
const keys = (periods: Period[]) => periods.map((p) => p.key);

describe('periodOf', () => {
	it('gives a month, a financial quarter or a financial year by kind', () => {
		expect(periodOf('monthly', '2026-03-31')).toMatchObject({
			kind: 'month',
			key: '2026-03',
			start: '2026-03-01',
			end: '2026-03-31'
		});
		expect(periodOf('quarterly', '2026-03-31')).toMatchObject({
			kind: 'quarter',
			key: '2025-Q4',
			start: '2026-01-01',
			end: '2026-03-31'
		});
		expect(periodOf('annual', '2026-03-31')).toMatchObject({
			kind: 'year',
			key: 'FY2025',
			start: '2025-04-01',
			end: '2026-03-31'
		});
		expect(periodOf('annual', '2026-04-01').key).toBe('FY2026');
	});
});

describe('dueOn', () => {
	it('gives Q4 2025-26 fifteen working days past 31 March, around Easter', () => {
		// Apr 1, 2 | (3 Good Friday, 6 Easter Monday) | 7–10 | 13–17 | 20, 21, 22, 23.
		expect(dueOn('quarterly', period('2025-Q4'), DEFAULT_DUE_DAYS)).toBe('2026-04-23');
	});

	it('gives the financial year 2025-26 twenty working days past 31 March', () => {
		// The fifteen above, then 24 Apr and 27–30 Apr.
		expect(dueOn('annual', period('FY2025'), DEFAULT_DUE_DAYS)).toBe('2026-04-30');
	});

	it('counts from a month that ends on a Saturday', () => {
		// January 2026 ends Saturday 31st: 2–6 Feb, 9–13 Feb.
		expect(dueOn('monthly', period('2026-01'), DEFAULT_DUE_DAYS)).toBe('2026-02-13');
	});

	it('skips the Early May bank holiday', () => {
		// 1 May, (4 May), 5–8 May, 11–15 May.
		expect(dueOn('monthly', period('2026-04'), DEFAULT_DUE_DAYS)).toBe('2026-05-15');
	});

	it('uses the number of days for the kind it is given', () => {
		const days = { monthly: 1, quarterly: 2, annual: 3 };
		expect(dueOn('monthly', period('2026-12'), days)).toBe('2027-01-04');
		expect(dueOn('quarterly', period('2025-Q4'), days)).toBe('2026-04-02');
		expect(dueOn('annual', period('FY2025'), days)).toBe('2026-04-07');
	});
});

describe('periodsOwed', () => {
	it('owes the month a commission starts in, even from the middle of it', () => {
		expect(keys(periodsOwed('monthly', '2025-11-17', null, '2026-02-10'))).toEqual([
			'2025-11',
			'2025-12',
			'2026-01'
		]);
	});

	it('does not owe the period today is in, up to and including its last day', () => {
		expect(keys(periodsOwed('quarterly', '2025-04-01', null, '2026-02-10'))).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3'
		]);
		expect(keys(periodsOwed('quarterly', '2025-04-01', null, '2026-03-31'))).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3'
		]);
		expect(keys(periodsOwed('quarterly', '2025-04-01', null, '2026-04-01'))).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4'
		]);
	});

	it('stops with an ended commission, owing the part month it ended in', () => {
		expect(keys(periodsOwed('monthly', '2025-06-01', '2025-09-15', '2026-03-01'))).toEqual([
			'2025-06',
			'2025-07',
			'2025-08',
			'2025-09'
		]);
		expect(keys(periodsOwed('monthly', '2025-06-01', '2025-09-30', '2026-03-01'))).toEqual([
			'2025-06',
			'2025-07',
			'2025-08',
			'2025-09'
		]);
	});

	it('waits for the end of the period an ended commission stopped in', () => {
		expect(keys(periodsOwed('quarterly', '2025-04-01', '2026-02-15', '2026-03-01'))).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3'
		]);
		expect(keys(periodsOwed('quarterly', '2025-04-01', '2026-02-15', '2026-04-02'))).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4'
		]);
	});

	it('owes financial years', () => {
		expect(keys(periodsOwed('annual', '2024-06-01', null, '2026-04-01'))).toEqual([
			'FY2024',
			'FY2025'
		]);
		expect(keys(periodsOwed('annual', '2024-06-01', null, '2026-03-31'))).toEqual(['FY2024']);
	});

	it('owes nothing before the first period ends, or for a commission ending before it starts', () => {
		expect(periodsOwed('monthly', '2026-03-01', null, '2026-03-01')).toEqual([]);
		expect(periodsOwed('monthly', '2026-03-01', null, '2026-03-31')).toEqual([]);
		expect(keys(periodsOwed('monthly', '2026-03-01', null, '2026-04-01'))).toEqual(['2026-03']);
		expect(periodsOwed('monthly', '2026-05-01', null, '2026-03-01')).toEqual([]);
		expect(periodsOwed('monthly', '2025-06-01', '2025-05-01', '2026-03-01')).toEqual([]);
	});

	it('keeps only the most recent 60 by default, or as many as asked', () => {
		const owed = periodsOwed('monthly', '2020-01-15', null, '2026-02-10');
		expect(owed).toHaveLength(60);
		// January 2026 and the 59 months before it: February 2021 onwards.
		expect(owed[0]?.key).toBe('2021-02');
		expect(owed[59]?.key).toBe('2026-01');
		expect(keys(periodsOwed('monthly', '2020-01-15', null, '2026-02-10', 3))).toEqual([
			'2025-11',
			'2025-12',
			'2026-01'
		]);
		expect(periodsOwed('monthly', '2020-01-15', null, '2026-02-10', 0)).toEqual([]);
		expect(periodsOwed('monthly', '2025-11-17', null, '2026-02-10', 100)).toHaveLength(3);
		expect(() => periodsOwed('monthly', '2020-01-15', null, '2026-02-10', -1)).toThrow(RangeError);
	});
});
