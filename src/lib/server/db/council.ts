import { sql } from 'kysely';
import type { DB } from './connect';
import type { NewCouncil } from './schema';

export function insert(db: DB, council: NewCouncil) {
	return db.insertInto('council').values(council).returningAll().executeTakeFirstOrThrow();
}

export function list(db: DB) {
	return db.selectFrom('council').selectAll().orderBy('name').execute();
}

export function findByCode(db: DB, code: string) {
	return db.selectFrom('council').selectAll().where('code', '=', code).executeTakeFirst();
}

export function find(db: DB, id: string) {
	return db.selectFrom('council').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a council's figures were last decided on: its figures' version and its own threshold. */
export async function figuresStamp(
	db: DB,
	id: string
): Promise<{ version: string; attributeThreshold: number | null }> {
	const row = await db
		.selectFrom('council')
		.leftJoin('figures_version', 'figures_version.council_id', 'council.id')
		.select([
			'council.attribute_threshold',
			sql<string>`coalesce(figures_version.version, 0)::text`.as('version')
		])
		.where('council.id', '=', id)
		.executeTakeFirst();
	return { version: row?.version ?? '0', attributeThreshold: row?.attribute_threshold ?? null };
}

/** Sets the council's own threshold for 0% and 100% figures (null: the default). */
export async function setAttributeThreshold(db: DB, id: string, value: number | null) {
	await db
		.updateTable('council')
		.set({ attribute_threshold: value })
		.where('id', '=', id)
		.execute();
	// Every server must decide the council's figures again under the new threshold.
	await sql`
		insert into figures_version as f (council_id, version) values (${id}, 1)
		on conflict (council_id) do update set version = f.version + 1`.execute(db);
}
