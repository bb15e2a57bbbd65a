import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTables, TABLES_FILE } from '../../src/lib/server/db/codegen';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// The app's queries are checked against src/lib/server/db/tables.ts; these tests hold it to the
// migrations on both databases the app runs on.
const committed = readFileSync(TABLES_FILE, 'utf8');
const STALE =
	'src/lib/server/db/tables.ts differs from the migrated schema: run `npm run db:types`';

/** Every table with its columns, sorted, as tables.ts declares them in its `DB` interface. */
function declaredColumns(source: string): Record<string, string[]> {
	const file = ts.createSourceFile('tables.ts', source, ts.ScriptTarget.Latest);
	const interfaces = new Map(
		file.statements.filter(ts.isInterfaceDeclaration).map((i) => [i.name.text, i])
	);
	const properties = (i: ts.InterfaceDeclaration | undefined) =>
		(i?.members ?? []).flatMap((p) =>
			ts.isPropertySignature(p) ? [{ name: p.name.getText(file), type: p.type?.getText(file) }] : []
		);
	return Object.fromEntries(
		properties(interfaces.get('DB')).map(({ name, type }) => [
			name,
			properties(interfaces.get(type ?? ''))
				.map((c) => c.name)
				.sort()
		])
	);
}

describe.each(databaseKinds)('the app types against the migrated schema on %s', (kind) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await freshDatabase(kind);
	});
	afterAll(async () => database?.drop());

	it('has exactly the tables and columns the app declares', async () => {
		const tables = await database.db.introspection.getTables();
		const actual = Object.fromEntries(
			tables
				.filter((t) => (t.schema ?? 'public') === (database.schema ?? 'public'))
				.map((t) => [t.name, t.columns.map((c) => c.name).sort()])
		);
		const expected = declaredColumns(committed);
		expect(Object.keys(expected).length).toBeGreaterThan(0);
		expect(actual).toEqual(expected);
	});

	it('gives every column the type, nullability and default tables.ts declares', async () => {
		expect(await generateTables(database.db, database.schema), STALE).toBe(committed);
	});
});
