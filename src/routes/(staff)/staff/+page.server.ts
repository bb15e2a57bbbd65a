import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/access/roles';
import * as home from '$lib/server/organisations/summary';
import { ukToday } from '$lib/calendar/dates';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const started = await app();
	const now = new Date();
	return {
		summary: await home.summary(
			started.connection.db,
			user,
			now,
			ukToday(now),
			started.config.returnDueDays
		),
		role: user.role
	};
};
