/**
 * The dashboard's shared shapes. A cell is one figure: a measure, for one organisation (or a
 * group of them), one period and, in a breakdown, one value of one dimension.
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

export type Rag = 'red' | 'amber' | 'green';

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
