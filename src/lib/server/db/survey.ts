import type { LoadedSurvey } from '../surveys/types';
import type { DB } from './connect';
import { toCount } from './count';

/**
 * Records a survey file as a version: a new content hash makes a new immutable version, the same
 * hash reuses the existing one. Returns the version id that responses should point at.
 */
export async function registerVersion(db: DB, survey: LoadedSurvey): Promise<string> {
	return db.transaction().execute(async (trx) => {
		await trx
			.insertInto('survey')
			.values({
				id: survey.id,
				title: survey.title,
				variant: survey.variant,
				respondent: survey.respondent
			})
			.onConflict((oc) =>
				oc.column('id').doUpdateSet({
					title: survey.title,
					variant: survey.variant,
					respondent: survey.respondent
				})
			)
			.execute();
		await trx
			.insertInto('survey_version')
			.values({
				survey_id: survey.id,
				content_hash: survey.contentHash,
				definition: JSON.stringify(survey.definition),
				rules: JSON.stringify(survey.rules)
			})
			.onConflict((oc) => oc.columns(['survey_id', 'content_hash']).doNothing())
			.execute();
		const row = await trx
			.selectFrom('survey_version')
			.select('id')
			.where('survey_id', '=', survey.id)
			.where('content_hash', '=', survey.contentHash)
			.executeTakeFirstOrThrow();
		return row.id;
	});
}

export function findVersion(db: DB, versionId: string) {
	return db.selectFrom('survey_version').selectAll().where('id', '=', versionId).executeTakeFirst();
}

/** Each survey with how many versions it has had and how many responses were completed. */
export async function listWithCounts(db: DB) {
	const rows = await db
		.selectFrom('survey')
		.leftJoin('survey_version', 'survey_version.survey_id', 'survey.id')
		.leftJoin('response', 'response.survey_version_id', 'survey_version.id')
		.select(['survey.id', 'survey.title', 'survey.variant', 'survey.respondent'])
		.select((eb) => [
			eb.fn.count<string | number>('survey_version.id').distinct().as('versions'),
			eb.fn.count<string | number>('response.completed_at').as('completed')
		])
		.groupBy('survey.id')
		.orderBy('survey.id')
		.execute();
	return rows.map((r) => ({
		...r,
		versions: toCount(r.versions),
		completed: toCount(r.completed)
	}));
}
