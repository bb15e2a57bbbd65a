import type { DB } from './connect';
import type { NewCouncil } from './schema';

export function insert(db: DB, council: NewCouncil) {
	return db.insertInto('council').values(council).returningAll().executeTakeFirstOrThrow();
}

export function list(db: DB) {
	return db.selectFrom('council').selectAll().orderBy('name').execute();
}

export function findByCode(db: DB, code: string) {
	return db.selectFrom('council').selectAll().where('code', '=', code).executeTakeFirst();
}

export function find(db: DB, id: string) {
	return db.selectFrom('council').selectAll().where('id', '=', id).executeTakeFirst();
}
