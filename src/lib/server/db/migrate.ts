import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../../migrations/index';
import type { DB } from './connect';

// `schema` keeps Kysely's own bookkeeping tables in the same schema as the app's tables (tests
// run each database in a schema of its own on one server).
function migrator(db: DB, schema?: string): Migrator {
	return new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		...(schema ? { migrationTableSchema: schema } : {})
	});
}

function check({ error, results }: MigrationResultSet): string[] {
	if (error) {
		const failed = results?.find((r) => r.status === 'Error');
		const where = failed ? ` in ${failed.migrationName}` : '';
		throw new Error(`Migration failed${where}: ${error instanceof Error ? error.message : error}`);
	}
	return (results ?? []).map((r) => r.migrationName);
}

/** Applies every migration not yet applied; returns the names applied now. */
export async function migrateToLatest(db: DB, schema?: string): Promise<string[]> {
	return check(await migrator(db, schema).migrateToLatest());
}

/** Reverts the most recent migration; returns its name (none if nothing was applied). */
export async function rollbackOne(db: DB, schema?: string): Promise<string[]> {
	return check(await migrator(db, schema).migrateDown());
}
