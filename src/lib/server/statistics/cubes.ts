import type { DB } from '../db/connect';
import { TALLIED_MODES } from '../../domain/completion-modes';
import { SOURCE_VALUES } from '../../domain/sources';
import { tallyCells, type Breakdown } from '../db/dashboard';
import { decideCube, isTallyDimension, SPLITS, type CubeCell } from './cube';
import type { Rules } from './suppress';
import { addMonths } from '../../calendar/periods';

/**
 * The cubes of src/lib/server/statistics/cube.ts, read from the tallies and decided, kept in this
 * server's memory per council, financial year and measure. Each is kept with the version of the
 * council's figures for that year (raised in the transaction that completes a response, so every
 * app server sees it), so a pattern decided on older counts is never used: several servers behind
 * a load balancer publish the same figures, and a response completing this year leaves the
 * decisions for earlier years as they are.
 */

const MAX_ENTRIES = 5000;
/** What a page needs of a decided cube: each cell's answers (not counted included), and which are hidden. */
export interface Decided {
	answers: Map<string, number>;
	hidden: Set<string>;
}

const cache = new Map<string, { version: string; pattern: Promise<Decided> }>();

/** Years as the first day of each financial year wanted. */
export async function cubesFor(
	db: DB,
	o: {
		councilId: string;
		years: string[];
		measureIds: readonly string[];
		rules: Rules;
		/** Each year's figures version (src/lib/server/db/council.ts figuresStamp). */
		versions: Map<string, string>;
		/** The first day of the month under way (UK time). */
		openFrom: string;
	}
): Promise<Map<string, Map<string, Decided>>> {
	const out = new Map<string, Map<string, Decided>>();
	await Promise.all(
		o.years.map(async (year) => {
			const key = (m: string) =>
				`${o.councilId}|${year}|${o.rules.threshold}|${o.rules.attributeThreshold}|${o.openFrom}|${m}`;
			const version = o.versions.get(year) ?? '0';
			const missing = o.measureIds.filter((m) => cache.get(key(m))?.version !== version);
			if (missing.length) {
				const loaded = loadCube(db, o.councilId, year, missing).then((cells) => {
					const byMeasure = new Map<string, CubeCell[]>(missing.map((m) => [m, []]));
					for (const c of cells) byMeasure.get(c.measure_id)?.push(c);
					return byMeasure;
				});
				for (const m of missing) {
					const pattern = loaded
						.then((b) => decideCube(b.get(m) ?? [], o.rules, o.openFrom))
						.then((p) => ({
							answers: new Map(
								[...p.cells].map(([k, c]) => [k, c.positive + c.negative + c.not_counted])
							),
							hidden: new Set(p.hidden.keys())
						}));
					// A failed decision is not kept: the next request tries again.
					pattern.catch(() => cache.delete(key(m)));
					cache.delete(key(m));
					cache.set(key(m), { version, pattern });
				}
				while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
			}
			const patterns = await Promise.all(o.measureIds.map((m) => cache.get(key(m))!.pattern));
			out.set(year, new Map(o.measureIds.map((m, i) => [m, patterns[i]!])));
		})
	);
	return out;
}

/** Every cell of one council's financial year, for the measures asked. */
export async function loadCube(
	db: DB,
	councilId: string,
	year: string,
	measureIds: readonly string[]
): Promise<CubeCell[]> {
	const base = {
		councilId,
		from: year,
		// The year's last month.
		to: addMonths(year, 11),
		modes: TALLIED_MODES,
		sources: SOURCE_VALUES,
		entityLevels: ['council', 'provider', 'service'] as const,
		periodLevels: ['year', 'quarter', 'month'] as const,
		measureIds
	};
	const splits = SPLITS.map((split): Breakdown =>
		isTallyDimension(split)
			? { table: 'tally_by', dimension: split }
			: { table: 'tally', column: split }
	);
	const [headline, ...parts] = await Promise.all([
		tallyCells(db, base),
		// Splits only where ./cube.ts publishes them: the council and providers, years and quarters.
		...splits.map((breakdown) =>
			tallyCells(db, {
				...base,
				entityLevels: ['council', 'provider'],
				periodLevels: ['year', 'quarter'],
				breakdown
			})
		)
	]);
	return [
		...headline!.map((c) => ({ ...c, split: null })),
		...parts.flatMap((cells, i) => cells.map((c) => ({ ...c, split: SPLITS[i]! })))
	].filter((c) => c.positive + c.negative + c.not_counted > 0);
}
