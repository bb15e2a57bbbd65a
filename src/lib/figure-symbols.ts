/**
 * The Government Statistical Service's symbols, as the dashboard, its exports and the returns
 * show them in place of (or beside) a figure. One home for their words: pages explain each one
 * where it appears, and README says the same.
 */
import { percentText } from './percent';
export type FigureSymbol = 'c' | 'z' | 'x' | 'u';

/** A figure whose 95% interval is wider than this many percentage points is marked `u`. */
export const RELIABILITY_WIDTH = 40;

export const SYMBOLS: Record<FigureSymbol, string> = {
	c: 'confidential: hidden so that no child’s answer can be known or worked out',
	z: 'not applicable: no answer took a position, so there is no percentage',
	x: 'not available: not published (every council together with filters, or one service’s or one month’s figures split by a breakdown)',
	u: `low reliability: the 95% interval is wider than ${RELIABILITY_WIDTH} percentage points`
};

/** The words a chart or a reader's note gives for a figure's count: "n 12 of 15 answers". */
export function countWords(f: {
	denominator: number | null;
	notCounted: number | null;
}): string | null {
	if (f.denominator === null || f.notCounted === null) return null;
	const all = f.denominator + f.notCounted;
	return all === 0
		? 'no answers'
		: `n ${f.denominator} of ${all} answers (${percentText((100 * f.denominator) / all)} took a position)`;
}
