import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineJob, type JobDefinition } from '../../src/lib/server/jobs/define';
import { installQueue, openQueue, type Queue } from '../../src/lib/server/jobs/boss';
import { postgresScript } from '../../src/lib/server/jobs/adapter';
import { jobStatuses } from '../../src/lib/server/jobs/status';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// The job queue on each driver: what is sent is kept in the database until a worker has run it,
// across a restart; a failing job is tried again and then shows as failed; a second send of the
// same key while the first waits is a no-op.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SETTINGS = { timeoutSeconds: 60, retryDelaySeconds: 1 };

/** Waits for `check` to hold, polling; fails with `what` after a generous while. */
async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000) {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe.each(databaseKinds)('the job queue on %s', { timeout: 120_000 }, (kind) => {
	let database: TestDatabase;
	const queues: Queue[] = [];
	const runs: { job: string; data: unknown }[] = [];
	let failures = 0;

	const noted = defineJob<{ id: string }>({
		name: 'test.noted',
		run: async (data) => {
			runs.push({ job: 'test.noted', data });
		}
	});
	const failing = defineJob<{ id: string }>({
		name: 'test.failing',
		retryLimit: 2,
		run: async () => {
			failures++;
			throw new Error('Failing row contains (CHILD-REF-123)');
		}
	});
	const jobs = [noted, failing] as JobDefinition<never>[];

	const script = () =>
		kind === 'postgres' ? postgresScript(database.db) : database.script.bind(database);
	const open = async (work: boolean) => {
		const queue = await openQueue(database, jobs, SETTINGS, work);
		queues.push(queue);
		return queue;
	};
	const states = async (name: string) => {
		const { rows } = await sql<{ state: string; retry_count: number; output: unknown }>`
			select state, retry_count, output from ${sql.table(`${queues[0]!.schema}.job`)}
			where name = ${name}`.execute(database.db);
		return rows;
	};

	beforeEach(async () => {
		database = await freshDatabase(kind);
		await installQueue(database.db, script(), jobs, SETTINGS);
		runs.length = 0;
		failures = 0;
	});
	afterEach(async () => {
		for (const q of queues.splice(0)) await q.stop();
		await database.drop();
	});

	it('runs a job sent before the workers started, after a restart', async () => {
		const sender = await open(false);
		await sender.enqueue(noted, { id: 'one' });
		await sender.stop();
		expect(runs).toEqual([]);
		// Another start of the app, on the same database: the job was kept, and now runs.
		await open(true);
		await until('the job to run', () => runs.length === 1);
		expect(runs).toEqual([{ job: 'test.noted', data: { id: 'one' } }]);
		await until('the job to be completed', async () =>
			(await states('test.noted')).every((s) => s.state === 'completed')
		);
	});

	it('tries a failing job again, then shows it as failed without its message', async () => {
		const queue = await open(true);
		await queue.enqueue(failing, { id: 'two' });
		await until('the job to fail', async () =>
			(await states('test.failing')).some((s) => s.state === 'failed')
		);
		// The first run and two retries.
		expect(failures).toBe(3);
		const [row] = await states('test.failing');
		expect(row!.retry_count).toBe(2);
		expect(JSON.stringify(row!.output)).not.toContain('CHILD-REF-123');
		expect(JSON.stringify(row!.output)).toMatch(/error id [0-9a-f-]{36}/);
	});

	it('keeps one job for a key while it waits: a second send is a no-op', async () => {
		const sender = await open(false);
		await sender.enqueue(noted, { id: 'first' }, { singletonKey: 'mail-1' });
		await sender.enqueue(noted, { id: 'second' }, { singletonKey: 'mail-1' });
		await sender.enqueue(noted, { id: 'other' }, { singletonKey: 'mail-2' });
		await sender.enqueue(noted, { id: 'keyless' });
		await sender.enqueue(noted, { id: 'keyless' });
		expect(await states('test.noted')).toHaveLength(4);
		await open(true);
		await until('the jobs to run', () => runs.length === 4);
		expect(runs.map((r) => (r.data as { id: string }).id).sort()).toEqual([
			'first',
			'keyless',
			'keyless',
			'other'
		]);
	});

	it('shows each job’s last run and failures by error id, never its data', async () => {
		const queue = await open(true);
		await queue.enqueue(noted, { id: 'CHILD-REF-456' });
		await queue.enqueue(failing, { id: 'CHILD-REF-789' });
		await until('both to finish', async () =>
			(await states('test.failing')).some((s) => s.state === 'failed')
		);
		await until('the noted job to complete', async () =>
			(await states('test.noted')).some((s) => s.state === 'completed')
		);
		const [n, f] = await jobStatuses(database.db, queue.schema, jobs, new Date());
		expect(n).toMatchObject({ name: 'test.noted', schedule: null, failures: [] });
		expect(n!.lastRun?.failed).toBe(false);
		expect(f!.lastRun?.failed).toBe(true);
		expect(f!.failures).toHaveLength(1);
		expect(f!.failures[0]).toMatchObject({ tries: 3, errorId: expect.stringMatching(UUID) });
		expect(JSON.stringify([n, f])).not.toMatch(/CHILD-REF/);
	});

	it('reports its health', async () => {
		const queue = await open(true);
		expect(await queue.health()).toEqual({ ok: true, workers: 2 });
		await queue.stop();
		expect(await queue.health()).toEqual({ ok: false, problem: 'job queue stopped' });
	});
});
