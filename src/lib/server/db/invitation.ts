import type { DB } from './connect';
import type { NewInvitation } from './schema';

export function insert(db: DB, invitation: NewInvitation) {
	return db.insertInto('invitation').values(invitation).returningAll().executeTakeFirstOrThrow();
}

export function findByTokenHash(db: DB, tokenHash: string) {
	return db
		.selectFrom('invitation')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

export function findByCodeHash(db: DB, codeHash: string) {
	return db
		.selectFrom('invitation')
		.selectAll()
		.where('code_hash', '=', codeHash)
		.executeTakeFirst();
}
