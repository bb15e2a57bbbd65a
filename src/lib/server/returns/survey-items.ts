import type { Period } from '../../calendar/periods';
import { measures, type MeasureDefinition } from '../catalogue/measures';
import type { DB } from '../db/connect';
import { TALLIED_MODES } from '../../domain/completion-modes';
import { SOURCE_VALUES } from '../../domain/sources';
import { councilFigures, type Figure } from '../statistics/figures';
import type { EnteredField } from './entry';
import { orNull, type ItemBuilder, type ItemFigures, type ItemInputs } from './item-figures';

/**
 * The items worked out from the survey answers, counted as on the dashboard: every way of
 * answering and every source, with the council's small-number suppression.
 */

export interface FigureScope {
	councilId: string;
	providerId: string;
	period: Period;
	threshold: number;
}

/** The provider's figures for the measures asked for, looked up by measure. */
export async function surveyFigures(
	db: DB,
	s: FigureScope,
	measureIds: string[]
): Promise<ItemInputs['figure']> {
	if (!measureIds.length) return () => undefined;
	const figures = await councilFigures(db, {
		councilId: s.councilId,
		period: s.period,
		modes: TALLIED_MODES,
		sources: SOURCE_VALUES,
		breakdown: 'none',
		threshold: s.threshold,
		measureIds
	});
	return (measureId) =>
		figures.get({
			measure_id: measureId,
			provider_id: s.providerId,
			service_id: null,
			period: s.period.kind,
			period_start: s.period.start
		});
}

const MEASURE_KINDS = new Map(measures.map((m) => [m.id, m.kind]));

function measureKind(measureId: string): MeasureDefinition['kind'] {
	const kind = MEASURE_KINDS.get(measureId);
	if (!kind) throw new Error(`A return item names "${measureId}", which is not a survey measure`);
	return kind;
}

function measureRows(f: Figure | undefined, kind: MeasureDefinition['kind']): ItemFigures {
	const n = f ? f.positive + f.negative : 0;
	const hidden = Boolean(f?.suppressed);
	const v = (x: number | null) => (hidden ? 'c' : x);
	const rows = [
		{
			label: kind === 'count' ? 'Number reporting this' : 'Answered positively',
			value: v(f ? f.positive : 0)
		},
		{ label: 'Out of (answers that took a position)', value: v(n) },
		{
			label: 'Per cent',
			value: v(f && f.percent !== null ? Math.round(f.percent * 10) / 10 : null)
		},
		{
			label: 'Not counted (don’t know, rather not say, unanswered)',
			value: v(f ? f.not_counted : 0)
		}
	];
	return { rows, noData: !f || n + f.not_counted === 0, suppressed: hidden };
}

type FromSurvey = { from: 'measure' | 'entered+measure'; measureId: string };

/** A survey measure's figures for the provider and period. */
export const measure: ItemBuilder<FromSurvey> = (item, x) =>
	measureRows(x.figure(item.measureId), measureKind(item.measureId));

/**
 * A survey measure's figures beside the provider's evidence, which the annual return carries
 * (the quarterly return points to it).
 */
export function withEvidence(
	field: EnteredField
): ItemBuilder<{ from: 'entered+measure'; measureId: string }> {
	return (item, x) => {
		const m = measure(item, x);
		const evidence = x.entered[field];
		m.rows.push({
			label: 'Provider’s evidence',
			value: x.kind === 'annual' ? orNull(evidence) : 'Given in the annual provider return'
		});
		if (x.kind === 'annual' && evidence) m.noData = false;
		return m;
	};
}
