import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { app, startApp, stopApp } from '$lib/server/app';
import { direction, pickLocale } from '$lib/i18n';

export const init: ServerInit = async () => {
	const { config, connection, catalogue } = await startApp();
	const where = config.databaseUrl
		? 'PostgreSQL (DATABASE_URL)'
		: `embedded PostgreSQL in ${config.dataDir}`;
	console.log(`Database: ${where}; ${catalogue.surveys.length} surveys loaded.`);
	console.log(`Open ${config.origin} in a browser.`);
	// adapter-node emits this once the server has stopped taking requests: close the database so
	// that the process can exit (PGlite would otherwise hold it open).
	process.once('sveltekit:shutdown', () => {
		void stopApp();
	});
	void connection;
};

export const handle: Handle = async ({ event, resolve }) => {
	await app();
	const locale = pickLocale(
		event.url.searchParams.get('lang'),
		event.cookies.get('lang'),
		event.request.headers.get('accept-language')
	);
	if (event.url.searchParams.get('lang') === locale) {
		event.cookies.set('lang', locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: true,
			sameSite: 'lax'
		});
	}
	event.locals.locale = locale;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', locale).replace('%dir%', direction(locale))
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'no-referrer');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

// Unexpected errors are logged with an id the person can quote; no request data is logged.
export const handleError: HandleServerError = ({ error, status }) => {
	const errorId = randomUUID();
	if (status !== 404) console.error(`Error ${errorId}:`, error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong', errorId };
};
