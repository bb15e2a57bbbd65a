import type { DashboardPage } from '../dashboard/page';
import type { Rag } from '../dashboard/shown';
import { compareView } from '../dashboard/compare-view';
import { mainView } from '../dashboard/main-view';
import { trendView } from '../dashboard/trend-view';
import { type Context } from '../dashboard/rows';
import { type MeasureInfo } from '../dashboard/measures';
import { type Period } from '../../calendar/periods';
import { type Shown, type Target } from '../dashboard/shown';

/**
 * The dashboard's exports, declared, built and assembled here (written as CSV and Excel in
 * ./dashboard.ts). One row is one figure: a measure, for one organisation (or a group of them),
 * one period and, in a breakdown, one value of one dimension.
 */

/** The columns of every export, in order. Stable: README documents them; never rename one. */
export const EXPORT_COLUMNS = [
	'measure_id',
	'measure',
	'outcome',
	'respondent',
	'period_start',
	'period_end',
	'council',
	'provider',
	'service',
	'breakdown',
	'breakdown_value',
	'numerator',
	'denominator',
	'not_counted',
	'percent',
	'ci_low',
	'ci_high',
	'target',
	'rag',
	'suppressed',
	'symbol'
] as const;

/**
 * One row of an export. Counts and percentages are null when the cell is suppressed (written as
 * `c`) and percent/ci are null when no answer took a position (written empty). Percentages are
 * 0–100 with one decimal place; dates are ISO `YYYY-MM-DD`, period_end inclusive.
 */
export interface ExportRow {
	measure_id: string;
	measure: string;
	outcome: string;
	respondent: string;
	period_start: string;
	period_end: string;
	council: string;
	provider: string;
	service: string;
	breakdown: string;
	breakdown_value: string;
	numerator: number | null;
	denominator: number | null;
	not_counted: number | null;
	percent: number | null;
	ci_low: number | null;
	ci_high: number | null;
	target: number | null;
	rag: Rag | null;
	suppressed: boolean;
	/** The GSS symbol that stands for or qualifies the figure (`c`, `z`, `x`, `u`), if any. */
	symbol: 'c' | 'z' | 'x' | 'u' | null;
}

export function exportRow(
	m: MeasureInfo,
	period: Period,
	c: Context,
	breakdown: string,
	value: string,
	s: Shown,
	target: Target | null,
	rag: Rag | null
): ExportRow {
	return {
		measure_id: m.id,
		measure: m.label,
		outcome: m.outcome,
		respondent: m.respondent,
		period_start: period.start,
		period_end: period.end,
		council: c.councilName,
		provider: c.providerName,
		service: c.serviceName,
		breakdown,
		breakdown_value: value,
		numerator: s.numerator,
		denominator: s.denominator,
		not_counted: s.notCounted,
		percent: s.percent,
		ci_low: s.ciLow,
		ci_high: s.ciHigh,
		target: target?.greenFrom ?? null,
		rag,
		suppressed: s.suppressed,
		symbol: s.symbol
	};
}

/** The rows of one dashboard view, exactly as the page shows them, for CSV and Excel. */
export async function exportRows(
	p: DashboardPage,
	page: 'main' | 'compare' | 'trend'
): Promise<ExportRow[]> {
	const { db, scope, query: q, threshold } = p;
	if (page === 'main') {
		const v = await mainView(db, scope, q, threshold);
		return v.groups.flatMap((g) =>
			g.rows.map((r) =>
				exportRow(
					r.measure,
					q.period,
					v.context,
					r.value === null ? 'none' : q.breakdown,
					r.valueKey ?? '',
					r.figure,
					r.target,
					r.rag
				)
			)
		);
	}
	const council: (c: Context) => Context = (c) => ({ ...c, providerName: '', serviceName: '' });
	const everyone: (c: Context) => Context = () => ({
		councilName: 'All councils',
		providerName: '',
		serviceName: ''
	});
	if (page === 'compare') {
		const v = await compareView(db, scope, q, threshold);
		return v.groups.flatMap((g) =>
			g.rows.flatMap((r) => [
				...(r.selected
					? [exportRow(r.measure, q.period, v.context, 'none', '', r.selected, r.target, r.rag)]
					: []),
				exportRow(r.measure, q.period, council(v.context), 'none', '', r.council, r.target, null),
				exportRow(r.measure, q.period, everyone(v.context), 'none', '', r.all, null, null)
			])
		);
	}
	const v = await trendView(db, scope, q, threshold);
	if (!v) return [];
	return v.points.flatMap((pt) => [
		...(pt.selected
			? [exportRow(v.measure, pt.period, v.context, 'none', '', pt.selected, pt.target, pt.rag)]
			: []),
		exportRow(v.measure, pt.period, council(v.context), 'none', '', pt.council, pt.target, null),
		exportRow(v.measure, pt.period, everyone(v.context), 'none', '', pt.all, null, null)
	]);
}
