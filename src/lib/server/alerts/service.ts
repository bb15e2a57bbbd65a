import type { App } from '../app';
import { visibleAlert } from '../access/records';
import { alertLead, providerScope } from '../access/scopes';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as alertRepo from '../db/alert';
import * as metrics from '../metrics';
import { loadVersion } from '../answering/service';
import { choicesOf, questionsOf } from '../surveys/walk';
import { englishText } from '../surveys/translations';

const summary = (a: Awaited<ReturnType<typeof alertRepo.listForProvider>>[number], now: Date) => ({
	id: a.id,
	service: a.service_name,
	child: a.child_name,
	raisedAt: new Date(a.raised_at).toISOString(),
	dueAt: new Date(a.due_at).toISOString(),
	acknowledgedAt: a.acknowledged_at ? new Date(a.acknowledged_at).toISOString() : null,
	overdue: !a.acknowledged_at && new Date(a.due_at) < now
});

export async function list(app: App, user: StaffUser) {
	const providerId = providerScope(user, 'alerts.handle');
	const db = app.connection.db;
	const rows = await alertRepo.listForProvider(db, providerId, alertLead(user));
	await audit.record(db, user.id, 'alert.list_viewed', 'provider', providerId, {
		count: rows.length
	});
	const now = new Date();
	return rows.map((a) => summary(a, now));
}

/** The question and the answer given, in English, from the survey version the child answered. */
async function describe(app: App, versionId: string, question: string, responseId: string) {
	const db = app.connection.db;
	const version = await loadVersion(db, versionId);
	const q = questionsOf(version.definition).find((x) => x.name === question);
	const stored = await alertRepo.answerOf(db, responseId, question);
	const value = stored?.value;
	const choice = q ? choicesOf(q).find((c) => c.value === value) : undefined;
	const answer =
		typeof value === 'boolean'
			? value
				? 'Yes'
				: 'No'
			: choice
				? englishText(choice.text ?? choice.value)
				: JSON.stringify(value ?? null);
	return { question: q ? englishText(q.title ?? q.name) : question, answer };
}

export async function get(app: App, user: StaffUser, id: string) {
	const alert = await visibleAlert(app.connection.db, user, id);
	await audit.record(app.connection.db, user.id, 'alert.viewed', 'safeguarding_alert', alert.id);
	return {
		...summary(alert, new Date()),
		reference: alert.child_reference,
		assisted: alert.assisted_by !== null,
		note: alert.note,
		acknowledgedBy: alert.acknowledged_by_name,
		...(await describe(app, alert.survey_version_id, alert.question_name, alert.response_id))
	};
}

export async function acknowledge(app: App, user: StaffUser, id: string, note: string) {
	const alert = await visibleAlert(app.connection.db, user, id);
	const db = app.connection.db;
	const acknowledged = await db.transaction().execute(async (trx) => {
		const done = await alertRepo.acknowledge(trx, alert.id, user.id, note);
		if (done)
			await audit.record(trx, user.id, 'alert.acknowledged', 'safeguarding_alert', alert.id);
		return Boolean(done);
	});
	if (acknowledged) metrics.alertsAcknowledged.inc();
	return acknowledged;
}
