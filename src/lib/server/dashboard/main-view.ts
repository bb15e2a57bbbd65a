import type { DB } from '../db/connect';
import { councilFigures } from '../statistics/figures';
import { groupsFor } from './measures';
import { type Scope } from '../access/dashboard';
import { type DashboardQuery } from './query';
import { ragOf, shown } from './shown';
import { type Context, type Row, contextOf, request, valuesOf } from './rows';
import { summarise } from './summary';
import { targetsOf } from './targets';

export interface MainView {
	groups: { outcome: string; rows: Row[] }[];
	context: Context;
	summary: string;
}

export async function mainView(
	db: DB,
	scope: Scope,
	q: DashboardQuery,
	threshold: number
): Promise<MainView> {
	const groups = groupsFor(scope.frameworks, q.view);
	const measureIds = groups.flatMap((g) => g.measures.map((m) => m.id));
	const [figures, targets] = await Promise.all([
		councilFigures(db, { ...request(scope, q, q.period, threshold), measureIds }),
		targetsOf(db, scope.councilId)
	]);
	const at = {
		provider_id: q.providerId,
		service_id: q.serviceId,
		period: q.period.kind,
		period_start: q.period.start,
		value: null
	};
	const out = groups.map((g) => ({
		outcome: g.outcome,
		rows: g.measures.flatMap((m) => {
			const target = targets(m.id, q.providerId);
			const head = shown(figures.get({ ...at, measure_id: m.id }));
			const rows: Row[] = [
				{ measure: m, value: null, valueKey: null, figure: head, target, rag: ragOf(head, target) }
			];
			if (q.breakdown !== 'none') {
				for (const v of valuesOf(figures, scope, q, m.id)) {
					const providerTarget =
						q.breakdown === 'provider' || q.breakdown === 'service'
							? targets(m.id, v.at.provider_id ?? null)
							: target;
					const s = shown(figures.get({ ...at, ...v.at, measure_id: m.id }));
					rows.push({
						measure: m,
						value: v.label,
						valueKey: v.key,
						figure: s,
						target: providerTarget,
						rag: ragOf(s, providerTarget)
					});
				}
			}
			return rows;
		})
	}));
	const context = contextOf(scope, q);
	return { groups: out, context, summary: summarise(out, q, context) };
}
