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

/**
 * Runs `work` holding the start lock of the schema the connection works in: a PostgreSQL advisory
 * lock, so that app servers starting at once on one database migrate and seed it one after
 * another (each finds the work done by the one before), never side by side. `work` is given the
 * locked connection to use, so the lock needs no second connection from the pool.
 */
export function withStartLock<T>(db: DB, work: (db: DB) => Promise<T>): Promise<T> {
	const key = sql`hashtext(${'voices.start.'} || current_schema())`;
	return db.connection().execute(async (locked) => {
		await sql`select pg_advisory_lock(${key})`.execute(locked);
		try {
			return await work(locked);
		} finally {
			await sql`select pg_advisory_unlock(${key})`.execute(locked);
		}
	});
}

/** Whether the database answers and every migration this build knows is applied. */
export async function health(db: DB): Promise<{ ok: true } | { ok: false; problem: string }> {
	try {
		const pending = (await (await migrator(db)).getMigrations()).filter((m) => !m.executedAt);
		return pending.length
			? { ok: false, problem: `${pending.length} migrations not applied` }
			: { ok: true };
	} catch {
		return { ok: false, problem: 'database not reachable' };
	}
}
