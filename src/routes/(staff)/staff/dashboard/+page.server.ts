import type { PageServerLoad } from './$types';
import { mainView } from '$lib/server/dashboard/main-view';
import { VIEWS } from '$lib/server/dashboard/measures';
import { BREAKDOWNS } from '$lib/domain/breakdowns';
import { filterData, openDashboard } from '$lib/server/dashboard/page';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = await openDashboard(locals, url);
	const view = await mainView(page.db, page.scope, page.query, page.threshold);
	return {
		...filterData(page),
		viewTitle: VIEWS[page.query.view],
		breakdownLabel: BREAKDOWNS[page.query.breakdown],
		periodLabel: page.query.period.label,
		view
	};
};
