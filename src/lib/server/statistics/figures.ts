// Longer than 300 lines on purpose: the one path from tallies to published figures (the cube
// fast path, figures derived from it, and every council together) reads best in one place.
import type { DB } from '../db/connect';
import { TALLIED_MODES } from '../../domain/completion-modes';
import { SOURCE_VALUES } from '../../domain/sources';
import * as councilRepo from '../db/council';
import {
	councilCounts,
	tallyCells,
	type Breakdown,
	type PeriodLevel,
	type TallyCell,
	type TallyQuery
} from '../db/dashboard';
import { TALLY_DIMENSIONS, type TallyDimension } from '../db/tally';
import type { BreakdownKey } from '../../domain/breakdowns';
import { cubeKey, isSplit, published, type CubeAddress, type Split } from './cube';
import { cubesFor, type Decided } from './cubes';
import { ukToday } from '../../calendar/dates';
import {
	financialYear,
	financialYearOf,
	financialYearStart,
	month,
	monthEnd,
	monthsOf,
	quarter,
	quarterStart,
	type Period
} from '../../calendar/periods';
import { DEFAULT_ATTRIBUTE_THRESHOLD, primaryReason, type Rules } from './suppress';

/**
 * A council's figures for one period, every measure, at council, provider and service level,
 * with small cells suppressed. Suppression is decided once over everything the council's
 * financial year can publish (./cube.ts) — never over what one page happens to show — so every
 * page, breakdown, period, export and return hides the same cells, and no hidden value can be
 * worked out by setting figures on one page against those on another.
 */

export interface FigureRequest {
	councilId: string;
	period: Period;
	/** For a run of quarters (a trend): the last one; every financial year between is included. */
	through?: Period;
	modes: readonly string[];
	sources: readonly string[];
	breakdown: BreakdownKey;
	threshold: number;
	measureIds?: readonly string[];
}

/** A figure, and whether it is one the app does not publish at all (`x`). */
export type Figure = TallyCell & { notPublished?: boolean };

export interface Figures {
	get(f: FigureKey): Figure | undefined;
	/** Every figure at one level, for listing breakdown values. */
	all(): Figure[];
}

export interface FigureKey {
	measure_id: string;
	provider_id?: string | null;
	service_id?: string | null;
	period: PeriodLevel;
	period_start: string;
	value?: string | null;
}

export function keyOf(c: FigureKey): string {
	return [
		c.measure_id,
		c.provider_id ?? '*',
		c.service_id ?? '*',
		c.period,
		c.period_start,
		c.value ?? '*'
	].join('|');
}

/** The period levels a request reads: its own, and months for a breakdown by month. */
function periodLevels(r: FigureRequest): PeriodLevel[] {
	const own: PeriodLevel = r.period.kind;
	return r.breakdown === 'month' && own !== 'month' ? [own, 'month'] : [own];
}

function breakdownQuery(b: BreakdownKey): Breakdown | undefined {
	if (b === 'source' || b === 'completion_mode') return { table: 'tally', column: b };
	if ((TALLY_DIMENSIONS as readonly string[]).includes(b))
		return { table: 'tally_by', dimension: b as TallyDimension };
	return undefined;
}

/** The first day of every financial year from one date's to another's. */
function yearsBetween(from: string, to: string): string[] {
	const years: string[] = [];
	for (let y = financialYearOf(from); y <= financialYearOf(to); y++) years.push(`${y}-04-01`);
	return years;
}

/**
 * A council's figures for a request, each marked hidden or not. The counts come from the tallies
 * as asked (filters, ranges, a breakdown); whether each may be shown is decided by the council's
 * cubes (src/lib/server/statistics/cube.ts): a figure of the cube shows as the cube decided, and any
 * other figure only when it adds up from figures the cube shows (so it tells nothing new).
 */
export async function councilFigures(db: DB, r: FigureRequest): Promise<Figures> {
	const end = (r.through ?? r.period).end;
	const base: TallyQuery = {
		councilId: r.councilId,
		from: r.period.start,
		to: end.slice(0, 8) + '01',
		modes: r.modes,
		sources: r.sources,
		entityLevels: ['council', 'provider', 'service'],
		periodLevels: r.through ? ['quarter'] : periodLevels(r),
		measureIds: r.measureIds
	};
	const breakdown = breakdownQuery(r.breakdown);
	const [stamp, headline, parts] = await Promise.all([
		councilRepo.figuresStamp(db, r.councilId),
		tallyCells(db, base),
		breakdown ? tallyCells(db, { ...base, breakdown }) : Promise.resolve([])
	]);
	const rules: Rules = {
		threshold: r.threshold,
		attributeThreshold: stamp.attributeThreshold ?? DEFAULT_ATTRIBUTE_THRESHOLD
	};
	const cells = [...headline, ...parts];
	const measureIds = r.measureIds ?? [...new Set(cells.map((c) => c.measure_id))];
	const cubes = await cubesFor(db, {
		councilId: r.councilId,
		years: yearsBetween(r.period.start, end),
		measureIds,
		rules,
		versions: stamp.versions,
		openFrom: month(ukToday()).start
	});
	const split = isSplit(r.breakdown) ? r.breakdown : null;
	const shows = new Publication(cubes, r, rules);
	// The cells are this request's own, fresh from the query: marked in place.
	const byKey = new Map<string, Figure>();
	for (const c of cells as Figure[]) {
		c.suppressed = !shows.figure(c, c.value === null ? null : split);
		c.notPublished =
			split !== null && c.value !== null && (c.service_id !== null || c.period === 'month');
		byKey.set(keyOf(c), c);
	}
	return { get: (k) => byKey.get(keyOf(k)), all: () => [...byKey.values()] };
}

