/**
 * Small-number suppression for the dashboard. A cell whose count is small enough to identify a
 * child is hidden ("c"), and further cells are hidden so that no hidden count can be worked out
 * by subtraction from totals, subtotals or other breakdowns of the same data.
 *
 * Pure: no I/O, no clock. The result depends only on the set of cells and equations, never on the
 * order they are given in.
 *
 * Longer than 300 lines on purpose: the primary rule, the hidden-sum rule and the exact check that
 * no hidden count is determined by the sums work together and are read (and audited) together.
 */

export interface SuppressionCell {
	id: string;
	/** The cell's denominator: answers that took a position. */
	n: number;
	/** Every answer in the cell, not counted included; n when not given. */
	w?: number;
	/**
	 * A figure of a period still under way: when a second figure must be hidden, such a figure is
	 * taken before a settled one (so a quarter just begun does not take closed quarters with it).
	 */
	open?: boolean;
	/**
	 * Hidden whatever its count, for this reason (say, 0% or 100% of a small group, or beside a
	 * figure a later check found could be worked out); else decided from n.
	 */
	primary?: SuppressionReason;
}

/** total = sum of parts (additive: parts partition the total). */
export interface Equation {
	total: string;
	parts: string[];
}

/** `primary`: too few answers; `attribute`: a small group all answering alike. */
export type PrimaryReason = 'primary' | 'attribute';
export type SuppressionReason = PrimaryReason | 'secondary';

export const DEFAULT_THRESHOLD = 5;
export const DEFAULT_ATTRIBUTE_THRESHOLD = 10;
/** The highest threshold a council may set (SUPPRESSION_THRESHOLD, or its attribute threshold). */
export const MAX_THRESHOLD = 1000;

/** The two thresholds a council's figures are published under. */
export interface Rules {
	/** Fewer answers that took a position than this (but some answers): hidden. */
	threshold: number;
	/** A 0% or 100% figure from fewer answers than this: hidden. */
	attributeThreshold: number;
}

/**
 * Why a figure must be hidden on its own account, if it must. Any answers at all (not counted
 * included) with fewer than the threshold taking a position; or, below the attribute threshold,
 * every answer alike (0% or 100%), which would tell each child's answer.
 */
export function primaryReason(
	c: { positive: number; negative: number; not_counted: number },
	rules: Rules
): PrimaryReason | undefined {
	const n = c.positive + c.negative;
	if (n + c.not_counted === 0) return undefined;
	if (n < rules.threshold) return 'primary';
	if (n < rules.attributeThreshold && (c.positive === 0 || c.negative === 0)) return 'attribute';
	return undefined;
}

/**
 * Returns id → reason for every cell to hide.
 *
 * Primary: as the cell says, else 0 < w and n < threshold (a cell with no answers hides nothing).
 * Secondary: in every equation either nothing is hidden, or the total is hidden with at least one
 * part, or at least two parts are hidden that together hold at least `threshold` answers that
 * took a position (so subtracting the shown parts from the total never gives a small number).
 * While an equation falls short, its unhidden part with the smallest nonzero n is hidden (ties:
 * smallest id by code-unit order); if there is none, its total when it holds any answers.
 * Equations are worked through in a canonical order (by total, then sorted parts) from a FIFO
 * worklist, so the answer is deterministic whatever the input order.
 */
export function suppress(
	cells: Iterable<SuppressionCell>,
	equations: Equation[],
	threshold: number
): Map<string, SuppressionReason> {
	if (!Number.isInteger(threshold) || threshold < 1) {
		// NaN or 0 would make every `n < threshold` false and silently hide nothing.
		throw new Error(`suppression threshold must be a whole number of at least 1; got ${threshold}`);
	}
	const cellTable = readCells(cells, threshold);
	const system = readEquations(equations, cellTable);
	const state = new SuppressionState(cellTable, system, threshold);
	for (const [cell, reason] of cellTable.primary) state.hide(cell, reason);
	state.resolve();
	// Hiding at least two per sum is not enough where tables cross: a chain of sums can still
	// pin a hidden figure down. Hide more until no hidden figure follows from the shown ones.
	while (state.hidePartnersOfDetermined() > 0) state.resolve();
	return state.reasons();
}

