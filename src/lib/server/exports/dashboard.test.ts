import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cellText, toCsv, toXlsx } from './dashboard';
import { EXPORT_COLUMNS, type ExportRow } from './rows';

const normal: ExportRow = {
	measure_id: 'cic-01',
	measure: 'Feels safe where they live',
	outcome: 'Safe',
	respondent: 'child',
	period_start: '2024-04-01',
	period_end: '2025-03-31',
	council: 'Northshire',
	provider: 'Oak House Ltd',
	// A comma and a double quote: the field must be quoted and the quote doubled.
	service: 'Oak House, "Main" site',
	breakdown: 'age_band',
	breakdown_value: '11-15',
	numerator: 42,
	denominator: 50,
	not_counted: 3,
	percent: 84,
	ci_low: 71.5,
	ci_high: 91.7,
	target: 80,
	rag: 'green',
	suppressed: false,
	symbol: null
};

const suppressed: ExportRow = {
	...normal,
	service: 'Oak House',
	breakdown: 'language',
	breakdown_value: 'اردو',
	numerator: null,
	denominator: null,
	not_counted: null,
	percent: null,
	ci_low: null,
	ci_high: null,
	// A stale colour must not survive suppression.
	rag: 'red',
	suppressed: true,
	symbol: 'c'
};

// Not suppressed, but no answer at all: percent and CI are empty, not `c`; the symbol is `z`.
const noPosition: ExportRow = {
	...normal,
	service: 'Café Élan',
	numerator: 0,
	denominator: 0,
	not_counted: 0,
	percent: null,
	ci_low: null,
	ci_high: null,
	target: null,
	rag: null,
	symbol: 'z'
};

// Not published (every council together, with filters): `x` in place of every figure.
const notAvailable: ExportRow = {
	...normal,
	council: 'All councils',
	provider: '',
	service: '',
	breakdown: 'none',
	breakdown_value: '',
	numerator: null,
	denominator: null,
	not_counted: null,
	percent: null,
	ci_low: null,
	ci_high: null,
	target: null,
	rag: null,
	symbol: 'x'
};

const injected: ExportRow = { ...normal, provider: '=HYPERLINK("x")', service: 'Oak House' };

const HEADER =
	'measure_id,measure,outcome,respondent,period_start,period_end,council,provider,service,' +
	'breakdown,breakdown_value,numerator,denominator,not_counted,percent,ci_low,ci_high,target,' +
	'rag,suppressed,symbol';

const COMMON = 'cic-01,Feels safe where they live,Safe,child,2024-04-01,2025-03-31,Northshire';

/** Index that fails the test, not the type check, when the item is missing. */
function nth<T>(items: readonly T[], index: number): T {
	const item = items[index];
	if (item === undefined) throw new Error(`no item ${index} of ${items.length}`);
	return item;
}

