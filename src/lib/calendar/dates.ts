/**
 * Calendar dates (YYYY-MM-DD, no time and no time zone) and how people in the UK read them.
 * Arithmetic is on UTC midnights, never on Date objects in local time, so no date shifts with
 * the server's (or the browser's) time zone.
 */

import { INTL_LOCALES, type Language } from '../domain/languages';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years a date typed on a form may fall in: a child's birth, a package or a session. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2099;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date (in UTC) of an instant: 2026-11-24T23:30:00Z → 2026-11-24. */
export function utcDate(instant: Date | number): string {
	const d = new Date(instant);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Milliseconds since the epoch at UTC midnight of an ISO date; a RangeError for anything else. */
export function utcMidnight(iso: string): number {
	const m = ISO_DATE.exec(iso);
	const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
	// Date.UTC rolls 2026-02-30 over into March; a round trip catches that.
	if (Number.isNaN(ms) || utcDate(ms) !== iso) throw new RangeError(`Not an ISO date: "${iso}"`);
	return ms;
}

/** The date `days` days after `iso` (before it, for a negative number). */
export const addDays = (iso: string, days: number): string =>
	utcDate(utcMidnight(iso) + days * DAY_MS);

/** Days from `from` to `to`: 0 for the same date, negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number =>
	Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/** The day of the week, 0 for Sunday to 6 for Saturday. */
export const dayOfWeek = (iso: string): number => new Date(utcMidnight(iso)).getUTCDay();

/** A YYYY-MM-DD date that exists on the calendar (not 30 February), from 1900 to 2099. */
export function isRealDate(value: string): boolean {
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const year = Number(m[1]);
	if (year < FIRST_YEAR || year > LAST_YEAR) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && utcDate(date) === value;
}

/**
 * A real calendar date from day, month and year fields (the GOV.UK date input), or why not.
 * https://design-system.service.gov.uk/components/date-input/
 */
export function readDate(day: string, month: string, year: string): string | 'missing' | 'invalid' {
	if (!day && !month && !year) return 'missing';
	if (![day, month, year].every((p) => /^\d{1,4}$/.test(p)) || year.length !== 4) return 'invalid';
	const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
	return isRealDate(iso) ? iso : 'invalid';
}

/**
 * `months` calendar months before an instant, at the same time of day; the 31st of a shorter
 * month becomes its last day.
 */
export function monthsBefore(instant: Date, months: number): Date {
	const d = new Date(instant);
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() - months);
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, last));
	return d;
}

const SHORT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * A calendar date (YYYY-MM-DD) as it is written in `language`: 1 December 2026, 1 grudnia 2026,
 * 1 دسمبر، 2026; or in the style `options` ask for. Every date a person reads goes through here,
 * never as YYYY-MM-DD. A language the app does not have is written as British English.
 */
export function formatDate(
	iso: string | null | undefined,
	language: string = 'en',
	options: Intl.DateTimeFormatOptions = LONG
): string {
	if (!iso) return '';
	const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) return iso;
	const locale = Object.hasOwn(INTL_LOCALES, language)
		? INTL_LOCALES[language as Language]
		: INTL_LOCALES.en;
	return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(d);
}

/**
 * A calendar date as staff in the UK read it: 13 Nov 2026, or in the style `options` ask for
 * (`{ dateStyle: 'full' }` adds the day of the week and the month in full).
 */
export const ukDate = (
	iso: string | null | undefined,
	options: Intl.DateTimeFormatOptions = SHORT
): string => formatDate(iso, 'en', options);

/** An instant as staff in England read it: 13 Nov 2026, 09:05 (UK time). */
export function ukDateTime(iso: string): string {
	return new Date(iso).toLocaleString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/London'
	});
}

/** Today's date in the UK (ISO), which decides the default quarter and which periods are under way. */
export function ukToday(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
