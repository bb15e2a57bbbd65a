import { redirect, type Cookies } from '@sveltejs/kit';
import type { DB } from '../db/connect';
import { newToken } from '../secrets';
import { FINISH, HELPED } from './steps';
import { fromResumeToken, type RespondentContext } from './service';

/** The respondent's own response is found through this HttpOnly cookie, never through the URL. */
export const RESPONSE_COOKIE = 'voices_response';

/**
 * A random id for the browser, given on the start and code pages before Start is pressed, so that
 * the answers' cookie is the same for every press of Start at once (service.ts, begin).
 */
export const DEVICE_COOKIE = 'voices_device';

/** Both cookies: HttpOnly, this site only, kept 60 days. */
const keep = (url: URL) =>
	({
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 60
	}) as const;

/** The browser's device id as it holds it, if it is one the app gave (43 URL-safe characters). */
export function heldDevice(cookies: Cookies): string | undefined {
	const held = cookies.get(DEVICE_COOKIE);
	return held && /^[\w-]{43}$/.test(held) ? held : undefined;
}

export function deviceOf(cookies: Cookies, url: URL): string {
	const held = heldDevice(cookies);
	if (held) return held;
	const device = newToken();
	cookies.set(DEVICE_COOKIE, device, keep(url));
	return device;
}

export function rememberResponse(cookies: Cookies, token: string, url: URL): void {
	cookies.set(RESPONSE_COOKIE, token, keep(url));
}

/** The address of a step. */
export function stepPath(step: string): string {
	if (step === HELPED) return '/answer/helped';
	if (step === FINISH) return '/answer/finish';
	return `/answer/q/${encodeURIComponent(step)}`;
}

/** The respondent's response, or a redirect to the code page when there is none. */
export async function requireRespondent(db: DB, cookies: Cookies): Promise<RespondentContext> {
	const ctx = await fromResumeToken(db, cookies.get(RESPONSE_COOKIE));
	if (!ctx) redirect(303, '/code');
	return ctx;
}

/**
 * The respondent's response while it is still open; opening a page of a finished one goes to the
 * thank-you page. When a refused post is being shown (`request.method` is POST) the page stays,
 * so that its error ("already sent") is seen.
 */
export async function requireOpenResponse(
	db: DB,
	cookies: Cookies,
	request?: Request
): Promise<RespondentContext> {
	const ctx = await requireRespondent(db, cookies);
	if (ctx.response.completed_at && request?.method !== 'POST') redirect(303, '/answer/thanks');
	return ctx;
}
