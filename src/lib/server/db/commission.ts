import type { Framework } from '../../domain/frameworks';
import type { DB } from './connect';

export interface CommissionValues {
	council_id: string;
	provider_id: string;
	starts_on: string;
	ends_on: string | null;
	framework: Framework;
}

/** Every commission with its council's and provider's names, newest first within each pair. */
export function list(db: DB) {
	return db
		.selectFrom('commission as c')
		.innerJoin('council', 'council.id', 'c.council_id')
		.innerJoin('provider', 'provider.id', 'c.provider_id')
		.selectAll('c')
		.select(['council.name as council_name', 'provider.name as provider_name'])
		.orderBy('council.name')
		.orderBy('provider.name')
		.orderBy('c.starts_on', 'desc')
		.execute();
}

export function find(db: DB, id: string) {
	return db.selectFrom('commission').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insert(db: DB, values: CommissionValues) {
	return db.insertInto('commission').values(values).returningAll().executeTakeFirstOrThrow();
}

export function update(db: DB, id: string, values: CommissionValues) {
	return db.updateTable('commission').set(values).where('id', '=', id).execute();
}

/**
 * A commission of the same council and provider whose dates meet the given ones (an open end
 * runs for ever), other than `exceptId`: two would make every return and figure owed twice.
 */
export function overlapping(
	db: DB,
	o: { councilId: string; providerId: string; startsOn: string; endsOn: string | null },
	exceptId: string | null
) {
	let q = db
		.selectFrom('commission')
		.selectAll()
		.where('council_id', '=', o.councilId)
		.where('provider_id', '=', o.providerId)
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', o.startsOn)]));
	if (o.endsOn) q = q.where('starts_on', '<=', o.endsOn);
	if (exceptId) q = q.where('id', '!=', exceptId);
	return q.orderBy('starts_on').executeTakeFirst();
}

/** The commissions of a council or a provider still running on `date` (an open end runs on). */
export function runningOn(
	db: DB,
	of: { councilId: string } | { providerId: string },
	date: string
) {
	return db
		.selectFrom('commission as c')
		.innerJoin('council', 'council.id', 'c.council_id')
		.innerJoin('provider', 'provider.id', 'c.provider_id')
		.select(['c.starts_on', 'c.ends_on', 'council.name as council_name'])
		.select('provider.name as provider_name')
		.where(
			'councilId' in of ? 'c.council_id' : 'c.provider_id',
			'=',
			'councilId' in of ? of.councilId : of.providerId
		)
		.where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', date)]))
		.orderBy('c.starts_on')
		.execute();
}
