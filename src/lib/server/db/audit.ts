import type { DB } from './connect';

export interface AuditRecord {
	actorUserId: string | null;
	action: string;
	subjectType: string;
	subjectId?: string | null;
	details?: Record<string, unknown>;
}

export function insert(db: DB, r: AuditRecord) {
	return db
		.insertInto('audit_event')
		.values({
			actor_user_id: r.actorUserId,
			action: r.action,
			subject_type: r.subjectType,
			subject_id: r.subjectId ?? null,
			details: JSON.stringify(r.details ?? {})
		})
		.execute();
}

/** The newest events first, with who did them. */
export function list(db: DB, filter: { subjectId?: string; before?: string; limit: number }) {
	let q = db
		.selectFrom('audit_event')
		.leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
		.select([
			'audit_event.id',
			'audit_event.at',
			'audit_event.action',
			'audit_event.subject_type',
			'audit_event.subject_id',
			'audit_event.details',
			'app_user.email as actor_email'
		])
		.orderBy('audit_event.id', 'desc')
		.limit(filter.limit);
	if (filter.subjectId) q = q.where('audit_event.subject_id', '=', filter.subjectId);
	if (filter.before) q = q.where('audit_event.id', '<', filter.before);
	return q.execute();
}
