import type { DB } from './connect';
import { toCount } from './count';
import type { NewAnswer } from './schema';
import type { Classification } from '../../domain/classifications';

/** Saves one answer, replacing an earlier answer to the same question in the same response. */
export function save(db: DB, answer: NewAnswer) {
	return db
		.insertInto('answer')
		.values(answer)
		.onConflict((oc) =>
			oc.columns(['response_id', 'question_name']).doUpdateSet((eb) => ({
				value: eb.ref('excluded.value'),
				measure_id: eb.ref('excluded.measure_id'),
				classification: eb.ref('excluded.classification'),
				answered_at: eb.ref('excluded.answered_at')
			}))
		)
		.execute();
}

export function listForResponse(db: DB, responseId: string) {
	return db
		.selectFrom('answer')
		.selectAll()
		.where('response_id', '=', responseId)
		.orderBy('answered_at')
		.execute();
}

/** Completed answers to one measure, by classification (every classification present, 0 if none). */
export async function countByClassification(
	db: DB,
	measureId: string
): Promise<Record<Classification, number>> {
	const rows = await db
		.selectFrom('answer')
		.innerJoin('response', 'response.id', 'answer.response_id')
		.select(['answer.classification', (eb) => eb.fn.countAll<string | number>().as('n')])
		.where('answer.measure_id', '=', measureId)
		.where('response.completed_at', 'is not', null)
		.groupBy('answer.classification')
		.execute();
	const out: Record<Classification, number> = { positive: 0, negative: 0, not_counted: 0 };
	for (const r of rows) if (r.classification) out[r.classification] = toCount(r.n);
	return out;
}

export function remove(db: DB, responseId: string, questionName: string) {
	return db
		.deleteFrom('answer')
		.where('response_id', '=', responseId)
		.where('question_name', '=', questionName)
		.execute();
}
