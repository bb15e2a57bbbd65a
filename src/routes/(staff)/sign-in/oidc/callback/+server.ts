import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { finish, noticeFor } from '$lib/server/auth/identity-provider';
import * as sessions from '$lib/server/auth/sessions';
import { RESPONSE_COOKIE } from '$lib/server/answering/respondent';
import { SECOND_FACTOR_REQUIRED } from '$lib/server/access/policy';

// Where the identity provider sends the browser back, having just checked the person's
// password. Administrators and commissioners then give the app's own authenticator code, as
// with a password: the app cannot tell whether the provider asked for a second factor, and the
// provider's administrators must not be able to sign in as them alone.
export const GET: RequestHandler = async ({ locals, url, cookies }) => {
	const { config, connection } = await app();
	if (!config.oidc) error(404, 'Not found');
	const db = connection.db;
	const result = await finish(db, cookies, config.oidc, config.origin, url);
	if (result.status !== 'ok') {
		await audit.record(db, null, 'sign_in.refused', 'app_user', result.userId, {
			method: 'identity_provider',
			reason: result.reason,
			...(result.providerError ? { provider_error: result.providerError } : {})
		});
		redirect(303, `/sign-in?sso=${noticeFor(result.reason)}`);
	}
	const { user } = result;
	if (result.linked) await audit.record(db, user.id, 'user.identity_linked', 'app_user', user.id);
	// Signing in again on a device handed to a child ends the hand-over, as unlocking does.
	if (locals.staff?.lockedResponseId) {
		cookies.delete(RESPONSE_COOKIE, { path: '/' });
		await audit.record(db, user.id, 'assisted.ended', 'response', locals.staff.lockedResponseId);
	}
	const second = SECOND_FACTOR_REQUIRED.includes(user.role);
	// An authenticator is set up only from a password or an administrator's set-up link, never
	// from the provider alone: its administrators could otherwise make a person with the email of
	// an account not yet signed in to, and set up its authenticator themselves.
	if (second && !user.totp_secret && !user.totp_pending_secret) {
		await audit.record(db, null, 'sign_in.refused', 'app_user', user.id, {
			method: 'identity_provider',
			reason: 'no_second_factor'
		});
		redirect(303, `/sign-in?sso=${noticeFor('no_second_factor')}`);
	}
	await sessions.start(db, cookies, url, user.id, second, result.idToken);
	await audit.record(db, user.id, 'sign_in', 'app_user', user.id, {
		method: 'identity_provider'
	});
	redirect(303, second ? '/sign-in/two-factor' : result.returnTo);
};