/**
 * Cells as integer indices, so the fixpoint loop does no string hashing. Cells that equations
 * name but `cells` does not are appended with n = w = 0: nothing was counted, so nothing to hide.
 */
interface CellTable {
	indexOf: Map<string, number>;
	ids: string[];
	n: number[];
	w: number[];
	openFirst: boolean[];
	primary: [number, SuppressionReason][];
}

function readCells(cells: Iterable<SuppressionCell>, threshold: number): CellTable {
	const table: CellTable = {
		indexOf: new Map(),
		ids: [],
		n: [],
		w: [],
		openFirst: [],
		primary: []
	};
	for (const cell of cells) {
		assertCount(cell.id, 'n', cell.n);
		const w = cell.w ?? cell.n;
		assertCount(cell.id, 'w', w);
		if (w < cell.n) throw new Error(`suppression: cell ${cell.id} has w ${w} below n ${cell.n}`);
		const index = table.ids.length;
		// One map operation per cell: a repeat leaves the size unchanged.
		table.indexOf.set(cell.id, index);
		if (table.indexOf.size === index) {
			throw new Error(`suppression: cell ${cell.id} is given twice`);
		}
		table.ids.push(cell.id);
		table.n.push(cell.n);
		table.w.push(w);
		table.openFirst.push(cell.open === true);
		const reason = cell.primary ?? (w > 0 && cell.n < threshold ? 'primary' : undefined);
		if (reason) table.primary.push([index, reason]);
	}
	return table;
}

function internCell(table: CellTable, id: string): number {
	let index = table.indexOf.get(id);
	if (index === undefined) {
		index = table.ids.length;
		table.indexOf.set(id, index);
		table.ids.push(id);
		table.n.push(0);
		table.w.push(0);
		table.openFirst.push(false);
	}
	return index;
}

function assertCount(id: string, field: string, value: number): void {
	if (!Number.isInteger(value) || value < 0) {
		throw new Error(`suppression: cell ${id} has ${field} ${value}; expected a whole number ≥ 0`);
	}
}

/**
 * Equations as flat integer arrays, in canonical order: equation e's members are
 * members[start[e] .. start[e + 1]), total first. The reverse index gives, for cell c, the
 * equations it belongs to in ascending order: equationsOf[cellStart[c] .. cellStart[c + 1]).
 */
interface System {
	members: Int32Array;
	start: Int32Array;
	equationsOf: Int32Array;
	cellStart: Int32Array;
}

function readEquations(equations: Equation[], cells: CellTable): System {
	const raw = internEquations(equations, cells);
	assertDistinctMembers(raw, cells);
	const order = canonicalOrder(raw, cells.ids);
	const members = new Int32Array(raw.members.length);
	const start = new Int32Array(order.length + 1);
	order.forEach((from, to) => {
		const segment = raw.members.slice(raw.start[from], raw.start[from + 1]);
		members.set(segment, start[to]);
		start[to + 1] = start[to]! + segment.length;
	});
	return { members, start, ...indexByCell(members, start, cells.ids.length) };
}

interface RawEquations {
	members: number[];
	start: number[];
}

function internEquations(equations: Equation[], cells: CellTable): RawEquations {
	const raw: RawEquations = { members: [], start: [0] };
	for (const { total, parts } of equations) {
		raw.members.push(internCell(cells, total));
		for (const part of parts) raw.members.push(internCell(cells, part));
		raw.start.push(raw.members.length);
	}
	return raw;
}

/** A repeated member would count twice towards "two hidden" while hiding only one figure. */
function assertDistinctMembers(raw: RawEquations, cells: CellTable): void {
	const seenIn = new Int32Array(cells.ids.length).fill(-1);
	for (let e = 0; e + 1 < raw.start.length; e++) {
		const total = cells.ids[raw.members[raw.start[e]!]!]!;
		for (let i = raw.start[e]!; i < raw.start[e + 1]!; i++) {
			const cell = raw.members[i]!;
			if (seenIn[cell] !== e) {
				seenIn[cell] = e;
				continue;
			}
			const id = cells.ids[cell]!;
			throw new Error(
				id === total
					? `suppression: equation for ${total} lists itself as a part`
					: `suppression: equation for ${total} lists part ${id} twice`
			);
		}
	}
}

