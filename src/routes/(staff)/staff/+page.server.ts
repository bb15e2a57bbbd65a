import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import * as home from '$lib/server/staff/home';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return { summary: await home.summary((await app()).connection.db, user), role: user.role };
};
