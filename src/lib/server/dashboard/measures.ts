import { VIEW_FRAMEWORK, viewsOf, type ViewName } from '../../domain/dashboard-views';
import type { Framework } from '../../domain/frameworks';
import { measures as catalogue, type MeasureDefinition } from '../catalogue/measures';

export { VIEWS, type ViewName } from '../../domain/dashboard-views';

export interface MeasureInfo extends MeasureDefinition {
	headline: boolean;
	/** The label without its "% of" or "Number of": what a chart's bar or a summary names it. */
	name: string;
}

const info = (m: MeasureDefinition): MeasureInfo => ({
	...m,
	headline: false,
	name: shortLabel(m)
});

/** The measures a view shows, grouped under their outcome or heading, in catalogue order. */
export function measureGroups(view: ViewName): { outcome: string; measures: MeasureInfo[] }[] {
	const chosen = catalogue.filter(
		(m) =>
			m.framework === VIEW_FRAMEWORK[view] &&
			(view === 'dorset' ||
				(view === 'statements') === (m.respondent === 'child' && m.kind === 'percent'))
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

/** The view's groups where the frameworks given include its own; none where they do not. */
export function groupsFor(frameworks: readonly Framework[], view: ViewName) {
	return viewsOf(frameworks).includes(view) ? measureGroups(view) : [];
}

/** Each Dorset outcome's headline, defined once (src/lib/server/db/tally.ts, README). */
function dorsetHeadline(output: MeasureDefinition): MeasureInfo {
	const outcome = output.id.split('.')[1]!;
	return {
		id: `dorset.${outcome}`,
		label: `Headline: % of children with no negative answer on this outcome's outputs`,
		outcome: output.outcome,
		framework: output.framework,
		respondent: 'child',
		kind: 'percent',
		headline: true,
		name: `${output.outcome}: headline`
	};
}

/** Every measure the dashboard shows, headlines among them; of the frameworks given, if given. */
export function allMeasures(frameworks?: readonly Framework[]): MeasureInfo[] {
	const views = frameworks ? viewsOf(frameworks) : (['statements', 'service', 'dorset'] as const);
	return views.flatMap((v) => measureGroups(v).flatMap((g) => g.measures));
}

export function shortLabel(m: Pick<MeasureDefinition, 'label'>): string {
	return m.label.replace(/^(% of|Number of|Number and % of) /, '').replace(/\.$/, '');
}
