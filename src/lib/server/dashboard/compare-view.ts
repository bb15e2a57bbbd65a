import type { DB } from '../db/connect';
import { allCouncilsFigures, councilFigures } from '../statistics/figures';
import { type MeasureInfo, groupsFor } from './measures';
import { type Scope } from '../access/dashboard';
import { type DashboardQuery } from './query';
import { type Compared, notAvailable, ragOf, shown } from './shown';
import { type Context, contextOf, filtered, request } from './rows';
import { whoFor } from './summary';
import { targetsOf } from './targets';

export interface CompareRow extends Compared {
	measure: MeasureInfo;
}

export async function compareView(
	db: DB,
	scope: Scope,
	q: DashboardQuery,
	threshold: number
): Promise<{
	groups: { outcome: string; rows: CompareRow[] }[];
	context: Context;
	summary: string;
}> {
	const groups = groupsFor(scope.frameworks, q.view);
	const measureIds = groups.flatMap((g) => g.measures.map((m) => m.id));
	const base = {
		...request(scope, q, q.period, threshold),
		breakdown: 'none' as const,
		measureIds
	};
	const [figures, everyone, targets] = await Promise.all([
		councilFigures(db, base),
		filtered(q) ? null : allCouncilsFigures(db, base, [q.period]),
		targetsOf(db, scope.councilId)
	]);
	const at = { period: q.period.kind, period_start: q.period.start, value: null };
	const out = groups.map((g) => ({
		outcome: g.outcome,
		rows: g.measures.map((m) => {
			const selected = q.providerId
				? shown(
						figures.get({
							...at,
							measure_id: m.id,
							provider_id: q.providerId,
							service_id: q.serviceId
						})
					)
				: null;
			const council = shown(figures.get({ ...at, measure_id: m.id }));
			const target = targets(m.id, q.providerId);
			return {
				measure: m,
				selected,
				council,
				all: everyone ? shown(everyone.get({ ...at, measure_id: m.id })) : notAvailable,
				target,
				rag: ragOf(selected ?? council, target)
			};
		})
	}));
	const context = contextOf(scope, q);
	const rows = out.flatMap((g) => g.rows);
	const both = rows.filter((r) => r.selected?.percent != null && r.council.percent !== null);
	const above = both.filter((r) => r.selected!.percent! > r.council.percent!).length;
	const summary = q.providerId
		? `${whoFor(context)} is above the council figure on ${above} of the ${both.length} measures both can show, ${q.period.label}.`
		: `${context.councilName} against every council together, ${q.period.label}: ${
				rows.filter(
					(r) =>
						r.council.percent !== null &&
						r.all.percent !== null &&
						r.council.percent > r.all.percent
				).length
			} measures above.`;
	return { groups: out, context, summary };
}
