import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Connection } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

// Database tests run on embedded PGlite always, and again on a real PostgreSQL server when
// TEST_DATABASE_URL is set. REQUIRE_POSTGRES=1 (set by .ci/run) turns a missing server into a
// failure instead of a quiet PGlite-only run.
export type DatabaseKind = 'pglite' | 'postgres';

const url = process.env.TEST_DATABASE_URL;
if (process.env.REQUIRE_POSTGRES === '1' && !url) {
	throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
}
export const databaseKinds: DatabaseKind[] = url ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Connection {
	/** The PostgreSQL schema this database lives in (none for PGlite). */
	schema?: string;
	/** Closes the connection and removes everything the test created. */
	drop(): Promise<void>;
}

/** A freshly migrated database: a new in-memory PGlite, or a new schema on the PostgreSQL server. */
export async function freshDatabase(kind: DatabaseKind, migrate = true): Promise<TestDatabase> {
	if (kind === 'pglite') {
		const connection = await connect({ dataDir: 'memory://' });
		if (migrate) await migrateToLatest(connection.db);
		return { ...connection, drop: connection.close };
	}
	const schema = `test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create schema ${schema}`);
	await admin.end();
	const connection = await connect({ url, schema });
	if (migrate) await migrateToLatest(connection.db);
	return {
		...connection,
		schema,
		drop: async () => {
			await connection.close();
			const c = new pg.Client({ connectionString: url });
			await c.connect();
			await c.query(`drop schema ${schema} cascade`);
			// The job queue's tables, beside the schema (src/lib/server/jobs/boss.ts).
			await c.query(`drop schema if exists ${schema}_jobs cascade`);
			await c.end();
		}
	};
}
