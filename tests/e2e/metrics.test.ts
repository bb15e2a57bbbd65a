import { afterAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from '../helpers/server';

// /metrics is there only when METRICS_TOKEN is set, and answers only with it as a bearer token;
// it counts requests by route pattern and jobs by name, and never holds an address asked for.

const TOKEN = 'metrics-token-for-the-test-0123456789';

describe('/metrics', { timeout: 180_000 }, () => {
	const servers: RunningServer[] = [];
	afterAll(async () => {
		for (const s of servers) await s.stop();
	});

	it('is not found when METRICS_TOKEN is not set', async () => {
		const server = await startServer({ DATA_DIR: tempDir('voices-metrics-') });
		servers.push(server);
		const res = await fetch(`${server.url}/metrics`, {
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(res.status).toBe(404);
	});

	it('needs the token, and counts requests and jobs', async () => {
		const server = await startServer({
			DATA_DIR: tempDir('voices-metrics-'),
			METRICS_TOKEN: TOKEN,
			JOB_TEST_SCHEDULE: '* * * * *'
		});
		servers.push(server);
		const scrape = (authorization?: string) =>
			fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
		expect((await scrape()).status).toBe(401);
		expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
		expect((await scrape(TOKEN)).status).toBe(401);
		await fetch(`${server.url}/healthz`);
		await fetch(`${server.url}/i/not-a-real-token-RIV-0042`);
		let text: string;
		const end = Date.now() + 150_000;
		do {
			await new Promise((r) => setTimeout(r, 500));
			const res = await scrape(`Bearer ${TOKEN}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
			text = await res.text();
		} while (
			!/voices_jobs_run_total\{job="sign-in.clear-expired"\} [1-9]/.test(text) &&
			Date.now() < end
		);
		expect(text).toMatch(/voices_jobs_run_total\{job="sign-in.clear-expired"\} [1-9]/);
		expect(text).toMatch(/voices_jobs_failed_total/);
		expect(text).toContain(
			'voices_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1'
		);
		expect(text).toContain('route="/i/[token]"');
		expect(text).not.toContain('RIV-0042');
		for (const name of [
			'voices_answers_saved_total',
			'voices_responses_completed_total',
			'voices_alerts_raised_total',
			'voices_alerts_acknowledged_total'
		])
			expect(text).toContain(`# TYPE ${name} counter`);
	});
});
