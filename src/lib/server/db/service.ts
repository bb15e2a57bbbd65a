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

export function list(db: DB) {
	return db.selectFrom('service').selectAll().orderBy('name').execute();
}

/** The services a council commissions, with their providers and completed responses. */
export function listForCouncil(db: DB, councilId: string) {
	return db
		.selectFrom('service')
		.innerJoin('provider', 'provider.id', 'service.provider_id')
		.innerJoin('commission', (j) =>
			j
				.onRef('commission.provider_id', '=', 'provider.id')
				.onRef('commission.council_id', '=', 'service.council_id')
		)
		.select(['service.id', 'service.name', 'service.kind', 'provider.name as provider_name'])
		.where('service.council_id', '=', councilId)
		.orderBy('provider.name')
		.orderBy('service.name')
		.execute();
}

export function setLead(db: DB, id: string, leadId: string | null) {
	return db
		.updateTable('service')
		.set({ safeguarding_lead_id: leadId })
		.where('id', '=', id)
		.execute();
}
