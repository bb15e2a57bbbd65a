import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, logError } from '../../src/lib/server/log';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// A database error's message and detail quote the row ("Failing row contains (RIV-0042, …)",
// "Key (reference)=(RIV-0042) already exists"): what reaches the log from either driver is its
// code, constraint, table and where it happened, with an error id, and never a child's reference.

const REF = 'RIV-0042';

function capture() {
	const lines: string[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			lines.push(...String(chunk).split('\n').filter(Boolean));
			done();
		}
	});
	return { logger: createLogger(stream), lines };
}

describe.each(databaseKinds)('logging a database error on %s', (kind) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await freshDatabase(kind, false);
		await sql`create table kid (reference text unique, age int constraint kid_age_ck check (age > 0))`.execute(
			database.db
		);
		await sql`insert into kid values (${REF}, 9)`.execute(database.db);
	});
	afterAll(() => database.drop());

	const failure = async (query: Promise<unknown>) => {
		try {
			await query;
		} catch (e) {
			return e;
		}
		throw new Error('The query did not fail');
	};

	it.each([
		['a duplicate key', () => sql`insert into kid values (${REF}, 3)`, '23505'],
		['a check violation', () => sql`insert into kid values (${`${REF}-B`}, -1)`, '23514']
	])('keeps %s’s code and constraint, and drops the row', async (_name, query, code) => {
		const error = await failure(query().execute(database.db));
		// The error itself does hold the reference: that is what must not be written.
		expect(JSON.stringify({ m: (error as Error).message, ...(error as object) })).toContain(REF);
		const { logger, lines } = capture();
		const errorId = logError(error, { route: '/staff/children' }, logger);
		expect(lines).toHaveLength(1);
		expect(lines[0]).not.toContain(REF);
		const entry = JSON.parse(lines[0]!);
		expect(entry).toMatchObject({
			level: 'error',
			errorId,
			route: '/staff/children',
			msg: 'unexpected error',
			err: { code }
		});
		expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
		expect(entry.err.constraint ?? entry.err.table).toBeTruthy();
	});

	it('removes personal fields given by mistake', () => {
		const { logger, lines } = capture();
		logger.info({ child: { reference: REF, id: 'c1' }, email: 'jo@example.org' }, 'seen');
		expect(lines[0]).not.toContain(REF);
		expect(lines[0]).not.toContain('jo@example.org');
		expect(JSON.parse(lines[0]!).child.id).toBe('c1');
	});
});
