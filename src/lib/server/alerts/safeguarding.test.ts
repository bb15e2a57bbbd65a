import { describe, expect, it } from 'vitest';
import { dueAt } from './safeguarding';

describe('dueAt', () => {
	it('is the next working day at the same time', () => {
		// Tuesday → Wednesday
		expect(dueAt(new Date('2026-11-24T15:30:00Z'), 1).toISOString()).toBe(
			'2026-11-25T15:30:00.000Z'
		);
	});
	it('skips the weekend', () => {
		// Friday → Monday; Saturday → Monday
		expect(dueAt(new Date('2026-11-27T09:00:00Z'), 1).toISOString()).toBe(
			'2026-11-30T09:00:00.000Z'
		);
		expect(dueAt(new Date('2026-11-28T09:00:00Z'), 1).toISOString()).toBe(
			'2026-11-30T09:00:00.000Z'
		);
		expect(dueAt(new Date('2026-11-27T09:00:00Z'), 3).toISOString()).toBe(
			'2026-12-02T09:00:00.000Z'
		);
	});
	it('skips England and Wales bank holidays', () => {
		// Raised Thursday 2 April 2026: Friday 3 April is Good Friday and Monday 6 April Easter
		// Monday, so one working day later is Tuesday 7 April, at the same time of day.
		expect(dueAt(new Date('2026-04-02T14:10:00Z'), 1).toISOString()).toBe(
			'2026-04-07T14:10:00.000Z'
		);
		// Christmas 2026: Friday 25 December, then Boxing Day's substitute on Monday 28 December.
		expect(dueAt(new Date('2026-12-24T08:00:00Z'), 2).toISOString()).toBe(
			'2026-12-30T08:00:00.000Z'
		);
	});
	it('counts days as they are in England, not in UTC', () => {
		// Raised Thursday 2 April 2026 at 00:30 in London (BST), which is still Wednesday in UTC.
		// One working day later is Tuesday 7 April (Good Friday and Easter Monday are bank
		// holidays) at 00:30 London time, never Good Friday.
		expect(dueAt(new Date('2026-04-01T23:30:00Z'), 1).toISOString()).toBe(
			'2026-04-06T23:30:00.000Z'
		);
		// Raised Friday 22 May 2026 at 00:30 in London: due Tuesday 26 May (Monday 25 May is the
		// spring bank holiday), not on the Saturday.
		expect(dueAt(new Date('2026-05-21T23:30:00Z'), 1).toISOString()).toBe(
			'2026-05-25T23:30:00.000Z'
		);
	});
	it('keeps the London time of day across a change of the clocks', () => {
		// Raised Friday 27 March 2026 at 10:00 GMT; the clocks go forward on Sunday 29 March, so
		// due Monday 30 March at 10:00 BST (09:00 UTC).
		expect(dueAt(new Date('2026-03-27T10:00:00Z'), 1).toISOString()).toBe(
			'2026-03-30T09:00:00.000Z'
		);
	});
});
