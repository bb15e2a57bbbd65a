import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { JOBS } from '$lib/server/jobs/all';
import { jobStatuses, scheduleInWords, FAILURES_DAYS } from '$lib/server/jobs/status';

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

export const load: PageServerLoad = async ({ locals }) => {
	requireAccess(locals, 'jobs.view');
	const { connection, queue } = await app();
	const [statuses, health] = await Promise.all([
		jobStatuses(connection.db, queue.schema, JOBS, new Date()),
		queue.health()
	]);
	return {
		failuresDays: FAILURES_DAYS,
		health: health.ok
			? { ok: true, workers: health.workers }
			: { ok: false, problem: health.problem },
		jobs: statuses.map((s) => ({
			name: s.name,
			runs: s.schedule ? scheduleInWords(s.schedule.cron) : null,
			timeZone: s.schedule?.timeZone ?? null,
			next: iso(s.schedule?.next),
			lastRun: s.lastRun ? { at: iso(s.lastRun.at)!, failed: s.lastRun.failed } : null,
			waiting: s.waiting,
			running: s.running,
			retrying: s.retrying,
			failures: s.failures.map((f) => ({ at: iso(f.at)!, errorId: f.errorId, tries: f.tries }))
		}))
	};
};
