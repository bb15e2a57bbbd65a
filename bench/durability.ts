// `npm run bench:durability`: what a durable embedded database costs per saved answer. Saving an
// answer is one commit; this times the same answer-sized commits (one upsert each, as the app's
// rate limiter makes) on PGlite with fsync on (the app's default) and off (PGlite's own default),
// in the same run, on the same disk.
import { join } from 'node:path';
import { connect } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import * as rateLimit from '../src/lib/server/db/rate-limit';
import { tempDir } from '../tests/helpers/server';

const COMMITS = Number(process.env.BENCH_COMMITS ?? 500);

async function time(durable: boolean): Promise<{ perCommit: number[] }> {
	const dir = tempDir('voices-durability-');
	const c = await connect({ dataDir: join(dir, 'pglite'), durable });
	await migrateToLatest(c.db);
	const perCommit: number[] = [];
	for (let i = 0; i < COMMITS; i++) {
		const t = performance.now();
		await rateLimit.hit(c.db, `bench:${i}`, 600);
		perCommit.push(performance.now() - t);
	}
	await c.close();
	return { perCommit };
}

const q = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;

// Alternated twice so that neither setting always runs on a warmer disk.
const runs = { off: [] as number[], on: [] as number[] };
for (const round of [0, 1]) {
	for (const durable of round ? [true, false] : [false, true])
		runs[durable ? 'on' : 'off'].push(...(await time(durable)).perCommit);
}
console.log(`PGlite, ${COMMITS * 2} commits each`);
console.log('| fsync | median ms | p99 ms | vs off (median) |');
console.log('| --- | ---: | ---: | ---: |');
for (const k of ['off', 'on'] as const)
	console.log(
		`| ${k} | ${q(runs[k], 0.5).toFixed(2)} | ${q(runs[k], 0.99).toFixed(2)} | ${(q(runs[k], 0.5) / q(runs.off, 0.5)).toFixed(2)} |`
	);
