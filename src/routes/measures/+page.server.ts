import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import * as measure from '$lib/server/db/measure';
import { summarise } from '$lib/server/surveys/summary';

export const load: PageServerLoad = async ({ locals }) => {
	const { catalogue, connection } = await app();
	const fedBy = new Map<string, string[]>();
	for (const s of catalogue.surveys) {
		const { title, measures } = summarise(s, locals.locale);
		for (const m of measures) fedBy.set(m.id, [...(fedBy.get(m.id) ?? []), title]);
	}
	const rows = await measure.list(connection.db);
	const groups: {
		framework: string;
		outcome: string;
		measures: ((typeof rows)[number] & { fedBy: string[] })[];
	}[] = [];
	for (const m of rows) {
		let group = groups.at(-1);
		if (!group || group.outcome !== m.outcome || group.framework !== m.framework) {
			group = { framework: m.framework, outcome: m.outcome, measures: [] };
			groups.push(group);
		}
		group.measures.push({ ...m, fedBy: fedBy.get(m.id) ?? [] });
	}
	return { groups };
};
