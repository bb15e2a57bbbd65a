import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Connection, DB } from '../db/connect';
import { logError } from '../log';
import * as metrics from '../metrics';
import { bossDb, type BossDb } from './adapter';
import { DEFAULT_RETRY_LIMIT, SCHEDULE_TIME_ZONE, type JobDefinition } from './define';

// The job queue on pg-boss, kept in the app's database in a schema of its own (one per app schema,
// so that test databases living side by side in schemas of one server each have theirs). Every app
// server sends to it; each server's workers take jobs from it, one server per job (pg-boss locks
// the row it takes); a scheduled job is sent once per tick whichever servers are running.

export interface QueueSettings {
	/** How long a job may run before it is taken as lost (its server stopped) and tried again. */
	timeoutSeconds: number;
	/** The wait before a failed job is tried again the first time; each later wait is longer. */
	retryDelaySeconds: number;
	/** A cron that replaces every scheduled job's own: for trials and tests only. */
	testSchedule?: string;
}

export interface EnqueueOptions {
	singletonKey?: string;
	startAfter?: Date;
}

export type QueueHealth = { ok: true; workers: number } | { ok: false; problem: string };

export interface Queue {
	/** The schema pg-boss's tables are in. */
	schema: string;
	enqueue<T>(job: JobDefinition<T>, data: T, options?: EnqueueOptions): Promise<void>;
	/** Whether the queue's tables answer and, on a server that works jobs, its workers run. */
	health(): Promise<QueueHealth>;
	/** Stops taking jobs and waits (a while) for those running; what is left is run again later. */
	stop(): Promise<void>;
}

/** Thrown to pg-boss in place of the job's own error, whose message could hold personal data. */
class JobFailed extends Error {
	constructor(errorId: string) {
		super(`The job failed (error id ${errorId}); the server's log has what went wrong.`);
		this.name = 'JobFailed';
	}
}

/** The schema for pg-boss beside the schema the connection works in. */
export async function queueSchema(db: DB): Promise<string> {
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
	const schema = rows[0]?.schema ?? 'public';
	return `${schema === 'public' ? 'voices' : schema}_jobs`;
}

function bossOptions(db: BossDb, schema: string, settings: QueueSettings) {
	return {
		db,
		schema,
		// Lost jobs (a server killed while running one) are found at each upkeep: as often as a job
		// may run, and at least every two minutes.
		maintenanceIntervalSeconds: Math.max(1, Math.min(120, settings.timeoutSeconds)),
		// A finished job, with what it was given, is archived after 12 hours and deleted 7 days
		// later (docs/running.md): the jobs page reads its last runs and failures from both.
		archiveCompletedAfterSeconds: 12 * 3600,
		deleteAfterDays: 7,
		...(settings.testSchedule
			? { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 }
			: {})
	} satisfies PgBoss.ConstructorOptions;
}

function queueOptions(job: JobDefinition<never>, settings: QueueSettings) {
	return {
		name: job.name,
		// One waiting and one running job per key at most (a keyless job gets a key of its own).
		policy: 'stately',
		retryLimit: job.retryLimit ?? DEFAULT_RETRY_LIMIT,
		retryDelay: settings.retryDelaySeconds,
		retryBackoff: true,
		expireInSeconds: settings.timeoutSeconds
	} satisfies PgBoss.Queue;
}

/**
 * Creates or upgrades pg-boss's tables, a queue for each job and the schedules, on `db`: the
 * connection holding the start lock on PostgreSQL, so that servers starting at once do it one by
 * one. Schedules of jobs no longer scheduled are removed.
 */
