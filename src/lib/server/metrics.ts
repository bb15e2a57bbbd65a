import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

// What /metrics counts, for Prometheus, in this server process since it started (each app server
// is scraped on its own; Prometheus adds them up). Counts and times only: no label holds anything
// about a person, and a route is its pattern ('/staff/children/[id]'), never the address asked for.

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'voices_process_' });

const counter = (name: string, help: string, labelNames: string[] = []) =>
	new Counter({ name, help, labelNames, registers: [registry] });

export const answersSaved = counter(
	'voices_answers_saved_total',
	'Answers saved by respondents and by staff reports'
);
export const responsesCompleted = counter(
	'voices_responses_completed_total',
	'Responses completed'
);
export const alertsRaised = counter('voices_alerts_raised_total', 'Safeguarding alerts raised');
export const alertsAcknowledged = counter(
	'voices_alerts_acknowledged_total',
	'Safeguarding alerts acknowledged'
);
export const jobsRun = counter('voices_jobs_run_total', 'Jobs run to the end, by job', ['job']);
export const jobsFailed = counter('voices_jobs_failed_total', 'Job runs that failed, by job', [
	'job'
]);

export const requestSeconds = new Histogram({
	name: 'voices_request_duration_seconds',
	help: 'Time to answer a request, by method, route pattern and status',
	labelNames: ['method', 'route', 'status'],
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});