/** Equation indices sorted by total id, then (only where totals tie) by sorted part ids. */
function canonicalOrder(raw: RawEquations, ids: string[]): number[] {
	const sortedParts: (string[] | undefined)[] = [];
	const partsOf = (e: number): string[] =>
		(sortedParts[e] ??= raw.members
			.slice(raw.start[e]! + 1, raw.start[e + 1])
			.map((cell) => ids[cell]!)
			.sort(compareIds));
	const totalOf = (e: number): string => ids[raw.members[raw.start[e]!]!]!;
	const order = Array.from({ length: raw.start.length - 1 }, (_, e) => e);
	return order.sort(
		(a, b) => compareIds(totalOf(a), totalOf(b)) || compareIdLists(partsOf(a), partsOf(b))
	);
}

/** Code-unit order: locale-independent, so the same on every server. */
function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdLists(a: string[], b: string[]): number {
	const length = Math.min(a.length, b.length);
	for (let i = 0; i < length; i++) {
		const byId = compareIds(a[i]!, b[i]!);
		if (byId !== 0) return byId;
	}
	return a.length - b.length;
}

/** Counting sort into a compressed index, so no per-cell arrays are allocated. */
function indexByCell(
	members: Int32Array,
	start: Int32Array,
	cellCount: number
): Pick<System, 'equationsOf' | 'cellStart'> {
	const cellStart = new Int32Array(cellCount + 1);
	for (const cell of members) cellStart[cell + 1]!++;
	for (let c = 0; c < cellCount; c++) cellStart[c + 1]! += cellStart[c]!;
	const next = cellStart.slice(0, cellCount);
	const equationsOf = new Int32Array(members.length);
	for (let e = 0; e + 1 < start.length; e++) {
		for (let i = start[e]!; i < start[e + 1]!; i++) equationsOf[next[members[i]!]!++] = e;
	}
	return { equationsOf, cellStart };
}

const CODES: SuppressionReason[] = ['primary', 'attribute', 'secondary'];

/** Which cells are hidden and, per equation, what its hidden members hold. */
class SuppressionState {
	/** 0 shown, else 1 + the index of the reason in CODES. */
	private readonly reason: Uint8Array;
	private readonly totalHidden: Uint8Array;
	private readonly hiddenParts: Int32Array;
	/** The hidden parts' n, summed. */
	private readonly hiddenN: Float64Array;
	private readonly queued: Uint8Array;
	/** Equations to look at again, first in canonical order, then as they come. */
	private readonly queue: number[] = [];

	constructor(
		private readonly cells: CellTable,
		private readonly system: System,
		private readonly threshold: number
	) {
		const equations = system.start.length - 1;
		this.reason = new Uint8Array(cells.ids.length);
		this.totalHidden = new Uint8Array(equations);
		this.hiddenParts = new Int32Array(equations);
		this.hiddenN = new Float64Array(equations);
		this.queued = new Uint8Array(equations);
	}

	hide(cell: number, reason: SuppressionReason): void {
		const { equationsOf, cellStart, members, start } = this.system;
		if (this.reason[cell]) return;
		this.reason[cell] = CODES.indexOf(reason) + 1;
		for (let i = cellStart[cell]!; i < cellStart[cell + 1]!; i++) {
			const equation = equationsOf[i]!;
			if (members[start[equation]!] === cell) this.totalHidden[equation] = 1;
			else {
				this.hiddenParts[equation]!++;
				this.hiddenN[equation]! += this.cells.n[cell]!;
			}
			if (!this.queued[equation]) {
				this.queued[equation] = 1;
				this.queue.push(equation);
			}
		}
	}

	/**
	 * Primary hiding queues equations in cell order; re-sort so the walk starts in canonical
	 * equation order, then hide one more member of each equation that falls short until none does.
	 */
	resolve(): void {
		this.queue.sort((a, b) => a - b);
		for (let head = 0; head < this.queue.length; head++) {
			const equation = this.queue[head]!;
			this.queued[equation] = 0;
			while (this.fallsShort(equation)) {
				const partner = this.partnerFor(equation);
				// None only when the data is not additive (e.g. a hidden part under a zero total).
				if (partner === undefined) break;
				this.hide(partner, 'secondary');
			}
		}
	}

