import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { distinct } from '$lib/server/forms/repeated';
import { readRespondentForm } from '$lib/server/answering/form';
import { DISPLAY_COOKIE, DISPLAY_OPTIONS, parseDisplay, safeReturnPath } from '$lib/display';

export const load: PageServerLoad = ({ cookies, url }) => ({
	chosen: parseDisplay(cookies.get(DISPLAY_COOKIE)),
	returnTo: safeReturnPath(url.searchParams.get('return'))
});

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const read = await readRespondentForm(request, ['option', 'return']);
		// The return path is a hidden field: a character no one could type there is a forged page.
		if (!read.ok)
			return fail(400, { error: read.error === 'unreadable' ? 'unreadable' : 'unknownField' });
		const form = read.form;
		const picked = form.getAll('option');
		if (picked.some((p) => !DISPLAY_OPTIONS.includes(p as (typeof DISPLAY_OPTIONS)[number]))) {
			return fail(400, { error: 'unknownField' });
		}
		cookies.set(DISPLAY_COOKIE, distinct(picked as string[]).join(','), {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 60 * 60 * 24 * 365
		});
		redirect(303, safeReturnPath(form.get('return')));
	}
};
