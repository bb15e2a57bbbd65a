import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { checkPassword, readySecondFactor } from '$lib/server/auth/sign-in';
import * as sessions from '$lib/server/auth/sessions';
import * as userRepo from '$lib/server/db/user';
import { readForm } from '$lib/server/forms/staff';
import {
	IDENTITY_PROVIDER_MESSAGES,
	identityProviderRequired,
	refusalMessage
} from '$lib/server/auth/messages';
import { requiresIdentityProvider } from '$lib/server/auth/identity-provider';
import { ownValue } from '$lib/own';

export const load: PageServerLoad = async ({ locals, url }) => {
	// Anyone may see the sign-in page; a signed-in person is sent on to the staff area.
	if (locals.staff && !locals.staff.awaitingSecondFactor && !locals.staff.lockedResponseId)
		redirect(303, '/staff');
	const button = (await app()).config.oidc?.name ?? null;
	// Only a known word is read from the address, so no text of the address reaches the page.
	const notice = ownValue(IDENTITY_PROVIDER_MESSAGES, url.searchParams.get('sso') ?? '');
	return {
		reset: url.searchParams.get('done') === 'reset',
		setUp: url.searchParams.get('done') === 'set-up',
		identityProvider: button,
		notice: notice ? notice(button ?? '') : null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const db = (await app()).connection.db;
		const form = await readForm(request, ['email', 'password']);
		if (!form.ok) return fail(400, { email: '', errors: {}, formError: form.error });
		const { email, password } = form.values;
		const errors: Record<string, string> = {};
		if (!email) errors.email = 'Enter your email address';
		if (!password) errors.password = 'Enter your password';
		if (Object.keys(errors).length) return fail(400, { email, errors, formError: null });
		const result = await checkPassword(db, email, password, getClientAddress());
		if (result.status !== 'ok') {
			const known = result.status !== 'tooMany' ? await userRepo.findByEmail(db, email) : undefined;
			await audit.record(db, null, 'sign_in.refused', 'app_user', known?.id ?? null, {
				reason: result.status
			});
			const status = result.status === 'wrong' ? 400 : 429;
			return fail(status, { email, errors: {}, formError: refusalMessage(result) });
		}
		const { user, needsSecondFactor } = result;
		if (await requiresIdentityProvider(db, user)) {
			await audit.record(db, null, 'sign_in.refused', 'app_user', user.id, {
				reason: 'sso_required'
			});
			const button = (await app()).config.oidc?.name ?? null;
			return fail(400, { email, errors: {}, formError: identityProviderRequired(button) });
		}
		if (needsSecondFactor) await readySecondFactor(db, user);
		await sessions.start(db, cookies, url, user.id, needsSecondFactor);
		await audit.record(
			db,
			user.id,
			needsSecondFactor ? 'sign_in.password' : 'sign_in',
			'app_user',
			user.id
		);
		redirect(303, needsSecondFactor ? '/sign-in/two-factor' : '/staff');
	}
};
