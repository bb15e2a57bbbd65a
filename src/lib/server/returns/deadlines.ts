/**
 * When provider returns are due. A return covers one period (a month, a financial quarter or a
 * financial year, by its kind) and is due a set number of working days after the period's last
 * day. Working days are Monday to Friday, less England and Wales bank holidays.
 *
 * As in ../../calendar/periods, all arithmetic is on ISO dates (YYYY-MM-DD) in UTC, never on Date
 * objects in local time, so no date shifts with the server's time zone.
 */
import Holidays from 'date-holidays';
import { isReturnKind, RETURN_KIND_IDS, type ReturnKind } from '../../domain/return-kinds';
import { financialYear, month, quarter, type Period } from '../../calendar/periods';

export type ReturnDueDays = Record<ReturnKind, number>;

export const DEFAULT_DUE_DAYS: ReturnDueDays = { monthly: 10, quarterly: 15, annual: 20 };

/** The most working days a return may be given after its period ends. */
const MAX_DUE_DAYS = 60;

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
		if (!isReturnKind(kind))
			throw bad(
				`"${kind}" in "${part}" is not a kind of return (use ${RETURN_KIND_IDS.join(', ')})`
			);
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

const pad = (n: number) => String(n).padStart(2, '0');

/** Milliseconds since the epoch at UTC midnight of an ISO date, refusing anything else. */
function toUtc(iso: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
	// Date.UTC rolls 2026-02-30 over into March; a round trip catches that.
	if (Number.isNaN(ms) || fromUtc(ms) !== iso) throw new RangeError(`Not an ISO date: "${iso}"`);
	return ms;
}

function fromUtc(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const DAY = 24 * 60 * 60 * 1000;

const addDays = (iso: string, days: number) => fromUtc(toUtc(iso) + days * DAY);

let calendar: Holidays | undefined;
const daysOffByYear = new Map<number, Set<string>>();

/** England and Wales bank holidays in a calendar year, as ISO dates. */
function bankHolidays(year: number): Set<string> {
	let days = daysOffByYear.get(year);
	if (!days) {
		calendar ??= new Holidays('GB', 'ENG');
		days = new Set(
			calendar
				.getHolidays(year)
				// Observances such as Mother's Day are not days off.
				.filter((h) => h.type === 'public' || h.type === 'bank')
				.map((h) => h.date.slice(0, 10))
		);
		daysOffByYear.set(year, days);
	}
	return days;
}

/** Monday–Friday and not an England and Wales bank holiday. */
export function isWorkingDay(iso: string): boolean {
	const weekday = new Date(toUtc(iso)).getUTCDay();
	if (weekday === 0 || weekday === 6) return false;
	return !bankHolidays(Number(iso.slice(0, 4))).has(iso);
}

/** The date `days` working days after `iso` (iso itself is not counted). days >= 0; 0 returns iso. */
export function addWorkingDays(iso: string, days: number): string {
	if (!Number.isInteger(days) || days < 0)
		throw new RangeError(`Working days must be a whole number of at least 0; got ${days}`);
	toUtc(iso);
	let date = iso;
	for (let left = days; left > 0;) {
		date = addDays(date, 1);
		if (isWorkingDay(date)) left--;
	}
	return date;
}

/** The Period type of a return kind: monthly → month, quarterly → quarter, annual → financial year. */
export function periodOf(kind: ReturnKind, iso: string): Period {
	toUtc(iso);
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
	toUtc(from);
	if (to !== null) toUtc(to);
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
