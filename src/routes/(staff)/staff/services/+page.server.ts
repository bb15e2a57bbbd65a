import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { can } from '$lib/server/access/policy';
import { requireAccess } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as services from '$lib/server/organisations/services';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAccess(locals, 'services.view');
	return {
		view: await services.list((await app()).connection.db, user),
		canEdit: can(user.role, 'services.edit'),
		changed: url.searchParams.has('changed')
	};
};

export const actions: Actions = {
	lead: async ({ locals, request }) => {
		const user = requireAccess(locals, 'services.set_lead');
		const form = await readForm(request, ['service', 'lead']);
		if (!form.ok) return fail(400, { error: form.error });
		const ok = await services.setLead(
			(await app()).connection.db,
			user,
			form.values.service,
			form.values.lead
		);
		if (!ok) return fail(400, { error: 'Choose a lead from your own staff' });
		return { error: null, saved: true };
	}
};
