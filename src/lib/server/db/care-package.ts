import type { DB } from './connect';
import type { NewCarePackage } from './schema';
import type { EndReason } from '../../domain/care-packages';

export function insert(db: DB, carePackage: NewCarePackage) {
	return db.insertInto('care_package').values(carePackage).returningAll().executeTakeFirstOrThrow();
}

export function listForChild(db: DB, childId: string) {
	return db
		.selectFrom('care_package')
		.innerJoin('service', 'service.id', 'care_package.service_id')
		.selectAll('care_package')
		.select('service.name as service_name')
		.where('care_package.child_id', '=', childId)
		.orderBy('care_package.starts_on', 'desc')
		.execute();
}

export function find(db: DB, id: string) {
	return db.selectFrom('care_package').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A service's packages open on `date`, with their children (erased children left out). */
export function openOn(db: DB, serviceId: string, date: string) {
	return db
		.selectFrom('care_package')
		.innerJoin('child', 'child.id', 'care_package.child_id')
		.selectAll('care_package')
		.select(['child.reference', 'child.display_name'])
		.where('care_package.service_id', '=', serviceId)
		.where('care_package.starts_on', '<=', date)
		.where((eb) =>
			eb.or([eb('care_package.ends_on', 'is', null), eb('care_package.ends_on', '>=', date)])
		)
		.where('child.erased_at', 'is', null)
		.orderBy('child.reference')
		.execute();
}

/** Ends a package that has not ended yet; false when it already had (nothing is changed). */
export async function end(
	db: DB,
	id: string,
	ending: { ends_on: string; end_reason: EndReason; end_explanation: string | null }
): Promise<boolean> {
	const result = await db
		.updateTable('care_package')
		.set(ending)
		.where('id', '=', id)
		.where('end_reason', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Replaces the explanations of how a child's packages ended; the packages changed. */
export async function replaceExplanations(db: DB, childId: string, by: string): Promise<number> {
	const result = await db
		.updateTable('care_package')
		.set({ end_explanation: by })
		.where('child_id', '=', childId)
		.where('end_explanation', 'is not', null)
		.where('end_explanation', '<>', by)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Changes a package that has not ended; false when it had (nothing is changed). */
export async function update(
	db: DB,
	id: string,
	values: Omit<NewCarePackage, 'child_id' | 'end_reason' | 'end_explanation'>
): Promise<boolean> {
	const result = await db
		.updateTable('care_package')
		.set(values)
		.where('id', '=', id)
		.where('end_reason', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** How many of a service's packages have not ended by `date` (those yet to start among them). */
export async function countNotEnded(db: DB, serviceId: string, date: string): Promise<number> {
	const row = await db
		.selectFrom('care_package')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('service_id', '=', serviceId)
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', date)]))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
