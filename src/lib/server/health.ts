import type { App } from './app';
import { health as databaseHealth } from './db/migrate';

// What /healthz reports: whether this server can serve and do its work. Each part is checked on
// its own, so that a monitor is told which one fails. Nothing about any record.

export type Check = { ok: true; detail?: string } | { ok: false; problem: string };

export interface Health {
	ok: boolean;
	/** database (it answers, every migration applied), jobs (queue reachable, workers running). */
	checks: Record<string, Check>;
	problems: string[];
}

export async function health(app: App): Promise<Health> {
	const [database, queue] = await Promise.all([
		databaseHealth(app.connection.db),
		app.queue.health()
	]);
	const checks: Record<string, Check> = {
		database,
		jobs: queue.ok ? { ok: true, detail: `${queue.workers} workers running` } : queue
	};
	const problems = Object.values(checks).flatMap((c) => (c.ok ? [] : [c.problem]));
	return { ok: problems.length === 0, checks, problems };
}
