import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/database';
import { scratchSchema } from '../helpers/postgres';
import { startServer, tempDir, type RunningServer } from '../helpers/server';

// Several app servers share one job queue in PostgreSQL. Each scheduled job is sent once per tick
// whichever servers run, and a job that was running on a server that is killed is not lost: it is
// taken as lost after JOB_TIMEOUT_SECONDS and run again by a server that is up. The schedules are
// moved to every minute (JOB_TEST_SCHEDULE) so that the test sees ticks without waiting a night.

const SCHEDULED = ['retention.nightly', 'sign-in.clear-expired'];

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 180_000) {
	const end = Date.now() + ms;
	for (;;) {
		const found = await check();
		if (found !== undefined) return found;
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

describe.runIf(databaseKinds.includes('postgres'))(
	'app servers sharing one job queue',
	{ timeout: 420_000 },
	() => {
		const servers: RunningServer[] = [];
		const cleanups: (() => Promise<void>)[] = [];
		afterAll(async () => {
			await Promise.all(servers.map((s) => s.stop()));
			for (const c of cleanups) await c();
		});

		const target = async (extra: Record<string, string> = {}) => {
			const scratch = await scratchSchema(process.env.TEST_DATABASE_URL!);
			const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
			await client.connect();
			cleanups.push(async () => {
				await client.end();
				await scratch.drop();
			});
			const env = {
				DATABASE_URL: scratch.url,
				SECRET_KEY: randomBytes(32).toString('base64'),
				JOB_TEST_SCHEDULE: '* * * * *',
				...extra
			};
			const start = async () => {
				const s = await startServer({ ...env, DATA_DIR: tempDir('voices-jobs-') });
				servers.push(s);
				return s;
			};
			return { schema: scratch.schema, client, start };
		};

		it('runs each scheduled job once per tick with two servers', async () => {
			const { schema, client, start } = await target();
			await Promise.all([start(), start()]);
			const runs = async () =>
				(
					await client.query<{ name: string; minute: string; n: string; done: string }>(
						`select name, date_trunc('minute', created_on)::text as minute, count(*) as n,
							count(*) filter (where state = 'completed') as done
						from (select name, created_on, state::text from ${schema}_jobs.job
							union all select name, created_on, state::text from ${schema}_jobs.archive) j
						where name = any($1) group by name, minute order by minute, name`,
						[SCHEDULED]
					)
				).rows;
			// Two ticks of each job done: a second server sending the same tick would show by then.
			const seen = await until('two ticks of each job', async () => {
				const rows = await runs();
				const done = SCHEDULED.map((n) => rows.filter((r) => r.name === n && r.done === '1'));
				return done.every((d) => d.length >= 2) ? rows : undefined;
			});
			for (const row of seen) expect(row, `${row.name} at ${row.minute}`).toMatchObject({ n: '1' });
		});

		it('finishes a job whose server was killed while it ran', async () => {
			const { schema, client, start } = await target({ JOB_TIMEOUT_SECONDS: '10' });
			const first = await start();
			// The clearing job waits on this lock when it comes to delete expired sessions: it is
			// running, and stays so, when its server is killed.
			await client.query('begin');
			await client.query(`lock table ${schema}.session in access exclusive mode`);
			const job = await until('the clearing job to be running', async () => {
				const { rows } = await client.query<{ id: string }>(
					`select id from ${schema}_jobs.job where name = 'sign-in.clear-expired' and state = 'active'`
				);
				return rows[0]?.id;
			});
			await first.kill();
			await client.query('rollback');
			// A server started again on the same database finishes the same job.
			await start();
			const finished = await until('the job to be finished', async () => {
				const { rows } = await client.query<{ state: string; retry_count: number }>(
					`select state::text, retry_count from ${schema}_jobs.job where id = $1
					union all select state::text, retry_count from ${schema}_jobs.archive where id = $1`,
					[job]
				);
				return rows[0]?.state === 'completed' ? rows[0] : undefined;
			});
			expect(finished.retry_count).toBeGreaterThanOrEqual(1);
		});
	}
);
