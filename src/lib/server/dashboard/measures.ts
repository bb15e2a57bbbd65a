import { measures as catalogue, type MeasureDefinition } from '../catalogue/measures';

export type ViewName = 'statements' | 'service' | 'dorset';
export const VIEWS: Record<ViewName, string> = {
	statements: 'Lancashire statements',
	service: 'Carer and service measures',
	dorset: 'Dorset outcomes'
};

export interface MeasureInfo extends Omit<MeasureDefinition, 'framework'> {
	headline: boolean;
}

const info = (m: MeasureDefinition): MeasureInfo => ({ ...m, headline: false });

/** The measures a view shows, grouped under their outcome or heading, in catalogue order. */
export function measureGroups(view: ViewName): { outcome: string; measures: MeasureInfo[] }[] {
	const chosen = catalogue.filter((m) =>
		view === 'dorset'
			? m.framework === 'dorset'
			: m.framework === 'lancashire' &&
				(view === 'statements') === (m.respondent === 'child' && m.kind === 'percent')
	);
	const groups = new Map<string, MeasureInfo[]>();
	for (const m of chosen) {
		let list = groups.get(m.outcome);
		if (!list) {
			groups.set(m.outcome, (list = []));
			if (view === 'dorset') list.push(dorsetHeadline(m));
		}
		list.push(info(m));
	}
	return [...groups].map(([outcome, measures]) => ({ outcome, measures }));
}

/** Each Dorset outcome's headline, defined once (src/lib/server/db/tally.ts, README). */
function dorsetHeadline(output: MeasureDefinition): MeasureInfo {
	const outcome = output.id.split('.')[1]!;
	return {
		id: `dorset.${outcome}`,
		label: `Headline: % of children with no negative answer on this outcome's outputs`,
		outcome: output.outcome,
		respondent: 'child',
		kind: 'percent',
		headline: true
	};
}

export function allMeasures(): MeasureInfo[] {
	return (['statements', 'service', 'dorset'] as const).flatMap((v) =>
		measureGroups(v).flatMap((g) => g.measures)
	);
}

export function shortLabel(m: MeasureInfo): string {
	return m.label.replace(/^(% of|Number of|Number and % of) /, '').replace(/\.$/, '');
}
