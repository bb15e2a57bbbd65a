import { addDays, dayOfWeek } from '../../calendar/dates';
import type { DB } from '../db/connect';

/**
 * Made-up activity for the demo provider Riverside Short Breaks, so its returns have figures on a
 * first run: six children with care packages from the start of the financial year before this
 * one, a Saturday Break Time session each week (now and then cancelled by the family or by the
 * provider), a Break Time Plus day each month and an overnight stay each month for two of them.
 * One placement broke down. Added with the other made-up data (DEMO_RESPONSES above 0).
 */

const CHILDREN = [
	['RSB-001', 'Ava', '2014-03-12'],
	['RSB-002', 'Ben', '2016-07-30'],
	['RSB-003', 'Cai', '2012-11-02'],
	['RSB-004', 'Dee', '2017-01-19'],
	['RSB-005', 'Eli', '2013-05-25'],
	['RSB-006', 'Fin', '2015-09-08']
] as const;

const ACTIVITIES = ['Swimming', 'Climbing wall', 'Cooking', 'Art and crafts', 'Park trip'];

export async function seedDemoActivity(db: DB, from: string, today: string): Promise<void> {
	const services = await db
		.selectFrom('service')
		.innerJoin('provider', 'provider.id', 'service.provider_id')
		.select(['service.id', 'service.name', 'service.provider_id'])
		.where('provider.name', '=', 'Riverside Short Breaks')
		.execute();
	const breakTime = services.find((s) => s.name === 'Riverside Break Time');
	const overnight = services.find((s) => s.name === 'Riverside overnight breaks');
	if (!breakTime || !overnight) return;
	const brokeDownOn = addDays(today, -75);
	const sessions: {
		care_package_id: string;
		service_id: string;
		held_on: string;
		hour_type: 'break_time_hours' | 'break_time_plus_hours' | 'overnight_hours';
		hours: number;
		status: 'attended' | 'cancelled_by_provider' | 'cancelled_by_family';
		activity: string | null;
	}[] = [];
	for (const [i, [reference, name, dob]] of CHILDREN.entries()) {
		const child = await db
			.insertInto('child')
			.values({
				provider_id: breakTime.provider_id,
				reference,
				display_name: name,
				date_of_birth: dob,
				send_needs: JSON.stringify(i % 2 ? ['learning_disability'] : ['autism'])
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const ends = i === 2 ? brokeDownOn : null;
		const pkg = await db
			.insertInto('care_package')
			.values({
				child_id: child.id,
				service_id: breakTime.id,
				starts_on: from,
				ends_on: ends,
				end_reason: ends ? 'broke_down' : null,
				end_explanation: ends
					? 'The family moved to a residential placement after the child’s needs changed'
					: null,
				personal_care_hours: 0,
				short_break_daytime_hours: 0,
				break_time_hours: 150,
				break_time_plus_hours: 60,
				overnight_hours: i < 2 ? 144 : 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const last = ends ?? addDays(today, -1);
		// The first Saturday on or after the start.
		let day = from;
		while (dayOfWeek(day) !== 6) day = addDays(day, 1);
		for (let week = 0; day <= last; week++, day = addDays(day, 7)) {
			const status =
				(week + i) % 11 === 0
					? 'cancelled_by_family'
					: (week + 2 * i) % 17 === 0
						? 'cancelled_by_provider'
						: 'attended';
			sessions.push({
				care_package_id: pkg.id,
				service_id: breakTime.id,
				held_on: day,
				hour_type: 'break_time_hours',
				hours: 3,
				status,
				activity: ACTIVITIES[(week + i) % ACTIVITIES.length]!
			});
			if (week % 4 === i % 4)
				sessions.push({
					care_package_id: pkg.id,
					service_id: breakTime.id,
					held_on: addDays(day, 1),
					hour_type: 'break_time_plus_hours',
					hours: 5,
					status: 'attended',
					activity: 'Day trip to the coast'
				});
		}
		if (i < 2) {
			const stay = await db
				.insertInto('care_package')
				.values({
					child_id: child.id,
					service_id: overnight.id,
					starts_on: from,
					personal_care_hours: 24,
					short_break_daytime_hours: 0,
					break_time_hours: 0,
					break_time_plus_hours: 0,
					overnight_hours: 144
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			for (let d = addDays(from, 12 + i); d < today; d = addDays(d, 30))
				sessions.push({
					care_package_id: stay.id,
					service_id: overnight.id,
					held_on: d,
					hour_type: 'overnight_hours',
					hours: 12,
					status: 'attended',
					activity: null
				});
		}
	}
	for (let k = 0; k < sessions.length; k += 500)
		await db
			.insertInto('activity_session')
			.values(sessions.slice(k, k + 500))
			.execute();
}
