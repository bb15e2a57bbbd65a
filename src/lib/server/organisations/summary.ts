import type { StaffUser } from '../auth/sessions';
import * as alertRepo from '../db/alert';
import * as childRepo from '../db/child';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import { toCount } from '../db/count';
import * as providerRepo from '../db/provider';

export interface HomeSummary {
	organisation: string | null;
	children?: number;
	openAlerts?: number;
	overdueAlerts?: number;
	providers?: { name: string; completed: number }[];
}

/** Counts only: the home page shows no child's details, so it needs no audit entry. */
export async function summary(db: DB, user: StaffUser): Promise<HomeSummary> {
	if (user.providerId) {
		const [provider, children, alerts] = await Promise.all([
			providerRepo.find(db, user.providerId),
			childRepo.countForProvider(db, user.providerId),
			alertRepo.openCountsForProvider(db, user.providerId)
		]);
		return {
			organisation: provider?.name ?? null,
			children: toCount(children.n),
			openAlerts: toCount(alerts.open),
			overdueAlerts: toCount(alerts.overdue)
		};
	}
	if (user.councilId) {
		const [council, providers] = await Promise.all([
			councilRepo.find(db, user.councilId),
			providerRepo.completedForCouncil(db, user.councilId)
		]);
		return {
			organisation: council?.name ?? null,
			providers: providers.map((p) => ({ name: p.name, completed: toCount(p.completed) }))
		};
	}
	return { organisation: null };
}
