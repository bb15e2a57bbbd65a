import { toCount } from './count';
import type { DB } from './connect';

const columns = [
	'safeguarding_alert.id',
	'safeguarding_alert.question_name',
	'safeguarding_alert.raised_at',
	'safeguarding_alert.due_at',
	'safeguarding_alert.acknowledged_at',
	'safeguarding_alert.note',
	'safeguarding_alert.service_id',
	'service.name as service_name',
	'service.provider_id',
	'service.safeguarding_lead_id',
	'response.survey_version_id',
	'response.assisted_by',
	'child.display_name as child_name',
	'child.reference as child_reference',
	'ack.display_name as acknowledged_by_name'
] as const;

function base(db: DB) {
	return db
		.selectFrom('safeguarding_alert')
		.innerJoin('service', 'service.id', 'safeguarding_alert.service_id')
		.innerJoin('response', 'response.id', 'safeguarding_alert.response_id')
		.leftJoin('child', (j) =>
			j.onRef('child.id', '=', 'response.child_id').on('child.erased_at', 'is', null)
		)
		.leftJoin('app_user as ack', 'ack.id', 'safeguarding_alert.acknowledged_by')
		.select(columns);
}

/** A provider's alerts (or only those of services led by `leadId`): open ones first, oldest due first. */
export function listForProvider(db: DB, providerId: string, leadId?: string) {
	let q = base(db)
		.where('service.provider_id', '=', providerId)
		.orderBy('safeguarding_alert.acknowledged_at', (o) => o.desc().nullsFirst())
		.orderBy('safeguarding_alert.due_at')
		.limit(500);
	if (leadId) q = q.where('service.safeguarding_lead_id', '=', leadId);
	return q.execute();
}

export function find(db: DB, id: string) {
	return base(db)
		.select('safeguarding_alert.response_id')
		.where('safeguarding_alert.id', '=', id)
		.executeTakeFirst();
}

export function answerOf(db: DB, responseId: string, question: string) {
	return db
		.selectFrom('answer')
		.select('value')
		.where('response_id', '=', responseId)
		.where('question_name', '=', question)
		.executeTakeFirst();
}

/** Acknowledges once; a second acknowledgement changes nothing and returns undefined. */
export function acknowledge(db: DB, id: string, userId: string, note: string, now = new Date()) {
	return db
		.updateTable('safeguarding_alert')
		.set({ acknowledged_at: now, acknowledged_by: userId, note })
		.where('id', '=', id)
		.where('acknowledged_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
}

/** A provider's open alerts, and how many of them are past their due time. */
export function openCountsForProvider(db: DB, providerId: string, now = new Date()) {
	return db
		.selectFrom('safeguarding_alert')
		.innerJoin('service', 'service.id', 'safeguarding_alert.service_id')
		.select((eb) => [
			eb.fn.countAll().as('open'),
			eb.fn.countAll().filterWhere('safeguarding_alert.due_at', '<', now).as('overdue')
		])
		.where('service.provider_id', '=', providerId)
		.where('safeguarding_alert.acknowledged_at', 'is', null)
		.executeTakeFirstOrThrow();
}

/** What a notification about one alert needs: ids and times, nothing about the child. */
export function forNotice(db: DB, id: string) {
	return db
		.selectFrom('safeguarding_alert')
		.innerJoin('service', 'service.id', 'safeguarding_alert.service_id')
		.select([
			'safeguarding_alert.id',
			'safeguarding_alert.due_at',
			'safeguarding_alert.acknowledged_at',
			'service.provider_id',
			'service.safeguarding_lead_id'
		])
		.where('safeguarding_alert.id', '=', id)
		.executeTakeFirst();
}

/** Open alerts raised since `since` (the sweep that mails any a lost job did not), or past due. */
export function openIds(db: DB, filter: { raisedSince: Date } | { dueBefore: Date }) {
	let q = db
		.selectFrom('safeguarding_alert')
		.select('id')
		.where('acknowledged_at', 'is', null)
		.orderBy('due_at')
		.limit(1000);
	q =
		'raisedSince' in filter
			? q.where('raised_at', '>=', filter.raisedSince)
			: q.where('due_at', '<', filter.dueBefore);
	return q.execute();
}

/** Each safeguarding lead with open alerts at services they lead: how many, and how many overdue. */
export async function openCountsByLead(db: DB, now: Date) {
	const rows = await db
		.selectFrom('safeguarding_alert')
		.innerJoin('service', 'service.id', 'safeguarding_alert.service_id')
		.select((eb) => [
			'service.safeguarding_lead_id as lead_id',
			eb.fn.countAll().as('open'),
			eb.fn.countAll().filterWhere('safeguarding_alert.due_at', '<', now).as('overdue')
		])
		.where('safeguarding_alert.acknowledged_at', 'is', null)
		.where('service.safeguarding_lead_id', 'is not', null)
		.groupBy('service.safeguarding_lead_id')
		.execute();
	return rows.map((r) => ({
		leadId: r.lead_id as string,
		open: toCount(r.open),
		overdue: toCount(r.overdue)
	}));
}
