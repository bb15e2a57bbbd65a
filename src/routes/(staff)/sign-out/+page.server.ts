import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { requireUser } from '$lib/server/access/roles';
import { endSessionUrl } from '$lib/server/auth/identity-provider';
import * as sessions from '$lib/server/auth/sessions';

export const load: PageServerLoad = ({ locals }) => {
	requireUser(locals);
	return {};
};

export const actions: Actions = {
	// The app's session ends first, whatever the provider does; after a sign-in with the
	// identity provider, the browser then goes on to end the provider's session too, so the next
	// person at the device is not signed in there as this one (RP-Initiated Logout 1.0).
	default: async ({ locals, cookies }) => {
		const user = requireUser(locals);
		const { config, connection } = await app();
		const db = connection.db;
		// A token that cannot be read (a changed key) never keeps the app's session open.
		const idToken = locals.staff
			? await sessions.providerToken(db, locals.staff.idHash).catch(() => null)
			: null;
		await sessions.end(db, cookies);
		await audit.record(db, user.id, 'sign_out', 'app_user', user.id);
		const atProvider =
			config.oidc && idToken ? await endSessionUrl(config.oidc, config.origin, idToken) : null;
		redirect(303, atProvider?.href ?? '/sign-in');
	}
};
