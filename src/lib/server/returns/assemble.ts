import type { ReturnKind } from '../../domain/return-kinds';
import type { Period } from '../../calendar/periods';
import type { DB } from '../db/connect';
import * as activity from '../db/return-activity';
import { hoursProblems, recordedActivity } from './activity-items';
import { buildItem } from './builders';
import type { Entered } from './entry';
import { orNull, type Cell, type ItemFigures, type ItemInputs } from './item-figures';
import { itemsFor, SECTIONS, type SectionId } from './items';
import { surveyFigures } from './survey-items';

/**
 * Assembles a return from what was recorded, the survey figures and what the provider typed.
 * The result is plain JSON: a submitted revision keeps it exactly as submitted. Children are held
 * by id only; their reference, name and date of birth are looked up when the return is shown, so
 * erasing a child's record also removes them from every stored return.
 */

export interface AssembledItem extends ItemFigures {
	id: string;
	section: SectionId;
	label: string;
	reportedIn: string;
	statement?: string;
}

export interface Assembled {
	kind: ReturnKind;
	periodKey: string;
	periodLabel: string;
	start: string;
	end: string;
	councilName: string;
	providerName: string;
	services: string[];
	threshold: number;
	assembledAt: string;
	sections: { id: SectionId; title: string; items: AssembledItem[] }[];
	comment: string | null;
	/** Recorded figures that cannot be right, which block submission. */
	problems: string[];
}

export interface AssembleRequest {
	councilId: string;
	councilName: string;
	providerId: string;
	providerName: string;
	kind: ReturnKind;
	period: Period;
	entered: Entered;
	threshold: number;
}

export async function assemble(db: DB, r: AssembleRequest): Promise<Assembled> {
	const scope = {
		councilId: r.councilId,
		providerId: r.providerId,
		start: r.period.start,
		end: r.period.end
	};
	const items = itemsFor(r.kind);
	const measureIds = items.flatMap((i) => ('measureId' in i ? [i.measureId] : []));
	const [services, recorded, figure] = await Promise.all([
		activity.servicesOf(db, scope),
		recordedActivity(db, scope, r.kind),
		surveyFigures(db, r, measureIds)
	]);
	const inputs: ItemInputs = { kind: r.kind, entered: r.entered, recorded, figure };
	const built: AssembledItem[] = items.map((d) => ({
		id: d.id,
		section: d.section,
		label: d.label,
		reportedIn: d.reportedIn,
		...('statement' in d ? { statement: d.statement } : {}),
		...buildItem(d.id, d, inputs)
	}));
	return {
		kind: r.kind,
		periodKey: r.period.key,
		periodLabel: r.period.label,
		start: r.period.start,
		end: r.period.end,
		councilName: r.councilName,
		providerName: r.providerName,
		services: services.map((s) => s.name),
		threshold: r.threshold,
		assembledAt: new Date().toISOString(),
		sections: (Object.keys(SECTIONS) as SectionId[])
			.map((id) => ({ id, title: SECTIONS[id], items: built.filter((i) => i.section === id) }))
			.filter((s) => s.items.length > 0),
		comment: orNull(r.entered.comment),
		problems: hoursProblems(recorded.children, r.period)
	};
}

export interface ChildIdentity {
	id: string;
	reference: string;
	display_name: string;
	date_of_birth: string | null;
	erased_at: Date | null;
}

/** Fills in the children's reference, name and date of birth as they are recorded now. */
export function withChildren(a: Assembled, children: ChildIdentity[]): Assembled {
	const byId = new Map(children.map((c) => [c.id, c]));
	const identity = (id: string | undefined): Cell[] => {
		const c = id ? byId.get(id) : undefined;
		if (!c || c.erased_at) return ['Erased', 'Erased', 'Erased'];
		return [c.reference, c.display_name, c.date_of_birth];
	};
	return {
		...a,
		sections: a.sections.map((s) => ({
			...s,
			items: s.items.map((i) =>
				i.table
					? {
							...i,
							table: {
								...i.table,
								rows: i.table.rows.map((row) => ({
									...row,
									cells: [
										...identity(row.childId).slice(0, i.table!.identityColumns),
										...row.cells.slice(i.table!.identityColumns)
									]
								}))
							}
						}
					: i
			)
		}))
	};
}

/** The children a return names, for looking them up. */
export function childIds(a: Assembled): string[] {
	const ids = new Set<string>();
	for (const s of a.sections)
		for (const i of s.items)
			for (const row of i.table?.rows ?? []) if (row.childId) ids.add(row.childId);
	return [...ids];
}
