import type { DB } from './connect';
import type { NewChild } from './schema';

export function insert(db: DB, child: NewChild) {
	return db.insertInto('child').values(child).returningAll().executeTakeFirstOrThrow();
}

/** A provider's children, erased records left out. */
export function listForProvider(db: DB, providerId: string) {
	return db
		.selectFrom('child')
		.selectAll()
		.where('provider_id', '=', providerId)
		.where('erased_at', 'is', null)
		.orderBy('display_name')
		.execute();
}

export function find(db: DB, id: string) {
	return db.selectFrom('child').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The children with these ids (any provider: the caller checks whose they are). */
export function findMany(db: DB, ids: readonly string[]) {
	if (!ids.length) return Promise.resolve([]);
	return db.selectFrom('child').selectAll().where('id', 'in', ids).execute();
}

export function findByReference(db: DB, providerId: string, reference: string) {
	return db
		.selectFrom('child')
		.select('id')
		.where('provider_id', '=', providerId)
		.where('reference', '=', reference)
		.executeTakeFirst();
}

export function countForProvider(db: DB, providerId: string) {
	return db
		.selectFrom('child')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('provider_id', '=', providerId)
		.where('erased_at', 'is', null)
		.executeTakeFirstOrThrow();
}

/** Changes a child's record, unless it has been erased; whether it did. */
export async function update(db: DB, id: string, values: Omit<NewChild, 'provider_id'>) {
	const r = await db
		.updateTable('child')
		.set(values)
		.where('id', '=', id)
		.where('erased_at', 'is', null)
		.executeTakeFirst();
	return r.numUpdatedRows > 0n;
}
