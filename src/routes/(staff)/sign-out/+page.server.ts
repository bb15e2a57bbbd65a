import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { requireUser } from '$lib/server/access/roles';
import * as sessions from '$lib/server/auth/sessions';

export const load: PageServerLoad = ({ locals }) => {
	requireUser(locals);
	return {};
};

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		const user = requireUser(locals);
		const db = (await app()).connection.db;
		await sessions.end(db, cookies);
		await audit.record(db, user.id, 'sign_out', 'app_user', user.id);
		redirect(303, '/sign-in');
	}
};
