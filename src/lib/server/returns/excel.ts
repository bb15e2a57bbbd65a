import writeXlsxFile, { type Cell as XlsxCell, type Row } from 'write-excel-file/node';
import { neutralise } from '../exports/dashboard';
import type { Assembled } from './assemble';
import type { Cell } from './item-figures';

/**
 * A return as one Excel sheet laid out like the page: its four headings, every item with its
 * figures (or "No data"), and each item's detail table. Text typed by users is never taken for a
 * formula, and numbers stay numbers.
 */

function cell(value: Cell): XlsxCell {
	if (value === null || value === '') return { value: 'No data', type: String };
	if (typeof value === 'number') return { value, type: Number };
	return text(value);
}

const text = (value: string, bold = false): XlsxCell => ({
	value: neutralise(value),
	type: String,
	...(bold ? { fontWeight: 'bold' as const } : {})
});

export function returnRows(a: Assembled, title: string): Row[] {
	const rows: Row[] = [
		[text(title, true)],
		[text('Provider'), text(a.providerName)],
		[text('Council'), text(a.councilName)],
		[text('Period'), text(`${a.periodLabel} (${a.start} to ${a.end})`)],
		[text('Services'), text(a.services.join(', ') || 'None')],
		[text('Figures assembled'), text(a.assembledAt)],
		[
			text('Small numbers'),
			text(
				`Survey figures from fewer than ${a.threshold} answers, 0% or 100% of a small group, and those that would reveal them, are shown as c`
			)
		]
	];
	for (const s of a.sections) {
		rows.push([], [text(s.title, true)]);
		for (const item of s.items) {
			rows.push([]);
			if (item.statement) rows.push([text(item.statement, true)]);
			rows.push([text(item.label, true)]);
			rows.push([text('Reported in'), text(item.reportedIn)]);
			if (item.noData) rows.push([text('No data')]);
			for (const r of item.rows) rows.push([text(r.label), cell(r.value)]);
			if (item.table?.rows.length) {
				rows.push(item.table.columns.map((c) => text(c, true)));
				for (const r of item.table.rows) rows.push(r.cells.map((c) => cell(c)));
			}
		}
	}
	rows.push([], [text('Provider’s comments', true)], [cell(a.comment)]);
	return rows;
}

export function toXlsx(a: Assembled, title: string): Promise<Buffer> {
	return writeXlsxFile(returnRows(a, title), {
		sheet: a.kind === 'monthly' ? 'Claim form' : 'Return',
		columns: [
			{ width: 60 },
			{ width: 40 },
			{ width: 16 },
			{ width: 16 },
			{ width: 16 },
			{ width: 16 },
			{ width: 16 },
			{ width: 16 }
		]
	}).toBuffer();
}
