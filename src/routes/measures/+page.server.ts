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
	// One table for each outcome, its measures in catalogue order: an outcome whose carers' measure
	// comes later in the catalogue (safe.confidence) is not split into two tables of one name.
	const byOutcome = new Map<string, (typeof groups)[number]>();
	for (const m of rows) {
		const key = `${m.framework}|${m.outcome}`;
		let group = byOutcome.get(key);
		if (!group) {
			group = { framework: m.framework, outcome: m.outcome, measures: [] };
			byOutcome.set(key, group);
			groups.push(group);
		}
		group.measures.push({ ...m, fedBy: fedBy.get(m.id) ?? [] });
	}
	return { groups };
};
