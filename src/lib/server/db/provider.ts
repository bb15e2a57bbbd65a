import type { DB } from './connect';
import type { NewProvider } from './schema';

export function insert(db: DB, provider: NewProvider) {
	return db.insertInto('provider').values(provider).returningAll().executeTakeFirstOrThrow();
}

export function commission(db: DB, councilId: string, providerId: string, startsOn: string) {
	return db
		.insertInto('commission')
		.values({ council_id: councilId, provider_id: providerId, starts_on: startsOn })
		.execute();
}

export function list(db: DB) {
	return db.selectFrom('provider').selectAll().orderBy('name').execute();
}

export function find(db: DB, id: string) {
	return db.selectFrom('provider').selectAll().where('id', '=', id).executeTakeFirst();
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
