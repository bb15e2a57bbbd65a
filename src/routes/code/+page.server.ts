import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { readRespondentForm } from '$lib/server/answering/form';
import { enter, refusedStatus } from '$lib/server/answering/enter';
import { deviceOf } from '$lib/server/answering/respondent';
import * as invitations from '$lib/server/invitations/links';
import { allowCodeAttempt } from '$lib/server/rate-limit';
import { isWellFormedCode, normaliseCode } from '$lib/server/secrets';

export const load: PageServerLoad = async ({ cookies, url }) => {
	deviceOf(cookies, url);
	const { symbols } = (await app()).catalogue;
	return { symbol: symbols.svg('hello') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const started = await app();
		const read = await readRespondentForm(request, ['code']);
		if (!read.ok) return fail(400, { error: read.error, code: '' });
		const typed = read.form.get('code');
		const code = normaliseCode(typeof typed === 'string' ? typed : '').slice(0, 32);
		const refuse = (status: number, error: string) => fail(status, { error, code });
		if (!code) return refuse(400, 'empty');
		if (!(await allowCodeAttempt(started.connection.db, getClientAddress(), code))) {
			return refuse(429, 'tooMany');
		}
		if (!isWellFormedCode(code)) return refuse(400, 'malformed');
		const invitation = await invitations.findByCode(started.connection.db, code);
		if (!invitation) return refuse(400, 'wrong');
		const outcome = await enter(
			started,
			invitation,
			locals.locale,
			cookies,
			url,
			getClientAddress()
		);
		if (outcome !== 'started') return refuse(refusedStatus(outcome), outcome);
		redirect(303, '/answer');
	}
};
