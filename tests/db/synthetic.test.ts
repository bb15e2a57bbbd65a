import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db/connect';
import type { SurveyRules } from '../../src/lib/server/db/schema';
import * as service from '../../src/lib/server/db/service';
import * as survey from '../../src/lib/server/db/survey';
import { generateResponses } from '../../src/lib/server/demo/responses';
import { loadSurveyCatalogue } from '../../src/lib/server/surveys/load';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

const catalogue = loadSurveyCatalogue('surveys');
const FROM = '2025-04-01';
const TO = '2026-04-01';
const options = { responses: 400, from: FROM, to: TO, seed: 20251124, batch: 150 };

/** The seeded organisation's short-break service, a children's home beside it, every survey. */
async function prepare(db: DB): Promise<{ shortBreak: string; home: string }> {
	const { serviceId } = await seedOrganisation(db);
	const club = (await service.find(db, serviceId))!;
	const home = await service.insert(db, {
		provider_id: club.provider_id,
		council_id: club.council_id,
		name: 'Home',
		kind: 'childrens_home'
	});
	for (const s of catalogue.surveys) await survey.registerVersion(db, s);
	return { shortBreak: serviceId, home: home.id };
}

const count = (v: string | number | bigint) => Number(v);

/** Answers per classification, for comparing two runs. */
async function tallies(db: DB) {
	const rows = await db
		.selectFrom('answer')
		.select(['classification', (eb) => eb.fn.countAll<string | number>().as('n')])
		.groupBy('classification')
		.orderBy('classification')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.classification, count(r.n)]));
}

