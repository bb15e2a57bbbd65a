import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { finish, noticeFor } from '$lib/server/auth/identity-provider';
import * as sessions from '$lib/server/auth/sessions';

// Where the identity provider sends the browser back. The provider has checked the person's
// password and second factor, so the session starts complete: the app's own authenticator step
// is not asked for (docs/running.md: Sign-in with the council's identity provider).
export const GET: RequestHandler = async ({ locals, url, cookies }) => {
	const { config, connection } = await app();
	if (!config.oidc) error(404, 'Not found');
	const db = connection.db;
	const locked = Boolean(locals.staff?.lockedResponseId);
	const result = await finish(db, cookies, config.oidc, config.origin, url, locked);
	if (result.status !== 'ok') {
		await audit.record(db, null, 'sign_in.refused', 'app_user', result.userId, {
			method: 'identity_provider',
			reason: result.reason,
			...(result.providerError ? { provider_error: result.providerError } : {})
		});
		redirect(303, `/sign-in?sso=${noticeFor(result.reason)}`);
	}
	const { user } = result;
	await sessions.start(db, cookies, url, user.id, false);
	await audit.record(db, user.id, 'sign_in', 'app_user', user.id, {
		method: 'identity_provider'
	});
	redirect(303, result.returnTo);
};
