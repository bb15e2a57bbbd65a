import type { PageServerLoad } from './$types';
import { allMeasures } from '$lib/server/dashboard/measures';
import { trendView } from '$lib/server/dashboard/trend-view';
import { filterData, openDashboard } from '$lib/server/dashboard/page';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await openDashboard(locals, url);
	return {
		...filterData(page),
		measures: allMeasures(page.scope.frameworks).map((m) => ({
			id: m.id,
			label: m.label,
			outcome: m.outcome
		})),
		view: await trendView(page.db, page.scope, page.query, page.threshold)
	};
};
