import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import * as audit from '$lib/server/audit';
import { begin, noticeFor } from '$lib/server/auth/identity-provider';

// Anyone may start signing in with the council's identity provider: the sign-in page's button is
// a plain link here (no JavaScript needed), which sends the browser on to the provider. A link,
// not a form: the pages' Content-Security-Policy allows forms to post to this site only
// (form-action 'self'), and a browser applies that to the redirect that follows a post too.
export const GET: RequestHandler = async ({ url, cookies, getClientAddress }) => {
	const { config, connection } = await app();
	if (!config.oidc) error(404, 'Not found');
	const db = connection.db;
	const started = await begin(
		db,
		cookies,
		config.oidc,
		config.origin,
		{ returnTo: url.searchParams.get('return') ?? '' },
		getClientAddress()
	);
	if (started.status === 'ok') redirect(303, started.to.href);
	await audit.record(db, null, 'sign_in.refused', 'app_user', null, {
		method: 'identity_provider',
		reason: started.reason
	});
	redirect(303, `/sign-in?sso=${noticeFor(started.reason)}`);
};