	/**
	 * Finds the hidden cells whose value follows from the shown cells and the equations alone
	 * (whatever values the other hidden cells take), and hides one more cell beside each: the
	 * shown member with the smallest nonzero n of any equation it is in, else such a total.
	 * Returns how many cells it hid.
	 */
	hidePartnersOfDetermined(): number {
		const { members, start, equationsOf, cellStart } = this.system;
		const { n, w, ids } = this.cells;
		const hidden: number[] = [];
		this.reason.forEach((code, cell) => {
			if (code) hidden.push(cell);
		});
		const determined = determinedCells(hidden, this.reason.length, members, start);
		const chosen = new Set<number>();
		for (const cell of determined) {
			let best: number | undefined;
			let bestIsTotal = true;
			for (let i = cellStart[cell]!; i < cellStart[cell + 1]!; i++) {
				const e = equationsOf[i]!;
				for (let j = start[e]!; j < start[e + 1]!; j++) {
					const m = members[j]!;
					if (this.reason[m] || w[m] === 0 || chosen.has(m)) continue;
					const isTotal = j === start[e];
					// A part with answers that took a position is best; a total only when no part will do.
					const better =
						best === undefined ||
						(bestIsTotal && !isTotal) ||
						(bestIsTotal === isTotal &&
							(n[m]! < n[best]! || (n[m] === n[best] && ids[m]! < ids[best]!)));
					if (better) {
						best = m;
						bestIsTotal = isTotal;
					}
				}
			}
			if (best !== undefined) chosen.add(best);
		}
		for (const cell of [...chosen].sort((a, b) => a - b)) this.hide(cell, 'secondary');
		return chosen.size;
	}

	private fallsShort(equation: number): boolean {
		const parts = this.hiddenParts[equation]!;
		if (this.totalHidden[equation]) return parts === 0;
		return parts === 1 || (parts > 1 && this.hiddenN[equation]! < this.threshold);
	}

	/**
	 * The unhidden part with the smallest nonzero n; for a single hidden part that already holds
	 * enough, any part with answers will do. Else the total if unhidden and holding answers.
	 */
	private partnerFor(equation: number): number | undefined {
		const { members, start } = this.system;
		const { n, w, ids } = this.cells;
		const needN = this.hiddenN[equation]! < this.threshold;
		let best: number | undefined;
		for (let i = start[equation]! + 1; i < start[equation + 1]!; i++) {
			const part = members[i]!;
			// A known zero hides nothing, so hiding it would not protect the other member.
			if (this.reason[part] || w[part] === 0 || (needN && n[part] === 0)) continue;
			const open = this.cells.openFirst[part]!;
			if (
				best === undefined ||
				(open && !this.cells.openFirst[best]) ||
				(open === this.cells.openFirst[best] &&
					(n[part]! < n[best]! || (n[part] === n[best] && ids[part]! < ids[best]!)))
			) {
				best = part;
			}
		}
		const total = members[start[equation]!]!;
		const totalFree = !this.reason[total] && w[total]! > 0;
		// A figure of a period still under way goes before a settled one, even a total.
		const { openFirst } = this.cells;
		if (totalFree && openFirst[total] && (best === undefined || !openFirst[best])) return total;
		if (best !== undefined) return best;
		return totalFree ? total : undefined;
	}

	reasons(): Map<string, SuppressionReason> {
		const result = new Map<string, SuppressionReason>();
		this.reason.forEach((code, cell) => {
			if (code) result.set(this.cells.ids[cell]!, CODES[code - 1]!);
		});
		return result;
	}
}

/**
 * The hidden cells whose value is fixed by the equations once every shown cell is known: those
 * at which every solution of the homogeneous system (the equations restricted to hidden cells)
 * is zero. Worked modulo a prime with two pseudo-random solutions, so a cell that could vary is
 * taken as fixed only with chance about 1 in 10^15 (then it is merely hidden beside one more).
 * Deterministic: the same cells and equations give the same answer on every server.
 */
