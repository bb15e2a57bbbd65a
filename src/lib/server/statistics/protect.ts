import highsLoader, { type Highs } from 'highs';
import type { Equation, SuppressionReason } from './suppress';

/**
 * The last line of small-number protection: after the rules have hidden their cells, linear
 * programmes (HiGHS) find, for each hidden cell, the smallest and largest number of answers, and
 * of positive and of negative answers, it could hold given every shown cell, every sum and that
 * no count is below zero: everything subtraction, or any chain of it, could tell a reader. A cell
 * whose answers lie in a range narrower than the protection width, or whose positive or negative
 * count is pinned to fewer than two whole numbers, gets one more cell hidden beside it, and the
 * check runs again until none is left. (A count pinned because a shown figure containing the cell
 * is 0% or 100% is the one exception: the shown figure already says every child in it answered
 * alike.)
 *
 * Most cells are shown to be safe without a programme of their own: every solution found is a
 * set of values a reader could not rule out, so a cell whose values across the solutions found
 * so far already spread wide enough needs no more.
 */

export interface ProtectCell {
	id: string;
	positive: number;
	negative: number;
	/** Ids of shown cells containing this one that are 0% (positive) or 100% (negative). */
	allAlike?: { positive: boolean; negative: boolean };
}

export interface ProtectInput {
	cells: ProtectCell[];
	equations: Equation[];
	hidden: Map<string, SuppressionReason>;
	/** Answers that took a position: the narrowest range allowed. */
	width: number;
}

let loaded: Promise<Highs> | undefined;
export const loadSolver = () => (loaded ??= highsLoader());

const EPS = 1e-7;

/**
 * For each hidden cell, the smallest and largest answers, positive and negative counts seen in
 * any solution found so far: [min × 3, max × 3]. Kept between rounds: a solution found before
 * more cells were hidden is still a solution (with the newly hidden cells at their true counts).
 */
export type Spreads = Map<string, Float64Array>;

type Quantity = 'answers' | 'positive' | 'negative';
const QUANTITIES: Quantity[] = ['answers', 'positive', 'negative'];

/**
 * The hidden cells that are not yet protected, with the quantity that fell short. Worked one
 * connected group of hidden cells at a time (cells linked by a sum they are both in): what a
 * reader can learn about one group does not depend on the others.
 */
export function unprotected(
	highs: Highs,
	input: ProtectInput,
	spreads: Spreads
): { id: string; quantity: Quantity }[] {
	const parent = new Map<string, string>();
	const find = (x: string): string => {
		let root = x;
		while (parent.get(root) !== root) root = parent.get(root)!;
		while (parent.get(x) !== root) {
			const next = parent.get(x)!;
			parent.set(x, root);
			x = next;
		}
		return root;
	};
	for (const c of input.cells) if (input.hidden.has(c.id)) parent.set(c.id, c.id);
	const touching = input.equations.map((e) => [e.total, ...e.parts].filter((m) => parent.has(m)));
	for (const members of touching)
		for (let i = 1; i < members.length; i++) {
			const a = find(members[0]!);
			const b = find(members[i]!);
			if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
		}
	const groups = new Map<string, { ids: Set<string>; equations: Equation[] }>();
	const group = (root: string) => {
		let g = groups.get(root);
		if (!g) groups.set(root, (g = { ids: new Set(), equations: [] }));
		return g;
	};
	for (const id of parent.keys()) group(find(id)).ids.add(id);
	input.equations.forEach((e, i) => {
		const members = touching[i]!;
		if (members.length) group(find(members[0]!)).equations.push(e);
	});
	const out: { id: string; quantity: Quantity }[] = [];
	for (const g of groups.values())
		out.push(...unprotectedGroup(highs, { ...input, equations: g.equations }, g.ids, spreads));
	return out;
}

