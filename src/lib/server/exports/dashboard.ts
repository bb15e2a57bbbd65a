import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { EXPORT_COLUMNS, type ExportRow } from './rows';

/**
 * CSV and XLSX exports of dashboard rows. Both formats go through `cellText`, so a figure reads
 * the same whichever the user downloads.
 *
 * The rendering rule:
 * - Suppressed row (`suppressed: true`): numerator, denominator, not_counted, percent, ci_low and
 *   ci_high are the string `c` whatever the row holds (a caller that forgot to null a small count
 *   still cannot leak it), and rag is empty (a colour would hint at the hidden percentage).
 *   target is policy, not data, so it is written as given.
 * - Otherwise a null number is empty (CSV: empty field; XLSX: empty cell); numbers are written as
 *   given (percentages already carry one decimal place) and stay numbers in XLSX.
 * - A figure not published (`symbol: 'x'`, every council together with filters) is written the
 *   same way with `x`.
 * - `suppressed` is `true`/`false` in CSV and a boolean cell in XLSX; `symbol` is the GSS symbol
 *   (`c`, `z`, `x`, `u`) or empty.
 * - Every string that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`:
 *   provider and service names are typed by users, and a spreadsheet would run them as formulas.
 *   Numbers are never touched (a negative number is a number, not a formula).
 */

type Column = (typeof EXPORT_COLUMNS)[number];
type Value = string | number | boolean | null;

const HIDDEN_WHEN_SUPPRESSED: ReadonlySet<Column> = new Set<Column>([
	'numerator',
	'denominator',
	'not_counted',
	'percent',
	'ci_low',
	'ci_high'
]);

const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading `'` on text a spreadsheet would run as a formula. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export function cellText(row: ExportRow, column: Column): Value {
	if (row.suppressed || row.symbol === 'x') {
		if (HIDDEN_WHEN_SUPPRESSED.has(column)) return row.suppressed ? 'c' : 'x';
		if (column === 'rag') return null;
	}
	if (column === 'symbol') return row.suppressed ? 'c' : row.symbol;
	const value = row[column];
	return typeof value === 'string' ? neutralise(value) : value;
}

/** RFC 4180 CSV: CRLF after every record, UTF-8 with a BOM so Excel reads accents and Urdu. */
export function toCsv(rows: ExportRow[]): string {
	return stringify(
		rows.map((row) => EXPORT_COLUMNS.map((column) => cellText(row, column))),
		{
			bom: true,
			header: true,
			columns: [...EXPORT_COLUMNS],
			record_delimiter: 'windows',
			// The default writes true as `1` and false as an empty field.
			cast: { boolean: (value) => (value ? 'true' : 'false') }
		}
	);
}

function xlsxCell(value: Value): Cell {
	if (value === null) return null;
	// Explicit types: a string must never be taken for a formula or a number.
	if (typeof value === 'string') return { value, type: String };
	if (typeof value === 'number') return { value, type: Number };
	return { value, type: Boolean };
}

/** One sheet, bold header row, the same columns in the same order as the CSV. */
export async function toXlsx(rows: ExportRow[], sheetName = 'Dashboard'): Promise<Buffer> {
	const header: Row = EXPORT_COLUMNS.map((column) => ({ value: column, fontWeight: 'bold' }));
	const body: Row[] = rows.map((row) =>
		EXPORT_COLUMNS.map((column) => xlsxCell(cellText(row, column)))
	);
	// The library returns a writer, not a file: ask it for a Buffer.
	return writeXlsxFile([header, ...body], { sheet: sheetName }).toBuffer();
}
