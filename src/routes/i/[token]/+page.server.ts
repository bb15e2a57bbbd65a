import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { readRespondentForm } from '$lib/server/answering/form';
import { enter, refusedStatus } from '$lib/server/answering/enter';
import { deviceOf } from '$lib/server/answering/respondent';
import { surveyLocale } from '$lib/server/answering/page';
import * as invitations from '$lib/server/invitations/links';
import { textIn } from '$lib/server/surveys/translations';

// Opening the link only shows the start page; the response starts when the respondent presses
// Start, so a link preview or a scanner never starts one.
export const load: PageServerLoad = async ({ params, locals, cookies, url }) => {
	deviceOf(cookies, url);
	const { connection, catalogue } = await app();
	const invitation = await invitations.findByToken(connection.db, params.token);
	if (!invitation) error(404, 'Not found');
	const survey = catalogue.surveys.find((s) => s.id === invitation.survey_id);
	const state = invitations.usability(invitation);
	if (!survey) return { state: 'unavailable' as const, symbol: catalogue.symbols.svg('hello') };
	const locale = surveyLocale(survey.definition, locals.locale);
	return {
		state,
		title: textIn(survey.definition.title, locale),
		lang: locale,
		description: textIn(survey.definition.description, locale),
		symbol: catalogue.symbols.svg(String(survey.definition.symbol))
	};
};

export const actions: Actions = {
	default: async ({ params, cookies, url, locals, request, getClientAddress }) => {
		const started = await app();
		const read = await readRespondentForm(request, []);
		if (!read.ok) return fail(400, { error: read.error });
		const invitation = await invitations.findByToken(started.connection.db, params.token);
		if (!invitation) error(404, 'Not found');
		const outcome = await enter(
			started,
			invitation,
			locals.locale,
			cookies,
			url,
			getClientAddress()
		);
		if (outcome !== 'started') return fail(refusedStatus(outcome), { error: outcome });
		redirect(303, '/answer');
	}
};
