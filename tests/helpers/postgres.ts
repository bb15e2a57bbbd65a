import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A new empty schema on the test server and a DATABASE_URL that works inside it. */
export async function scratchSchema(
	url: string
): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
	const schema = `e2e_${randomBytes(6).toString('hex')}`;
	const run = async (sql: string) => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		await client.query(sql);
		await client.end();
	};
	await run(`create schema ${schema}`);
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	return {
		url: scoped.toString(),
		schema,
		// The job queue keeps its tables in a schema beside the app's (src/lib/server/jobs/boss.ts).
		drop: () => run(`drop schema ${schema} cascade; drop schema if exists ${schema}_jobs cascade`)
	};
}
