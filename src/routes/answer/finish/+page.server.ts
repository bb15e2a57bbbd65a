import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { readRespondentForm } from '$lib/server/answering/form';
import { frame } from '$lib/server/answering/page';
import { requireOpenResponse, requireRespondent } from '$lib/server/answering/respondent';
import { finish } from '$lib/server/answering/service';
import { FINISH } from '$lib/server/answering/steps';

export const load: PageServerLoad = async ({ cookies, locals, request }) => {
	const { connection, catalogue } = await app();
	const ctx = await requireOpenResponse(connection.db, cookies, request);
	return {
		...frame(ctx, FINISH, locals.locale, catalogue.symbols),
		symbol: catalogue.symbols.svg('achieved'),
		answered: Object.keys(ctx.answers).length
	};
};

export const actions: Actions = {
	default: async ({ cookies, request }) => {
		const db = (await app()).connection.db;
		const ctx = await requireRespondent(db, cookies);
		const read = await readRespondentForm(request, ['version', 'step']);
		if (!read.ok) return fail(400, { error: read.error });
		const form = read.form;
		if (form.get('version') !== ctx.response.survey_version_id) {
			return fail(409, { error: 'staleVersion' });
		}
		// Exactly once: a second press (or a retried request) finds it finished and says so.
		if (!(await finish(db, ctx))) return fail(409, { error: 'finished' });
		redirect(303, '/answer/thanks');
	}
};
