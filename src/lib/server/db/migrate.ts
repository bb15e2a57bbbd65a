import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../../migrations/index';
import type { DB } from './connect';

// Kysely's bookkeeping tables go in the schema the connection works in (its search_path), so that
// several databases can live side by side in schemas of one server, as the tests do.
async function migrator(db: DB): Promise<Migrator> {
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
	return new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		migrationTableSchema: rows[0]?.schema ?? 'public'
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
export async function migrateToLatest(db: DB): Promise<string[]> {
	return check(await (await migrator(db)).migrateToLatest());
}

/** Reverts the most recent migration; returns its name (none if nothing was applied). */
export async function rollbackOne(db: DB): Promise<string[]> {
	return check(await (await migrator(db)).migrateDown());
}
