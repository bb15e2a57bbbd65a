import type { App } from './app';
import { health as databaseHealth } from './db/migrate';
import { mailHealth } from './mail/health';

// What /healthz reports: whether this server can serve and do its work. Each part is checked on
// its own, so that a monitor is told which one fails. Nothing about any record.

export type Check = { ok: true; detail?: string } | { ok: false; problem: string };

export interface Health {
	/** Whether this server can serve: its database and its job queue. */
	ok: boolean;
	/**
	 * database (it answers, every migration applied), jobs (queue reachable, workers running),
	 * mail (the transport answers, no message stuck).
	 */
	checks: Record<string, Check>;
	/** What stops the server serving. */
	problems: string[];
	/** What is wrong but does not stop it serving (mail that cannot go). */
	warnings: string[];
}

export async function health(app: App): Promise<Health> {
	const [database, queue, mail] = await Promise.all([
		databaseHealth(app.connection.db),
		app.queue.health(),
		mailHealth(app.connection.db).catch((): Check => ({
			ok: false,
			problem: 'mail not checked: the database did not answer'
		}))
	]);
	const serving: Record<string, Check> = {
		database,
		jobs: queue.ok ? { ok: true, detail: `${queue.workers} workers running` } : queue
	};
	const failing = (checks: Check[]) => checks.flatMap((c) => (c.ok ? [] : [c.problem]));
	const problems = failing(Object.values(serving));
	return {
		ok: problems.length === 0,
		checks: { ...serving, mail },
		problems,
		warnings: failing([mail])
	};
}
