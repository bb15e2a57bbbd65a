import type { DB } from './connect';

export function insert(
	db: DB,
	reset: { token_hash: string; user_id: string; created_by: string | null; expires_at: Date }
) {
	return db.insertInto('password_reset').values(reset).execute();
}

/** Marks a reset link used, once: the second use finds nothing. */
export function use(db: DB, tokenHash: string, now = new Date()) {
	return db
		.updateTable('password_reset')
		.set({ used_at: now })
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.returning('user_id')
		.executeTakeFirst();
}

export function findUsable(db: DB, tokenHash: string, now = new Date()) {
	return db
		.selectFrom('password_reset')
		.innerJoin('app_user', 'app_user.id', 'password_reset.user_id')
		.select(['password_reset.user_id', 'app_user.display_name', 'app_user.council_id'])
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
}
