/**
 * Working days: Monday to Friday, less England and Wales bank holidays (from `date-holidays`).
 * Returns and safeguarding alerts fall due by this one calendar.
 */
import Holidays from 'date-holidays';
import { addDays, dayOfWeek, utcMidnight } from './dates';

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
	const weekday = dayOfWeek(iso);
	if (weekday === 0 || weekday === 6) return false;
	return !bankHolidays(Number(iso.slice(0, 4))).has(iso);
}

/** The date `days` working days after `iso` (iso itself is not counted). days >= 0; 0 returns iso. */
export function addWorkingDays(iso: string, days: number): string {
	if (!Number.isInteger(days) || days < 0)
		throw new RangeError(`Working days must be a whole number of at least 0; got ${days}`);
	utcMidnight(iso);
	let date = iso;
	for (let left = days; left > 0;) {
		date = addDays(date, 1);
		if (isWorkingDay(date)) left--;
	}
	return date;
}
