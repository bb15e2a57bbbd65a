import type { MeasureDefinition } from '../catalogue/measures';
import type { DB } from './connect';

/** Brings the measure table in step with the catalogue file (labels may be corrected; ids never change). */
export async function syncCatalogue(db: DB, measures: MeasureDefinition[]): Promise<void> {
	if (measures.length === 0) return;
	await db
		.insertInto('measure')
		.values(measures.map((m, position) => ({ ...m, position })))
		.onConflict((oc) =>
			oc.column('id').doUpdateSet((eb) => ({
				label: eb.ref('excluded.label'),
				outcome: eb.ref('excluded.outcome'),
				framework: eb.ref('excluded.framework'),
				respondent: eb.ref('excluded.respondent'),
				kind: eb.ref('excluded.kind'),
				position: eb.ref('excluded.position')
			}))
		)
		.execute();
}

export function list(db: DB) {
	return db.selectFrom('measure').selectAll().orderBy('position').execute();
}
