import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as services from '$lib/server/organisations/services';

// Who may: services.edit, checked on the first line of every service function called here.

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	return await services.own((await app()).connection.db, user, params.id);
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const db = (await app()).connection.db;
		const form = await readForm(request, ['name', 'lead', 'hour_types']);
		if (!form.ok)
			return fail(400, { errors: {}, formError: form.error, values: {}, hourTypes: [] });
		const hourTypes = form.all('hour_types');
		const saved = await services.edit(db, user, params.id, form.values, hourTypes);
		if (!saved.ok)
			return fail(400, { errors: saved.errors, formError: null, values: form.values, hourTypes });
		redirect(303, '/staff/services?changed=1');
	}
};
