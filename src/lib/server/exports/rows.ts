import { compareView, exportRow, mainView, trendView, type Context } from '../dashboard/dashboard';
import type { DashboardPage } from '../dashboard/page';
import type { ExportRow } from '../dashboard/types';

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
	return v.points.flatMap((pt) => [
		...(pt.selected
			? [exportRow(v.measure, pt.period, v.context, 'none', '', pt.selected, pt.target, pt.rag)]
			: []),
		exportRow(v.measure, pt.period, council(v.context), 'none', '', pt.council, pt.target, null),
		exportRow(v.measure, pt.period, everyone(v.context), 'none', '', pt.all, null, null)
	]);
}