type Level = 'year' | 'quarter' | 'month';

/** Whether a figure asked for may be shown, given the council's decided cubes. */
class Publication {
	private readonly outModes: string[];
	private readonly outSources: string[];

	constructor(
		private readonly cubes: Map<string, Map<string, Decided>>,
		private readonly r: FigureRequest,
		private readonly rules: Rules
	) {
		this.outModes = TALLIED_MODES.filter((m) => !r.modes.includes(m));
		this.outSources = SOURCE_VALUES.filter((s) => !r.sources.includes(s));
	}

	figure(c: TallyCell, split: Split | null): boolean {
		// Whatever it adds up from, a small figure is never shown.
		if (primaryReason(c, this.rules)) return false;
		// The common case, a cube figure itself: one lookup (this runs for every figure).
		if (c.period !== 'range' && c.excluded === 0) {
			if (split !== null && (c.service_id !== null || c.period === 'month')) return false;
			const cube = this.cubes.get(financialYearStart(c.period_start))?.get(c.measure_id);
			const key = `${c.measure_id}|${c.provider_id ?? '*'}|${c.service_id ?? '*'}|${c.period}|${c.period_start}|${split ? `${split}:${c.value}` : '*'}`;
			// No decided cube for it: never shown (fail closed).
			return cube !== undefined && !cube.hidden.has(key);
		}
		const at = { measure_id: c.measure_id, provider_id: c.provider_id, service_id: c.service_id };
		const value = split ? c.value : null;
		if (c.period !== 'range') {
			const level = c.period;
			return c.excluded === 0
				? this.shown({ ...at, period: level, period_start: c.period_start, split, value })
				: split === null && this.filtered(at, level, c.period_start, false);
		}
		// A range of months: every piece of it, in whole years, quarters or months, must show.
		return this.pieces(this.r.period.start, this.r.period.end).every(([level, start]) =>
			c.excluded === 0
				? this.shownOrParts({ ...at, period: level, period_start: start, split, value })
				: split === null && this.filtered(at, level, start, true)
		);
	}

	private cell(a: CubeAddress) {
		const cube = this.cubes.get(financialYearStart(a.period_start))?.get(a.measure_id);
		const key = cubeKey(a);
		return {
			decided: cube !== undefined,
			answers: cube?.answers.get(key),
			hidden: cube?.hidden.has(key)
		};
	}

	/** A cube cell is shown (a cell with no answers is a known zero; no decided cube: not shown). */
	private shown(a: CubeAddress): boolean {
		if (!published(a)) return false;
		const { decided, answers, hidden } = this.cell(a);
		return decided && (!answers || !hidden);
	}

	private answers(a: CubeAddress): number {
		return this.cell(a).answers ?? 0;
	}

	/** Shown, or made up of shown parts (a year of its quarters, a quarter of its months). */
	private shownOrParts(a: CubeAddress): boolean {
		if (this.shown(a)) return true;
		const parts = this.partsOf(a.period as Level, a.period_start);
		return (
			parts.length > 0 &&
			parts.every(([period, period_start]) => this.shownOrParts({ ...a, period, period_start }))
		);
	}

	private partsOf(level: Level, start: string): [Level, string][] {
		if (level === 'month') return [];
		const months = monthsOf(level === 'year' ? financialYear(start) : quarter(start));
		return level === 'year'
			? months.filter((_, i) => i % 3 === 0).map((m) => ['quarter', m] as [Level, string])
			: months.map((m) => ['month', m] as [Level, string]);
	}

