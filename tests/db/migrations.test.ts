import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { migrateToLatest, rollbackOne } from '../../src/lib/server/db/migrate';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

const tablesQuery = sql<{ table_name: string }>`
	select table_name from information_schema.tables
	where table_schema = current_schema() and table_name not like 'kysely_%'
	order by table_name`;

it('lists every migration file in migrations/index.ts, in date order', () => {
	const files = readdirSync('migrations')
		.filter((f) => /^\d{4}-\d{2}-\d{2}T.*\.ts$/.test(f))
		.map((f) => f.replace(/\.ts$/, ''))
		.sort();
	expect(Object.keys(migrations)).toEqual(files);
});

describe.each(databaseKinds)('migrations on %s', (kind) => {
	let database: TestDatabase;
	afterEach(async () => database?.drop());

	it('applies all migrations, is a no-op the second time, and rolls back to an empty schema', async () => {
		database = await freshDatabase(kind, false);
		const { db } = database;
		expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
		expect(await migrateToLatest(db)).toEqual([]);
		const tables = (await tablesQuery.execute(db)).rows.map((r) => r.table_name);
		expect(tables).toContain('answer');
		expect(tables).toContain('survey_version');
		for (let i = 0; i < Object.keys(migrations).length; i++) await rollbackOne(db);
		expect((await tablesQuery.execute(db)).rows).toEqual([]);
		// …and up again, proving `down` left nothing behind that blocks `up`.
		expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
	});
});
