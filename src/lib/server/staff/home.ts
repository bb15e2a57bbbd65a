import type { StaffUser } from '../auth/sessions';
import type { DB } from '../db/connect';
import { toCount } from '../db/count';

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
		const provider = await db
			.selectFrom('provider')
			.select('name')
			.where('id', '=', user.providerId)
			.executeTakeFirst();
		const children = await db
			.selectFrom('child')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('provider_id', '=', user.providerId)
			.where('erased_at', 'is', null)
			.executeTakeFirstOrThrow();
		const alerts = await db
			.selectFrom('safeguarding_alert')
			.innerJoin('service', 'service.id', 'safeguarding_alert.service_id')
			.select((eb) => [
				eb.fn.countAll().as('open'),
				eb.fn.countAll().filterWhere('safeguarding_alert.due_at', '<', new Date()).as('overdue')
			])
			.where('service.provider_id', '=', user.providerId)
			.where('safeguarding_alert.acknowledged_at', 'is', null)
			.executeTakeFirstOrThrow();
		return {
			organisation: provider?.name ?? null,
			children: toCount(children.n),
			openAlerts: toCount(alerts.open),
			overdueAlerts: toCount(alerts.overdue)
		};
	}
	if (user.councilId) {
		const council = await db
			.selectFrom('council')
			.select('name')
			.where('id', '=', user.councilId)
			.executeTakeFirst();
		const providers = await db
			.selectFrom('commission')
			.innerJoin('provider', 'provider.id', 'commission.provider_id')
			.leftJoin('service', (j) =>
				j
					.onRef('service.provider_id', '=', 'provider.id')
					.on('service.council_id', '=', user.councilId!)
			)
			.leftJoin('response', (j) =>
				j
					.onRef('response.service_id', '=', 'service.id')
					.on('response.completed_at', 'is not', null)
			)
			.select((eb) => ['provider.name', eb.fn.count('response.id').as('completed')])
			.where('commission.council_id', '=', user.councilId)
			.groupBy('provider.name')
			.orderBy('provider.name')
			.execute();
		return {
			organisation: council?.name ?? null,
			providers: providers.map((p) => ({ name: p.name, completed: toCount(p.completed) }))
		};
	}
	return { organisation: null };
}
