import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { can } from '$lib/server/access/policy';
import { requireProvider } from '$lib/server/access/roles';
import * as alerts from '$lib/server/alerts/service';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireProvider(locals, 'alerts.handle');
	return {
		alerts: await alerts.list(await app(), user),
		isManager: can(user.role, 'alerts.see_all')
	};
};
