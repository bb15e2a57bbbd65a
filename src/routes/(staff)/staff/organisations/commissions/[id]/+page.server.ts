import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as commissions from '$lib/server/organisations/commissions';

// Who may: organisations.manage, checked on the first line of every service function called here.

const NEW = 'new';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const db = (await app()).connection.db;
	return await commissions.form(db, user, params.id === NEW ? null : params.id);
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const db = (await app()).connection.db;
		const isNew = params.id === NEW;
		const form = await readForm(
			request,
			isNew
				? ['council', 'provider', 'framework', 'starts_on', 'ends_on']
				: ['framework', 'starts_on', 'ends_on']
		);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const saved = await commissions.save(db, user, isNew ? null : params.id, form.values);
		if (!saved.ok) return fail(400, { errors: saved.errors, formError: null, values: form.values });
		redirect(303, '/staff/organisations?saved=commission#commissions');
	}
};
