import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../../src/lib/server/db/connect';
import { tallyCells, type TallyQuery } from '../../src/lib/server/db/dashboard';
import * as responseRepo from '../../src/lib/server/db/response';
import type { SurveyRules } from '../../src/lib/server/db/schema';
import type { Classification } from '../../src/lib/domain/classifications';
import * as service from '../../src/lib/server/db/service';
import * as tally from '../../src/lib/server/db/tally';
import { wilsonHigh, wilsonLow } from '../../src/lib/server/db/wilson';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

const rule = (measure: string) => ({
	measure,
	positive: ['yes'],
	notCounted: ['dont_know'],
	safeguarding: []
});

/** Adds a survey version with the given counting rules; returns its id. */
async function version(db: DB, surveyId: string, hash: string, rules: SurveyRules) {
	await db
		.insertInto('survey')
		.values({ id: surveyId, title: surveyId, variant: 'standard', respondent: 'child' })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	const v = await db
		.insertInto('survey_version')
		.values({
			survey_id: surveyId,
			content_hash: hash,
			definition: JSON.stringify({ pages: [] }),
			rules: JSON.stringify(rules)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return v.id;
}

interface Reply {
	versionId: string;
	serviceId: string;
	completedAt: string;
	mode?: 'alone' | 'helped' | 'proxy';
	source?: 'annual_review' | 'satisfaction_survey';
	ageBand?: string;
	/** question -> [measure, classification] */
	answers: Record<string, [string, Classification]>;
}

let submission = 0;
/** Stores a response and its answers, then completes it the way the answering service does. */
async function reply(db: DB, r: Reply) {
	const response = await responseRepo.start(db, {
		survey_version_id: r.versionId,
		service_id: r.serviceId,
		source: r.source ?? 'annual_review',
		language: 'en',
		variant: 'standard',
		completion_mode: r.mode ?? 'alone',
		age_band: r.ageBand ?? null,
		client_submission_id: `00000000-0000-4000-8000-${String(++submission).padStart(12, '0')}`
	});
	for (const [question, [measure, classification]] of Object.entries(r.answers)) {
		await db
			.insertInto('answer')
			.values({
				response_id: response.id,
				question_name: question,
				value: JSON.stringify(classification),
				measure_id: measure,
				classification
			})
			.execute();
	}
	await db.transaction().execute(async (trx) => {
		await responseRepo.complete(trx, response.id, new Date(r.completedAt));
		await tally.addResponse(trx, response.id);
	});
	return response.id;
}

const everything = {
	modes: ['alone', 'helped', 'proxy', tally.NOT_ASKED],
	sources: ['annual_review', 'end_of_care_package', 'satisfaction_survey', 'family_review']
};

describe.each(databaseKinds)('dashboard figures on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let serviceId: string;
	let otherServiceId: string;
	let councilId: string;
	let v1: string;
	let v2: string;
	let dorset: string;

	const query = (q: Partial<TallyQuery>) =>
		tallyCells(db, {
			councilId,
			from: '2025-04-01',
			to: '2026-06-01',
			...everything,
			entityLevels: ['council'],
			periodLevels: ['range'],
			...q
		});
	const one = async (measure: string, q: Partial<TallyQuery> = {}) => {
		const cells = (await query(q)).filter((c) => c.measure_id === measure);
		expect(cells).toHaveLength(1);
		return cells[0]!;
	};

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		({ serviceId } = await seedOrganisation(db));
		const s = await service.find(db, serviceId);
		councilId = s!.council_id;
		otherServiceId = (
			await service.insert(db, {
				provider_id: s!.provider_id,
				council_id: councilId,
				name: 'Second club',
				kind: 'short_break'
			})
		).id;
		// Two questions feed voice.listened in v1: a response still counts once for it.
		v1 = await version(db, 'feelings', 'v1', {
			listened: rule('voice.listened'),
			listened_again: rule('voice.listened'),
			safe: rule('safe.feel_safe')
		});
		v2 = await version(db, 'feelings', 'v2', {
			listened: rule('voice.listened'),
			safe: rule('safe.feel_safe')
		});
		dorset = await version(db, 'home', 'd1', {
			harm: rule('dorset.1.1'),
			exploitation: rule('dorset.1.2'),
			health: rule('dorset.2.1')
		});

		// Q1 2025-26 (hand-counted below).
		await reply(db, {
			versionId: v1,
			serviceId,
			completedAt: '2025-05-10T10:00:00Z',
			answers: { listened: ['voice.listened', 'positive'], safe: ['safe.feel_safe', 'negative'] }
		});
		await reply(db, {
			versionId: v1,
			serviceId,
			completedAt: '2025-05-11T10:00:00Z',
			mode: 'proxy',
			answers: { listened: ['voice.listened', 'not_counted'] } // safe left unanswered
		});
		await reply(db, {
			versionId: v1,
			serviceId: otherServiceId,
			completedAt: '2025-06-30T10:00:00Z',
			mode: 'helped',
			answers: {
				listened_again: ['voice.listened', 'positive'],
				safe: ['safe.feel_safe', 'positive']
			}
		});
		// v2 changed the rule: its stored classification is what counts, v1's stays as it was.
		await reply(db, {
			versionId: v2,
			serviceId,
			completedAt: '2025-06-01T10:00:00Z',
			answers: { listened: ['voice.listened', 'negative'], safe: ['safe.feel_safe', 'positive'] }
		});
		// Either side of the financial year end, in UK summer time (BST began 29 March 2026).
		await reply(db, {
			versionId: v2,
			serviceId,
			completedAt: '2026-03-31T22:30:00Z', // 23:30 on 31 March
			answers: { listened: ['voice.listened', 'positive'] }
		});
		await reply(db, {
			versionId: v2,
			serviceId,
			completedAt: '2026-03-31T23:30:00Z', // 00:30 on 1 April
			answers: { listened: ['voice.listened', 'negative'] }
		});
		// Dorset: headline negative if any output negative, else positive if any positive.
		for (const answers of [
			{ harm: ['dorset.1.1', 'positive'], exploitation: ['dorset.1.2', 'positive'] },
			{ harm: ['dorset.1.1', 'positive'], exploitation: ['dorset.1.2', 'negative'] },
			{ harm: ['dorset.1.1', 'not_counted'] },
			{ harm: ['dorset.1.1', 'not_counted'], exploitation: ['dorset.1.2', 'positive'] }
		] as Record<string, [string, Classification]>[]) {
			await reply(db, {
				versionId: dorset,
				serviceId,
				completedAt: '2025-07-01T10:00:00Z',
				answers
			});
		}
	});
	afterAll(async () => database?.drop());

	it('counts positive, negative and not counted (unanswered included), once per response', async () => {
		const listened = await one('voice.listened', { to: '2025-12-01' });
		// positive: r1, r3 (second question); negative: v2's r4; not counted: r2.
		expect(listened).toMatchObject({ positive: 2, negative: 1, not_counted: 1, percent: 66.7 });
		const safe = await one('safe.feel_safe', { to: '2025-12-01' });
		// r1 negative, r2 unanswered, r3 positive, r4 positive.
		expect(safe).toMatchObject({ positive: 2, negative: 1, not_counted: 1, percent: 66.7 });
	});

	it('keeps each survey version’s own rule', async () => {
		const byVersion = await db
			.selectFrom('answer')
			.innerJoin('response', 'response.id', 'answer.response_id')
			.select(['response.survey_version_id', 'answer.classification'])
			.where('answer.measure_id', '=', 'voice.listened')
			.where('response.completed_at', '<', new Date('2025-12-01'))
			.execute();
		expect(
			byVersion.filter((r) => r.survey_version_id === v2).map((r) => r.classification)
		).toEqual(['negative']);
		const cells = await query({ to: '2025-12-01', entityLevels: ['service'] });
		const second = cells.find(
			(c) => c.measure_id === 'voice.listened' && c.service_id === otherServiceId
		);
		expect(second).toMatchObject({ positive: 1, negative: 0, not_counted: 0 });
	});

	it('puts 23:30 on 31 March in Q4 and 00:30 on 1 April in the new year’s Q1', async () => {
		const cells = await query({
			from: '2026-01-01',
			to: '2026-06-01',
			periodLevels: ['quarter', 'year', 'month'],
			measureIds: ['voice.listened']
		});
		const at = (period: string, start: string) =>
			cells.find((c) => c.period === period && c.period_start === start);
		expect(at('quarter', '2026-01-01')).toMatchObject({ positive: 1, negative: 0 });
		expect(at('quarter', '2026-04-01')).toMatchObject({ positive: 0, negative: 1 });
		expect(at('month', '2026-03-01')).toMatchObject({ positive: 1, negative: 0 });
		expect(at('month', '2026-04-01')).toMatchObject({ positive: 0, negative: 1 });
		expect(at('year', '2025-04-01')).toMatchObject({ positive: 1, negative: 0 });
		expect(at('year', '2026-04-01')).toMatchObject({ positive: 0, negative: 1 });
	});

	it('leaves out answers given by an adult for the child, and counts what was left out', async () => {
		const q = { to: '2025-12-01', modes: ['alone', 'helped', tally.NOT_ASKED] };
		expect(await one('voice.listened', q)).toMatchObject({
			positive: 2,
			negative: 1,
			not_counted: 0,
			excluded: 1 // the proxy answer was "I don't know": not counted, but left out all the same
		});
		expect(await one('safe.feel_safe', q)).toMatchObject({ positive: 2, negative: 1 });
		const onlyProxy = await one('voice.listened', { to: '2025-12-01', modes: ['proxy'] });
		expect(onlyProxy).toMatchObject({ positive: 0, negative: 0, not_counted: 1, excluded: 3 });
		expect(onlyProxy.percent).toBeNull();
	});

	it('gives each Dorset outcome a headline from its outputs', async () => {
		const cells = await query({ from: '2025-07-01', to: '2025-07-01' });
		const of = (m: string) => cells.find((c) => c.measure_id === m);
		// Four children: (+,+) positive; (+,−) negative; (?) not counted; (?,+) positive.
		expect(of('dorset.1')).toMatchObject({ positive: 2, negative: 1, not_counted: 1 });
		expect(of('dorset.1.2')).toMatchObject({ positive: 2, negative: 1, not_counted: 1 });
		// Outcome 2's only output was never answered: four not counted.
		expect(of('dorset.2')).toMatchObject({ positive: 0, negative: 0, not_counted: 4 });
	});

	it('sums services into providers and the council, and quarters into the year', async () => {
		const cells = await query({
			to: '2025-12-01',
			entityLevels: ['council', 'provider', 'service'],
			periodLevels: ['year', 'quarter'],
			measureIds: ['voice.listened']
		});
		const year = cells.filter((c) => c.period === 'year');
		expect(year.map((c) => c.entity).sort()).toEqual(['council', 'provider', 'service', 'service']);
		const services = year.filter((c) => c.entity === 'service');
		const council = year.find((c) => c.entity === 'council')!;
		expect(services.reduce((n, c) => n + c.positive + c.negative, 0)).toBe(
			council.positive + council.negative
		);
		const quarters = cells.filter((c) => c.period === 'quarter' && c.entity === 'council');
		expect(quarters.map((c) => [c.period_start, c.positive, c.negative]).sort()).toEqual(
			[
				['2025-04-01', 2, 1],
				['2025-07-01', 0, 0]
			].filter(([, p, n]) => Number(p) + Number(n) > 0)
		);
	});

	it('breaks down by age band from the second tally', async () => {
		await reply(db, {
			versionId: v2,
			serviceId,
			completedAt: '2026-05-20T10:00:00Z',
			ageBand: '8-11',
			answers: { listened: ['voice.listened', 'positive'] }
		});
		const cells = await query({
			from: '2026-05-01',
			to: '2026-05-01',
			breakdown: { table: 'tally_by', dimension: 'age_band' },
			measureIds: ['voice.listened']
		});
		expect(cells).toHaveLength(1);
		expect(cells[0]).toMatchObject({ value: '8-11', positive: 1, negative: 0 });
		// Unfiltered, it reads the smaller tally; filtered, the full one: the same figures.
		const wider = await query({
			from: '2025-04-01',
			to: '2026-06-01',
			breakdown: { table: 'tally_by', dimension: 'age_band' },
			entityLevels: ['council', 'service'],
			periodLevels: ['year', 'quarter']
		});
		const filtered = await query({
			from: '2025-04-01',
			to: '2026-06-01',
			modes: ['alone', 'helped', 'proxy'], // every mode these child surveys record
			breakdown: { table: 'tally_by', dimension: 'age_band' },
			entityLevels: ['council', 'service'],
			periodLevels: ['year', 'quarter']
		});
		const sorted = (cells: typeof wider) => cells.map((c) => JSON.stringify(c)).sort();
		expect(wider.length).toBeGreaterThan(10);
		expect(sorted(filtered)).toEqual(sorted(wider));
	});

	it('rebuilds exactly the tallies that were kept as responses completed', async () => {
		const snapshot = async () => ({
			tally: await db
				.selectFrom('measure_tally')
				.selectAll()
				.orderBy(sql`service_id, month, measure_id, completion_mode, source`)
				.execute(),
			by: await db
				.selectFrom('measure_tally_by')
				.selectAll()
				.orderBy(sql`dimension, service_id, month, measure_id, completion_mode, source, value`)
				.execute(),
			all: await db
				.selectFrom('measure_tally_all')
				.selectAll()
				.orderBy(sql`service_id, month, measure_id`)
				.execute(),
			byAll: await db
				.selectFrom('measure_tally_by_all')
				.selectAll()
				.orderBy(sql`dimension, service_id, month, measure_id, value`)
				.execute()
		});
		const kept = await snapshot();
		expect(kept.tally.length).toBeGreaterThan(5);
		await tally.rebuild(db);
		expect(await snapshot()).toEqual(kept);
	});

	it('computes 95% Wilson intervals that match published values', async () => {
		// Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3 (score, no correction).
		const published: [number, number, number, number][] = [
			[81, 263, 0.2553, 0.3662],
			[15, 148, 0.0624, 0.1605],
			[0, 20, 0, 0.1611],
			[1, 29, 0.0061, 0.1718]
		];
		for (const [k, n, low, high] of published) {
			const { rows } = await sql<{ low: number; high: number }>`
				select ${wilsonLow(sql`${k}::int`, sql`${n}::int`)} as low,
					${wilsonHigh(sql`${k}::int`, sql`${n}::int`)} as high`.execute(db);
			expect(Number(rows[0]!.low)).toBeCloseTo(low, 4);
			expect(Number(rows[0]!.high)).toBeCloseTo(high, 4);
		}
		const { rows } = await sql<{ low: unknown }>`
			select ${wilsonLow(sql`0`, sql`0`)} as low`.execute(db);
		expect(rows[0]!.low).toBeNull();
	});
});
