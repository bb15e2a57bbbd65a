import type { Assembled } from './assemble';
import type { Cell } from './item-figures';

/**
 * Erasing a child from the returns already submitted. A revision keeps its figures exactly as
 * submitted, but not what identifies a child: the child's own rows keep their id (shown as
 * "Erased") and their numbers, and lose every typed text (why the placement broke down, the
 * report's evaluation); any other text of the return that mentions the child (an incident
 * summary, an activity's name, the council's comment) is replaced whole.
 */

/** Columns of a child's row that hold recorded facts, not typed text: kept at erasure. */
const FACT_COLUMNS = new Set(['Service', 'Placement ended on', 'Report completed on', 'Outcomes']);

export interface RevisionTexts {
	entered: Record<string, unknown>;
	assembled: Record<string, unknown> | null;
	comment: string | null;
}

export interface ChildInReturn {
	childId: string;
	mentions: (text: string) => boolean;
	removed: string;
}

function scrubAssembled(a: Assembled, c: ChildInReturn): Assembled {
	const text = <T>(v: T): T | string => (typeof v === 'string' && c.mentions(v) ? c.removed : v);
	return {
		...a,
		comment: a.comment === null ? null : text(a.comment),
		sections: a.sections.map((s) => ({
			...s,
			items: s.items.map((i) => ({
				...i,
				rows: i.rows.map((r) => ({ ...r, label: text(r.label), value: text(r.value) })),
				...(i.table
					? {
							table: {
								...i.table,
								rows: i.table.rows.map((row) => ({
									...row,
									cells: row.cells.map((cell, n): Cell => {
										const own = row.childId === c.childId;
										if (own && n < i.table!.identityColumns) return null;
										if (own && typeof cell === 'string' && !FACT_COLUMNS.has(i.table!.columns[n]!))
											return c.removed;
										return text(cell);
									})
								}))
							}
						}
					: {})
			}))
		}))
	};
}

/** A revision's texts with the child erased from them, and whether anything changed. */
export function eraseFromRevision(
	r: RevisionTexts,
	c: ChildInReturn
): { texts: RevisionTexts; changed: boolean } {
	const texts: RevisionTexts = {
		entered: Object.fromEntries(
			Object.entries(r.entered).map(([k, v]) => [
				k,
				typeof v === 'string' && c.mentions(v) ? c.removed : v
			])
		),
		assembled: r.assembled
			? (scrubAssembled(r.assembled as unknown as Assembled, c) as unknown as Record<
					string,
					unknown
				>)
			: null,
		comment: r.comment !== null && c.mentions(r.comment) ? c.removed : r.comment
	};
	return { texts, changed: JSON.stringify(texts) !== JSON.stringify(r) };
}
