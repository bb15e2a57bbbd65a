import { describe, expect, it } from 'vitest';
import { isOverdue } from './overdue';

describe('isOverdue', () => {
	const due = '2026-10-21';

	it('is overdue the day after the due date for a return the council does not have', () => {
		for (const status of ['not_started', 'draft', 'returned'] as const) {
			expect(isOverdue(status, due, '2026-10-22'), status).toBe(true);
			expect(isOverdue(status, due, '2027-01-05'), status).toBe(true);
		}
	});

	it('is not overdue on or before the due date', () => {
		for (const status of ['not_started', 'draft', 'returned'] as const) {
			expect(isOverdue(status, due, '2026-10-21'), status).toBe(false);
			expect(isOverdue(status, due, '2026-10-01'), status).toBe(false);
		}
	});

	it('is never overdue once submitted or accepted, however late', () => {
		for (const status of ['submitted', 'accepted'] as const)
			expect(isOverdue(status, due, '2027-01-05'), status).toBe(false);
	});

	it('compares ISO dates across months and years', () => {
		expect(isOverdue('draft', '2026-12-31', '2027-01-01')).toBe(true);
		expect(isOverdue('draft', '2026-09-30', '2026-10-01')).toBe(true);
		expect(isOverdue('draft', '2027-01-01', '2026-12-31')).toBe(false);
	});
});
