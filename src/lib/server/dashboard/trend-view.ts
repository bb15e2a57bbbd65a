import type { DB } from '../db/connect';
import { allCouncilsFigures, councilFigures } from '../statistics/figures';
import { quartersEnding, type Period } from '../../calendar/periods';
import { type MeasureInfo, allMeasures } from './measures';
import { type Scope } from '../access/dashboard';
import { type DashboardQuery } from './query';
import { type Compared, notAvailable, ragOf, shown } from './shown';
import { type Context, contextOf, filtered, request } from './rows';
import { whoFor } from './summary';
import { percentText } from '../../percent';
import { targetsOf } from './targets';

export interface TrendPoint extends Compared {
	period: Period;
}

export async function trendView(
	db: DB,
	scope: Scope,
	q: DashboardQuery,
	threshold: number
): Promise<{
	measure: MeasureInfo;
	points: TrendPoint[];
	context: Context;
	summary: string;
} | null> {
	// None where the council commissions nothing yet: no measure applies.
	const measure = allMeasures(scope.frameworks).find((m) => m.id === q.measureId);
	if (!measure) return null;
	const quarters = quartersEnding(q.period.end, q.quarters);
	const base = {
		...request(scope, q, quarters[0]!, threshold),
		breakdown: 'none' as const,
		measureIds: [measure.id]
	};
	const [figures, everyone, targets] = await Promise.all([
		councilFigures(db, { ...base, through: quarters[quarters.length - 1] }),
		filtered(q) ? null : allCouncilsFigures(db, base, quarters),
		targetsOf(db, scope.councilId)
	]);
	const target = targets(measure.id, q.providerId);
	const points = quarters.map((p) => {
		const at = { measure_id: measure.id, period: 'quarter' as const, period_start: p.start };
		const selected = q.providerId
			? shown(figures.get({ ...at, provider_id: q.providerId, service_id: q.serviceId }))
			: null;
		const council = shown(figures.get(at));
		return {
			period: p,
			selected,
			council,
			all: everyone ? shown(everyone.get(at)) : notAvailable,
			target,
			rag: ragOf(selected ?? council, target)
		};
	});
	const context = contextOf(scope, q);
	const values = points
		.map((p) => ({ p, v: (p.selected ?? p.council).percent }))
		.filter((x) => x.v !== null);
	const first = values[0];
	const last = values[values.length - 1];
	const summary =
		first && last && first !== last
			? `For ${whoFor(context)}, this measure went from ${percentText(first.v!)} in ${first.p.period.label} to ${percentText(last.v!)} in ${last.p.period.label}.`
			: `Not enough figures for ${whoFor(context)} to show a trend over these quarters.`;
	return { measure, points, context, summary };
}
