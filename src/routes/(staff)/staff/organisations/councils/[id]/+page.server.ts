import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as councils from '$lib/server/organisations/councils';

// Who may: organisations.manage, checked on the first line of every service function called here.

const NEW = 'new';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const db = (await app()).connection.db;
	const council = await councils.get(db, user, params.id === NEW ? null : params.id);
	const asked = council && !council.retired_at && url.searchParams.has('retire');
	return {
		council,
		// The confirmation page, with what stands in the way of retiring today.
		retiring: asked ? await councils.retireBlockers(db, user, council.id) : null
	};
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const db = (await app()).connection.db;
		const form = await readForm(request, ['code', 'name']);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const id = params.id === NEW ? null : params.id;
		const saved = await councils.save(db, user, id, form.values);
		if (!saved.ok) return fail(400, { errors: saved.errors, formError: null, values: form.values });
		redirect(303, '/staff/organisations?saved=council#councils');
	},
	retire: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		// The button sends nothing: a post with anything in it was not made by the page.
		const form = await readForm(request, []);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const retired = await councils.retire((await app()).connection.db, user, params.id);
		if (!retired.ok) return fail(409, { retireReasons: retired.reasons });
		redirect(303, '/staff/organisations?saved=council#councils');
	}
};
