import { CompiledQuery } from 'kysely';
import type { DB } from '../db/connect';

// pg-boss reaches the database through this object instead of a pool of its own, so that its
// jobs live in the app's own database on both drivers: PostgreSQL (DATABASE_URL) and embedded
// PGlite. Queries with parameters go through Kysely as they are; those without may hold several
// statements (its schema, its upkeep), which each driver runs its own way (connect.ts `script`).

export interface BossDb {
	executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export function bossDb(db: DB, script: (text: string) => Promise<unknown[]>): BossDb {
	return {
		async executeSql(text, values) {
			if (!values?.length) return { rows: await script(text) };
			const result = await db.executeQuery(CompiledQuery.raw(text, values));
			return { rows: result.rows ?? [] };
		}
	};
}

/** Runs a script on a Kysely connection to PostgreSQL (the simple protocol takes several statements). */
export const postgresScript = (db: DB) => async (text: string) =>
	(await db.executeQuery(CompiledQuery.raw(text))).rows ?? [];
