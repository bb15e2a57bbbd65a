// `npm run db:types`: migrates a scratch schema on the PostgreSQL server at TEST_DATABASE_URL (the
// local test server by default), writes the tables' types from it to src/lib/server/db/tables.ts
// and drops the schema again. Run it after adding a migration, and commit tables.ts with it.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { sql } from 'kysely';
import { generateTables, TABLES_FILE } from '../lib/server/db/codegen';
import { connect } from '../lib/server/db/connect';
import { migrateToLatest } from '../lib/server/db/migrate';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `db_types_${randomBytes(6).toString('hex')}`;
const { db, close } = await connect({ url, schema });
const file = relative(process.cwd(), TABLES_FILE);
try {
	await sql`create schema ${sql.id(schema)}`.execute(db);
	try {
		await migrateToLatest(db);
		const text = await generateTables(db, schema);
		const before = await readFile(TABLES_FILE, 'utf8').catch(() => '');
		if (text === before) console.log(`${file} is up to date.`);
		else {
			await writeFile(TABLES_FILE, text);
			console.log(`Wrote ${file}: commit it with the migration.`);
		}
	} finally {
		await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
	}
} catch (e) {
	console.error(`Could not generate ${file} on ${new URL(url).host}: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	await close();
}
