import autocannon from 'autocannon';
import { scratchSchema } from '../tests/helpers/postgres';
import { tempDir } from '../tests/helpers/server';

/** How long each load runs, in seconds (BENCH_SECONDS, default 5). */
export const seconds = Number(process.env.BENCH_SECONDS ?? 5);

/** Loads one address with 10 connections for `seconds`; the figures every benchmark reports. */
export async function load(url: string, cookie = '') {
	const r = await autocannon({ url, connections: 10, duration: seconds, headers: { cookie } });
	return {
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		bad: r.errors + r.non2xx
	};
}

/** Runs a benchmark on embedded PGlite, then (with BENCH_DATABASE_URL) on PostgreSQL. */
export async function onEachDatabase(
	run: (label: string, env: Record<string, string>) => Promise<void>
): Promise<void> {
	await run('PGlite', { DATA_DIR: tempDir('voices-bench-') });
	if (!process.env.BENCH_DATABASE_URL) return;
	const scratch = await scratchSchema(process.env.BENCH_DATABASE_URL);
	try {
		await run('PostgreSQL', { DATABASE_URL: scratch.url });
	} finally {
		await scratch.drop();
	}
}
