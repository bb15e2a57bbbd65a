import type { PageServerLoad } from './$types';
import { compareView } from '$lib/server/dashboard/compare-view';
import { VIEWS } from '$lib/server/dashboard/measures';
import { filterData, openDashboard } from '$lib/server/dashboard/page';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await openDashboard(locals, url);
	return {
		...filterData(page),
		viewTitle: VIEWS[page.query.view],
		periodLabel: page.query.period.label,
		view: await compareView(page.db, page.scope, page.query, page.threshold)
	};
};
