import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as users from '$lib/server/users/service';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireAccess(locals, 'users.manage');
	return { ...(await users.list((await app()).connection.db, user)), me: user.id };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const started = await app();
		const form = await readForm(request, ['email', 'name', 'role', 'organisation']);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {}, link: null });
		const result = await users.create(
			started.connection.db,
			user,
			form.values,
			started.config.resetLinkHours
		);
		if (!result.link)
			return fail(400, { errors: result.errors, formError: null, values: form.values, link: null });
		return {
			errors: {},
			formError: null,
			values: {},
			link: started.config.origin + result.link,
			for: form.values.name
		};
	},
	reset: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const started = await app();
		const form = await readForm(request, ['id']);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {}, link: null });
		const link = await users.resetLink(
			started.connection.db,
			user,
			form.values.id,
			started.config.resetLinkHours
		);
		return {
			errors: {},
			formError: null,
			values: {},
			link: started.config.origin + link,
			for: null
		};
	}
};
