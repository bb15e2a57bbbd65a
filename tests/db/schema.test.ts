import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableColumns } from '../../src/lib/server/db/columns';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

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
		const expected = Object.fromEntries(
			Object.entries(tableColumns).map(([t, cols]) => [t, [...cols].sort()])
		);
		expect(actual).toEqual(expected);
	});
});
