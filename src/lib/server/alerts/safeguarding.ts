import type { DB } from '../db/connect';
import { daysBetween, utcDate } from '../../calendar/dates';
import { addWorkingDays } from '../../calendar/working-days';

/**
 * When a safeguarding alert falls due: `workingDays` working days (Monday to Friday, less England
 * and Wales bank holidays) after the day it is raised, at the same time of day.
 */
export function dueAt(raised: Date, workingDays: number): Date {
	const day = utcDate(raised);
	const days = daysBetween(day, addWorkingDays(day, workingDays));
	return new Date(raised.getTime() + days * 24 * 60 * 60 * 1000);
}

/**
 * Raises an alert for one worrying answer, due `dueWorkingDays` working days later
 * (SAFEGUARDING_DUE_WORKING_DAYS); the same answer posted twice raises it once. The new alert's
 * id, or null when it had been raised already.
 */
export async function raise(
	db: DB,
	alert: { responseId: string; questionName: string; serviceId: string; raisedAt?: Date },
	dueWorkingDays: number
): Promise<string | null> {
	const raisedAt = alert.raisedAt ?? new Date();
	const result = await db
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
	return result?.id ?? null;
}
