import { sql } from 'kysely';
import type { DB } from './connect';
import { toCount } from './count';
import type { AttendanceStatus } from '../../domain/attendance';
import { COUNTED_SESSION_TYPES, HOUR_TYPE_VALUES, type HourType } from '../../domain/hour-types';

const ATTENDED: AttendanceStatus = 'attended';
const CANCELLED_BY_PROVIDER: AttendanceStatus = 'cancelled_by_provider';
const CANCELLED_BY_FAMILY: AttendanceStatus = 'cancelled_by_family';
const BREAK_TIME: HourType = 'break_time_hours';
const BREAK_TIME_PLUS: HourType = 'break_time_plus_hours';

/**
 * What a provider recorded in a period, for its services commissioned by one council: the
 * figures the returns are assembled from. Dates are calendar days (sessions are held on a day,
 * packages start and end on a day); reports count by the UK day they were completed.
 */

export interface Scope {
	councilId: string;
	providerId: string;
	start: string;
	end: string;
}

export function servicesOf(db: DB, s: Scope) {
	return db
		.selectFrom('service')
		.select(['id', 'name'])
		.where('council_id', '=', s.councilId)
		.where('provider_id', '=', s.providerId)
		.orderBy('name')
		.execute();
}

const num = (v: unknown) => Number(v ?? 0);

/** Every child with a care package overlapping the period, with the hours and sessions attended. */
export async function childrenActivity(db: DB, s: Scope) {
	const rows = await db
		.selectFrom('care_package as cp')
		.innerJoin('service as sv', 'sv.id', 'cp.service_id')
		.innerJoin('child', 'child.id', 'cp.child_id')
		.leftJoin('activity_session as a', (j) =>
			j
				.onRef('a.care_package_id', '=', 'cp.id')
				.on('a.held_on', '>=', s.start)
				.on('a.held_on', '<=', s.end)
		)
		.select('cp.child_id')
		.select(
			HOUR_TYPE_VALUES.map((t) =>
				sql<string>`coalesce(sum(a.hours) filter (where a.status = ${ATTENDED} and a.hour_type = ${t}), 0)`.as(
					t
				)
			)
		)
		.select([
			sql<string>`count(a.id) filter (where a.status = ${ATTENDED} and a.hour_type = ${BREAK_TIME})`.as(
				'break_time_sessions'
			),
			sql<string>`count(a.id) filter (where a.status = ${ATTENDED} and a.hour_type = ${BREAK_TIME_PLUS})`.as(
				'break_time_plus_sessions'
			),
			sql<string>`count(a.id) filter (where a.status = ${CANCELLED_BY_PROVIDER})`.as(
				'cancelled_by_provider'
			),
			sql<string>`count(a.id) filter (where a.status = ${CANCELLED_BY_FAMILY})`.as(
				'cancelled_by_family'
			)
		])
		.where('sv.council_id', '=', s.councilId)
		.where('sv.provider_id', '=', s.providerId)
		.where('cp.starts_on', '<=', s.end)
		.where((eb) => eb.or([eb('cp.ends_on', 'is', null), eb('cp.ends_on', '>=', s.start)]))
		.groupBy(['cp.child_id', 'child.reference'])
		.orderBy('child.reference')
		.execute();
	return rows.map((r) => ({
		childId: r.child_id,
		hours: Object.fromEntries(HOUR_TYPE_VALUES.map((t) => [t, num(r[t])])) as Record<
			HourType,
			number
		>,
		breakTimeSessions: toCount(r.break_time_sessions),
		breakTimePlusSessions: toCount(r.break_time_plus_sessions),
		cancelledByProvider: toCount(r.cancelled_by_provider),
		cancelledByFamily: toCount(r.cancelled_by_family)
	}));
}

/** Types of Break Time activity organised, with the sessions attended at each. */
export async function activityTypes(db: DB, s: Scope) {
	const rows = await db
		.selectFrom('activity_session as a')
		.innerJoin('service as sv', 'sv.id', 'a.service_id')
		.select(['a.activity', (eb) => eb.fn.countAll().as('sessions')])
		.where('sv.council_id', '=', s.councilId)
		.where('sv.provider_id', '=', s.providerId)
		.where('a.held_on', '>=', s.start)
		.where('a.held_on', '<=', s.end)
		.where('a.hour_type', 'in', COUNTED_SESSION_TYPES)
		.where('a.status', '=', 'attended')
		.where('a.activity', 'is not', null)
		.groupBy('a.activity')
		.orderBy('a.activity')
		.execute();
	return rows.map((r) => ({ activity: r.activity ?? '', sessions: toCount(r.sessions) }));
}

/** Care packages that ended in the period because the placement broke down. */
export function placementsBrokenDown(db: DB, s: Scope) {
	return db
		.selectFrom('care_package as cp')
		.innerJoin('service as sv', 'sv.id', 'cp.service_id')
		.select(['cp.child_id', 'sv.name as service_name', 'cp.ends_on', 'cp.end_explanation'])
		.where('sv.council_id', '=', s.councilId)
		.where('sv.provider_id', '=', s.providerId)
		.where('cp.end_reason', '=', 'broke_down')
		.where('cp.ends_on', '>=', s.start)
		.where('cp.ends_on', '<=', s.end)
		.orderBy('cp.ends_on')
		.execute();
}

/** End of care package reports completed in the period, with their overall result and evaluation. */
export async function packageReports(db: DB, s: Scope) {
	const rows = await db
		.selectFrom('care_package_report as cr')
		.innerJoin('care_package as cp', 'cp.id', 'cr.care_package_id')
		.innerJoin('service as sv', 'sv.id', 'cp.service_id')
		.innerJoin('response as r', 'r.id', 'cr.response_id')
		.leftJoin('answer as o', (j) =>
			j.onRef('o.response_id', '=', 'r.id').on('o.question_name', '=', 'package_outcomes')
		)
		.leftJoin('answer as e', (j) =>
			j.onRef('e.response_id', '=', 'r.id').on('e.question_name', '=', 'evaluation')
		)
		.select([
			'cp.child_id',
			'sv.name as service_name',
			'o.value as overall',
			'e.value as evaluation'
		])
		.select(
			sql<string>`(r.completed_at at time zone 'Europe/London')::date::text`.as('completed_on')
		)
		.where('sv.council_id', '=', s.councilId)
		.where('sv.provider_id', '=', s.providerId)
		.where(
			sql<boolean>`(r.completed_at at time zone 'Europe/London')::date between ${s.start}::date and ${s.end}::date`
		)
		.orderBy('r.completed_at')
		.execute();
	return rows.map((r) => ({
		childId: r.child_id,
		serviceName: r.service_name,
		completedOn: r.completed_on,
		overall: typeof r.overall === 'string' ? r.overall : null,
		evaluation: typeof r.evaluation === 'string' ? r.evaluation : null
	}));
}

/** The children named in a return, as they are now (an erased child shows as erased). */
export function childrenByIds(db: DB, providerId: string, ids: string[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.selectFrom('child')
		.select(['id', 'reference', 'display_name', 'date_of_birth', 'erased_at'])
		.where('provider_id', '=', providerId)
		.where('id', 'in', ids)
		.execute();
}
