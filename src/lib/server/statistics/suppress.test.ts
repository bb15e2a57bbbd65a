// Longer than 300 lines: hand-worked examples for each suppression rule, beside the rules.
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_THRESHOLD,
	primaryReason,
	suppress,
	type Equation,
	type SuppressionCell,
	type SuppressionReason
} from './suppress';

/** Cells from id → n, for hand-made examples. */
function cellsOf(counts: Record<string, number>): SuppressionCell[] {
	return Object.entries(counts).map(([id, n]) => ({ id, n }));
}

/** The result as a plain object, so a failing test shows the whole set. */
function asObject(result: Map<string, SuppressionReason>): Record<string, SuppressionReason> {
	return Object.fromEntries([...result].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The secondary-suppression invariant: no equation has exactly one hidden member. */
function assertNoSingleSuppressed(
	result: Map<string, SuppressionReason>,
	equations: Equation[]
): void {
	// Collected, not asserted one by one, so a failure lists every leaking equation at once.
	const leaks = equations
		.filter(({ total, parts }) => [total, ...parts].filter((id) => result.has(id)).length === 1)
		.map(({ total, parts }) => `${total} = ${parts.join(' + ')}`);
	expect(leaks).toEqual([]);
}

/**
 * A two-way table: rows are providers, columns are quarters, with row totals, column totals and
 * a grand total that is the sum of either. Cell ids are `P1.Q1`, totals `P1`, `Q1` and `all`.
 */
function twoWayTable(rows: number[][]): { cells: SuppressionCell[]; equations: Equation[] } {
	const rowIds = rows.map((_, r) => `P${r + 1}`);
	const colIds = (rows[0] ?? []).map((_, c) => `Q${c + 1}`);
	const counts: Record<string, number> = { all: 0 };
	const equations: Equation[] = [];
	rows.forEach((row, r) => {
		const rowId = rowIds[r]!;
		row.forEach((n, c) => {
			const colId = colIds[c]!;
			counts[`${rowId}.${colId}`] = n;
			counts[rowId] = (counts[rowId] ?? 0) + n;
			counts[colId] = (counts[colId] ?? 0) + n;
			counts.all! += n;
		});
		equations.push({ total: rowId, parts: colIds.map((colId) => `${rowId}.${colId}`) });
	});
	for (const colId of colIds) {
		equations.push({ total: colId, parts: rowIds.map((rowId) => `${rowId}.${colId}`) });
	}
	equations.push({ total: 'all', parts: rowIds }, { total: 'all', parts: colIds });
	return { cells: cellsOf(counts), equations };
}

/** Deterministic pseudo-random whole numbers in [0, bound), so the large case is repeatable. */
function generator(seed: number): (bound: number) => number {
	let state = seed >>> 0;
	return (bound) => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state % bound;
	};
}

/**
 * Councils of providers of services, counted by quarter: each provider is a 4 × 4 table of
 * services by quarters with its margins, and each council sums its providers overall and per
 * quarter. Small counts (and zeros) are common, so suppression chains through many equations.
 */
function largeHierarchy(
	councils: number,
	providersPerCouncil: number
): { cells: SuppressionCell[]; equations: Equation[] } {
	const next = generator(20261124);
	const counts = new Map<string, number>();
	const equations: Equation[] = [];
	const add = (id: string, n: number) => counts.set(id, (counts.get(id) ?? 0) + n);
	const quarters = ['q1', 'q2', 'q3', 'q4'];
	const services = ['s1', 's2', 's3', 's4'];
	for (let c = 0; c < councils; c++) {
		const council = `c${c}`;
		const providers: string[] = [];
		for (let p = 0; p < providersPerCouncil; p++) {
			const provider = `${council}.p${p}`;
			providers.push(provider);
			add(provider, 0);
			for (const service of services) {
				const serviceTotal = `${provider}.${service}`;
				for (const quarter of quarters) {
					const n = next(12);
					add(`${serviceTotal}.${quarter}`, n);
					add(serviceTotal, n);
					add(`${provider}.${quarter}`, n);
					add(`${council}.${quarter}`, n);
					add(provider, n);
					add(council, n);
				}
				equations.push({
					total: serviceTotal,
					parts: quarters.map((quarter) => `${serviceTotal}.${quarter}`)
				});
			}
			for (const quarter of quarters) {
				equations.push({
					total: `${provider}.${quarter}`,
					parts: services.map((service) => `${provider}.${service}.${quarter}`)
				});
			}
			equations.push(
				{ total: provider, parts: services.map((service) => `${provider}.${service}`) },
				{ total: provider, parts: quarters.map((quarter) => `${provider}.${quarter}`) }
			);
		}
		equations.push({ total: council, parts: providers });
		for (const quarter of quarters) {
			equations.push({
				total: `${council}.${quarter}`,
				parts: providers.map((provider) => `${provider}.${quarter}`)
			});
		}
	}
	return { cells: [...counts].map(([id, n]) => ({ id, n })), equations };
}

/** The same data in the opposite order: cells, equations and each equation's parts. */
function reversed(
	cells: SuppressionCell[],
	equations: Equation[]
): { cells: SuppressionCell[]; equations: Equation[] } {
	return {
		cells: [...cells].reverse(),
		equations: [...equations].reverse().map(({ total, parts }) => ({
			total,
			parts: [...parts].reverse()
		}))
	};
}

describe('suppress: primary', () => {
	it('hides counts from 1 to one below the threshold, never a zero', () => {
		const cells = cellsOf({ zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 });
		expect(asObject(suppress(cells, [], 5))).toEqual({
			one: 'primary',
			two: 'primary',
			three: 'primary',
			four: 'primary'
		});
	});

	it('follows the threshold it is given', () => {
		const cells = cellsOf({ zero: 0, four: 4, nine: 9, ten: 10 });
		expect(asObject(suppress(cells, [], 10))).toEqual({ four: 'primary', nine: 'primary' });
		expect(asObject(suppress(cells, [], 1))).toEqual({});
	});

	it('hides a cell with only not-counted answers, but not one with no answers at all', () => {
		// "0 of 0, 4 not counted" says four children were asked: as small as 4 of 4.
		const cells: SuppressionCell[] = [
			{ id: 'only-not-counted', n: 0, w: 4 },
			{ id: 'empty', n: 0, w: 0 },
			{ id: 'enough', n: 5, w: 9 }
		];
		expect(asObject(suppress(cells, [], 5))).toEqual({ 'only-not-counted': 'primary' });
	});

	it('hides a cell the caller marks, whatever its count', () => {
		const cells: SuppressionCell[] = [{ id: 'all-alike', n: 8, primary: 'attribute' }];
		expect(asObject(suppress(cells, [], 5))).toEqual({ 'all-alike': 'attribute' });
	});

	it('marks 0% and 100% of a small group, and a small or not-counted-only figure', () => {
		const rules = { threshold: 5, attributeThreshold: 10 };
		const f = (positive: number, negative: number, not_counted = 0) =>
			primaryReason({ positive, negative, not_counted }, rules);
		expect(f(0, 0)).toBeUndefined();
		expect(f(0, 0, 4)).toBe('primary');
		expect(f(2, 2)).toBe('primary');
		expect(f(9, 0)).toBe('attribute');
		expect(f(0, 9)).toBe('attribute');
		expect(f(8, 1)).toBeUndefined();
		expect(f(10, 0)).toBeUndefined();
		expect(f(0, 10)).toBeUndefined();
	});

	it('rejects a threshold that would hide nothing and counts that are not counts', () => {
		expect(() => suppress([], [], 0)).toThrow(/threshold/);
		expect(() => suppress([], [], Number.NaN)).toThrow(/threshold/);
		expect(() => suppress([{ id: 'a', n: -1 }], [], 5)).toThrow(/a has n -1/);
		expect(() => suppress([{ id: 'a', n: 2.5 }], [], 5)).toThrow(/a has n 2.5/);
		expect(() => suppress([{ id: 'a', n: 9, w: -2 }], [], 5)).toThrow(/a has w -2/);
		expect(() => suppress([{ id: 'a', n: 9, w: 3 }], [], 5)).toThrow(/w 3 below n 9/);
		expect(() => suppress(cellsOf({ a: 1 }).concat(cellsOf({ a: 9 })), [], 5)).toThrow(
			/a is given twice/
		);
	});
});

describe('suppress: secondary', () => {
	it('hides the smallest other part so a hidden part cannot be worked out from the total', () => {
		// Hiding only the 3 leaks it: 30 − 12 − 15 = 3.
		const cells = cellsOf({ total: 30, a: 12, b: 15, c: 3 });
		const equations = [{ total: 'total', parts: ['a', 'b', 'c'] }];
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({ c: 'primary', a: 'secondary' });
		expect(result.has('total')).toBe(false);
		expect(result.has('b')).toBe(false);
		assertNoSingleSuppressed(result, equations);
	});

	it('never picks a zero part, since a known zero hides nothing', () => {
		const cells = cellsOf({ total: 8, a: 3, b: 0, c: 5 });
		const equations = [{ total: 'total', parts: ['a', 'b', 'c'] }];
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({ a: 'primary', c: 'secondary' });
		assertNoSingleSuppressed(result, equations);
	});

	it('treats a cell named in an equation but not given as zero and unhidden', () => {
		const cells = cellsOf({ total: 8, a: 3, c: 5 });
		const equations = [{ total: 'total', parts: ['a', 'missing', 'c'] }];
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({ a: 'primary', c: 'secondary' });
		assertNoSingleSuppressed(result, equations);
	});

	it('never hides a total that was not given, even when nothing else can be hidden', () => {
		// Not additive (a 3 under a missing total), so no second member qualifies; the missing
		// total counts as zero and stays shown, leaving this equation with one hidden member.
		const cells = cellsOf({ a: 3, b: 0 });
		const equations = [{ total: 'not-given', parts: ['a', 'b'] }];
		expect(asObject(suppress(cells, equations, 5))).toEqual({ a: 'primary' });
	});

	it('breaks a tie on n by id in code-unit order, not numerically', () => {
		const cells = cellsOf({ total: 16, small: 2, p9: 7, p10: 7 });
		const equations = [{ total: 'total', parts: ['small', 'p9', 'p10'] }];
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({ small: 'primary', p10: 'secondary' });
		assertNoSingleSuppressed(result, equations);
	});

	it('hides the smallest part, not a total, when the total is the hidden one', () => {
		// The total is hidden on its own account; showing all parts would give it away.
		const cells: SuppressionCell[] = [
			{ id: 'total', n: 30, primary: 'primary' },
			...cellsOf({ a: 12, b: 18 })
		];
		const equations = [{ total: 'total', parts: ['a', 'b'] }];
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({ total: 'primary', a: 'secondary' });
		assertNoSingleSuppressed(result, equations);
	});

	it('hides the total only when no nonzero part is left, and carries on up', () => {
		// s1 is hidden on its own account (all alike); its siblings are zero, so only hiding
		// the provider stops 10 − 0 − 0 giving s1 away; that in turn forces the other provider.
		const cells: SuppressionCell[] = [
			{ id: 's1', n: 10, primary: 'attribute' },
			...cellsOf({ s2: 0, s3: 0, p1: 10, p2: 50, council: 60 })
		];
		const equations = [
			{ total: 'p1', parts: ['s1', 's2', 's3'] },
			{ total: 'council', parts: ['p1', 'p2'] }
		];
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({ s1: 'attribute', p1: 'secondary', p2: 'secondary' });
		assertNoSingleSuppressed(result, equations);
	});

	it('stops where an equation already has two hidden members', () => {
		// Council = providers, P1 = its services. Hiding S1 forces S2, its only sibling; P1's
		// equation then hides two, and P1 itself stays shown, so the council is untouched.
		const cells = cellsOf({ C: 92, P1: 22, P2: 30, P3: 40, S1: 2, S2: 20 });
		const equations = [
			{ total: 'C', parts: ['P1', 'P2', 'P3'] },
			{ total: 'P1', parts: ['S1', 'S2'] }
		];
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({ S1: 'primary', S2: 'secondary' });
		assertNoSingleSuppressed(result, equations);
	});

	it('closes the classic rectangle in a two-way table', () => {
		//        Q1  Q2  Q3 | total
		//  P1     2   6  20 |  28
		//  P2     7   8  30 |  45
		//  P3    10  12  40 |  62
		// P1.Q1 is small. Row P1 then hides its smallest other cell, P1.Q2 (6); column Q1 hides
		// P2.Q1 (7); column Q2 is now left with only P1.Q2, so hides P2.Q2 (8), which also gives
		// row P2 its second. No total needs hiding.
		const { cells, equations } = twoWayTable([
			[2, 6, 20],
			[7, 8, 30],
			[10, 12, 40]
		]);
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({
			'P1.Q1': 'primary',
			'P1.Q2': 'secondary',
			'P2.Q1': 'secondary',
			'P2.Q2': 'secondary'
		});
		assertNoSingleSuppressed(result, equations);
	});

	it('follows a chain round a two-way table until every row and column is safe', () => {
		//        Q1  Q2  Q3 | total
		//  P1     2   6  20 |  28
		//  P2     7  30   9 |  46
		//  P3    10  12  40 |  62
		// Worklist in canonical order (P1, Q1 first):
		//  P1 → P1.Q2 (6);  Q1 → P2.Q1 (7);  Q2 → P3.Q2 (12, not 30);  P2 → P2.Q3 (9);
		//  P3 → P3.Q1 (10); Q3 → P1.Q3 (20). Every row and column then hides 2 or 3.
		const { cells, equations } = twoWayTable([
			[2, 6, 20],
			[7, 30, 9],
			[10, 12, 40]
		]);
		const result = suppress(cells, equations, 5);
		expect(asObject(result)).toEqual({
			'P1.Q1': 'primary',
			'P1.Q2': 'secondary',
			'P1.Q3': 'secondary',
			'P2.Q1': 'secondary',
			'P2.Q3': 'secondary',
			'P3.Q1': 'secondary',
			'P3.Q2': 'secondary'
		});
		assertNoSingleSuppressed(result, equations);
	});

	it('rejects an equation that names a member twice or the total as a part', () => {
		const cells = cellsOf({ t: 10, a: 4, b: 6 });
		expect(() => suppress(cells, [{ total: 't', parts: ['a', 'b', 'a'] }], 5)).toThrow(
			/lists part a twice/
		);
		expect(() => suppress(cells, [{ total: 't', parts: ['a', 't'] }], 5)).toThrow(
			/lists itself as a part/
		);
	});
});

describe('suppress: determinism and scale', () => {
	it('gives the same answer whatever order cells, equations and parts come in', () => {
		const table = twoWayTable([
			[2, 6, 20, 6],
			[7, 6, 9, 3],
			[10, 12, 40, 0],
			[6, 6, 1, 6]
		]);
		const forward = suppress(table.cells, table.equations, 5);
		const backward = reversed(table.cells, table.equations);
		expect(asObject(suppress(backward.cells, backward.equations, 5))).toEqual(asObject(forward));
		assertNoSingleSuppressed(forward, table.equations);

		const large = largeHierarchy(4, 50);
		const largeBackward = reversed(large.cells, large.equations);
		expect(asObject(suppress(largeBackward.cells, largeBackward.equations, 5))).toEqual(
			asObject(suppress(large.cells, large.equations, 5))
		);
	});

	it('settles a large hierarchy with no equation left hiding a single member', () => {
		// 25,050 cells and 10,050 equations.
		const { cells, equations } = largeHierarchy(10, 100);
		expect(cells.length).toBe(25_050);
		expect(equations.length).toBe(10_050);
		const result = suppress(cells, equations, DEFAULT_THRESHOLD);
		const small = cells.filter(({ n }) => n > 0 && n < DEFAULT_THRESHOLD);
		expect(small.filter(({ id }) => result.get(id) !== 'primary')).toEqual([]);
		expect(cells.filter(({ id, n }) => n === 0 && result.has(id))).toEqual([]);
		expect([...result.values()]).toContain('secondary');
		assertNoSingleSuppressed(result, equations);
	});
});
