import { sql } from 'kysely';
import type { HourType } from '../../domain/hour-types';
import type { ServiceKind } from '../../domain/service-kinds';
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

/** A provider's services not retired: the only ones offered for new invitations and packages. */
export function listOpenForProvider(db: DB, providerId: string) {
	return db
		.selectFrom('service')
		.selectAll()
		.where('provider_id', '=', providerId)
		.where('retired_at', 'is', null)
		.orderBy('name')
		.execute();
}

/** A service of the provider with this name, whatever its case (unique within a provider). */
export function findByName(db: DB, providerId: string, name: string) {
	return db
		.selectFrom('service')
		.selectAll()
		.where('provider_id', '=', providerId)
		.where(sql`lower(name)`, '=', name.toLowerCase())
		.executeTakeFirst();
}

/** Whether the provider has a service not retired for the council, of the kind. */
export async function hasOpen(db: DB, providerId: string, councilId: string, kind: ServiceKind) {
	const row = await db
		.selectFrom('service')
		.select('id')
		.where('provider_id', '=', providerId)
		.where('council_id', '=', councilId)
		.where('kind', '=', kind)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

export function update(
	db: DB,
	id: string,
	values: Partial<{
		name: string;
		kind: ServiceKind;
		council_id: string;
		hour_types: HourType[];
		safeguarding_lead_id: string | null;
	}>
) {
	return db.updateTable('service').set(values).where('id', '=', id).execute();
}

/** Retires a service not yet retired; whether it did. */
export async function retire(db: DB, id: string): Promise<boolean> {
	const r = await db
		.updateTable('service')
		.set({ retired_at: sql`now()` })
		.where('id', '=', id)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return r.numUpdatedRows > 0n;
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

/** The services not retired that work for a council, with their providers' names. */
export function listOpenForCouncil(db: DB, councilId: string) {
	return db
		.selectFrom('service')
		.innerJoin('provider', 'provider.id', 'service.provider_id')
		.select(['service.id', 'service.name', 'provider.name as provider_name'])
		.where('service.council_id', '=', councilId)
		.where('service.retired_at', 'is', null)
		.orderBy('provider.name')
		.orderBy('service.name')
		.execute();
}
