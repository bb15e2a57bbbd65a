import highsLoader, { type Highs } from 'highs';
import {
	cubeEquations,
	cubeKey,
	type CubeCell,
	type CubePattern
} from '../../src/lib/server/statistics/cube';
import { financialYear, quarterStart } from '../../src/lib/calendar/periods';

/**
 * The disclosure audit: what could a reader work out about each hidden figure from every figure
 * shown and every sum that links them? For each hidden cell, linear programmes find the smallest
 * and largest value its counts can take given the shown cells (as constants), the equations of
 * the cube (each total is the sum of its parts, for positive and for negative answers apart) and
 * that no count is below zero. This is the attacker's relaxation used by statistical offices'
 * audits (e.g. τ-ARGUS): it finds every value that subtraction, and any chain of subtractions,
 * could pin down.
 *
 * A finding is a hidden cell whose answers that took a position lie in a range narrower than the
 * protection width, or whose positive or negative count lies in a range narrower than 1 (so at
 * most one whole number), except where a shown figure containing it is 0% or 100% (every child
 * in it answered alike, so every child in any part of it did too: the first thing
 * docs/dashboard.md lists as not protected).
 */

export interface Finding {
	cell: string;
	quantity: 'answers' | 'positive' | 'negative';
	min: number;
	max: number;
}

let loaded: Promise<Highs> | undefined;
const solver = () => (loaded ??= highsLoader());

const EPS = 1e-6;

/** Audits one council's cube; returns every finding (none: protected). */
export async function audit(
	cells: readonly CubeCell[],
	pattern: CubePattern,
	width: number
): Promise<{ findings: Finding[]; hidden: number; programmes: number }> {
	const highs = await solver();
	const byMeasure = new Map<string, CubeCell[]>();
	for (const c of cells) {
		const list = byMeasure.get(c.measure_id);
		if (list) list.push(c);
		else byMeasure.set(c.measure_id, [c]);
	}
	const findings: Finding[] = [];
	let hidden = 0;
	let programmes = 0;
	for (const list of byMeasure.values()) {
		const result = auditMeasure(highs, list, pattern, width);
		findings.push(...result.findings);
		hidden += result.hidden;
		programmes += result.programmes;
	}
	return { findings, hidden, programmes };
}

