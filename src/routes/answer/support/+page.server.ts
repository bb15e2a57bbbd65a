import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { surveyLocale } from '$lib/server/answering/page';
import { requireOpenResponse } from '$lib/server/answering/respondent';
import { textIn } from '$lib/server/surveys/translations';

// Shown straight after a worrying answer: who the child can talk to, then back to the questions.
export const load: PageServerLoad = async ({ cookies, locals }) => {
	const { connection, catalogue } = await app();
	const ctx = await requireOpenResponse(connection.db, cookies);
	const def = ctx.version.definition;
	return {
		surveyTitle: textIn(def.title, surveyLocale(def, locals.locale)),
		symbols: { talk: catalogue.symbols.svg('talk'), phone: catalogue.symbols.svg('telephone') }
	};
};
