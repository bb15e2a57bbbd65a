import { type Figure } from '../statistics/figures';
import { RELIABILITY_WIDTH, type FigureSymbol } from '../../figure-symbols';

export interface Shown {
	suppressed: boolean;
	symbol: FigureSymbol | null;
	numerator: number | null;
	denominator: number | null;
	notCounted: number | null;
	percent: number | null;
	ciLow: number | null;
	ciHigh: number | null;
}

const nothing = {
	numerator: null,
	denominator: null,
	notCounted: null,
	percent: null,
	ciLow: null,
	ciHigh: null
};

/** A figure the app does not publish (`x`). */
export const notAvailable: Shown = { suppressed: false, symbol: 'x', ...nothing };

export function shown(f: Figure | undefined): Shown {
	if (!f) {
		return {
			suppressed: false,
			symbol: 'z',
			numerator: 0,
			denominator: 0,
			notCounted: 0,
			percent: null,
			ciLow: null,
			ciHigh: null
		};
	}
	if (f.notPublished) return notAvailable;
	if (f.suppressed) return { suppressed: true, symbol: 'c', ...nothing };
	const symbol: FigureSymbol | null =
		f.percent === null
			? 'z'
			: f.ci_low !== null && f.ci_high !== null && f.ci_high - f.ci_low > RELIABILITY_WIDTH
				? 'u'
				: null;
	return {
		suppressed: false,
		symbol,
		numerator: f.positive,
		denominator: f.positive + f.negative,
		notCounted: f.not_counted,
		percent: f.percent,
		ciLow: f.ci_low,
		ciHigh: f.ci_high
	};
}

/** Where a figure stands against its target. */
export type Rag = 'red' | 'amber' | 'green';

/** A figure set beside the council's and every council's, with its target: one comparison. */
export interface Compared {
	selected: Shown | null;
	council: Shown;
	all: Shown;
	target: Target | null;
	rag: Rag | null;
}

export interface Target {
	greenFrom: number;
	amberFrom: number;
}

export function ragOf(s: Shown, t: Target | null): Rag | null {
	if (!t || s.suppressed || s.percent === null) return null;
	if (s.percent >= t.greenFrom) return 'green';
	if (s.percent >= t.amberFrom) return 'amber';
	return 'red';
}