function auditMeasure(
	highs: Highs,
	cells: readonly CubeCell[],
	pattern: CubePattern,
	width: number
): { findings: Finding[]; hidden: number; programmes: number } {
	const keys = cells.map(cubeKey);
	const hiddenKeys = keys.filter((k) => pattern.hidden.has(k));
	if (hiddenKeys.length === 0) return { findings: [], hidden: 0, programmes: 0 };
	// Variables: positive then negative count of each hidden cell.
	const index = new Map(hiddenKeys.map((k, i) => [k, i]));
	const h = hiddenKeys.length;
	const value = new Map(cells.map((c, i) => [keys[i]!, c]));
	const rows: { cols: number[]; coefs: number[]; rhs: number }[] = [];
	for (const { total, parts } of cubeEquations(cells, keys)) {
		for (const side of ['positive', 'negative'] as const) {
			const offset = side === 'positive' ? 0 : h;
			const cols: number[] = [];
			const coefs: number[] = [];
			let rhs = 0;
			const t = index.get(total);
			if (t !== undefined) {
				cols.push(t + offset);
				coefs.push(-1);
			} else rhs += value.get(total)?.[side] ?? 0;
			for (const p of parts) {
				const i = index.get(p);
				if (i !== undefined) {
					cols.push(i + offset);
					coefs.push(1);
				} else rhs -= value.get(p)?.[side] ?? 0;
			}
			if (cols.length) rows.push({ cols, coefs, rhs });
		}
	}
	const starts = [0];
	const indices: number[] = [];
	const values: number[] = [];
	for (const r of rows) {
		indices.push(...r.cols);
		values.push(...r.coefs);
		starts.push(indices.length);
	}
	const n = 2 * h;
	const model = highs.createModel();
	try {
		model.options.set({ output_flag: false });
		model.passModel({
			numCols: n,
			numRows: rows.length,
			colCost: new Float64Array(n),
			colLower: new Float64Array(n),
			colUpper: new Float64Array(n).fill(highs.infinity),
			rowLower: rows.map((r) => r.rhs),
			rowUpper: rows.map((r) => r.rhs),
			matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices, values }
		});
		const { minimize, maximize } = highs.constants.objectiveSense;
		let programmes = 0;
		// Every solution found is a set of values a reader cannot rule out; the spread of each
		// count over them is part of its range, so a count already spread wide needs no programme.
		const seen = hiddenKeys.map((_, i) => {
			const c = value.get(hiddenKeys[i]!)!;
			const truth = [c.positive + c.negative, c.positive, c.negative];
			return { lo: [...truth], hi: [...truth] };
		});
		const note = (x: ArrayLike<number>) =>
			seen.forEach((s, i) => {
				[x[i]! + x[i + h]!, x[i]!, x[i + h]!].forEach((v, q) => {
					s.lo[q] = Math.min(s.lo[q]!, v);
					s.hi[q] = Math.max(s.hi[q]!, v);
				});
			});
		const solve = (cols: number[], sense: typeof minimize): number => {
			const cost = new Float64Array(n);
			for (const c of cols) cost[c] = 1;
			model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
			model.changeObjectiveSense(sense);
			const status = model.run().modelStatus;
			programmes++;
			if (status === highs.constants.modelStatus.unbounded && sense === maximize) return Infinity;
			if (status !== highs.constants.modelStatus.optimal)
				throw new Error(`disclosure audit: the programme ended with status ${status}`);
			note(model.getSolution().colValue);
			return model.getObjectiveValue();
		};
		const findings: Finding[] = [];
		const QUANTITIES = ['answers', 'positive', 'negative'] as const;
		hiddenKeys.forEach((key, i) => {
			QUANTITIES.forEach((quantity, q) => {
				const need = quantity === 'answers' ? width : 1;
				if (seen[i]!.hi[q]! - seen[i]!.lo[q]! >= need - EPS) return;
				const cols = quantity === 'answers' ? [i, i + h] : quantity === 'positive' ? [i] : [i + h];
				const max = solve(cols, maximize);
				const min = solve(cols, minimize);
				if (max - min >= need - EPS) return;
				if (quantity !== 'answers' && insideAllAlike(key, quantity, cells, keys, pattern)) return;
				findings.push({ cell: key, quantity, min, max });
			});
		});
		return { findings, hidden: h, programmes };
	} finally {
		model.dispose();
	}
}

/** Whether a shown figure that contains this cell had no answers of this kind. */
function insideAllAlike(
	key: string,
	quantity: 'positive' | 'negative',
	cells: readonly CubeCell[],
	keys: readonly string[],
	pattern: CubePattern
): boolean {
	const inner = cells[keys.indexOf(key)]!;
	return cells.some(
		(c, i) =>
			!pattern.hidden.has(keys[i]!) &&
			c[quantity] === 0 &&
			c.positive + c.negative > 0 &&
			contains(c, inner)
	);
}

/** Whether figure a's answers include all of figure b's. */
export function contains(a: CubeCell, b: CubeCell): boolean {
	if (a.measure_id !== b.measure_id) return false;
	if (a.provider_id !== null && a.provider_id !== b.provider_id) return false;
	if (a.service_id !== null && a.service_id !== b.service_id) return false;
	if (a.split !== null && (a.split !== b.split || a.value !== b.value)) return false;
	if (a.period === b.period) return a.period_start === b.period_start;
	if (a.period === 'year') return financialYear(b.period_start).start === a.period_start;
	if (a.period === 'quarter')
		return b.period === 'month' && quarterStart(b.period_start) === a.period_start;
	return false;
}
