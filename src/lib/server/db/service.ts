import type { DB } from './connect';
import type { NewService } from './schema';

export function insert(db: DB, service: NewService) {
	return db.insertInto('service').values(service).returningAll().executeTakeFirstOrThrow();
}

export function listForProvider(db: DB, providerId: string) {
	return db
		.selectFrom('service')
		.selectAll()
		.where('provider_id', '=', providerId)
		.orderBy('name')
		.execute();
}

export function find(db: DB, id: string) {
	return db.selectFrom('service').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByName(db: DB, name: string) {
	return db.selectFrom('service').selectAll().where('name', '=', name).execute();
}

export function list(db: DB) {
	return db.selectFrom('service').selectAll().orderBy('name').execute();
}
