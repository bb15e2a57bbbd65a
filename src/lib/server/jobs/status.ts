import cronParser from 'cron-parser';
import { sql } from 'kysely';
import type { DB } from '../db/connect';
import type { JobDefinition } from './define';

// What administrators see of the queue (/staff/jobs): for each job its last run, its next run,
// what waits and its recent failures, read from pg-boss's tables. Never a job's data, nor the
// message of a failure: both could hold personal data. A failure shows the error id that the
// server's log files its cause under (boss.ts puts that id, and nothing else, in its place).

export interface JobFailure {
	at: Date;
	/** The id in the server's log; none when the job was taken as lost (its server stopped). */
	errorId: string | null;
	tries: number;
}

export interface JobStatus {
	name: string;
	/** The cron it runs on and its time zone, for a scheduled job. */
	schedule: { cron: string; timeZone: string; next: Date } | null;
	lastRun: { at: Date; failed: boolean } | null;
	waiting: number;
	running: number;
	/** Failed once or more, waiting to be tried again. */
	retrying: number;
	failures: JobFailure[];
}

/** How far back failures are listed, and how many at most per job. */
export const FAILURES_DAYS = 7;
export const FAILURES_SHOWN = 10;

const two = (n: string) => n.padStart(2, '0');

/** The crons the app's jobs use, in words; any other is shown as it is. */
export function scheduleInWords(cron: string): string {
	const [minute, hour, ...rest] = cron.trim().split(/\s+/);
	const daily = rest.join(' ') === '* * *';
	if (daily && minute === '*' && hour === '*') return 'Every minute';
	if (daily && /^\d+$/.test(minute ?? '') && hour === '*')
		return `Every hour at ${minute} minutes past`;
	if (daily && /^\d+$/.test(minute ?? '') && /^\d+$/.test(hour ?? ''))
		return `Every day at ${two(hour!)}:${two(minute!)}`;
	return cron;
}

const ERROR_ID = /error id ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/;

/** Only the error id is taken from a failure's message: the rest is never read out. */
export const errorIdIn = (message: string | null) => message?.match(ERROR_ID)?.[1] ?? null;

const jobsAndArchive = (schema: string) =>
	sql`(select name, state::text as state, completed_on, retry_count, output
		from ${sql.table(`${schema}.job`)}
		union all
		select name, state::text as state, completed_on, retry_count, output
		from ${sql.table(`${schema}.archive`)})`;

export async function jobStatuses(
	db: DB,
	schema: string,
	jobs: readonly JobDefinition<never>[],
	now: Date
): Promise<JobStatus[]> {
	const names = jobs.map((j) => j.name);
	if (!names.length) return [];
	const all = jobsAndArchive(schema);
	const { rows: last } = await sql<{ name: string; state: string; completed_on: Date }>`
		select distinct on (name) name, state, completed_on from ${all} as j
		where state in ('completed', 'failed') and completed_on is not null
		order by name, completed_on desc`.execute(db);
	const { rows: counts } = await sql<{ name: string; state: string; n: number | string }>`
		select name, state::text as state, count(*) as n from ${sql.table(`${schema}.job`)}
		where state in ('created', 'retry', 'active') group by name, state`.execute(db);
	const since = new Date(now.getTime() - FAILURES_DAYS * 86400_000);
	const { rows: failed } = await sql<{
		name: string;
		completed_on: Date;
		retry_count: number;
		message: string | null;
	}>`
		select name, completed_on, retry_count,
			coalesce(output->>'message', output->'value'->>'message') as message
		from ${all} as j where state = 'failed' and completed_on >= ${since}
		order by completed_on desc limit ${FAILURES_SHOWN * names.length}`.execute(db);
	const { rows: schedules } = await sql<{ name: string; cron: string; timezone: string }>`
		select name, cron, timezone from ${sql.table(`${schema}.schedule`)}`.execute(db);
	const count = (name: string, state: string) =>
		Number(counts.find((c) => c.name === name && c.state === state)?.n ?? 0);
	return names.map((name) => {
		const s = schedules.find((r) => r.name === name);
		const l = last.find((r) => r.name === name);
		return {
			name,
			schedule: s
				? {
						cron: s.cron,
						timeZone: s.timezone,
						next: cronParser
							.parseExpression(s.cron, { currentDate: now, tz: s.timezone })
							.next()
							.toDate()
					}
				: null,
			lastRun: l ? { at: new Date(l.completed_on), failed: l.state === 'failed' } : null,
			waiting: count(name, 'created'),
			running: count(name, 'active'),
			retrying: count(name, 'retry'),
			failures: failed
				.filter((f) => f.name === name)
				.slice(0, FAILURES_SHOWN)
				.map((f) => ({
					at: new Date(f.completed_on),
					errorId: errorIdIn(f.message),
					tries: f.retry_count + 1
				}))
		};
	});
}
