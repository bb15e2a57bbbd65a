import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/access/roles';
import { ukToday } from '$lib/calendar/dates';
import * as returns from '$lib/server/returns/service';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, 'commissioner', 'provider_manager', 'provider_staff');
	const { connection, config } = await app();
	const today = ukToday();
	const owed = await returns.owed(connection.db, user, today, config.returnDueDays);
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
		isCommissioner: user.role === 'commissioner',
		dueDays: config.returnDueDays,
		kinds: returns.KINDS,
		providers: [...providers.values()],
		returns: owed.map((r) => ({
			...r,
			kindText: returns.KINDS[r.kind],
			statusText: returns.STATUS_TEXT[r.status],
			href: `/staff/returns/${r.councilId}/${r.providerId}/${r.kind}/${r.periodKey}`
		}))
	};
};
