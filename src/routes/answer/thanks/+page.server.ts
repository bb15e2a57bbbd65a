import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { surveyLocale } from '$lib/server/answering/page';
import { requireRespondent } from '$lib/server/answering/respondent';
import { textIn } from '$lib/server/surveys/translations';

export const load: PageServerLoad = async ({ cookies, locals }) => {
	const { connection, catalogue } = await app();
	const ctx = await requireRespondent(connection.db, cookies);
	if (!ctx.response.completed_at) redirect(303, '/answer');
	const def = ctx.version.definition;
	const locale = surveyLocale(def, locals.locale);
	return {
		surveyTitle: textIn(def.title, locale),
		completedHtml: textIn(def.completedHtml, locale),
		lang: locale,
		symbol: catalogue.symbols.svg('thank-you'),
		// On a staff tablet in locked mode, the child gives the device back from here.
		handBack: Boolean(locals.staff?.lockedResponseId)
	};
};