describe.each(databaseKinds)('synthetic responses on %s', (kind) => {
	let database: TestDatabase;
	let services: { shortBreak: string; home: string };
	let generated: { responses: number; answers: number };

	beforeAll(async () => {
		expect(catalogue.problems).toEqual([]);
		database = await freshDatabase(kind);
		services = await prepare(database.db);
		generated = await generateResponses(database.db, options);
	});
	afterAll(async () => database?.drop());

	it('makes exactly the responses asked for, completed within the period', async () => {
		const { db } = database;
		const rows = await db
			.selectFrom('response')
			.select(['completed_at', 'started_at', 'updated_at', 'service_id'])
			.execute();
		expect(generated.responses).toBe(400);
		expect(rows.length).toBe(400);
		const from = new Date(`${FROM}T00:00:00Z`).getTime();
		const to = new Date(`${TO}T00:00:00Z`).getTime();
		for (const r of rows) {
			expect(r.completed_at).not.toBeNull();
			const at = r.completed_at!.getTime();
			expect(at).toBeGreaterThanOrEqual(from);
			expect(at).toBeLessThan(to);
			expect(at - r.started_at.getTime()).toBe(15 * 60_000);
			expect(r.updated_at.getTime()).toBe(at);
		}
		// Both services answered, and the year is covered rather than bunched.
		expect(new Set(rows.map((r) => r.service_id))).toEqual(
			new Set([services.shortBreak, services.home])
		);
		const months = new Set(rows.map((r) => r.completed_at!.toISOString().slice(0, 7)));
		expect(months.size).toBe(12);
		const answers = await db
			.selectFrom('answer')
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(count(answers.n)).toBe(generated.answers);
	});

	it('classifies every answer as its version’s rules do, with values the question offers', async () => {
		const { db } = database;
		const rows = await db
			.selectFrom('answer as a')
			.innerJoin('response as r', 'r.id', 'a.response_id')
			.innerJoin('survey_version as v', 'v.id', 'r.survey_version_id')
			.select(['a.question_name', 'a.value', 'a.measure_id', 'a.classification', 'v.rules'])
			.select(['a.answered_at', 'r.completed_at'])
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		const seen = { positive: 0, negative: 0, not_counted: 0 };
		for (const row of rows) {
			const rule = (row.rules as SurveyRules)[row.question_name];
			expect(rule, row.question_name).toBeDefined();
			const value = row.value;
			// PRODUCT.md's counting rule, restated: "I don't know" and "I'd rather not say" are
			// outside the denominator like the rule's own not-counted answers.
			const expected = rule!.positive.includes(value)
				? 'positive'
				: rule!.notCounted.includes(value) || value === 'dontknow' || value === 'refused'
					? 'not_counted'
					: 'negative';
			expect({ q: row.question_name, value, c: row.classification }).toEqual({
				q: row.question_name,
				value,
				c: expected
			});
			expect(row.measure_id).toBe(rule!.measure);
			expect(rule!.safeguarding).not.toContain(value);
			expect(row.answered_at.getTime()).toBe(row.completed_at!.getTime());
			seen[expected]++;
		}
		// All three kinds occur, in plausible proportions.
		expect(seen.positive).toBeGreaterThan(seen.negative);
		expect(seen.negative).toBeGreaterThan(0);
		expect(seen.not_counted).toBeGreaterThan(0);
		expect(seen.not_counted / rows.length).toBeLessThan(0.2);
		// Questions with their own not-counted answer ("not for me") get it sometimes, and
		// rating answers stay numbers.
		expect(rows.some((r) => r.value === 'not_for_me')).toBe(true);
		expect(rows.some((r) => r.question_name === 'carer_satisfied')).toBe(true);
		for (const r of rows.filter((r) => r.question_name === 'carer_satisfied')) {
			expect(typeof r.value).toBe('number');
		}
	});

	it('counts a response once per measure and raises no safeguarding alerts', async () => {
		const { db } = database;
		const duplicates = await db
			.selectFrom('answer')
			.select(['response_id', 'measure_id'])
			.groupBy(['response_id', 'measure_id'])
			.having((eb) => eb.fn.countAll(), '>', 1)
			.execute();
		expect(duplicates).toEqual([]);
		const alerts = await db
			.selectFrom('safeguarding_alert')
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(count(alerts.n)).toBe(0);
	});

	it('describes each response as its survey’s respondent would have answered it', async () => {
		const { db } = database;
		const rows = await db
			.selectFrom('response as r')
			.innerJoin('survey_version as v', 'v.id', 'r.survey_version_id')
			.innerJoin('survey as s', 's.id', 'v.survey_id')
			.innerJoin('service as sv', 'sv.id', 'r.service_id')
			.select([
				's.respondent',
				's.variant as survey_variant',
				'sv.kind',
				'r.variant',
				'r.completion_mode',
				'r.source',
				'r.language',
				'r.age_band',
				'r.send_need',
				'r.child_id',
				'r.invitation_id',
				'r.current_question'
			])
			.execute();
		const respondents = new Set<string>();
		for (const r of rows) {
			respondents.add(r.respondent);
			expect(r.variant).toBe(r.survey_variant);
			expect(r.child_id).toBeNull();
			expect(r.invitation_id).toBeNull();
			expect(r.current_question).toBeNull();
			if (r.kind === 'childrens_home') expect(r.survey_variant).toBe('childrens-home');
			else expect(r.survey_variant).not.toBe('childrens-home');
			if (r.respondent === 'child') {
				expect(['alone', 'helped', 'proxy']).toContain(r.completion_mode);
				expect(['annual_review', 'satisfaction_survey']).toContain(r.source);
				expect(['en', 'pl', 'ur']).toContain(r.language);
			} else {
				expect(r.completion_mode).toBeNull();
				expect(r.age_band).toBeNull();
			}
			if (r.respondent === 'carer') {
				expect(['satisfaction_survey', 'family_review']).toContain(r.source);
			}
			if (r.respondent === 'staff') {
				expect(r.source).toBe('end_of_care_package');
				expect(r.language).toBe('en');
			}
		}
		expect(respondents).toEqual(new Set(['child', 'carer', 'staff']));
		const children = rows.filter((r) => r.respondent === 'child');
		expect(children.some((r) => r.age_band === null)).toBe(true);
		expect(children.some((r) => r.age_band === '8-11')).toBe(true);
		expect(rows.some((r) => r.send_need === null)).toBe(true);
		expect(rows.some((r) => r.send_need === 'autism')).toBe(true);
		expect(rows.some((r) => r.language === 'pl')).toBe(true);
	});

	it('gives each response a plausible number of answers', () => {
		const perResponse = generated.answers / generated.responses;
		expect(perResponse).toBeGreaterThan(5);
		expect(perResponse).toBeLessThan(40);
	});

	it('makes the same data from the same seed, and different data from another', async () => {
		const again = await freshDatabase(kind);
		const other = await freshDatabase(kind);
		try {
			await prepare(again.db);
			await prepare(other.db);
			const first = await tallies(database.db);
			expect(await generateResponses(again.db, options)).toEqual(generated);
			expect(await tallies(again.db)).toEqual(first);
			// The same answers, not only as many: compare (completion time, question, value).
			const fingerprint = (db: DB) =>
				sql<{ f: string }>`
					select md5(string_agg(r.completed_at::text || a.question_name || a.value::text, ','
						order by r.completed_at, a.question_name)) as f
					from answer a join response r on r.id = a.response_id`
					.execute(db)
					.then((r) => r.rows[0]!.f);
			expect(await fingerprint(again.db)).toBe(await fingerprint(database.db));
			await generateResponses(other.db, { ...options, seed: options.seed + 1 });
			expect(await fingerprint(other.db)).not.toBe(await fingerprint(database.db));
		} finally {
			await again.drop();
			await other.drop();
		}
	});

	it('keeps to the services asked for', async () => {
		const { db } = database;
		const perService = async () => {
			const rows = await db
				.selectFrom('response')
				.select(['service_id', (eb) => eb.fn.countAll<string | number>().as('n')])
				.groupBy('service_id')
				.execute();
			return Object.fromEntries(rows.map((r) => [r.service_id, count(r.n)]));
		};
		const before = await perService();
		const added = await generateResponses(db, {
			responses: 30,
			from: FROM,
			to: TO,
			serviceIds: [services.home]
		});
		expect(added.responses).toBe(30);
		expect(await perService()).toEqual({
			...before,
			[services.home]: before[services.home]! + 30
		});
		await expect(
			generateResponses(db, { responses: 1, from: TO, to: FROM, serviceIds: [services.home] })
		).rejects.toThrow(/after/);
	});
});
