import type { PeriodLevel, TallyCell } from '../db/dashboard';
import { TALLY_DIMENSIONS, type TallyDimension } from '../db/tally';
import { addMonths, financialYear, quarterStart } from '../../calendar/periods';
import { loadSolver, unprotected, type ProtectCell, type Spreads } from './protect';
import {
	primaryReason,
	suppress,
	type Equation,
	type Rules,
	type SuppressionReason
} from './suppress';

/**
 * Everything the app can publish about one council's financial year, as one set of linked
 * tables: every measure at the council, each provider and each service, for the year, each
 * quarter and each month; and, for the council and each provider by year and by quarter, split
 * by each of six ways (way of answering, source, age band, SEND need, survey variant, language).
 * Suppression is decided once over all of it, so every page, breakdown, export and return shows
 * the same pattern, and any other figure (a filter, a range of months) is shown only when it adds
 * up from figures shown here. A split of one service, or of one month, is not published (`x`):
 * its figures would be too small to show, and every table more is one more to set against the
 * others.
 *
 * Pure: cells in, the hidden set out.
 */

/** Whether the cube holds (and so the app may publish) a figure at this address. */
export function published(a: {
	entity?: string;
	service_id: string | null;
	period: PeriodLevel;
	split: Split | null;
}): boolean {
	return (
		a.split === null || (a.service_id === null && (a.period === 'year' || a.period === 'quarter'))
	);
}

export const SPLITS = ['completion_mode', 'source', ...TALLY_DIMENSIONS] as const;
export type Split = (typeof SPLITS)[number];
export const isSplit = (b: string): b is Split => (SPLITS as readonly string[]).includes(b);
export const isTallyDimension = (s: Split): s is TallyDimension =>
	s !== 'completion_mode' && s !== 'source';

/** A figure of the cube: a tally cell, with the split its value belongs to (null: none). */
export interface CubeCell extends TallyCell {
	split: Split | null;
}

export interface CubeAddress {
	measure_id: string;
	provider_id: string | null;
	service_id: string | null;
	period: PeriodLevel;
	period_start: string;
	split: Split | null;
	value: string | null;
}

export function cubeKey(c: CubeAddress): string {
	return `${c.measure_id}|${c.provider_id ?? '*'}|${c.service_id ?? '*'}|${c.period}|${c.period_start}|${
		c.split ? `${c.split}:${c.value}` : '*'
	}`;
}

/**
 * Each total equals the sum of its parts, one equation per way of splitting it: a council of its
 * providers, a provider of its services, a year of its quarters, a quarter of its months, and a
 * figure of the values of each split apart. Cells are crossed (a service's month by age band is a
 * cell), so every equation holds at every level of the others.
 */
export function cubeEquations(cells: readonly CubeCell[], keys: readonly string[]): Equation[] {
	const groups = new Map<string, Equation>();
	const part = (kind: string, total: string, key: string) => {
		const id = `${kind}#${total}`;
		const g = groups.get(id);
		if (g) g.parts.push(key);
		else groups.set(id, { total, parts: [key] });
	};
	const yearOf = new Map<string, string>();
	cells.forEach((c, i) => {
		const key = keys[i]!;
		const m = c.measure_id;
		const p = c.provider_id ?? '*';
		const s = c.service_id ?? '*';
		const at = `${c.period}|${c.period_start}`;
		const v = c.split ? `${c.split}:${c.value}` : '*';
		// The same layout as cubeKey(), built directly: this runs for every cell of the cube.
		if (c.entity === 'service') part('e', `${m}|${p}|*|${at}|${v}`, key);
		if (c.entity === 'provider') part('e', `${m}|*|*|${at}|${v}`, key);
		if (c.period === 'month')
			part('t', `${m}|${p}|${s}|quarter|${quarterStart(c.period_start)}|${v}`, key);
		if (c.period === 'quarter') {
			let fy = yearOf.get(c.period_start);
			if (!fy) yearOf.set(c.period_start, (fy = financialYear(c.period_start).start));
			part('t', `${m}|${p}|${s}|year|${fy}|${v}`, key);
		}
		if (c.split) part(c.split, `${m}|${p}|${s}|${at}|*`, key);
	});
	return [...groups.values()];
}

export interface CubePattern {
	/** key → the cube's cell, for every cell with any answers. */
	cells: Map<string, CubeCell>;
	hidden: Map<string, SuppressionReason>;
}

/** The protection width: a hidden figure's answers could be any of a range at least this wide. */
export const protectionWidth = (rules: Rules) => rules.threshold;

/**
 * Decides which of the cube's cells are hidden: the rules of src/lib/server/statistics/suppress.ts,
 * then the check of ./protect.ts, hiding one more cell beside each it finds unprotected until
 * none is left.
 */
