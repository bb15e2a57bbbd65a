/**
 * When provider returns are due. A return covers one period (a month, a financial quarter or a
 * financial year, by its kind) and is due a set number of working days after the period's last
 * day, by the working days of ../../calendar.
 */
import { type ReturnKind } from '../../domain/return-kinds';
import { addDays, utcMidnight } from '../../calendar/dates';
import { financialYear, month, quarter, type Period } from '../../calendar/periods';
import { addWorkingDays } from '../../calendar/working-days';

export type ReturnDueDays = Record<ReturnKind, number>;

export const DEFAULT_DUE_DAYS: ReturnDueDays = { monthly: 10, quarterly: 15, annual: 20 };

/** The most working days a return may be given after its period ends (RETURN_DUE_DAYS). */
export const MAX_DUE_DAYS = 60;

/** The Period type of a return kind: monthly → month, quarterly → quarter, annual → financial year. */
export function periodOf(kind: ReturnKind, iso: string): Period {
	utcMidnight(iso);
	switch (kind) {
		case 'monthly':
			return month(iso);
		case 'quarterly':
			return quarter(iso);
		case 'annual':
			return financialYear(iso);
		default: {
			const unknown: never = kind;
			throw new Error(`Not a kind of return: ${String(unknown)}`);
		}
	}
}

/** When a return for `period` is due: `days[kind]` working days after the period's last day. */
export function dueOn(kind: ReturnKind, period: Period, days: ReturnDueDays): string {
	return addWorkingDays(period.end, days[kind]);
}

/**
 * Every period of `kind` a provider owes a return for under a commission running from `from` to
 * `to` (null: open-ended): periods that overlap [from, to] and whose last day is before `today`.
 * Oldest first. At most `limit` (default 60) most recent ones. A commission ending before it
 * starts owes nothing.
 */
export function periodsOwed(
	kind: ReturnKind,
	from: string,
	to: string | null,
	today: string,
	limit = 60
): Period[] {
	if (!Number.isInteger(limit) || limit < 0)
		throw new RangeError(`The limit must be a whole number of at least 0; got ${limit}`);
	utcMidnight(from);
	if (to !== null) utcMidnight(to);
	const yesterday = addDays(today, -1);
	// The latest day that can fall in an owed period: inside the commission and before today.
	const last = to !== null && to < yesterday ? to : yesterday;
	const owed: Period[] = [];
	if (last < from) return owed;
	// Walk back from the period holding `last`, so old commissions cost no more than `limit` steps.
	let p = periodOf(kind, last);
	if (p.end >= today) p = periodOf(kind, addDays(p.start, -1));
	while (owed.length < limit && p.end >= from) {
		owed.push(p);
		p = periodOf(kind, addDays(p.start, -1));
	}
	return owed.reverse();
}
