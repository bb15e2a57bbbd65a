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

/** The councils not retired: the only ones offered for anything new. */
export function listOpen(db: DB) {
	return db
		.selectFrom('council')
		.selectAll()
		.where('retired_at', 'is', null)
		.orderBy('name')
		.execute();
}

/** A council with this name, whatever its case (names are unique so). */
export function findByName(db: DB, name: string) {
	return db
		.selectFrom('council')
		.selectAll()
		.where(sql`lower(name)`, '=', name.toLowerCase())
		.executeTakeFirst();
}

export function update(db: DB, id: string, values: { code: string; name: string }) {
	return db.updateTable('council').set(values).where('id', '=', id).execute();
}

/** Retires a council not yet retired; whether it did. */
export async function retire(db: DB, id: string): Promise<boolean> {
	const r = await db
		.updateTable('council')
		.set({ retired_at: sql`now()` })
		.where('id', '=', id)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	return r.numUpdatedRows > 0n;
}

export function find(db: DB, id: string) {
	return db.selectFrom('council').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * What a council's figures are decided on: the version of each financial year's figures (by the
 * year's first day; a year not listed is at 0) and the council's own attribute threshold.
 */
export async function figuresStamp(
	db: DB,
	id: string
): Promise<{ versions: Map<string, string>; attributeThreshold: number | null }> {
	const [council, versions] = await Promise.all([
		db.selectFrom('council').select('attribute_threshold').where('id', '=', id).executeTakeFirst(),
		db
			.selectFrom('figures_version')
			.select([sql<string>`year::text`.as('year'), sql<string>`version::text`.as('version')])
			.where('council_id', '=', id)
			.execute()
	]);
	return {
		versions: new Map(versions.map((v) => [v.year.slice(0, 10), v.version])),
		attributeThreshold: council?.attribute_threshold ?? null
	};
}

/**
 * Sets the council's own threshold for 0% and 100% figures (null: the default). Decisions are
 * kept per threshold, so every server decides the council's figures under the new one at once.
 */
export async function setAttributeThreshold(db: DB, id: string, value: number | null) {
	await db
		.updateTable('council')
		.set({ attribute_threshold: value })
		.where('id', '=', id)
		.execute();
}

/** Whether the council's own accounts must sign in with the identity provider. */
export async function setRequireSso(db: DB, id: string, value: boolean) {
	await db.updateTable('council').set({ require_sso: value }).where('id', '=', id).execute();
}

/** True when the account belongs to a council that signs its accounts in with its provider. */
export async function requiresSso(db: DB, councilId: string | null): Promise<boolean> {
	if (!councilId) return false;
	const row = await db
		.selectFrom('council')
		.select('require_sso')
		.where('id', '=', councilId)
		.executeTakeFirst();
	return row?.require_sso === true;
}