export function determinedCells(
	hidden: number[],
	cellCount: number,
	members: Int32Array,
	start: Int32Array
): number[] {
	if (hidden.length === 0) return [];
	const column = new Int32Array(cellCount).fill(-1);
	hidden.forEach((cell, c) => (column[cell] = c));
	const pivots = new Map<number, SparseRow>();
	for (let e = 0; e + 1 < start.length; e++) {
		let row: SparseRow = { cols: [], coefs: [] };
		for (let i = start[e]!; i < start[e + 1]!; i++) {
			const c = column[members[i]!]!;
			if (c < 0) continue;
			row.cols.push(c);
			row.coefs.push(i === start[e] ? PRIME - 1 : 1);
		}
		if (row.cols.length === 0) continue;
		row = sortRow(row);
		// Forward elimination to echelon form: each stored row leads with 1 at its pivot column.
		while (row.cols.length) {
			const pivot = pivots.get(row.cols[0]!);
			if (!pivot) break;
			row = subtract(row, row.coefs[0]!, pivot);
		}
		if (row.cols.length) pivots.set(row.cols[0]!, scale(row, inverse(row.coefs[0]!)));
	}
	const solutions = [20261201, 19700101].map((seed) => nullSolution(hidden.length, pivots, seed));
	return hidden.filter((_, c) => solutions.every((v) => v[c] === 0));
}

interface SparseRow {
	cols: number[];
	coefs: number[];
}

/** A prime below 2^26, so a product of two residues stays exact in a double. */
const PRIME = 67108859;

const mod = (x: number) => ((x % PRIME) + PRIME) % PRIME;
const mulmod = (a: number, b: number) => mod(a * b);

function inverse(a: number): number {
	let [t, nt, r, nr] = [0, 1, PRIME, a];
	while (nr !== 0) {
		const q = Math.floor(r / nr);
		[t, nt] = [nt, t - q * nt];
		[r, nr] = [nr, r - q * nr];
	}
	return mod(t);
}

function sortRow(row: SparseRow): SparseRow {
	const order = row.cols.map((_, i) => i).sort((a, b) => row.cols[a]! - row.cols[b]!);
	return { cols: order.map((i) => row.cols[i]!), coefs: order.map((i) => row.coefs[i]!) };
}

function scale(row: SparseRow, f: number): SparseRow {
	return { cols: row.cols, coefs: row.coefs.map((c) => mulmod(c, f)) };
}

/** row − f × pivot, both sorted by column; zeros dropped. */
function subtract(row: SparseRow, f: number, pivot: SparseRow): SparseRow {
	const out: SparseRow = { cols: [], coefs: [] };
	let i = 0;
	let j = 0;
	while (i < row.cols.length || j < pivot.cols.length) {
		const a = i < row.cols.length ? row.cols[i]! : Infinity;
		const b = j < pivot.cols.length ? pivot.cols[j]! : Infinity;
		let col: number;
		let value: number;
		if (a < b) {
			col = a;
			value = row.coefs[i++]!;
		} else if (b < a) {
			col = b;
			value = mod(-mulmod(f, pivot.coefs[j++]!));
		} else {
			col = a;
			value = mod(row.coefs[i++]! - mulmod(f, pivot.coefs[j++]!));
		}
		if (value !== 0) {
			out.cols.push(col);
			out.coefs.push(value);
		}
	}
	return out;
}

/** One solution of the homogeneous system: pseudo-random free columns, the pivots solved. */
function nullSolution(columns: number, pivots: Map<number, SparseRow>, seed: number): Int32Array {
	const v = new Int32Array(columns);
	let state = seed >>> 0;
	const next = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return 1 + (state % (PRIME - 1));
	};
	for (let c = columns - 1; c >= 0; c--) {
		const row = pivots.get(c);
		if (!row) {
			v[c] = next();
			continue;
		}
		let sum = 0;
		for (let k = 1; k < row.cols.length; k++)
			sum = mod(sum + mulmod(row.coefs[k]!, v[row.cols[k]!]!));
		v[c] = mod(-sum);
	}
	return v;
}
