import { RETURN_STATUS_TEXT } from '$lib/domain/return-kinds';
import type { PageServerLoad } from './$types';
import { RETURN_KINDS } from '$lib/domain/return-kinds';
import { app } from '$lib/server/app';
import { can } from '$lib/server/access/policy';
import { requireAccess } from '$lib/server/access/roles';
import { ukToday } from '$lib/calendar/dates';
import { owedReturns } from '$lib/server/returns/owed';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireAccess(locals, 'returns.view');
	const { connection, config } = await app();
	const today = ukToday();
	const owed = await owedReturns(connection.db, user, today, config.returnDueDays);
	const providers = new Map<
		string,
		{ id: string; name: string; overdue: number; returned: number; awaiting: number }
	>();
	for (const r of owed) {
		const p = providers.get(r.providerId) ?? {
			id: r.providerId,
			name: r.providerName,
			overdue: 0,
			returned: 0,
			awaiting: 0
		};
		if (r.overdue) p.overdue++;
		if (r.status === 'returned') p.returned++;
		if (r.status === 'submitted') p.awaiting++;
		providers.set(r.providerId, p);
	}
	return {
		today,
		isCommissioner: can(user.role, 'returns.decide'),
		dueDays: config.returnDueDays,
		kinds: RETURN_KINDS,
		providers: [...providers.values()],
		returns: owed.map((r) => ({
			...r,
			kindText: RETURN_KINDS[r.kind],
			statusText: RETURN_STATUS_TEXT[r.status],
			href: `/staff/returns/${r.councilId}/${r.providerId}/${r.kind}/${r.periodKey}`
		}))
	};
};
