import { measures } from '../catalogue/measures';
import type { DB } from '../db/connect';
import { EVERY_MODE, EVERY_SOURCE } from '../db/dashboard';
import * as activity from '../db/return-activity';
import type { ReturnKind } from '../../domain/return-kinds';
import { councilFigures, type Figure } from '../statistics/figures';
import type { Period } from '../../calendar/periods';
import { HOUR_TYPES, type HourType } from '../../domain/needs';
import { ownValue } from '../../own';
import { RATINGS, REGULATORS, type Entered } from './entry';
import { itemsFor, SECTIONS, type ItemDefinition, type SectionId } from './items';

/**
 * Assembles a return from what was recorded, the survey figures and what the provider typed.
 * The result is plain JSON: a submitted revision keeps it exactly as submitted. Children are held
 * by id only; their reference, name and date of birth are looked up when the return is shown, so
 * erasing a child's record also removes them from every stored return.
 */

export type Cell = string | number | null;

export interface ReturnTable {
	columns: string[];
	/** How many leading columns name the child (filled in when shown). */
	identityColumns: number;
	rows: { childId?: string; cells: Cell[] }[];
}

export interface AssembledItem {
	id: string;
	section: SectionId;
	label: string;
	reportedIn: string;
	statement?: string;
	rows: { label: string; value: Cell }[];
	table?: ReturnTable;
	/** Nothing recorded for this item in the period: shown as "No data", never left out. */
	noData: boolean;
	suppressed?: boolean;
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

const IDENTITY = ['Reference', 'Name', 'Date of birth'];
const HOUR_KEYS = Object.keys(HOUR_TYPES) as HourType[];
const round = (n: number) => Math.round(n * 100) / 100;
const orNull = (s: string | undefined) => (s ? s : null);

function daysIn(p: Period): number {
	return (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1;
}

function measureRows(f: Figure | undefined, kind: 'percent' | 'count') {
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

export async function assemble(db: DB, r: AssembleRequest): Promise<Assembled> {
	const scope = {
		councilId: r.councilId,
		providerId: r.providerId,
		start: r.period.start,
		end: r.period.end
	};
	const items = itemsFor(r.kind);
	const measureIds = items.flatMap((i) => (i.measureId ? [i.measureId] : []));
	const [services, children, types, brokenDown, reports, figures] = await Promise.all([
		activity.servicesOf(db, scope),
		activity.childrenActivity(db, scope),
		activity.activityTypes(db, scope),
		r.kind === 'monthly' ? Promise.resolve([]) : activity.placementsBrokenDown(db, scope),
		r.kind === 'monthly' ? Promise.resolve([]) : activity.packageReports(db, scope),
		measureIds.length
			? councilFigures(db, {
					councilId: r.councilId,
					period: r.period,
					modes: EVERY_MODE,
					sources: EVERY_SOURCE,
					breakdown: 'none',
					threshold: r.threshold,
					measureIds
				})
			: Promise.resolve(undefined)
	]);
	const e = r.entered;
	const problems: string[] = [];
	const limit = daysIn(r.period) * 24;
	for (const c of children) {
		const total = HOUR_KEYS.reduce((s, k) => s + c.hours[k], 0);
		if (total > limit)
			problems.push(
				`One child’s recorded hours come to ${round(total)}, more than the ${limit} hours in the period; correct their sessions`
			);
	}
	const sum = (f: (c: (typeof children)[number]) => number) =>
		round(children.reduce((s, c) => s + f(c), 0));

	const build = (d: ItemDefinition): AssembledItem => {
		const base = {
			id: d.id,
			section: d.section,
			label: d.label,
			reportedIn: d.reportedIn,
			...(d.statement ? { statement: d.statement } : {})
		};
		const entered = (rows: { label: string; value: Cell }[], table?: ReturnTable) => ({
			...base,
			rows,
			...(table ? { table } : {}),
			noData: rows.every((x) => x.value === null) && !table?.rows.length
		});
		switch (d.id) {
			case 'children_hours':
				return {
					...base,
					rows: [
						{ label: 'Children and young people with a care package', value: children.length },
						...HOUR_KEYS.map((k) => ({
							label: `${HOUR_TYPES[k]} hours provided`,
							value: sum((c) => c.hours[k])
						}))
					],
					table: {
						columns: [...IDENTITY, ...HOUR_KEYS.map((k) => `${HOUR_TYPES[k]} hours`)],
						identityColumns: 3,
						rows: children.map((c) => ({
							childId: c.childId,
							cells: [null, null, null, ...HOUR_KEYS.map((k) => round(c.hours[k]))]
						}))
					},
					noData: children.length === 0
				};
			case 'sessions_attended':
				return {
					...base,
					rows: [
						{ label: 'Break Time sessions attended', value: sum((c) => c.breakTimeSessions) },
						{
							label: 'Break Time Plus sessions attended',
							value: sum((c) => c.breakTimePlusSessions)
						}
					],
					table: {
						columns: [
							...IDENTITY,
							'Break Time sessions',
							'Break Time hours',
							'Break Time Plus sessions',
							'Break Time Plus hours'
						],
						identityColumns: 3,
						rows: children
							.filter((c) => c.breakTimeSessions + c.breakTimePlusSessions > 0)
							.map((c) => ({
								childId: c.childId,
								cells: [
									null,
									null,
									null,
									c.breakTimeSessions,
									round(c.hours.break_time_hours),
									c.breakTimePlusSessions,
									round(c.hours.break_time_plus_hours)
								]
							}))
					},
					noData: children.length === 0
				};
			case 'activity_types':
				return {
					...base,
					rows: types.map((t) => ({ label: t.activity, value: t.sessions })),
					noData: types.length === 0
				};
			case 'cancellations':
				return {
					...base,
					rows: [
						{ label: 'a) Cancelled by the provider', value: sum((c) => c.cancelledByProvider) },
						{ label: 'b) Cancelled by the family', value: sum((c) => c.cancelledByFamily) }
					],
					noData: children.length === 0
				};
			case 'referrals':
				return entered([
					{ label: 'Referrals received', value: count(e.referrals_received) },
					{ label: 'Referrals accepted', value: count(e.referrals_accepted) }
				]);
			case 'explanations':
			case 'explanations_again':
				return entered(
					[
						{
							label: 'Referrals that did not lead to a service',
							value: orNull(e.referral_explanation)
						}
					],
					{
						columns: ['Reference', 'Service', 'Placement ended on', 'Why it broke down'],
						identityColumns: 1,
						rows: brokenDown.map((b) => ({
							childId: b.child_id,
							cells: [null, b.service_name, b.ends_on, b.end_explanation]
						}))
					}
				);
			case 'incidents':
				return entered([
					{ label: 'Number of notifiable incidents', value: count(e.incidents_count) },
					{ label: 'Summary', value: orNull(e.incidents_summary) }
				]);
			case 'rating':
				return entered([
					{
						label: 'Regulator',
						value: orNull(ownValue(REGULATORS, e.regulator) ?? '')
					},
					{
						label: 'Annual rating',
						value: orNull(ownValue(RATINGS, e.annual_rating) ?? '')
					},
					{ label: 'Annual inspection date', value: orNull(e.annual_rating_on) },
					{
						label: 'Interim rating',
						value: orNull(ownValue(RATINGS, e.interim_rating) ?? '')
					},
					{ label: 'Interim inspection date', value: orNull(e.interim_rating_on) }
				]);
			case 'evaluations':
				return {
					...base,
					rows: [{ label: 'End of care package reports completed', value: reports.length }],
					table: {
						columns: ['Reference', 'Service', 'Report completed on', 'Outcomes', 'Evaluation'],
						identityColumns: 1,
						rows: reports.map((x) => ({
							childId: x.childId,
							cells: [null, x.serviceName, x.completedOn, outcomeText(x.overall), x.evaluation]
						}))
					},
					noData: reports.length === 0
				};
		}
		const definition = measures.find((m) => m.id === d.measureId)!;
		const m = measureRows(
			figures?.get({
				measure_id: d.measureId!,
				provider_id: r.providerId,
				service_id: null,
				period: r.period.kind === 'range' ? 'range' : r.period.kind,
				period_start: r.period.start
			}),
			definition.kind
		);
		if (d.from === 'entered+measure') {
			const field = d.id === 'family.choice' ? e.choice_evidence : e.advice_evidence;
			m.rows.push({
				label: 'Provider’s evidence',
				value: r.kind === 'annual' ? orNull(field) : 'Given in the annual provider return'
			});
			if (r.kind === 'annual' && field) m.noData = false;
		}
		return { ...base, ...m };
	};

	const built = items.map(build);
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
		comment: orNull(e.comment),
		problems
	};
}

function count(v: string | undefined): number | null {
	return v && /^\d+$/.test(v) ? Number(v) : null;
}

const OUTCOME: Record<string, string> = {
	achieved: 'Achieved',
	partly: 'Partly achieved',
	not_achieved: 'Not achieved'
};
function outcomeText(v: string | null): string | null {
	return v ? (ownValue(OUTCOME, v) ?? v) : null;
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
