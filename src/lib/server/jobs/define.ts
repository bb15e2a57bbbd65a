import type { DB } from '../db/connect';

// A job is a named piece of work the app's workers run from the queue kept in PostgreSQL
// (queue.ts): sent by a feature (a mail to send) or on a schedule (retention every night).

export interface JobContext {
	db: DB;
	/** The time the job runs at (tests pass a moved clock when calling run() directly). */
	now: Date;
}

export interface JobDefinition<T> {
	/** Unique, dotted: 'retention.nightly', 'mail.send', 'alerts.escalate' … */
	name: string;
	run(data: T, ctx: JobContext): Promise<void>;
	/** Retries after a failure (with back-off) before it shows as failed. Default 5. */
	retryLimit?: number;
	/** Cron (Europe/London) for scheduled jobs; a scheduled job runs once per tick across all servers. */
	schedule?: string;
	/**
	 * How many of this job one server runs at once. Default 1; more for a job that must not wait
	 * behind others of its kind, and spends its time waiting on another server (a mail's SMTP).
	 */
	workers?: number;
}

export const DEFAULT_RETRY_LIMIT = 5;

/** Scheduled jobs' crons are read in the time zone of the councils that use the app. */
export const SCHEDULE_TIME_ZONE = 'Europe/London';

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
	return definition;
}
