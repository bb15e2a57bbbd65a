import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import * as alerts from '$lib/server/alerts/service';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireProvider(locals);
	return {
		alerts: await alerts.list(await app(), user),
		isManager: user.role === 'provider_manager'
	};
};
