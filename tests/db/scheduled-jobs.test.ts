import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expiredSignInsCleared } from '../../src/lib/server/auth/jobs';
import { JOBS } from '../../src/lib/server/jobs/all';
import { installQueue, queueSchema } from '../../src/lib/server/jobs/boss';
import { postgresScript } from '../../src/lib/server/jobs/adapter';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// The scheduled jobs: installed with their crons in London time, and each one idempotent.

const SETTINGS = { timeoutSeconds: 60, retryDelaySeconds: 1 };
const HOUR = 3600_000;

describe.each(databaseKinds)('scheduled jobs on %s', { timeout: 120_000 }, (kind) => {
	let database: TestDatabase;
	const script = () =>
		kind === 'postgres' ? postgresScript(database.db) : database.script.bind(database);
	const schedules = async () => {
		const schema = await queueSchema(database.db);
		const { rows } = await sql<{ name: string; cron: string; timezone: string }>`
			select name, cron, timezone from ${sql.table(`${schema}.schedule`)} order by name`.execute(
			database.db
		);
		return rows;
	};

	beforeEach(async () => {
		database = await freshDatabase(kind);
	});
	afterEach(() => database.drop());

	it('installs the nightly retention and the hourly clearing, in London time', async () => {
		// These two jobs' own schedules (the notifications add theirs beside them).
		const OWN = JOBS.filter((j) => ['retention.nightly', 'sign-in.clear-expired'].includes(j.name));
		await installQueue(database.db, script(), OWN, SETTINGS);
		expect(await schedules()).toEqual([
			{ name: 'retention.nightly', cron: '30 2 * * *', timezone: 'Europe/London' },
			{ name: 'sign-in.clear-expired', cron: '15 * * * *', timezone: 'Europe/London' }
		]);
		// A test setting moves every schedule; a later start without it moves them back.
		await installQueue(database.db, script(), OWN, { ...SETTINGS, testSchedule: '* * * * *' });
		expect((await schedules()).map((s) => s.cron)).toEqual(['* * * * *', '* * * * *']);
		await installQueue(database.db, script(), OWN.slice(1), SETTINGS);
		expect((await schedules()).map((s) => s.name)).toEqual(['sign-in.clear-expired']);
	});

	it('clears expired sessions, links, sign-ins and rate limits, once', async () => {
		const db = database.db;
		const now = new Date();
		const { id: userId } = await db
			.insertInto('app_user')
			.values({
				email: 'admin@example.org',
				display_name: 'Admin',
				role: 'administrator',
				password_hash: '!',
				council_id: null,
				provider_id: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const at = (ms: number) => new Date(now.getTime() + ms);
		await db
			.insertInto('session')
			.values([
				{ id_hash: 'old', user_id: userId, expires_at: at(-HOUR) },
				{ id_hash: 'live', user_id: userId, expires_at: at(HOUR) }
			])
			.execute();
		await db
			.insertInto('password_reset')
			.values([
				{ token_hash: 'old', user_id: userId, created_by: null, expires_at: at(-HOUR) },
				{ token_hash: 'live', user_id: userId, created_by: null, expires_at: at(HOUR) }
			])
			.execute();
		const pending = (id: string, expires: Date) => ({
			id_hash: id,
			state: 's',
			nonce: 'n',
			code_verifier: 'v',
			return_to: '/staff',
			expires_at: expires
		});
		await db
			.insertInto('oidc_sign_in')
			.values([pending('old', at(-HOUR)), pending('live', at(HOUR))])
			.execute();
		await db
			.insertInto('rate_limit')
			.values([
				{ key: 'old', window_start: at(-48 * HOUR), hits: 3 },
				{ key: 'live', window_start: at(-HOUR), hits: 3 }
			])
			.execute();

		await expiredSignInsCleared.run(undefined, { db, now });
		await expiredSignInsCleared.run(undefined, { db, now });

		for (const [table, key] of [
			['session', 'id_hash'],
			['password_reset', 'token_hash'],
			['oidc_sign_in', 'id_hash'],
			['rate_limit', 'key']
		] as const) {
			const { rows } = await sql<{ key: string }>`select ${sql.ref(key)} as key from ${sql.table(
				table
			)}`.execute(db);
			expect(rows, table).toEqual([{ key: 'live' }]);
		}
	});
});
