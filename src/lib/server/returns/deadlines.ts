/**
 * When provider returns are due. A return covers one period (a month, a financial quarter or a
 * financial year, by its kind) and is due a set number of working days after the period's last
 * day, by the working days of ../../calendar.
 */
import type { ReturnKind } from '../db/schema';
import { addDays, utcMidnight } from '../../calendar/dates';
import { financialYear, month, quarter, type Period } from '../../calendar/periods';
import { addWorkingDays } from '../../calendar/working-days';

export type ReturnDueDays = Record<ReturnKind, number>;

export const DEFAULT_DUE_DAYS: ReturnDueDays = { monthly: 10, quarterly: 15, annual: 20 };

/** The most working days a return may be given after its period ends. */
const MAX_DUE_DAYS = 60;

const KINDS: readonly ReturnKind[] = ['monthly', 'quarterly', 'annual'];

const isKind = (text: string): text is ReturnKind => (KINDS as readonly string[]).includes(text);

/**
 * Reads RETURN_DUE_DAYS, e.g. "monthly=10,quarterly=15,annual=20"; any kind left out keeps its
 * default; empty/undefined → defaults. Throws an Error naming the bad part for anything else
 * (unknown kind, not a whole number, 0, more than 60, repeated kind).
 */
export function returnDueDaysFrom(value: string | undefined): ReturnDueDays {
	const days = { ...DEFAULT_DUE_DAYS };
	if (value === undefined || value.trim() === '') return days;
	const bad = (problem: string) =>
		new Error(
			`RETURN_DUE_DAYS must look like "monthly=10,quarterly=15,annual=20" ` +
				`(whole numbers of working days from 1 to ${MAX_DUE_DAYS}); ${problem} in ${JSON.stringify(value)}`
		);
	const seen = new Set<ReturnKind>();
	for (const raw of value.split(',')) {
		const part = raw.trim();
		if (part === '') throw bad('there is an empty part');
		const eq = part.indexOf('=');
		if (eq < 0) throw bad(`"${part}" has no "="`);
		const kind = part.slice(0, eq).trim();
		const number = part.slice(eq + 1).trim();
		if (!isKind(kind))
			throw bad(`"${kind}" in "${part}" is not a kind of return (use ${KINDS.join(', ')})`);
		if (seen.has(kind)) throw bad(`"${kind}" is given more than once`);
		seen.add(kind);
		// Digits only: Number() would accept '2.5', '1e2', '0x10' and '' (as 0).
		if (!/^[0-9]+$/.test(number)) throw bad(`"${number}" in "${part}" is not a whole number`);
		const n = Number(number);
		if (n < 1 || n > MAX_DUE_DAYS)
			throw bad(`"${number}" in "${part}" is not from 1 to ${MAX_DUE_DAYS} working days`);
		days[kind] = n;
	}
	return days;
}

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
