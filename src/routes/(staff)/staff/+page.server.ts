import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/access/roles';
import * as home from '$lib/server/organisations/summary';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return { summary: await home.summary((await app()).connection.db, user), role: user.role };
};
