/**
 * Reporting periods. The UK financial year runs from 1 April to 31 March; Q1 is April–June.
 * Everything here is calendar arithmetic on ISO dates (YYYY-MM-DD), never on Date objects in
 * local time, so no period shifts with the server's time zone.
 */

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

export interface Period {
	kind: PeriodKind;
	/** First day, inclusive. */
	start: string;
	/** Last day, inclusive. */
	end: string;
	/**
	 * The period's short name: `2025-04` (a month), `2025-Q1` (Q1 of financial year 2025-26),
	 * `FY2025` (financial year 2025-26) or `2025-04..2025-09` (a range of months). The first three
	 * read back with parsePeriodKey; the key is the dashboard's `?period=`, a return's period in its
	 * address and in provider_return.period_key, and part of export file names.
	 */
	key: string;
	label: string;
}

/** English month names, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A month index counted from year 0, so months add and subtract simply. */
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthStart = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;

function lastDay(index: number): string {
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${pad(month)}-${pad(days)}`;
}

/** The financial year (by its starting calendar year) a date falls in: 31 March 2026 → 2025. */
export function financialYearOf(iso: string): number {
	const month = Number(iso.slice(5, 7));
	return Number(iso.slice(0, 4)) - (month < 4 ? 1 : 0);
}

/** The first day of the financial year a date falls in: 31 March 2026 → 2025-04-01. */
export const financialYearStart = (iso: string): string => `${financialYearOf(iso)}-04-01`;

/** The first day of the quarter a date falls in (financial quarters start with calendar ones). */
export function quarterStart(iso: string): string {
	const m = Number(iso.slice(5, 7));
	return `${iso.slice(0, 4)}-${pad(m - ((m - 1) % 3))}-01`;
}

/** The first day of the month `months` after the month of a date: 2026-11-24, 3 → 2027-02-01. */
export const addMonths = (iso: string, months: number): string =>
	monthStart(monthIndex(iso) + months);

/** The last day of the month a date falls in: 2028-02-10 → 2028-02-29. */
export const monthEnd = (iso: string): string => lastDay(monthIndex(iso));

const fyLabel = (fy: number) => `${fy}-${pad((fy + 1) % 100)}`;

export function month(iso: string): Period {
	const i = monthIndex(iso);
	const start = monthStart(i);
	return {
		kind: 'month',
		start,
		end: lastDay(i),
		key: start.slice(0, 7),
		label: `${MONTHS[i % 12]} ${Math.floor(i / 12)}`
	};
}

/** The financial quarter containing a date. */
export function quarter(iso: string): Period {
	const fy = financialYearOf(iso);
	const q = Math.floor((monthIndex(iso) - (fy * 12 + 3)) / 3) + 1;
	const first = fy * 12 + 3 + (q - 1) * 3;
	return {
		kind: 'quarter',
		start: monthStart(first),
		end: lastDay(first + 2),
		key: `${fy}-Q${q}`,
		label: `Q${q} ${fyLabel(fy)} (${MONTHS[first % 12]!.slice(0, 3)}–${MONTHS[(first + 2) % 12]!.slice(0, 3)} ${Math.floor((first + 2) / 12)})`
	};
}

export function financialYear(iso: string): Period {
	const fy = financialYearOf(iso);
	return {
		kind: 'year',
		start: `${fy}-04-01`,
		end: `${fy + 1}-03-31`,
		key: `FY${fy}`,
		label: `Financial year ${fyLabel(fy)}`
	};
}

/** Whole months from the month of `from` to the month of `to`, inclusive. */
export function range(from: string, to: string): Period {
	const a = monthIndex(from);
	const b = monthIndex(to);
	if (b < a) throw new RangeError('The end of the range is before its start.');
	return {
		kind: 'range',
		start: monthStart(a),
		end: lastDay(b),
		key: `${monthStart(a).slice(0, 7)}..${monthStart(b).slice(0, 7)}`,
		label: `${month(monthStart(a)).label} to ${month(monthStart(b)).label}`
	};
}

/** The first day of every month from start to end. */
export function monthsOf(p: { start: string; end: string }): string[] {
	const out: string[] = [];
	for (let i = monthIndex(p.start); i <= monthIndex(p.end); i++) out.push(monthStart(i));
	return out;
}

/** The `count` financial quarters ending with the one containing `iso`, oldest first. */
export function quartersEnding(iso: string, count: number): Period[] {
	const last = monthIndex(quarter(iso).start);
	const out: Period[] = [];
	for (let k = count - 1; k >= 0; k--) out.push(quarter(monthStart(last - 3 * k)));
	return out;
}

/** The `count` financial years ending with the one containing `iso`, newest first. */
export function yearsEnding(iso: string, count: number): Period[] {
	const fy = financialYearOf(iso);
	return Array.from({ length: count }, (_, k) => financialYear(`${fy - k}-04-01`));
}

/** The `count` months ending with the one containing `iso`, newest first. */
export function monthsEnding(iso: string, count: number): Period[] {
	const last = monthIndex(iso);
	return Array.from({ length: count }, (_, k) => month(monthStart(last - k)));
}

/**
 * Reads a period from its key: `2025-04` (a month), `2025-Q1` (Q1 of financial year 2025-26),
 * `FY2025` (the financial year 2025-26). Returns null for anything else.
 */
export function parsePeriodKey(key: string): Period | null {
	// Years from 1900 to 2099 only: PostgreSQL has no year 0, and no one means the year 9999.
	let m = /^((?:19|20)\d\d)-(0[1-9]|1[0-2])$/.exec(key);
	if (m) return month(`${m[1]}-${m[2]}-01`);
	m = /^((?:19|20)\d\d)-Q([1-4])$/.exec(key);
	if (m) return quarter(monthStart(Number(m[1]) * 12 + 3 + (Number(m[2]) - 1) * 3));
	m = /^FY((?:19|20)\d\d)$/.exec(key);
	if (m) return financialYear(`${m[1]}-04-01`);
	return null;
}
