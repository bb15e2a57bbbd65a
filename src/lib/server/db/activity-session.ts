import type { Insertable } from 'kysely';
import type { DB } from './connect';
import type { ActivitySessionTable, HourTypeColumn } from './schema';

export type NewActivitySession = Insertable<ActivitySessionTable>;

/** Records sessions; a child's session of the same type on the same day is replaced, not doubled. */
export async function record(db: DB, rows: NewActivitySession[]): Promise<void> {
	if (!rows.length) return;
	await db
		.insertInto('activity_session')
		.values(rows)
		.onConflict((oc) =>
			oc.columns(['care_package_id', 'held_on', 'hour_type']).doUpdateSet((eb) => ({
				hours: eb.ref('excluded.hours'),
				status: eb.ref('excluded.status'),
				activity: eb.ref('excluded.activity'),
				recorded_by: eb.ref('excluded.recorded_by')
			}))
		)
		.execute();
}

/** Removes a package's session of one type on one day; the number removed (0 or 1). */
export async function remove(
	db: DB,
	carePackageId: string,
	heldOn: string,
	hourType: HourTypeColumn
): Promise<number> {
	const result = await db
		.deleteFrom('activity_session')
		.where('care_package_id', '=', carePackageId)
		.where('held_on', '=', heldOn)
		.where('hour_type', '=', hourType)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export function listForServiceOn(
	db: DB,
	serviceId: string,
	heldOn: string,
	hourType: HourTypeColumn
) {
	return db
		.selectFrom('activity_session')
		.selectAll()
		.where('service_id', '=', serviceId)
		.where('held_on', '=', heldOn)
		.where('hour_type', '=', hourType)
		.execute();
}

/** A provider's sessions from `from` to `to` (both included), with the child and the service. */
export function listForProvider(db: DB, providerId: string, from: string, to: string) {
	return db
		.selectFrom('activity_session')
		.innerJoin('care_package', 'care_package.id', 'activity_session.care_package_id')
		.innerJoin('child', 'child.id', 'care_package.child_id')
		.innerJoin('service', 'service.id', 'activity_session.service_id')
		.selectAll('activity_session')
		.select(['child.reference', 'child.display_name', 'service.name as service_name'])
		.where('service.provider_id', '=', providerId)
		.where('activity_session.held_on', '>=', from)
		.where('activity_session.held_on', '<=', to)
		.orderBy('activity_session.held_on')
		.orderBy('child.reference')
		.orderBy('activity_session.hour_type')
		.execute();
}
