// `npm run bench:dashboard`: the full commissioner dashboard — every measure × provider × quarter
// for 8 financial quarters, small cells suppressed — and a breakdown page (every measure, one
// quarter, by age band) on synthetic data in real PostgreSQL (BENCH_DATABASE_URL), at 10
// thousand, 100 thousand and 1 million responses (about ten answers each) across 3 councils, 40
// providers and 8 quarters. Both are timed with the council's decided cubes in memory (as every
// page after the first is, until a response completes) and, once each, cold: just after a
// response completed, when the cubes of the years shown are decided again. In the same run it
// times the naive way: fetch every answer into JavaScript and count there, as a client-side
// survey dashboard does, checks both give the same counts, and prints the ratio.
// BENCH_SCALES=10000,100000 runs fewer; BENCH_KEEP=1 keeps each generated dataset and
// BENCH_REUSE=<its url> times it again.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { TALLIED_MODES } from '../src/lib/domain/completion-modes';
import { SOURCE_VALUES } from '../src/lib/domain/sources';
import { measures } from '../src/lib/server/catalogue/measures';
import { connect, type DB } from '../src/lib/server/db/connect';
import * as councilRepo from '../src/lib/server/db/council';
import * as measureRepo from '../src/lib/server/db/measure';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import * as providerRepo from '../src/lib/server/db/provider';
import * as serviceRepo from '../src/lib/server/db/service';
import * as surveyRepo from '../src/lib/server/db/survey';
import * as tally from '../src/lib/server/db/tally';
import { councilFigures } from '../src/lib/server/statistics/figures';
import { financialYear, quarter, quartersEnding, type Period } from '../src/lib/calendar/periods';
import { generateResponses } from '../src/lib/server/demo/responses';
import { loadSurveyCatalogue } from '../src/lib/server/surveys/load';
import { scratchSchema } from '../tests/helpers/postgres';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
	console.error(
		'Set BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test'
	);
	process.exit(2);
}
const scales = (process.env.BENCH_SCALES ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = 20;

const LAST_QUARTER = quartersEnding('2026-09-30', 8);

async function seed(db: DB): Promise<string[]> {
	await migrateToLatest(db);
	await measureRepo.syncCatalogue(db, measures);
	for (const s of loadSurveyCatalogue('surveys').surveys) await surveyRepo.registerVersion(db, s);
	const councils = [];
	for (const c of ['north', 'south', 'west'])
		councils.push(await councilRepo.insert(db, { code: c, name: `${c} council` }));
	for (let p = 0; p < 40; p++) {
		const council = councils[p % 3]!;
		const provider = await providerRepo.insert(db, {
			name: `Provider ${p}`,
			regulator_reference: null
		});
		await providerRepo.commission(db, council.id, provider.id, '2024-04-01');
		for (let s = 0; s < 2; s++)
			await serviceRepo.insert(db, {
				provider_id: provider.id,
				council_id: council.id,
				name: `Provider ${p} service ${s}`,
				kind: p % 4 === 3 ? 'childrens_home' : 'short_break'
			});
	}
	return councils.map((c) => c.id);
}

/** The app's own path: every measure × provider × quarter, suppressed, per financial year. */
async function dashboard(db: DB, councilId: string, quarters: Period[]) {
	const figures = await councilFigures(db, {
		councilId,
		period: quarters[0]!,
		through: quarters[quarters.length - 1],
		modes: TALLIED_MODES,
		sources: SOURCE_VALUES,
		breakdown: 'none',
		threshold: 5
	});
	return figures.all().filter((c) => c.period === 'quarter' && c.entity === 'provider');
}

/** A breakdown page: every measure for one quarter, by age band, at every level. */
async function breakdownPage(db: DB, councilId: string, q: Period) {
	const figures = await councilFigures(db, {
		councilId,
		period: q,
		modes: TALLIED_MODES,
		sources: SOURCE_VALUES,
		breakdown: 'age_band',
		threshold: 5
	});
	return figures.all().length;
}

/** What a response completing in the year of `day` does to every server's cubes of the council. */
async function completed(db: DB, councilId: string, day: string) {
	await sql`
		insert into figures_version as f (council_id, year, version)
		values (${councilId}, ${financialYear(day).start}, 1)
		on conflict (council_id, year) do update set version = f.version + 1`.execute(db);
}

const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The naive way: every answer of the council's completed responses into JavaScript, counted there. */
async function naive(db: DB, councilId: string, quarters: Period[]) {
	const counts = new Map<string, { positive: number; negative: number; not_counted: number }>();
	let after = '00000000-0000-0000-0000-000000000000';
	for (;;) {
		const rows = await db
			.selectFrom('response')
			.innerJoin('service', 'service.id', 'response.service_id')
			.innerJoin('answer', 'answer.response_id', 'response.id')
			.select([
				'response.id',
				'service.provider_id',
				'response.completed_at',
				'answer.measure_id',
				'answer.classification'
			])
			.where('service.council_id', '=', councilId)
			.where('response.completed_at', '>=', new Date(quarters[0]!.start))
			.where('response.completed_at', 'is not', null)
			.where('response.id', '>', after)
			.orderBy('response.id')
			.limit(100_000)
			.execute();
		if (rows.length === 0) break;
		// Finish the last response in the next page, so none is split.
		const last = rows[rows.length - 1]!.id;
		const whole = rows.length === 100_000 ? rows.filter((r) => r.id !== last) : rows;
		if (whole.length === 0) throw new Error('a page holds one response');
		for (const r of whole) {
			if (!r.measure_id || !r.classification) continue;
			const day = ukDay.format(r.completed_at!);
			const key = `${r.measure_id}|${r.provider_id}|${quarter(day).start}`;
			const c = counts.get(key) ?? { positive: 0, negative: 0, not_counted: 0 };
			c[r.classification]++;
			counts.set(key, c);
		}
		after = whole[whole.length - 1]!.id;
		if (rows.length < 100_000) break;
	}
	return counts;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

console.log(
	'| responses | answers | generate s | tally rebuild s | dashboard median ms | dashboard p95 ms | dashboard cold ms | breakdown median ms | breakdown p95 ms | breakdown cold ms | naive ms | naive ÷ dashboard | figures agree |'
);
console.log(
	'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
);
// BENCH_REUSE=<a url printed by an earlier BENCH_KEEP=1 run> times an existing dataset again.
const reuse = process.env.BENCH_REUSE;
for (const n of reuse ? [0] : scales) {
	const scratch = reuse ? { url: reuse, drop: async () => {} } : await scratchSchema(url);
	const { db, close } = await connect({ url: scratch.url });
	try {
		let councils: string[];
		let t = performance.now();
		let made = { responses: 0, answers: 0 };
		let generate = 0;
		let rebuild = 0;
		if (reuse) {
			await migrateToLatest(db);
			councils = (await db.selectFrom('council').select('id').orderBy('code').execute()).map(
				(c) => c.id
			);
			made.answers = Number(
				(
					await db
						.selectFrom('answer')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirst()
				)?.n ?? 0
			);
		} else {
			councils = await seed(db);
			made = await generateResponses(db, {
				responses: n,
				from: LAST_QUARTER[0]!.start,
				to: '2026-10-01',
				seed: 42
			});
			generate = (performance.now() - t) / 1000;
			t = performance.now();
			await tally.rebuild(db);
			rebuild = (performance.now() - t) / 1000;
			await sql`analyze`.execute(db);
		}

		const council = councils[0]!;
		const times: number[] = [];
		await completed(db, council, LAST_QUARTER[LAST_QUARTER.length - 1]!.start);
		t = performance.now();
		let cells = await dashboard(db, council, LAST_QUARTER);
		const cold = performance.now() - t;
		for (let i = 0; i < RUNS; i++) {
			t = performance.now();
			cells = await dashboard(db, council, LAST_QUARTER);
			times.push(performance.now() - t);
		}
		const quarterShown = LAST_QUARTER[LAST_QUARTER.length - 1]!;
		await completed(db, council, quarterShown.start);
		t = performance.now();
		await breakdownPage(db, council, quarterShown);
		const breakdownCold = performance.now() - t;
		const breakdownTimes: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			t = performance.now();
			await breakdownPage(db, council, quarterShown);
			breakdownTimes.push(performance.now() - t);
		}
		const naiveRuns = n >= 1_000_000 || made.answers > 5_000_000 ? 1 : 3;
		const naiveTimes: number[] = [];
		let counted = new Map<string, { positive: number; negative: number; not_counted: number }>();
		for (let i = 0; i < naiveRuns; i++) {
			t = performance.now();
			counted = await naive(db, council, LAST_QUARTER);
			naiveTimes.push(performance.now() - t);
		}
		// Both ways must agree on every answered figure (the naive way cannot see unanswered).
		let agree = true;
		for (const c of cells) {
			if (c.measure_id.split('.').length === 2 && c.measure_id.startsWith('dorset.')) continue;
			const k = counted.get(`${c.measure_id}|${c.provider_id}|${c.period_start}`);
			if ((k?.positive ?? 0) !== c.positive || (k?.negative ?? 0) !== c.negative) agree = false;
		}
		const d = median(times);
		const nv = median(naiveTimes);
		console.log(
			`| ${reuse ? 'reused' : n.toLocaleString('en-GB')} | ${made.answers.toLocaleString('en-GB')} | ${generate.toFixed(1)} | ${rebuild.toFixed(1)} | ${d.toFixed(1)} | ${p95(times).toFixed(1)} | ${cold.toFixed(0)} | ${median(breakdownTimes).toFixed(1)} | ${p95(breakdownTimes).toFixed(1)} | ${breakdownCold.toFixed(0)} | ${nv.toFixed(0)} | ${(nv / d).toFixed(0)}× | ${agree ? 'yes' : 'NO'} |`
		);
	} finally {
		await close();
		if (process.env.BENCH_KEEP || reuse) console.log(`kept: ${scratch.url}`);
		else await scratch.drop();
	}
}
