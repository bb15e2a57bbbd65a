import type { DB } from '../db/connect';

/**
 * When a safeguarding alert falls due: `workingDays` working days (Monday to Friday) after it is
 * raised, at the same time of day. Bank holidays are not known here and count as working days.
 */
export function dueAt(raised: Date, workingDays: number): Date {
	const due = new Date(raised);
	let left = workingDays;
	while (left > 0) {
		due.setUTCDate(due.getUTCDate() + 1);
		const day = due.getUTCDay();
		if (day !== 0 && day !== 6) left--;
	}
	return due;
}

export function dueWorkingDays(env: NodeJS.ProcessEnv = process.env): number {
	const n = Number(env.SAFEGUARDING_DUE_WORKING_DAYS ?? 1);
	return Number.isInteger(n) && n >= 0 && n <= 30 ? n : 1;
}

/** Raises an alert for one worrying answer; the same answer posted twice raises it once. */
export async function raise(
	db: DB,
	alert: { responseId: string; questionName: string; serviceId: string; raisedAt?: Date }
): Promise<void> {
	const raisedAt = alert.raisedAt ?? new Date();
	await db
		.insertInto('safeguarding_alert')
		.values({
			response_id: alert.responseId,
			question_name: alert.questionName,
			service_id: alert.serviceId,
			raised_at: raisedAt,
			due_at: dueAt(raisedAt, dueWorkingDays())
		})
		.onConflict((oc) => oc.columns(['response_id', 'question_name']).doNothing())
		.execute();
}
