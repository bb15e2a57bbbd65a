import type { DB } from './connect';
import type { NewResponse } from './schema';
import type { CompletionMode } from '../../domain/completion-modes';

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

export function findByResumeTokenHash(db: DB, hash: string) {
	return db
		.selectFrom('response')
		.selectAll()
		.where('resume_token_hash', '=', hash)
		.executeTakeFirst();
}

export function setResumeTokenHash(db: DB, id: string, hash: string) {
	return db.updateTable('response').set({ resume_token_hash: hash }).where('id', '=', id).execute();
}

export function setCurrentQuestion(db: DB, id: string, question: string | null) {
	return db
		.updateTable('response')
		.set({ current_question: question, updated_at: new Date() })
		.where('id', '=', id)
		.where('completed_at', 'is', null)
		.execute();
}

export function setCompletionMode(db: DB, id: string, mode: CompletionMode) {
	return db
		.updateTable('response')
		.set({ completion_mode: mode, updated_at: new Date() })
		.where('id', '=', id)
		.where('completed_at', 'is', null)
		.executeTakeFirst();
}

/** The response row, locked until the transaction ends (serialises saves to one response). */
export function lock(db: DB, id: string) {
	return db.selectFrom('response').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
