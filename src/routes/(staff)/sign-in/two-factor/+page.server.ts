import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { refusalMessage } from '$lib/server/auth/messages';
import * as sessions from '$lib/server/auth/sessions';
import { checkSecondFactor } from '$lib/server/auth/sign-in';
import { matchingStep, plainSecret, setupQrSvg } from '$lib/server/auth/totp';
import * as userRepo from '$lib/server/db/user';
import { readForm } from '$lib/server/forms/staff';

/** Only a session that has passed the password step and waits for its code may be here. */
function awaiting(locals: App.Locals) {
	const session = locals.staff;
	if (!session?.awaitingSecondFactor) redirect(303, '/sign-in');
	return session.user;
}

export const load: PageServerLoad = async ({ locals }) => {
	const staff = awaiting(locals);
	const user = await userRepo.find((await app()).connection.db, staff.id);
	if (!user) redirect(303, '/sign-in');
	if (user.totp_secret) return { setup: null };
	if (!user.totp_pending_secret) redirect(303, '/sign-in');
	const secret = plainSecret(user.totp_pending_secret);
	return { setup: { secret, qr: await setupQrSvg(secret, user.email) } };
};

export const actions: Actions = {
	default: async ({ locals, request, cookies, url, getClientAddress }) => {
		const staff = awaiting(locals);
		const db = (await app()).connection.db;
		const form = await readForm(request, ['code']);
		if (!form.ok) return fail(400, { error: form.error });
		const code = form.values.code;
		if (!code) return fail(400, { error: 'Enter the 6-digit code from your authenticator app' });
		const user = await userRepo.find(db, staff.id);
		if (!user) redirect(303, '/sign-in');
		if (!user.totp_secret) {
			const secret = user.totp_pending_secret;
			const step = secret ? matchingStep(plainSecret(secret), code) : null;
			if (!secret || step === null)
				return fail(400, {
					error: 'That code does not match. Check the app shows Voices and enter its current code'
				});
			await userRepo.confirmTotp(db, user.id, secret, step);
			await audit.record(db, user.id, 'two_factor.enabled', 'app_user', user.id);
		} else {
			const result = await checkSecondFactor(db, user.id, code, getClientAddress());
			if (result.status !== 'ok') {
				await audit.record(db, null, 'sign_in.refused', 'app_user', user.id, {
					reason: result.status,
					step: 'second_factor'
				});
				return fail(result.status === 'wrong' ? 400 : 429, {
					error: refusalMessage(result, 'code')
				});
			}
		}
		// A sign-in with the identity provider keeps its ID token into the new session.
		const providerToken = await sessions.providerToken(db, locals.staff!.idHash);
		await sessions.start(db, cookies, url, user.id, false, providerToken);
		await audit.record(db, user.id, 'sign_in', 'app_user', user.id);
		redirect(303, '/staff');
	}
};
