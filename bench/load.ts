import autocannon from 'autocannon';

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
