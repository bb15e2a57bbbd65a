import { defineJob } from '../jobs/define';
import { checkAlerts, dailySummary, tellLead } from './alerts';
import { sendPasswordLink, type PasswordLinkRequest } from './passwords';
import { returnReminders, tellOtherSide, type ReturnEvent } from './returns';
import { app } from '../app';

// The notifications' jobs, run from the queue (jobs/all.ts lists them). Each is safe to run twice:
// every message is claimed by its idempotency key before it goes (mail/deliver.ts).

/**
 * The lead is told as soon as the worrying answer is saved. Four at once: a group's alerts
 * together (bench/alert-mail.ts) need not each wait for the mail before to be accepted.
 */
export const tellLeadJob = defineJob<{ alertId: string }>({
	name: 'alerts.tell_lead',
	workers: 4,
	run: (data, { db, now }) => tellLead(db, data.alertId, now)
});

/** Every five minutes: leads not yet told (a lost job), and alerts past due to the managers. */
export const checkAlertsJob = defineJob<Record<string, never>>({
	name: 'alerts.check',
	schedule: '*/5 * * * *',
	run: (_data, { db, now }) => checkAlerts(db, now)
});

/** At seven each morning: each lead's open alerts, counted. */
export const alertSummaryJob = defineJob<Record<string, never>>({
	name: 'alerts.daily_summary',
	schedule: '0 7 * * *',
	run: (_data, { db, now }) => dailySummary(db, now)
});

export const passwordLinkJob = defineJob<PasswordLinkRequest>({
	name: 'mail.password_link',
	run: (data, { db, now }) => sendPasswordLink(db, data, now)
});

/** A return submitted (to the council's commissioners) or sent back (to the provider's managers). */
export const returnNewsJob = defineJob<ReturnEvent>({
	name: 'returns.tell_other_side',
	run: (data, { db, now }) => tellOtherSide(db, data, now)
});

/** At eight each morning: returns due soon, due today or overdue, to the provider's managers. */
export const returnRemindersJob = defineJob<Record<string, never>>({
	name: 'returns.reminders',
	schedule: '0 8 * * *',
	run: async (_data, { db, now }) => returnReminders(db, now, (await app()).config.returnDueDays)
});

export const NOTIFICATION_JOBS = [
	tellLeadJob,
	checkAlertsJob,
	alertSummaryJob,
	passwordLinkJob,
	returnNewsJob,
	returnRemindersJob
];
