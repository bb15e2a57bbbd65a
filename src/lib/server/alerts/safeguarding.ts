import type { DB } from '../db/connect';
import { daysBetween, ukToday } from '../../calendar/dates';
import { addWorkingDays } from '../../calendar/working-days';

const DAY = 24 * 60 * 60 * 1000;

/** How far London's clock is ahead of UTC at an instant (0 in winter, an hour in summer), in ms. */
function londonOffset(instant: Date): number {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	}).formatToParts(instant);
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second')
	);
	return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * When a safeguarding alert falls due: `workingDays` working days (Monday to Friday, less England
 * and Wales bank holidays) after the day it is raised, at the same time of day, both as the clock
 * reads in England: an alert raised at 00:30 on a Thursday in summer (still Wednesday in UTC) is
 * counted from the Thursday, and 10:00 stays 10:00 when the clocks change in between.
 */
export function dueAt(raised: Date, workingDays: number): Date {
	const day = ukToday(raised);
	const days = daysBetween(day, addWorkingDays(day, workingDays));
	const wall = raised.getTime() + londonOffset(raised) + days * DAY;
	const guess = new Date(wall - londonOffset(raised));
	return new Date(wall - londonOffset(guess));
}

/**
 * Raises an alert for one worrying answer, due `dueWorkingDays` working days later
 * (SAFEGUARDING_DUE_WORKING_DAYS); the same answer posted twice raises it once. Returns the new
 * alert's id, or null when it was raised already.
 */
export async function raise(
	db: DB,
	alert: { responseId: string; questionName: string; serviceId: string; raisedAt?: Date },
	dueWorkingDays: number
): Promise<string | null> {
	const raisedAt = alert.raisedAt ?? new Date();
	const raised = await db
		.insertInto('safeguarding_alert')
		.values({
			response_id: alert.responseId,
			question_name: alert.questionName,
			service_id: alert.serviceId,
			raised_at: raisedAt,
			due_at: dueAt(raisedAt, dueWorkingDays)
		})
		.onConflict((oc) => oc.columns(['response_id', 'question_name']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return raised?.id ?? null;
}
