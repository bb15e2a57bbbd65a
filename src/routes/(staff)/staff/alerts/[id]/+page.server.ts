import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import * as alerts from '$lib/server/alerts/service';
import { readForm } from '$lib/server/forms/staff';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireProvider(locals, 'alerts.handle');
	return { alert: await alerts.get(await app(), user, params.id) };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireProvider(locals, 'alerts.handle');
		const form = await readForm(request, ['note']);
		if (!form.ok) return fail(400, { error: form.error, note: '' });
		const note = form.values.note;
		if (!note) return fail(400, { error: 'Enter a note of what was done', note });
		const done = await alerts.acknowledge(await app(), user, params.id, note);
		if (!done) return fail(409, { error: 'This alert has already been acknowledged', note });
		return { error: null, note: '', acknowledged: true };
	}
};
