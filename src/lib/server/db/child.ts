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

/**
 * Of a provider's children with a care package open at some time in a period, how many gave no
 * answers of their own in it (a child's survey completed by them or for them): counts only.
 */
export function heardCounts(db: DB, providerId: string, period: { start: string; end: string }) {
	const endInstant = new Date(`${period.end}T23:59:59.999Z`);
	return db
		.selectFrom('child')
		.select((eb) => [
			eb.fn.countAll<string>().as('withPackage'),
			eb.fn
				.countAll<string>()
				.filterWhere(
					eb.not(
						eb.exists(
							eb
								.selectFrom('response as r')
								.innerJoin('survey_version as v', 'v.id', 'r.survey_version_id')
								.innerJoin('survey as s', 's.id', 'v.survey_id')
								.leftJoin('invitation as i', 'i.id', 'r.invitation_id')
								.select('r.id')
								.where('s.respondent', '=', 'child')
								.where((w) =>
									w.or([
										w('r.child_id', '=', w.ref('child.id')),
										w('i.child_id', '=', w.ref('child.id'))
									])
								)
								.where('r.completed_at', '>=', new Date(`${period.start}T00:00:00Z`))
								.where('r.completed_at', '<=', endInstant)
						)
					)
				)
				.as('notHeard')
		])
		.where('child.provider_id', '=', providerId)
		.where('child.erased_at', 'is', null)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('care_package as p')
					.select('p.id')
					.whereRef('p.child_id', '=', 'child.id')
					.where('p.starts_on', '<=', period.end)
					.where((w) => w.or([w('p.ends_on', 'is', null), w('p.ends_on', '>=', period.start)]))
			)
		)
		.executeTakeFirstOrThrow();
}
