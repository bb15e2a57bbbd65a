import type { ReturnStatus } from '../../domain/return-kinds';

/**
 * Whether a return is overdue: its due date has passed and the council does not have it, that is
 * it is not started, in draft, or returned for correction and not yet submitted again. The list of
 * returns owed and the return's own page both mark it so, whichever revision the page shows.
 * Dates are ISO (YYYY-MM-DD).
 */
export function isOverdue(
	status: ReturnStatus | 'not_started',
	dueOn: string,
	today: string
): boolean {
	return today > dueOn && status !== 'submitted' && status !== 'accepted';
}
