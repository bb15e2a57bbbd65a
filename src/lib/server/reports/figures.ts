import type { DB } from '../db/connect';
import {
	tallyCells,
	type Breakdown,
	type PeriodLevel,
	type TallyCell,
	type TallyQuery
} from '../db/dashboard';
import { TALLY_DIMENSIONS, type TallyDimension } from '../db/tally';
import { financialYear, type Period } from './periods';
import { suppress, type Equation } from './suppress';

/**
 * A council's figures for one period, every measure, at council, provider and service level,
 * with small cells suppressed. Suppression is always decided over the whole council and the
 * whole financial year around the period — never over what one page happens to show — so the
 * council page, a provider's page, a quarter and its year all hide the same cells, and no hidden
 * value can be worked out by subtracting figures on one page from those on another.
 */

export type BreakdownKey =
	'none' | 'provider' | 'service' | 'month' | 'source' | 'completion_mode' | TallyDimension;

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

export type Figure = TallyCell;

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

const n = (c: TallyCell) => c.positive + c.negative;

/** Which period levels a request needs so its suppression matches the rest of the year. */
function periodLevels(r: FigureRequest): PeriodLevel[] {
	if (r.period.kind === 'range') return r.breakdown === 'month' ? ['range', 'month'] : ['range'];
	if (r.period.kind === 'year' && r.breakdown !== 'month') return ['year'];
	if (r.period.kind === 'quarter' && r.breakdown !== 'month') return ['year', 'quarter'];
	return ['year', 'quarter', 'month'];
}

function breakdownQuery(b: BreakdownKey): Breakdown | undefined {
	if (b === 'source' || b === 'completion_mode') return { table: 'tally', column: b };
	if ((TALLY_DIMENSIONS as readonly string[]).includes(b))
		return { table: 'tally_by', dimension: b as TallyDimension };
	return undefined;
}

/** The equations linking cells: each total equals the sum of its parts. */
function equations(
	cells: TallyCell[],
	keys: string[],
	levels: PeriodLevel[],
	rangeStart: string
): Equation[] {
	const groups = new Map<string, string[]>();
	const part = (total: string, key: string) => {
		const g = groups.get(total);
		if (g) g.push(key);
		else groups.set(total, [key]);
	};
	const yearOf = new Map<string, string>();
	const inRange = levels.includes('range');
	cells.forEach((c, i) => {
		const key = keys[i]!;
		const m = c.measure_id;
		const p = c.provider_id ?? '*';
		const s = c.service_id ?? '*';
		const period = c.period;
		const start = c.period_start;
		const value = c.value ?? '*';
		// The same layout as keyOf(), built directly: this runs for every cell of the dashboard.
		// Organisation: a service is part of its provider, a provider part of the council.
		if (c.entity === 'service') part(`${m}|${p}|*|${period}|${start}|${value}`, key);
		if (c.entity === 'provider') part(`${m}|*|*|${period}|${start}|${value}`, key);
		// Period: a month is part of its quarter (or the range), a quarter part of its year.
		if (c.period === 'month') {
			const parent = inRange ? `range|${rangeStart}` : `quarter|${quarterStart(start)}`;
			part(`${m}|${p}|${s}|${parent}|${value}`, key);
		}
		if (c.period === 'quarter') {
			let fy = yearOf.get(start);
			if (!fy) yearOf.set(start, (fy = financialYear(start).start));
			part(`${m}|${p}|${s}|year|${fy}|${value}`, key);
		}
		// Breakdown: the values of one breakdown are parts of the figure without it.
		if (c.value !== null) part(`${m}|${p}|${s}|${period}|${start}|*`, key);
	});
	return [...groups].map(([total, parts]) => ({ total, parts }));
}

function quarterStart(monthStart: string): string {
	const y = Number(monthStart.slice(0, 4));
	const m = Number(monthStart.slice(5, 7));
	const first = m - ((m - 1) % 3);
	return `${y}-${String(first).padStart(2, '0')}-01`;
}

export async function councilFigures(db: DB, r: FigureRequest): Promise<Figures> {
	const first = financialYear(r.period.start);
	const last = financialYear((r.through ?? r.period).start);
	const wholeYear = r.period.kind !== 'range';
	const base: TallyQuery = {
		councilId: r.councilId,
		from: wholeYear ? first.start : r.period.start,
		to: wholeYear ? last.end.slice(0, 8) + '01' : r.period.end.slice(0, 8) + '01',
		modes: r.modes,
		sources: r.sources,
		entityLevels: ['council', 'provider', 'service'],
		periodLevels: periodLevels(r),
		measureIds: r.measureIds
	};
	const breakdown = breakdownQuery(r.breakdown);
	const [headline, parts] = await Promise.all([
		tallyCells(db, base),
		breakdown ? tallyCells(db, { ...base, breakdown }) : Promise.resolve([])
	]);
	const cells = [...headline, ...parts];
	const keys = cells.map(keyOf);
	const hidden = suppress(
		cells.map((c, i) => ({ id: keys[i]!, n: n(c), complementN: c.excluded })),
		equations(cells, keys, base.periodLevels as PeriodLevel[], base.from),
		r.threshold
	);
	const byKey = new Map(
		cells.map((c, i) => [keys[i]!, { ...c, suppressed: hidden.has(keys[i]!) }])
	);
	return { get: (k) => byKey.get(keyOf(k)), all: () => [...byKey.values()] };
}

/**
 * Every council together, for comparison, at one period level. Only primary suppression applies:
 * the other councils' own figures are never shown, so there is nothing to subtract from.
 */
export async function allCouncilsFigures(
	db: DB,
	r: Omit<FigureRequest, 'councilId' | 'breakdown'>,
	periods: Period[]
): Promise<Figures> {
	const level: PeriodLevel = r.period.kind === 'range' ? 'range' : r.period.kind;
	const cells = await tallyCells(db, {
		councilId: null,
		from: periods[0]!.start,
		to: periods[periods.length - 1]!.end.slice(0, 8) + '01',
		modes: r.modes,
		sources: r.sources,
		entityLevels: ['council'],
		periodLevels: [level],
		measureIds: r.measureIds
	});
	const hidden = suppress(
		cells.map((c) => ({ id: keyOf(c), n: n(c), complementN: c.excluded })),
		[],
		r.threshold
	);
	const byKey = new Map<string, Figure>();
	for (const c of cells) {
		const key = keyOf(c);
		c.suppressed = hidden.has(key);
		byKey.set(key, c);
	}
	return { get: (k) => byKey.get(keyOf(k)), all: () => [...byKey.values()] };
}
