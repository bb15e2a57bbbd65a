import type { DB } from '../db/connect';
import { tallyCells, EVERY_MODE, EVERY_SOURCE, type Breakdown } from '../db/dashboard';
import { decideCube, isTallyDimension, SPLITS, type CubeCell, type CubePattern } from './cube';
import type { Rules } from './suppress';

/**
 * The cubes of src/lib/server/reports/cube.ts, read from the tallies and decided, kept in this
 * server's memory per council, financial year and measure. Each is keyed by the council's
 * figures version (raised in the transaction that completes a response, so every app server
 * sees it), so a pattern decided on older counts is never used: several servers behind a load
 * balancer publish the same figures.
 */

const MAX_ENTRIES = 5000;
const cache = new Map<string, { version: string; pattern: Promise<CubePattern> }>();

/** Years as the first day of each financial year wanted. */
export async function cubesFor(
	db: DB,
	o: {
		councilId: string;
		years: string[];
		measureIds: readonly string[];
		rules: Rules;
		version: string;
	}
): Promise<Map<string, CubePattern>> {
	const out = new Map<string, CubePattern>();
	await Promise.all(
		o.years.map(async (year) => {
			const key = (m: string) =>
				`${o.councilId}|${year}|${o.rules.threshold}|${o.rules.attributeThreshold}|${m}`;
			const missing = o.measureIds.filter((m) => cache.get(key(m))?.version !== o.version);
			if (missing.length) {
				const loaded = loadCube(db, o.councilId, year, missing).then((cells) => {
					const byMeasure = new Map<string, CubeCell[]>(missing.map((m) => [m, []]));
					for (const c of cells) byMeasure.get(c.measure_id)?.push(c);
					return byMeasure;
				});
				for (const m of missing) {
					const pattern = loaded.then((b) => decideCube(b.get(m) ?? [], o.rules));
					// A failed decision is not kept: the next request tries again.
					pattern.catch(() => cache.delete(key(m)));
					cache.delete(key(m));
					cache.set(key(m), { version: o.version, pattern });
				}
				while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
			}
			const patterns = await Promise.all(o.measureIds.map((m) => cache.get(key(m))!.pattern));
			const merged: CubePattern = { cells: new Map(), hidden: new Map() };
			for (const p of patterns) {
				for (const [k, c] of p.cells) merged.cells.set(k, c);
				for (const [k, r] of p.hidden) merged.hidden.set(k, r);
			}
			out.set(year, merged);
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
	const y = Number(year.slice(0, 4));
	const base = {
		councilId,
		from: year,
		to: `${y + 1}-03-01`,
		modes: EVERY_MODE,
		sources: EVERY_SOURCE,
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

/** Forgets every decided cube (tests that change thresholds between runs). */
export function clearCubes(): void {
	cache.clear();
}