/** Our own output read back by a CSV parser (quoted fields, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
	if (!text.endsWith('\r\n')) throw new Error('CSV does not end with CRLF');
	return parse(text, { record_delimiter: '\r\n' });
}

describe('toCsv', () => {
	it('starts with a BOM and the 21 columns in order', () => {
		const csv = toCsv([normal]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1).split('\r\n')[0]).toBe(HEADER);
		expect(EXPORT_COLUMNS).toHaveLength(21);
	});

	it('writes the header alone for no rows', () => {
		expect(toCsv([])).toBe(`\uFEFF${HEADER}\r\n`);
	});

	it('ends every record with CRLF and has no bare LF', () => {
		const csv = toCsv([normal, suppressed, noPosition]);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(5); // header, 3 rows, '' after the last CRLF
		expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
	});

	it('writes normal, suppressed and no-position rows by the rule', () => {
		const lines = toCsv([normal, suppressed, noPosition]).slice(1).split('\r\n');
		expect(lines[1]).toBe(
			`${COMMON},Oak House Ltd,"Oak House, ""Main"" site",age_band,11-15,42,50,3,84,71.5,91.7,80,green,false,`
		);
		expect(lines[2]).toBe(`${COMMON},Oak House Ltd,Oak House,language,اردو,c,c,c,c,c,c,80,,true,c`);
		expect(lines[3]).toBe(`${COMMON},Oak House Ltd,Café Élan,age_band,11-15,0,0,0,,,,,,false,z`);
	});

	it('writes x in place of every figure that is not published', () => {
		const line = toCsv([notAvailable]).slice(1).split('\r\n')[1];
		expect(line).toBe(
			'cic-01,Feels safe where they live,Safe,child,2024-04-01,2025-03-31,All councils,,,none,,x,x,x,x,x,x,,,false,x'
		);
	});

	it('round-trips through a CSV parser', () => {
		const records = parseCsv(toCsv([normal, suppressed]).slice(1));
		expect(records).toHaveLength(3);
		expect(records[0]).toEqual([...EXPORT_COLUMNS]);
		expect(records[1]).toEqual([
			'cic-01',
			'Feels safe where they live',
			'Safe',
			'child',
			'2024-04-01',
			'2025-03-31',
			'Northshire',
			'Oak House Ltd',
			'Oak House, "Main" site',
			'age_band',
			'11-15',
			'42',
			'50',
			'3',
			'84',
			'71.5',
			'91.7',
			'80',
			'green',
			'false',
			''
		]);
		expect(nth(records, 2).slice(8)).toEqual([
			'Oak House',
			'language',
			'اردو',
			'c',
			'c',
			'c',
			'c',
			'c',
			'c',
			'80',
			'',
			'true',
			'c'
		]);
	});

	it('neutralises a formula in a provider name', () => {
		const csv = toCsv([injected]);
		expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
		expect(nth(nth(parseCsv(csv.slice(1)), 1), 7)).toBe(`'=HYPERLINK("x")`);
	});
});

describe('cellText', () => {
	it('prefixes a quote to strings that a spreadsheet would run', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r'])
			expect(cellText({ ...normal, service: `${start}cmd` }, 'service')).toBe(`'${start}cmd`);
		// Only the first character matters; ordinary text is left alone.
		expect(cellText({ ...normal, service: 'A=B-C' }, 'service')).toBe('A=B-C');
		expect(cellText(normal, 'breakdown_value')).toBe('11-15');
	});

	it('leaves numbers and booleans as they are', () => {
		expect(cellText(normal, 'ci_low')).toBe(71.5);
		expect(cellText(normal, 'suppressed')).toBe(false);
		expect(cellText(noPosition, 'percent')).toBeNull();
	});

	it('hides counts on a suppressed row even if the caller left them in', () => {
		const leaky: ExportRow = { ...normal, suppressed: true };
		for (const column of [
			'numerator',
			'denominator',
			'not_counted',
			'percent',
			'ci_low',
			'ci_high'
		] as const)
			expect(cellText(leaky, column)).toBe('c');
		expect(cellText(leaky, 'rag')).toBeNull();
		expect(cellText(leaky, 'target')).toBe(80);
		expect(cellText(leaky, 'suppressed')).toBe(true);
	});
});

describe('toXlsx', () => {
	it('writes one sheet with the columns, typed numbers, c and booleans', async () => {
		const sheets = await readXlsxFile(await toXlsx([normal, suppressed, noPosition, injected]));
		expect(sheets).toHaveLength(1);
		const [sheet] = sheets;
		expect(sheet?.sheet).toBe('Dashboard');
		const rows = sheet?.data ?? [];
		expect(rows).toHaveLength(5);
		const [header, first, second, third, fourth] = rows;
		expect(header).toEqual([...EXPORT_COLUMNS]);
		expect(first).toEqual([
			'cic-01',
			'Feels safe where they live',
			'Safe',
			'child',
			'2024-04-01',
			'2025-03-31',
			'Northshire',
			'Oak House Ltd',
			'Oak House, "Main" site',
			'age_band',
			'11-15',
			42,
			50,
			3,
			84,
			71.5,
			91.7,
			80,
			'green',
			false,
			null
		]);
		expect(second?.slice(8)).toEqual([
			'Oak House',
			'language',
			'اردو',
			'c',
			'c',
			'c',
			'c',
			'c',
			'c',
			80,
			null,
			true,
			'c'
		]);
		expect(third?.slice(8)).toEqual([
			'Café Élan',
			'age_band',
			'11-15',
			0,
			0,
			0,
			null,
			null,
			null,
			null,
			null,
			false,
			'z'
		]);
		expect(fourth?.[7]).toBe(`'=HYPERLINK("x")`);
	});

	it('takes a sheet name', async () => {
		const sheets = await readXlsxFile(await toXlsx([normal], 'Northshire 2024-25'));
		expect(sheets.map((s) => s.sheet)).toEqual(['Northshire 2024-25']);
	});
});
