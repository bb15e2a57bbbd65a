import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as survey from '$lib/server/db/survey';
import { summarise } from '$lib/server/surveys/summary';

// The catalogue holds no personal data: it is public, like the survey files themselves.
export const load: PageServerLoad = async ({ locals }) => {
	const { catalogue, connection } = await app();
	const counts = new Map((await survey.listWithCounts(connection.db)).map((c) => [c.id, c]));
	return {
		surveys: catalogue.surveys.map((s) => ({
			...summarise(s, locals.locale),
			symbol: catalogue.symbols.svg(String(s.definition.symbol)),
			versions: counts.get(s.id)?.versions ?? 0,
			completed: counts.get(s.id)?.completed ?? 0
		}))
	};
};
