import type { DB } from '../../src/lib/server/db/connect';
import * as responseRepo from '../../src/lib/server/db/response';
import * as tally from '../../src/lib/server/db/tally';

let submission = 0;

/**
 * Completed responses to the minimal survey's "feel safe" question, tallied as the app tallies
 * them: `positive` of `count` positive, the rest negative.
 */
export async function replies(
	db: DB,
	versionId: string,
	serviceId: string,
	count: number,
	o: {
		positive: number;
		mode?: 'alone' | 'helped' | 'proxy';
		source?: 'annual_review' | 'satisfaction_survey';
		at?: string;
	}
): Promise<void> {
	for (let i = 0; i < count; i++) {
		const r = await responseRepo.start(db, {
			survey_version_id: versionId,
			service_id: serviceId,
			source: o.source ?? 'annual_review',
			language: 'en',
			variant: 'symbols',
			completion_mode: o.mode ?? 'alone',
			client_submission_id: `00000000-0000-4000-9000-${String(++submission).padStart(12, '0')}`
		});
		await db
			.insertInto('answer')
			.values({
				response_id: r.id,
				question_name: 'feel_safe',
				value: '"x"',
				measure_id: 'safe.feel_safe',
				classification: i < o.positive ? 'positive' : 'negative'
			})
			.execute();
		await db.transaction().execute(async (trx) => {
			await responseRepo.complete(trx, r.id, new Date(o.at ?? '2025-05-15T12:00:00Z'));
			await tally.addResponse(trx, r.id);
		});
	}
}
