import { sql } from 'kysely';
import type { Framework } from '../../domain/frameworks';
import type { DB } from './connect';
import type { NewProvider } from './schema';

export function insert(db: DB, provider: NewProvider) {
	return db.insertInto('provider').values(provider).returningAll().executeTakeFirstOrThrow();
}

/** A commission with no end (demo data and tests); staff add theirs through db/commission.ts. */
export function commission(
	db: DB,
	councilId: string,
	providerId: string,
	startsOn: string,
	framework: Framework = 'lancashire'
) {
	return db
		.insertInto('commission')
		.values({ council_id: councilId, provider_id: providerId, starts_on: startsOn, framework })
		.execute();
}

export function list(db: DB) {
	return db.selectFrom('provider').selectAll().orderBy('name').execute();
}

export function find(db: DB, id: string) {
	return db.selectFrom('provider').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The providers not retired: the only ones offered for anything new. */
export function listOpen(db: DB) {
	return db
		.selectFrom('provider')
		.selectAll()
		.where('retired_at', 'is', null)
		.orderBy('name')
		.execute();
}

/** A provider with this name, whatever its case (names are unique so). */
export function findByName(db: DB, name: string) {
	return db
		.selectFrom('provider')
		.selectAll()
		.where(sql`lower(name)`, '=', name.toLowerCase())
		.executeTakeFirst();
}

export function update(
	db: DB,
	id: string,
	values: { name: string; regulator_reference: string | null }
) {
	return db.updateTable('provider').set(values).where('id', '=', id).execute();
}

/** Retires a provider not yet retired; whether it did. */
export async function retire(db: DB, id: string): Promise<boolean> {
	const r = await db
		.updateTable('provider')
		.set({ retired_at: sql`now()` })
		.where('id', '=', id)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return r.numUpdatedRows > 0n;
}

/** Holds the provider's row until the transaction ends, so its commissions change one at a time. */
export async function lock(db: DB, id: string) {
	await db.selectFrom('provider').select('id').where('id', '=', id).forUpdate().execute();
}

/** Completed responses per provider a council commissions, for that council's services. */
export function completedForCouncil(db: DB, councilId: string) {
	return db
		.selectFrom('commission')
		.innerJoin('provider', 'provider.id', 'commission.provider_id')
		.leftJoin('service', (j) =>
			j.onRef('service.provider_id', '=', 'provider.id').on('service.council_id', '=', councilId)
		)
		.leftJoin('response', (j) =>
			j.onRef('response.service_id', '=', 'service.id').on('response.completed_at', 'is not', null)
		)
		.select((eb) => ['provider.name', eb.fn.count('response.id').as('completed')])
		.where('commission.council_id', '=', councilId)
		.groupBy('provider.name')
		.orderBy('provider.name')
		.execute();
}
