/**
 * Small-number suppression for the dashboard. A cell whose count is small enough to identify a
 * child is hidden ("c"), and further cells are hidden so that no hidden count can be worked out
 * by subtraction from totals, subtotals or other breakdowns of the same data.
 *
 * Pure: no I/O, no clock. The result depends only on the set of cells and equations, never on the
 * order they are given in.
 */

export interface SuppressionCell {
	id: string;
	/** The cell's denominator: answers that took a position. */
	n: number;
	/** The part of the same cell left out by a filter (e.g. answers an adult gave for the child). */
	complementN?: number;
}

/** total = sum of parts (additive: parts partition the total). */
export interface Equation {
	total: string;
	parts: string[];
}

export type SuppressionReason = 'primary' | 'secondary';

export const DEFAULT_THRESHOLD = 5;
const MAX_THRESHOLD = 1000;

/** Reads SUPPRESSION_THRESHOLD; unset or empty means the default. */
export function thresholdFrom(value: string | undefined): number {
	if (value === undefined || value === '') return DEFAULT_THRESHOLD;
	const text = value.trim();
	// Digits only: Number() would accept '2.5', '1e2', '0x10' and ' ' (as 0).
	const parsed = /^[0-9]+$/.test(text) ? Number(text) : NaN;
	if (!(parsed >= 1 && parsed <= MAX_THRESHOLD)) {
		throw new Error(
			`SUPPRESSION_THRESHOLD must be a whole number from 1 to ${MAX_THRESHOLD}; got ${JSON.stringify(value)}`
		);
	}
	return parsed;
}

/**
 * Returns id → reason for every cell to hide.
 *
 * Primary: 0 < n < threshold, or 0 < complementN < threshold (when n > 0; a zero hides nothing).
 * Secondary: no equation may have exactly one hidden member. While one does, hide its unhidden
 * part with the smallest nonzero n (ties: smallest id by code-unit order); if there is none, its
 * total when nonzero. Equations are worked through in a canonical order (by total, then sorted
 * parts) from a FIFO worklist, so the answer is deterministic whatever the input order.
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
	const state = new SuppressionState(cellTable, system);
	for (const cell of cellTable.primary) state.hide(cell, PRIMARY);
	state.resolveSingletons();
	return state.reasons();
}

/**
 * Cells as integer indices, so the fixpoint loop does no string hashing. Cells that equations
 * name but `cells` does not are appended with n = 0: nothing was counted, so nothing to hide.
 */
interface CellTable {
	indexOf: Map<string, number>;
	ids: string[];
	n: number[];
	primary: number[];
}

function readCells(cells: Iterable<SuppressionCell>, threshold: number): CellTable {
	const table: CellTable = { indexOf: new Map(), ids: [], n: [], primary: [] };
	for (const cell of cells) {
		assertCount(cell.id, 'n', cell.n);
		if (cell.complementN !== undefined) assertCount(cell.id, 'complementN', cell.complementN);
		const index = table.ids.length;
		// One map operation per cell: a repeat leaves the size unchanged.
		table.indexOf.set(cell.id, index);
		if (table.indexOf.size === index) {
			throw new Error(`suppression: cell ${cell.id} is given twice`);
		}
		table.ids.push(cell.id);
		table.n.push(cell.n);
		if (isPrimary(cell, threshold)) table.primary.push(index);
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
	}
	return index;
}

function assertCount(id: string, field: string, value: number): void {
	if (!Number.isInteger(value) || value < 0) {
		throw new Error(`suppression: cell ${id} has ${field} ${value}; expected a whole number ≥ 0`);
	}
}

function isPrimary({ n, complementN = 0 }: SuppressionCell, threshold: number): boolean {
	if (n === 0) return false;
	// A small excluded part would be revealed by (unfiltered − filtered).
	return n < threshold || (complementN > 0 && complementN < threshold);
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

const PRIMARY = 1;
const SECONDARY = 2;
type ReasonCode = typeof PRIMARY | typeof SECONDARY;

/** Which cells are hidden and how many hidden members each equation has. */
class SuppressionState {
	/** 0 shown, else the ReasonCode. */
	private readonly reason: Uint8Array;
	private readonly hiddenCount: Int32Array;
	/** Equations that had exactly one hidden member when queued; re-checked when taken. */
	private readonly queue: number[] = [];

	constructor(
		private readonly cells: CellTable,
		private readonly system: System
	) {
		this.reason = new Uint8Array(cells.ids.length);
		this.hiddenCount = new Int32Array(system.start.length - 1);
	}

	hide(cell: number, reason: ReasonCode): void {
		const { equationsOf, cellStart } = this.system;
		this.reason[cell] = reason;
		for (let i = cellStart[cell]!; i < cellStart[cell + 1]!; i++) {
			const equation = equationsOf[i]!;
			// Counts only grow, so each equation is queued at most once.
			if (++this.hiddenCount[equation]! === 1) this.queue.push(equation);
		}
	}

	/**
	 * Primary hiding queues equations in cell order; re-sort so the walk starts in canonical
	 * equation order, then hide one more member of each singleton until none is left.
	 */
	resolveSingletons(): void {
		this.queue.sort((a, b) => a - b);
		for (let head = 0; head < this.queue.length; head++) {
			const equation = this.queue[head]!;
			if (this.hiddenCount[equation] !== 1) continue;
			const partner = this.partnerFor(equation);
			// None only when the data is not additive (e.g. a hidden part under a zero total).
			if (partner !== undefined) this.hide(partner, SECONDARY);
		}
	}

	/** The smallest nonzero shown part, else the total if shown and nonzero. */
	private partnerFor(equation: number): number | undefined {
		const { members, start } = this.system;
		const { n, ids } = this.cells;
		let best: number | undefined;
		for (let i = start[equation]! + 1; i < start[equation + 1]!; i++) {
			const part = members[i]!;
			// A known zero hides nothing, so hiding it would not protect the other member.
			if (this.reason[part] || n[part] === 0) continue;
			if (
				best === undefined ||
				n[part]! < n[best]! ||
				(n[part] === n[best] && ids[part]! < ids[best]!)
			) {
				best = part;
			}
		}
		if (best !== undefined) return best;
		const total = members[start[equation]!]!;
		return !this.reason[total] && n[total]! > 0 ? total : undefined;
	}

	reasons(): Map<string, SuppressionReason> {
		const result = new Map<string, SuppressionReason>();
		this.reason.forEach((code, cell) => {
			if (code) result.set(this.cells.ids[cell]!, code === PRIMARY ? 'primary' : 'secondary');
		});
		return result;
	}
}
