import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/auth/access';
import * as alerts from '$lib/server/staff/alerts';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireProvider(locals);
	return {
		alerts: await alerts.list(await app(), user),
		isManager: user.role === 'provider_manager'
	};
};
