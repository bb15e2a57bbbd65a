import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { begin, noticeFor } from '$lib/server/auth/identity-provider';
import { readForm } from '$lib/server/forms/staff';

// Anyone may start signing in with the council's identity provider: the sign-in page's button
// posts here (a plain form, so it works without JavaScript) and is sent on to the provider.
export const POST: RequestHandler = async ({ locals, request, cookies, getClientAddress }) => {
	const { config, connection } = await app();
	if (!config.oidc) error(404, 'Not found');
	const form = await readForm(request, ['return']);
	const db = connection.db;
	const started = await begin(
		db,
		cookies,
		config.oidc,
		config.origin,
		{
			returnTo: form.ok ? form.values.return : '',
			reauthenticate: Boolean(locals.staff?.lockedResponseId)
		},
		getClientAddress()
	);
	if (started.status === 'ok') redirect(303, started.to.href);
	await audit.record(db, null, 'sign_in.refused', 'app_user', null, {
		method: 'identity_provider',
		reason: started.reason
	});
	redirect(303, `/sign-in?sso=${noticeFor(started.reason)}`);
};
