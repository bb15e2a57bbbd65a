// What a dashboard chart draws, worked out apart from chart.js so it can be tested without a
// canvas: the words on its axis and how each series looks.

/** Whose figures a series is: the provider or service chosen, the council, or every council. */
export type Series = 'selected' | 'council' | 'all';

export interface ChartSeries {
	label: string;
	series: Series;
	data: (number | null)[];
	/** A figure's count in words ("n 12 of 15 answers"), shown with its value. */
	notes?: (string | null)[];
}

/**
 * Each series looks different in more than colour (WCAG 1.4.1): every council's line is dashed,
 * with triangles, and drawn over the others (chart.js draws the lowest `order` last), so where
 * it runs with the council's it is not hidden under it.
 */
const LOOKS = {
	selected: { colour: '#1d3f72', pointStyle: 'circle', borderDash: [], order: 2 },
	council: { colour: '#b34700', pointStyle: 'rect', borderDash: [], order: 1 },
	all: { colour: '#0b0c0c', pointStyle: 'triangle', borderDash: [8, 4], order: 0 }
} as const;

/** chart.js's datasets for the series, in the order given (the legend keeps that order). */
export function chartDatasets(type: 'bar' | 'line', series: ChartSeries[]) {
	return series.map(({ notes: _notes, series: who, ...d }) => {
		const look = LOOKS[who];
		return {
			...d,
			backgroundColor: look.colour,
			borderColor: look.colour,
			pointStyle: look.pointStyle,
			...(type === 'line'
				? {
						borderDash: [...look.borderDash],
						borderWidth: 3,
						pointRadius: 5,
						order: look.order,
						spanGaps: false
					}
				: {})
		};
	});
}

/** A label broken into lines of about `width` characters, at spaces, for an axis. */
export function wrapLabel(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines[lines.length - 1];
		if (last !== undefined && last.length + 1 + word.length <= width)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** A bar's label: the measure's name and how many answers took a position (or `c`, hidden). */
export function barLabel(
	name: string,
	figure: { symbol: string | null; denominator: number | null }
): string {
	return `${name} (${figure.symbol === 'c' ? 'c' : `n ${figure.denominator ?? 0}`})`;
}