export async function decideCube(
	cells: readonly CubeCell[],
	rules: Rules,
	/** The first day of the month under way: figures of periods not yet ended go first. */
	openFrom?: string
): Promise<CubePattern> {
	const keys = cells.map(cubeKey);
	const byKey = new Map<string, CubeCell>();
	cells.forEach((c, i) => byKey.set(keys[i]!, c));
	const equations = cubeEquations(cells, keys);
	const primary = cells.map((c) => primaryReason(c, rules));
	const forced = new Set<string>();
	const decide = () =>
		suppress(
			cells.map((c, i) => ({
				id: keys[i]!,
				n: c.positive + c.negative,
				w: c.positive + c.negative + c.not_counted,
				primary: primary[i] ?? (forced.has(keys[i]!) ? 'secondary' : undefined),
				open: isOpen(c)
			})),
			equations,
			rules.threshold
		);
	const isOpen = (c: CubeCell) => openFrom !== undefined && periodEnd(c) > openFrom;
	let hidden = decide();
	const highs = await loadSolver();
	const measures = byMeasure(keys, equations);
	const spreads = new Map<string, Spreads>();
	for (;;) {
		let added = 0;
		for (const [measure, m] of measures) {
			const list = spreads.get(measure) ?? new Map();
			spreads.set(measure, list);
			const protectCells: ProtectCell[] = m.keys.map((k) => {
				const c = byKey.get(k)!;
				return {
					id: k,
					positive: c.positive,
					negative: c.negative,
					allAlike: hidden.has(k) ? allAlike(c, byKey, hidden) : undefined
				};
			});
			for (const { id } of unprotected(
				highs,
				{ cells: protectCells, equations: m.equations, hidden, width: protectionWidth(rules) },
				list
			)) {
				const partner = partnerOf(id, m.equationsOf, byKey, hidden, forced, isOpen);
				if (partner) {
					forced.add(partner);
					added++;
				}
			}
		}
		if (added === 0) break;
		// Everything hidden stays hidden, so each round only widens what a reader could not rule
		// out, and the solutions found so far stay solutions.
		for (const k of hidden.keys()) forced.add(k);
		hidden = decide();
	}
	return { cells: byKey, hidden };
}

/** The first day after a cell's period. */
function periodEnd(c: CubeCell): string {
	return addMonths(c.period_start, c.period === 'year' ? 12 : c.period === 'quarter' ? 3 : 1);
}

function byMeasure(keys: readonly string[], equations: Equation[]) {
	const out = new Map<
		string,
		{ keys: string[]; equations: Equation[]; equationsOf: Map<string, Equation[]> }
	>();
	const of = (key: string) => {
		const measure = key.slice(0, key.indexOf('|'));
		let m = out.get(measure);
		if (!m) out.set(measure, (m = { keys: [], equations: [], equationsOf: new Map() }));
		return m;
	};
	for (const k of keys) of(k).keys.push(k);
	for (const e of equations) {
		const m = of(e.total);
		m.equations.push(e);
		for (const member of [e.total, ...e.parts]) {
			const list = m.equationsOf.get(member);
			if (list) list.push(e);
			else m.equationsOf.set(member, [e]);
		}
	}
	return out;
}

/** The shown cell beside `id` to hide next: a part with the fewest answers, else a total. */
function partnerOf(
	id: string,
	equationsOf: Map<string, Equation[]>,
	cells: Map<string, CubeCell>,
	hidden: Map<string, SuppressionReason>,
	forced: Set<string>,
	isOpen: (c: CubeCell) => boolean
): string | undefined {
	let best: { id: string; total: boolean; open: boolean; n: number } | undefined;
	// A figure of a period under way first, then a part before a total, then the fewest answers.
	const better = (b: NonNullable<typeof best>) =>
		!best ||
		(b.open && !best.open) ||
		(b.open === best.open &&
			((best.total && !b.total) ||
				(best.total === b.total && (b.n < best.n || (b.n === best.n && b.id < best.id)))));
	for (const e of equationsOf.get(id) ?? []) {
		for (const [member, total] of [
			[e.total, true] as const,
			...e.parts.map((p) => [p, false] as const)
		]) {
			const c = cells.get(member);
			if (!c || hidden.has(member) || forced.has(member)) continue;
			const n = c.positive + c.negative;
			if (n + c.not_counted === 0) continue;
			const candidate = { id: member, total, open: isOpen(c), n };
			if (better(candidate)) best = candidate;
		}
	}
	if (best) return best.id;
	// Every cell beside it is hidden already, yet a longer chain of sums pins it: hide the shown
	// figure of the same measure with the fewest answers, and look again.
	const measure = id.slice(0, id.indexOf('|') + 1);
	for (const [key, c] of cells) {
		if (!key.startsWith(measure) || hidden.has(key) || forced.has(key)) continue;
		const n = c.positive + c.negative;
		if (n + c.not_counted === 0) continue;
		const candidate = { id: key, total: false, open: isOpen(c), n };
		if (better(candidate)) best = candidate;
	}
	return best?.id;
}

/** Whether a shown figure containing this cell had no positive, or no negative, answers. */
function allAlike(
	c: CubeCell,
	cells: Map<string, CubeCell>,
	hidden: Map<string, SuppressionReason>
): { positive: boolean; negative: boolean } {
	const out = { positive: false, negative: false };
	const entities: [string | null, string | null][] = [[null, null]];
	if (c.provider_id) entities.push([c.provider_id, null]);
	if (c.service_id) entities.push([c.provider_id, c.service_id]);
	const periods: ['year' | 'quarter' | 'month', string][] = [
		['year', financialYear(c.period_start).start]
	];
	if (c.period !== 'year') periods.push(['quarter', quarterStart(c.period_start)]);
	if (c.period === 'month') periods.push(['month', c.period_start]);
	const splits: [Split | null, string | null][] = [[null, null]];
	if (c.split) splits.push([c.split, c.value]);
	for (const [provider_id, service_id] of entities)
		for (const [period, period_start] of periods)
			for (const [split, value] of splits) {
				const key = cubeKey({
					measure_id: c.measure_id,
					provider_id,
					service_id,
					period,
					period_start,
					split,
					value
				});
				const a = cells.get(key);
				if (!a || hidden.has(key) || a.positive + a.negative === 0) continue;
				if (a.positive === 0) out.positive = true;
				if (a.negative === 0) out.negative = true;
			}
	return out;
}
