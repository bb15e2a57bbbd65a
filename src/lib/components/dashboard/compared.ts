import { countWords } from '$lib/figure-symbols';
import type { ChartSeries } from './chart-data';
import type { Context } from '$lib/server/dashboard/rows';
import type { Compared } from '$lib/server/dashboard/shown';

/** The chart's lines or bars for figures set beside the council's and every council's. */
export function comparedDatasets(items: Compared[], ctx: Context): ChartSeries[] {
	const selectedName = ctx.serviceName || ctx.providerName;
	return [
		...(selectedName
			? [
					{
						label: selectedName,
						series: 'selected' as const,
						data: items.map((r) => r.selected?.percent ?? null),
						notes: items.map((r) => (r.selected ? countWords(r.selected) : null))
					}
				]
			: []),
		{
			label: ctx.councilName,
			series: 'council',
			data: items.map((r) => r.council.percent),
			notes: items.map((r) => countWords(r.council))
		},
		{
			label: 'All councils',
			series: 'all',
			data: items.map((r) => r.all.percent),
			notes: items.map((r) => countWords(r.all))
		}
	];
}
