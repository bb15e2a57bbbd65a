import type { Insertable } from 'kysely';
import type { DB } from './connect';
import type { ActivitySessionTable } from './schema';
import type { HourType } from '../../domain/hour-types';

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
	hourType: HourType
): Promise<number> {
	const result = await db
		.deleteFrom('activity_session')
		.where('care_package_id', '=', carePackageId)
		.where('held_on', '=', heldOn)
		.where('hour_type', '=', hourType)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export function listForServiceOn(db: DB, serviceId: string, heldOn: string, hourType: HourType) {
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

/** The different activity texts recorded at a provider's services. */
export async function activitiesOfProvider(db: DB, providerId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('activity_session')
		.innerJoin('service', 'service.id', 'activity_session.service_id')
		.select('activity_session.activity')
		.distinct()
		.where('service.provider_id', '=', providerId)
		.where('activity_session.activity', 'is not', null)
		.execute();
	return rows.flatMap((r) => (r.activity === null ? [] : [r.activity]));
}

/** Replaces these activity texts wherever the provider recorded them; the sessions changed. */
export async function replaceActivities(
	db: DB,
	providerId: string,
	texts: string[],
	by: string
): Promise<number> {
	if (!texts.length) return 0;
	const result = await db
		.updateTable('activity_session')
		.set({ activity: by })
		.where('activity', 'in', texts)
		.where('service_id', 'in', (eb) =>
			eb.selectFrom('service').select('id').where('provider_id', '=', providerId)
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * Replaces the activity text of a child's sessions, except where another child's session on the
 * same register (service, day and type of hours) has the same text: a text the register shares
 * names the session, not the child. The sessions changed.
 */
export async function replaceOwnActivities(db: DB, childId: string, by: string): Promise<number> {
	const result = await db
		.updateTable('activity_session as a')
		.set({ activity: by })
		.where('a.care_package_id', 'in', (eb) =>
			eb.selectFrom('care_package').select('id').where('child_id', '=', childId)
		)
		.where('a.activity', 'is not', null)
		.where('a.activity', '<>', by)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('activity_session as o')
						.innerJoin('care_package as op', 'op.id', 'o.care_package_id')
						.select('o.id')
						.whereRef('o.service_id', '=', 'a.service_id')
						.whereRef('o.held_on', '=', 'a.held_on')
						.whereRef('o.hour_type', '=', 'a.hour_type')
						.whereRef('o.activity', '=', 'a.activity')
						.where('op.child_id', '<>', childId)
				)
			)
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
