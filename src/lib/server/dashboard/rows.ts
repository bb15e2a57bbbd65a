import { AGE_BANDS } from '../../domain/age-bands';
import { COMPLETION_MODE_VALUES, NOT_ASKED } from '../../domain/completion-modes';
import { SOURCE_VALUES } from '../../domain/sources';
import { type Figure, type Figures } from '../statistics/figures';
import { valueLabel } from '../../domain/breakdowns';
import { isSplit } from '../statistics/cube';
import { monthsOf, type Period } from '../../calendar/periods';
import type { Rag } from './shown';
import { type MeasureInfo } from './measures';
import { type Scope } from '../access/dashboard';
import { type DashboardQuery } from './query';
import { type Shown, type Target } from './shown';

export const filtered = (q: DashboardQuery) =>
	COMPLETION_MODE_VALUES.some((m) => !q.modes.includes(m)) ||
	SOURCE_VALUES.some((s) => !q.sources.includes(s));

export interface Row {
	measure: MeasureInfo;
	/** The breakdown value's words, or null for the measure's own figure. */
	value: string | null;
	valueKey: string | null;
	figure: Shown;
	target: Target | null;
	rag: Rag | null;
}

export interface Context {
	councilName: string;
	providerName: string;
	serviceName: string;
}

export function contextOf(scope: Scope, q: DashboardQuery): Context {
	return {
		councilName: scope.councilName,
		providerName: scope.providers.find((p) => p.id === q.providerId)?.name ?? '',
		serviceName: scope.services.find((s) => s.id === q.serviceId)?.name ?? ''
	};
}

export function request(scope: Scope, q: DashboardQuery, period: Period, threshold: number) {
	return {
		councilId: scope.councilId,
		period,
		modes: [...q.modes, NOT_ASKED],
		sources: q.sources,
		breakdown: q.breakdown,
		threshold
	};
}

/** Breakdown values present for a measure, in a sensible order. */
export function valuesOf(
	figures: Figures,
	scope: Scope,
	q: DashboardQuery,
	measureId: string
): { key: string; label: string; at: Partial<Figure> }[] {
	const entity = { provider_id: q.providerId, service_id: q.serviceId };
	const at = { period: q.period.kind, period_start: q.period.start };
	if (q.breakdown === 'provider')
		return scope.providers.map((p) => ({
			key: p.id,
			label: p.name,
			at: { ...at, provider_id: p.id, service_id: null, value: null }
		}));
	if (q.breakdown === 'service')
		return scope.services
			.filter((s) => !q.providerId || s.provider_id === q.providerId)
			.map((s) => ({
				key: s.id,
				label: s.name,
				at: { ...at, provider_id: s.provider_id, service_id: s.id, value: null }
			}));
	if (q.breakdown === 'month')
		return monthsOf(q.period).map((m) => ({
			key: m.slice(0, 7),
			label: m.slice(0, 7),
			at: { ...entity, period: 'month', period_start: m, value: null }
		}));
	// A split of one service or one month is not published: not even which values had answers.
	if (isSplit(q.breakdown) && (q.serviceId !== null || q.period.kind === 'month')) return [];
	// Values left out by the filters (say, answers given by an adult) are not listed.
	const order = [...COMPLETION_MODE_VALUES, NOT_ASKED, ...SOURCE_VALUES, ...AGE_BANDS] as string[];
	const values = figures
		.all()
		.filter(
			(f) =>
				f.measure_id === measureId &&
				f.value !== null &&
				f.provider_id === entity.provider_id &&
				f.service_id === entity.service_id &&
				f.period === at.period &&
				f.period_start === at.period_start &&
				f.positive + f.negative + f.not_counted > 0
		)
		.map((f) => f.value!);
	return [...new Set(values)]
		.sort((a, b) => {
			const ia = order.indexOf(a);
			const ib = order.indexOf(b);
			return ia >= 0 && ib >= 0 ? ia - ib : ia >= 0 ? -1 : ib >= 0 ? 1 : a.localeCompare(b);
		})
		.map((v) => ({
			key: v,
			label: valueLabel(q.breakdown, v),
			at: { ...entity, ...at, value: v }
		}));
}