function unprotectedGroup(
	highs: Highs,
	input: ProtectInput,
	ids: Set<string>,
	spreads: Spreads
): { id: string; quantity: Quantity }[] {
	const { cells, equations, hidden, width } = input;
	const byId = new Map(cells.map((c) => [c.id, c]));
	const hiddenIds = cells.filter((c) => ids.has(c.id) && hidden.has(c.id)).map((c) => c.id);
	if (hiddenIds.length === 0) return [];
	const h = hiddenIds.length;
	const column = new Map(hiddenIds.map((id, i) => [id, i]));
	const starts = [0];
	const indices: number[] = [];
	const values: number[] = [];
	const bounds: number[] = [];
	for (const { total, parts } of equations) {
		for (const side of ['positive', 'negative'] as const) {
			const offset = side === 'positive' ? 0 : h;
			const before = indices.length;
			let rhs = 0;
			const t = column.get(total);
			if (t !== undefined) {
				indices.push(t + offset);
				values.push(-1);
			} else rhs += byId.get(total)?.[side] ?? 0;
			for (const p of parts) {
				const i = column.get(p);
				if (i !== undefined) {
					indices.push(i + offset);
					values.push(1);
				} else rhs -= byId.get(p)?.[side] ?? 0;
			}
			if (indices.length > before) {
				starts.push(indices.length);
				bounds.push(rhs);
			}
		}
	}
	const n = 2 * h;
	const largest = Math.max(1, ...cells.map((c) => c.positive + c.negative));
	const spread = hiddenIds.map((id) => {
		let s = spreads.get(id);
		if (!s) {
			const c = byId.get(id)!;
			const truth = [c.positive + c.negative, c.positive, c.negative];
			spreads.set(id, (s = Float64Array.from([...truth, ...truth])));
		}
		return s;
	});
	const record = (x: ArrayLike<number>) => {
		for (let i = 0; i < h; i++) {
			const s = spread[i]!;
			const v = [x[i]! + x[i + h]!, x[i]!, x[i + h]!];
			for (let q = 0; q < 3; q++) {
				if (v[q]! < s[q]!) s[q] = v[q]!;
				if (v[q]! > s[q + 3]!) s[q + 3] = v[q]!;
			}
		}
	};
	const wide = (i: number, q: number) =>
		spread[i]![q + 3]! - spread[i]![q]! >= (q === 0 ? width : 1) - EPS;

	const model = highs.createModel();
	try {
		model.options.set({ output_flag: false });
		model.passModel({
			numCols: n,
			numRows: bounds.length,
			colCost: new Float64Array(n),
			colLower: new Float64Array(n),
			// No count exceeds the largest figure: a bound any reader has, and it keeps every
			// programme bounded.
			colUpper: new Float64Array(n).fill(largest),
			rowLower: bounds,
			rowUpper: bounds,
			matrix: { format: 'csr', numRows: bounds.length, numCols: n, starts, indices, values }
		});
		const { minimize, maximize } = highs.constants.objectiveSense;
		const solve = (cost: Float64Array, sense: typeof minimize): number => {
			model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
			model.changeObjectiveSense(sense);
			const status = model.run().modelStatus;
			if (status !== highs.constants.modelStatus.optimal)
				throw new Error(`small-number protection: the check ended with status ${status}`);
			record(model.getSolution().colValue);
			return model.getObjectiveValue();
		};
		// First, solutions that push every cell at once: most cells are then seen to be safe
		// without a programme of their own.
		if (spread.some((_, i) => QUANTITIES.some((_, q) => !wide(i, q)))) {
			for (const [p, g] of [
				[1, 1],
				[1, 0],
				[0, 1]
			] as const)
				for (const sense of [maximize, minimize]) {
					const cost = new Float64Array(n);
					cost.fill(p, 0, h);
					cost.fill(g, h, n);
					solve(cost, sense);
				}
		}
		const out: { id: string; quantity: Quantity }[] = [];
		hiddenIds.forEach((id, i) => {
			const cell = byId.get(id)!;
			QUANTITIES.forEach((quantity, q) => {
				if (wide(i, q)) return;
				const cost = new Float64Array(n);
				if (quantity !== 'negative') cost[i] = 1;
				if (quantity !== 'positive') cost[i + h] = 1;
				solve(cost, maximize);
				if (wide(i, q)) return;
				solve(cost, minimize);
				if (wide(i, q)) return;
				if (quantity !== 'answers' && cell.allAlike?.[quantity]) return;
				out.push({ id, quantity });
			});
		});
		return out;
	} finally {
		model.dispose();
	}
}
