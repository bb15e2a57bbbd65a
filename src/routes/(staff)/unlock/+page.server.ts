import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as assisted from '$lib/server/invitations/hand-over';
import { readForm } from '$lib/server/forms/staff';

/** Only a locked staff session (a child answering on a staff device) has anything to unlock. */
function lockedSession(locals: App.Locals) {
	const session = locals.staff;
	if (!session) redirect(303, '/sign-in');
	if (!session.lockedResponseId) redirect(303, '/staff');
	return session;
}

export const load: PageServerLoad = ({ locals }) => {
	return { name: lockedSession(locals).user.displayName };
};

export const actions: Actions = {
	default: async ({ locals, request, cookies }) => {
		const session = lockedSession(locals);
		const form = await readForm(request, ['password']);
		if (!form.ok) return fail(400, { error: form.error });
		if (!form.values.password) return fail(400, { error: 'Enter your password' });
		const result = await assisted.unlock(await app(), session, form.values.password, cookies);
		if (result === 'locked')
			return fail(429, { error: 'Too many wrong passwords. Wait, then try again' });
		if (result === 'wrong') return fail(400, { error: 'That password is not right' });
		redirect(303, '/staff/children');
	}
};
