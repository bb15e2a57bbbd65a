import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { app, startApp, stopApp } from '$lib/server/app';
import { readConfig } from '$lib/server/config';
import { DEMO_GROUP_TOKEN, demoCodes, presentDemoAccounts } from '$lib/server/demo/seed';
import { DEMO_PASSWORD } from '$lib/server/demo/accounts';
import { DISPLAY_COOKIE, parseDisplay } from '$lib/display';
import { direction, pickLocale } from '$lib/i18n';
import { fromCookie } from '$lib/server/auth/sessions';
import { providerOrigin } from '$lib/server/auth/identity-provider';
import { isStaffPath } from '$lib/staff-paths';
import { logError } from '$lib/server/log';
import { requestSeconds } from '$lib/server/metrics';

export const init: ServerInit = async () => {
	const { config, connection, catalogue } = await startApp(readConfig(), { workers: true });
	const where = config.databaseUrl
		? 'PostgreSQL (DATABASE_URL)'
		: `embedded PostgreSQL in ${config.dataDir}`;
	console.log(`Database: ${where}; ${catalogue.surveys.length} surveys loaded.`);
	console.log(`Open ${config.origin} in a browser.`);
	if (config.demoData) {
		const codes = await demoCodes(connection.db);
		if (codes.length) {
			console.log(`Demo codes to type at ${config.origin}/code:`);
			for (const c of codes) console.log(`  ${c.code}  ${c.survey}`);
			console.log(`Demo group-session link: ${config.origin}/i/${DEMO_GROUP_TOKEN}`);
		}
		const accounts = await presentDemoAccounts(connection.db);
		if (accounts.length)
			console.log(`Staff sign-in at ${config.origin}/sign-in, password "${DEMO_PASSWORD}":`);
		for (const a of accounts) {
			const key = a.totp ? ` (authenticator key ${a.totp}; npm run totp -- ${a.totp})` : '';
			console.log(`  ${a.email}  ${a.role}${key}`);
		}
	}
	// adapter-node emits this once the server has stopped taking requests: close the database so
	// that the process can exit (PGlite would otherwise hold it open).
	process.once('sveltekit:shutdown', () => {
		void stopApp();
	});
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await respond({ event, resolve });
	requestSeconds.observe(
		{
			method: event.request.method,
			route: event.route.id ?? 'unmatched',
			status: String(response.status)
		},
		(performance.now() - started) / 1000
	);
	return response;
};

const respond: Handle = async ({ event, resolve }) => {
	const { connection, config } = await app();
	event.locals.staff = await fromCookie(connection.db, event.cookies, config.sessionIdleMinutes);
	// The staff pages are written in English only; children's pages follow the chosen language.
	const locale = isStaffPath(event.url.pathname)
		? 'en'
		: pickLocale(
				event.url.searchParams.get('lang'),
				event.cookies.get('lang'),
				event.request.headers.get('accept-language')
			);
	if (!isStaffPath(event.url.pathname) && event.url.searchParams.get('lang') === locale) {
		event.cookies.set('lang', locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:'
		});
	}
	event.locals.locale = locale;
	const display = parseDisplay(event.cookies.get(DISPLAY_COOKIE))
		.map((d) => `display-${d}`)
		.join(' ');
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%lang%', locale)
				.replace('%dir%', direction(locale))
				.replace('%display%', display)
	});
	// Staff pages show children's records, and answer pages a child's own answers, often on a
	// shared device: neither is kept in a cache (OWASP ASVS 8.2.1).
	if (
		(isStaffPath(event.url.pathname) || /^\/(answer|i|code)(\/|$)/.test(event.url.pathname)) &&
		!response.headers.has('cache-control')
	)
		response.headers.set('Cache-Control', 'no-store');
	// Signing out (a form on the staff pages) may lead on to the identity provider's end-session
	// endpoint, and a browser applies form-action to the redirects after a post: its origin is
	// allowed too, on the staff pages only (never on a child's).
	const csp = response.headers.get('content-security-policy');
	if (csp && config.oidc && isStaffPath(event.url.pathname))
		response.headers.set(
			'content-security-policy',
			csp.replace("form-action 'self'", `form-action 'self' ${providerOrigin(config.oidc)}`)
		);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

// Unexpected errors are logged with an id the person can quote; no request data and no row
// contents are logged (log.ts).
export const handleError: HandleServerError = ({ error, event, status }) => {
	const errorId =
		status === 404
			? randomUUID()
			: logError(error, {
					status,
					route: event.route.id ?? undefined,
					method: event.request.method
				});
	return { message: status === 404 ? 'Not found' : 'Something went wrong', errorId };
};
