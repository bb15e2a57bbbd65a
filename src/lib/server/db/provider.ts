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

/** The providers a council commissions. */
export function listForCouncil(db: DB, councilId: string) {
	return db
		.selectFrom('provider')
		.innerJoin('commission', 'commission.provider_id', 'provider.id')
		.selectAll('provider')
		.where('commission.council_id', '=', councilId)
		.orderBy('provider.name')
		.execute();
}

export function list(db: DB) {
	return db.selectFrom('provider').selectAll().orderBy('name').execute();
}
