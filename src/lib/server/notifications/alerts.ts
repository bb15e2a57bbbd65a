import type { DB } from '../db/connect';
import * as alertRepo from '../db/alert';
import * as userRepo from '../db/user';
import { deliver } from '../mail/deliver';
import { mailer } from '../mail/mailer';
import * as texts from '../mail/texts';
import { ukToday } from '../../calendar/dates';

/** How far back the sweep looks for a new alert whose lead was never told (a lost job). */
const SWEEP_HOURS = 48;

const managersOf = async (db: DB, providerId: string) =>
	(await userRepo.listRole(db, providerId, ['provider_manager'])).map((u) => u.id);

/**
 * Tells the service's safeguarding lead of a new alert at once; a service with no lead has its
 * provider's managers told instead, so an alert never waits for nobody.
 */
export async function tellLead(db: DB, alertId: string, now: Date): Promise<void> {
	const alert = await alertRepo.forNotice(db, alertId);
	if (!alert || alert.acknowledged_at) return;
	const to = alert.safeguarding_lead_id
		? [alert.safeguarding_lead_id]
		: await managersOf(db, alert.provider_id);
	const text = texts.alertRaised(mailer().origin, { id: alert.id, dueAt: new Date(alert.due_at) });
	for (const userId of to)
		await deliver(
			db,
			{ key: `alert.raised:${alert.id}:${userId}`, kind: 'alert.raised', userId, text },
			now
		);
}

/** Tells the provider's managers of each open alert past its due time, once per alert. */
export async function escalateOverdue(db: DB, now: Date): Promise<void> {
	for (const { id } of await alertRepo.openIds(db, { dueBefore: now })) {
		const alert = await alertRepo.forNotice(db, id);
		if (!alert || alert.acknowledged_at) continue;
		const text = texts.alertOverdue(mailer().origin, { id });
		for (const userId of await managersOf(db, alert.provider_id))
			await deliver(
				db,
				{ key: `alert.overdue:${id}:${userId}`, kind: 'alert.overdue', userId, text },
				now
			);
	}
}

/** Every few minutes: any new alert whose lead was not told (its job lost), then escalations. */
export async function checkAlerts(db: DB, now: Date): Promise<void> {
	const since = new Date(now.getTime() - SWEEP_HOURS * 3600_000);
	for (const { id } of await alertRepo.openIds(db, { raisedSince: since }))
		await tellLead(db, id, now);
	await escalateOverdue(db, now);
}

/** Each morning: each lead's open alerts, counted, once a day. */
export async function dailySummary(db: DB, now: Date): Promise<void> {
	const day = ukToday(now);
	for (const counts of await alertRepo.openCountsByLead(db, now)) {
		const text = texts.alertSummary(mailer().origin, counts);
		await deliver(
			db,
			{
				key: `alert.summary:${counts.leadId}:${day}`,
				kind: 'alert.summary',
				userId: counts.leadId,
				text
			},
			now
		);
	}
}
