import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as preferences from '$lib/server/notifications/preferences';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireAccess(locals, 'notifications.choose');
	const { connection, config } = await app();
	return {
		...(await preferences.list(connection.db, user)),
		sending: config.mail !== undefined,
		email: user.email
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireAccess(locals, 'notifications.choose');
		const form = await readForm(request, ['send']);
		if (!form.ok) return fail(400, { error: form.error, saved: false });
		const saved = await preferences.save((await app()).connection.db, user, form.all('send'));
		if (!saved)
			return fail(400, {
				error: 'Choose from the notifications listed on this page',
				saved: false
			});
		return { error: null, saved: true };
	}
};
