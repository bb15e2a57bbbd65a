import type { DB } from './connect';
import type { NewResponse } from './schema';

/**
 * Starts a response. The client submission id is unique: starting twice with the same id (a
 * double tap, a retried request) returns the response already started.
 */
export async function start(db: DB, response: NewResponse) {
	const inserted = await db
		.insertInto('response')
		.values(response)
		.onConflict((oc) => oc.column('client_submission_id').doNothing())
		.returningAll()
		.executeTakeFirst();
	if (inserted) return inserted;
	return db
		.selectFrom('response')
		.selectAll()
		.where('client_submission_id', '=', response.client_submission_id)
		.executeTakeFirstOrThrow();
}

export function find(db: DB, id: string) {
	return db.selectFrom('response').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a response complete, exactly once: returns false if it was already complete. */
export async function complete(db: DB, id: string, at: Date = new Date()): Promise<boolean> {
	const result = await db
		.updateTable('response')
		.set({ completed_at: at, updated_at: at })
		.where('id', '=', id)
		.where('completed_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}
