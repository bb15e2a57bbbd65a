import type { DB } from './db/connect';
import * as auditRepo from './db/audit';

/**
 * Records who did what to which record. Details never hold a child's name or answers: only ids
 * and the kind of change, so the log can be read without becoming a copy of the records.
 */
export function record(
	db: DB,
	actorUserId: string | null,
	action: string,
	subjectType: string,
	subjectId: string | null = null,
	details: Record<string, unknown> = {}
): Promise<unknown> {
	return auditRepo.insert(db, { actorUserId, action, subjectType, subjectId, details });
}
