import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as services from '$lib/server/organisations/services';

// Who may: organisations.manage, checked on the first line of every service function called here.

const NEW = 'new';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const db = (await app()).connection.db;
	const serviceId = params.serviceId === NEW ? null : params.serviceId;
	const form = await services.form(db, user, params.id, serviceId);
	const asked = form.service && !form.service.retired_at && url.searchParams.has('retire');
	return {
		...form,
		// The confirmation page, with what stands in the way of retiring today.
		retiring: asked ? await services.retireBlockers(db, user, params.id, form.service!.id) : null
	};
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const db = (await app()).connection.db;
		const isNew = params.serviceId === NEW;
		const form = await readForm(
			request,
			isNew ? ['name', 'kind', 'council', 'lead', 'hour_types'] : ['name', 'lead', 'hour_types']
		);
		if (!form.ok)
			return fail(400, { errors: {}, formError: form.error, values: {}, hourTypes: [] });
		const hourTypes = form.all('hour_types');
		const saved = isNew
			? await services.create(db, user, params.id, form.values, hourTypes)
			: await services.change(db, user, params.id, params.serviceId, form.values, hourTypes);
		if (!saved.ok)
			return fail(400, { errors: saved.errors, formError: null, values: form.values, hourTypes });
		redirect(303, `/staff/organisations/providers/${params.id}?saved=service#services`);
	},
	retire: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		// The button sends nothing: a post with anything in it was not made by the page.
		const form = await readForm(request, []);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const db = (await app()).connection.db;
		const retired = await services.retire(db, user, params.id, params.serviceId);
		if (!retired.ok) return fail(409, { retireReasons: retired.reasons });
		redirect(303, `/staff/organisations/providers/${params.id}?saved=service#services`);
	}
};