export async function installQueue(
	db: DB,
	script: (text: string) => Promise<unknown[]>,
	jobs: readonly JobDefinition<never>[],
	settings: QueueSettings
): Promise<void> {
	const schema = await queueSchema(db);
	const boss = new PgBoss({
		...bossOptions(bossDb(db, script), schema, settings),
		supervise: false,
		schedule: false,
		migrate: true
	});
	boss.on('error', (e) => logError(e, { in: 'job queue' }));
	await boss.start();
	try {
		for (const job of jobs) {
			const options = queueOptions(job, settings);
			await boss.createQueue(job.name, options);
			await boss.updateQueue(job.name, options);
		}
		const scheduled = new Set<string>();
		for (const job of jobs) {
			const cron = job.schedule && (settings.testSchedule ?? job.schedule);
			if (!cron) continue;
			scheduled.add(job.name);
			await boss.schedule(job.name, cron, undefined, {
				tz: SCHEDULE_TIME_ZONE,
				singletonKey: job.name
			});
		}
		for (const s of await boss.getSchedules())
			if (!scheduled.has(s.name)) await boss.unschedule(s.name);
	} finally {
		await boss.stop({ graceful: false, close: false });
	}
}

/**
 * Opens the queue installed by `installQueue`; with `work`, this server also runs the jobs, the
 * schedules and the upkeep (lost jobs tried again, old ones archived).
 */
export async function openQueue(
	connection: Pick<Connection, 'db' | 'script'>,
	jobs: readonly JobDefinition<never>[],
	settings: QueueSettings,
	work: boolean
): Promise<Queue> {
	const { db } = connection;
	const schema = await queueSchema(db);
	const boss = new PgBoss({
		...bossOptions(bossDb(db, connection.script), schema, settings),
		supervise: work,
		schedule: work,
		migrate: false
	});
	boss.on('error', (e) => logError(e, { in: 'job queue' }));
	await boss.start();
	// pg-boss's worker takes one job, then waits its polling interval (2 s) before it looks again,
	// so a burst of fifty alerts took a hundred seconds to mail (bench/alert-mail.ts). Woken, it
	// looks at once: after a job of its own, until its queue is empty, and when this server sends
	// one. It still polls, for jobs sent by other servers and those retried or scheduled.
	const workersOf = new Map<string, string[]>();
	const wake = (name: string) => {
		for (const id of workersOf.get(name) ?? []) boss.notifyWorker(id);
	};
	if (work) {
		for (const job of jobs) {
			const ids: string[] = [];
			for (let i = 0; i < (job.workers ?? 1); i++) {
				let self = '';
				self = await boss.work(job.name, { batchSize: 1 }, async (taken) => {
					try {
						for (const one of taken) await job.run(one.data as never, { db, now: new Date() });
					} catch (e) {
						metrics.jobsFailed.inc({ job: job.name });
						throw new JobFailed(logError(e, { job: job.name }));
					} finally {
						boss.notifyWorker(self);
					}
					metrics.jobsRun.inc({ job: job.name });
				});
				ids.push(self);
			}
			workersOf.set(job.name, ids);
		}
	}
	let stopped = false;
	const known = new Set(jobs.map((j) => j.name));
	return {
		schema,
		async enqueue(job, data, options = {}) {
			// pg-boss drops a job sent to a queue it does not have, without a word.
			if (!known.has(job.name))
				throw new Error(`The job ${job.name} is not in JOBS (src/lib/server/jobs/all.ts)`);
			const key = options.singletonKey;
			if (key) {
				const { rows } = await sql<{
					one: number;
				}>`select 1 as one from ${sql.table(`${schema}.job`)}
					where name = ${job.name} and singleton_key = ${key}
					and state in ('created', 'retry', 'active') limit 1`.execute(db);
				if (rows.length) return;
			}
			await boss.send(job.name, data as object, {
				singletonKey: key ?? randomUUID(),
				...(options.startAfter ? { startAfter: options.startAfter } : {})
			});
			if (!options.startAfter) wake(job.name);
		},
		async health() {
			if (stopped) return { ok: false, problem: 'job queue stopped' };
			try {
				await sql`select 1 from ${sql.table(`${schema}.queue`)} limit 1`.execute(db);
			} catch {
				return { ok: false, problem: 'job queue not reachable' };
			}
			if (work && workersOf.size < jobs.length)
				return { ok: false, problem: 'job workers not running' };
			return { ok: true, workers: workersOf.size };
		},
		async stop() {
			if (stopped) return;
			stopped = true;
			await boss.stop({ graceful: true, close: false, timeout: 10_000 });
		}
	};
}
