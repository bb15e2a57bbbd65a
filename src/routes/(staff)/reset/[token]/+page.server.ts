import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { passwordProblem } from '$lib/server/auth/passwords';
import * as resets from '$lib/server/auth/resets';
import { passwordLinkRefused } from '$lib/server/auth/messages';
import { readForm } from '$lib/server/forms/staff';

const EXPIRED =
	'This link has expired or has already been used. Ask an administrator for a new one';

// Anyone holding the one-time link may use it: the link itself is the proof.
// A link given before the account's council required its identity provider sets no password.
const providerOnly = async () => passwordLinkRefused((await app()).config.oidc?.name ?? null);

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'Cache-Control': 'no-store' });
	const found = await resets.findUsable((await app()).connection.db, params.token);
	return {
		usable: Boolean(found) && !found?.providerOnly,
		// A provider-only account still to set up its authenticator: the link does only that.
		setUp: found?.setUp ? { button: (await app()).config.oidc?.name ?? null } : null,
		name: found?.display_name ?? null,
		providerOnly: found?.providerOnly && !found.setUp ? await providerOnly() : null
	};
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const db = (await app()).connection.db;
		// Cheap checks first: a made-up link never costs a password hash (argon2, ~200 ms).
		if (!(await resets.allowAttempt(db, getClientAddress())))
			return fail(429, {
				errors: {},
				formError: 'Too many attempts from this network. Wait 10 minutes and try again'
			});
		const found = await resets.findUsable(db, params.token);
		if (!found) return fail(410, { errors: {}, formError: EXPIRED });
		if (found.setUp) {
			// The button sends nothing: a post with anything in it was not made by the page.
			const form = await readForm(request, []);
			if (!form.ok) return fail(400, { errors: {}, formError: form.error });
			const used = await resets.useForSetUp(db, params.token);
			if (used.status === 'expired') return fail(410, { errors: {}, formError: EXPIRED });
			await audit.record(db, used.userId, 'two_factor.set_up_link_used', 'app_user', used.userId);
			redirect(303, '/sign-in?done=set-up');
		}
		if (found.providerOnly) return fail(400, { errors: {}, formError: await providerOnly() });
		const form = await readForm(request, ['password', 'confirm']);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error });
		const problem = passwordProblem(form.values.password, form.values.confirm);
		if (problem) return fail(400, { errors: { password: problem }, formError: null });
		const used = await resets.use(db, params.token, form.values.password);
		if (used.status === 'expired') return fail(410, { errors: {}, formError: EXPIRED });
		if (used.status === 'provider_only') {
			await audit.record(db, null, 'password.refused', 'app_user', used.userId, {
				reason: 'sso_required'
			});
			return fail(400, { errors: {}, formError: await providerOnly() });
		}
		await audit.record(db, used.userId, 'password.set', 'app_user', used.userId);
		redirect(303, '/sign-in?done=reset');
	}
};
