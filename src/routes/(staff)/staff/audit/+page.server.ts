import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import * as auditRepo from '$lib/server/db/audit';

const PAGE = 100;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAccess(locals, 'audit.view');
	const before = url.searchParams.get('before');
	const subject = url.searchParams.get('subject');
	const events = await auditRepo.list((await app()).connection.db, {
		before: before && /^\d{1,18}$/.test(before) ? before : undefined,
		subjectId: subject && /^[0-9a-f-]{1,36}$/.test(subject) ? subject : undefined,
		limit: PAGE
	});
	return {
		subject,
		events: events.map((e) => ({
			id: String(e.id),
			at: new Date(e.at).toISOString(),
			actor: e.actor_email,
			action: e.action,
			subjectType: e.subject_type,
			subjectId: e.subject_id,
			details: JSON.stringify(e.details)
		})),
		more: events.length === PAGE
	};
};
