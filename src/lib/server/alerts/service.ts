import type { App } from '../app';
import { notFound } from '../access/roles';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as alertRepo from '../db/alert';
import { loadVersion } from '../answering/service';
import { choicesOf, questionsOf } from '../surveys/walk';
import { englishText } from '../surveys/translations';
import { providerOf } from '../children/service';
import { isUuid } from '../db/ids';

/**
 * Who sees an alert: the provider's managers see every alert of their services; staff see the
 * alerts of services they are safeguarding lead for.
 */
function leadFilter(user: StaffUser): string | undefined {
	return user.role === 'provider_manager' ? undefined : user.id;
}

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
	const providerId = providerOf(user);
	const db = app.connection.db;
	const rows = await alertRepo.listForProvider(db, providerId, leadFilter(user));
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

async function visible(app: App, user: StaffUser, id: string) {
	const providerId = providerOf(user);
	const alert = isUuid(id) ? await alertRepo.find(app.connection.db, id) : undefined;
	const lead = leadFilter(user);
	if (!alert || alert.provider_id !== providerId) notFound();
	if (lead && alert.safeguarding_lead_id !== lead) notFound();
	return alert;
}

export async function get(app: App, user: StaffUser, id: string) {
	const alert = await visible(app, user, id);
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
	const alert = await visible(app, user, id);
	const db = app.connection.db;
	return db.transaction().execute(async (trx) => {
		const done = await alertRepo.acknowledge(trx, alert.id, user.id, note);
		if (done)
			await audit.record(trx, user.id, 'alert.acknowledged', 'safeguarding_alert', alert.id);
		return Boolean(done);
	});
}