	/**
	 * A figure with some answers left out by the filters: shown only when it is the sum of shown
	 * figures of the split by the way of answering (or by source), or the shown total less such
	 * figures. Filtering both at once could only be added up from their crossing, which is not
	 * published, so such a figure shows only when one of the two leaves nothing out.
	 */
	private filtered(
		at: { measure_id: string; provider_id: string | null; service_id: string | null },
		level: Level,
		start: string,
		orParts: boolean
	): boolean {
		// The splits by way of answering and source are published for the council and providers
		// by year and quarter only, so a service's or a month's filtered figure cannot add up.
		if (at.service_id !== null || level === 'month') return false;
		const total = { ...at, period: level, period_start: start, split: null, value: null };
		const of = (split: Split, value: string) => ({ ...total, split, value });
		const out = (split: Split, values: string[]) =>
			values.filter((v) => this.answers(of(split, v)) > 0);
		const modesOut = out('completion_mode', this.outModes);
		const sourcesOut = out('source', this.outSources);
		let ok: boolean;
		if (modesOut.length === 0 && sourcesOut.length === 0) ok = this.shown(total);
		else if (modesOut.length && sourcesOut.length) ok = false;
		else {
			const [split, left, kept] = modesOut.length
				? (['completion_mode', modesOut, this.r.modes] as const)
				: (['source', sourcesOut, this.r.sources] as const);
			const shownAll = (values: readonly string[]) => values.every((v) => this.shown(of(split, v)));
			ok = shownAll(kept) || (this.shown(total) && shownAll(left));
		}
		if (ok || !orParts) return ok;
		const parts = this.partsOf(level, start);
		return parts.length > 0 && parts.every(([l, s]) => this.filtered(at, l, s, true));
	}

	/** A range's months in whole financial years, then whole quarters, then months. */
	private pieces(from: string, to: string): [Level, string][] {
		const out: [Level, string][] = [];
		const months = monthsOf({ start: from, end: to });
		for (let i = 0; i < months.length;) {
			const m = months[i]!;
			const left = months.length - i;
			if (financialYearStart(m) === m && left >= 12) {
				out.push(['year', m]);
				i += 12;
			} else if (quarterStart(m) === m && left >= 3) {
				out.push(['quarter', m]);
				i += 3;
			} else {
				out.push(['month', m]);
				i += 1;
			}
		}
		return out;
	}
}

/**
 * Every council together, for comparison, without filters (with filters the comparison is not
 * available: `x`). Subtracting the reader's own council leaves the other councils together, and
 * a year less its quarters (or a range less another) leaves a month or a quarter, so every
 * month is judged on its own and a longer period is shown only when each of its months is. A
 * month is safe when no council answered, or when at least two other councils did, with at least
 * the threshold of answers that took a position between them, and the month's total is neither
 * small nor 0% or 100% of a small group. (A month with no other council would be the council's
 * own figure: it is never shown here, however the council's own page shows it.)
 */
export async function allCouncilsFigures(
	db: DB,
	r: Omit<FigureRequest, 'councilId' | 'breakdown'> & { councilId: string },
	periods: Period[]
): Promise<Figures> {
	const level: PeriodLevel = r.period.kind;
	const query = {
		from: periods[0]!.start,
		to: periods[periods.length - 1]!.end.slice(0, 8) + '01',
		measureIds: r.measureIds
	};
	const [stamp, cells, counts] = await Promise.all([
		councilRepo.figuresStamp(db, r.councilId),
		tallyCells(db, {
			...query,
			councilId: null,
			modes: TALLIED_MODES,
			sources: SOURCE_VALUES,
			entityLevels: ['council'],
			periodLevels: [level]
		}),
		councilCounts(db, { ...query, level: 'month' })
	]);
	const rules = {
		threshold: r.threshold,
		attributeThreshold: stamp.attributeThreshold ?? DEFAULT_ATTRIBUTE_THRESHOLD
	};
	const months = new Map<
		string,
		{ positive: number; n: number; w: number; restN: number; restCouncils: number; ownW: number }
	>();
	for (const c of counts) {
		if (c.w === 0) continue;
		const key = `${c.measure_id}|${c.period_start}`;
		const m = months.get(key) ?? { positive: 0, n: 0, w: 0, restN: 0, restCouncils: 0, ownW: 0 };
		m.positive += c.positive;
		m.n += c.n;
		m.w += c.w;
		if (c.council_id === r.councilId) m.ownW += c.w;
		else {
			m.restN += c.n;
			m.restCouncils += 1;
		}
		months.set(key, m);
	}
	const monthSafe = (measure: string, month: string): boolean => {
		const m = months.get(`${measure}|${month}`);
		if (!m) return true;
		const total = { positive: m.positive, negative: m.n - m.positive, not_counted: m.w - m.n };
		return (
			m.restCouncils >= 2 && m.restN >= r.threshold && primaryReason(total, rules) === undefined
		);
	};
	const byKey = new Map<string, Figure>();
	for (const c of cells) {
		const end = c.period === 'range' ? r.period.end : periodEndOf(c.period, c.period_start);
		c.suppressed =
			primaryReason(c, rules) !== undefined ||
			!monthsOf({ start: c.period_start, end }).every((m) => monthSafe(c.measure_id, m));
		byKey.set(keyOf(c), c);
	}
	return { get: (k) => byKey.get(keyOf(k)), all: () => [...byKey.values()] };
}

/** The last day of a year, quarter or month that starts on `start`. */
function periodEndOf(level: PeriodLevel, start: string): string {
	if (level === 'year') return financialYear(start).end;
	if (level === 'quarter') return quarter(start).end;
	return monthEnd(start);
}
