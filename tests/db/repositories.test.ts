import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measures } from '../../src/lib/server/catalogue/measures';
import * as answer from '../../src/lib/server/db/answer';
import * as measure from '../../src/lib/server/db/measure';
import * as response from '../../src/lib/server/db/response';
import * as survey from '../../src/lib/server/db/survey';
import type { LoadedSurvey } from '../../src/lib/server/surveys/types';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { minimalSurvey, seedOrganisation } from '../helpers/organisation';

const minimal = minimalSurvey;

describe.each(databaseKinds)('repositories on %s', (kind) => {
	let database: TestDatabase;
	let serviceId: string;
	let versionId: string;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		({ serviceId, versionId } = await seedOrganisation(database.db));
	});
	afterAll(async () => database?.drop());

	const newResponse = () => ({
		survey_version_id: versionId,
		service_id: serviceId,
		source: 'satisfaction_survey' as const,
		language: 'en',
		variant: 'symbols',
		client_submission_id: randomUUID()
	});

	it('keeps the measure table in step with the catalogue', async () => {
		const { db } = database;
		const rows = await measure.list(db);
		expect(rows.map((m) => m.id)).toEqual(measures.map((m) => m.id));
		await measure.syncCatalogue(db, measures);
		expect((await measure.list(db)).length).toBe(measures.length);
	});

	it('makes a new immutable version only when the definition changes', async () => {
		const { db } = database;
		expect(await survey.registerVersion(db, minimal)).toBe(versionId);
		const changed: LoadedSurvey = {
			...minimal,
			contentHash: 'changed',
			rules: { feel_safe: { ...minimal.rules.feel_safe!, positive: ['yes', 'sometimes'] } }
		};
		const second = await survey.registerVersion(db, changed);
		expect(second).not.toBe(versionId);
		const first = await survey.findVersion(db, versionId);
		expect(first?.rules).toEqual(minimal.rules);
		const listed = await survey.listWithCounts(db);
		expect(listed).toEqual([expect.objectContaining({ id: 'minimal', versions: 2, completed: 0 })]);
		expect(typeof listed[0]!.versions).toBe('number');
	});

	it('starts a response once per client submission id and completes it exactly once', async () => {
		const { db } = database;
		const values = newResponse();
		const a = await response.start(db, values);
		const b = await response.start(db, values);
		expect(b.id).toBe(a.id);
		expect(await response.complete(db, a.id)).toBe(true);
		expect(await response.complete(db, a.id)).toBe(false);
		expect((await response.find(db, a.id))?.completed_at).toBeInstanceOf(Date);
	});

	it('stores one answer per question, replacing a repeated post, and counts as numbers', async () => {
		const { db } = database;
		const r = await response.start(db, newResponse());
		const base = { response_id: r.id, question_name: 'feel_safe', measure_id: 'safe.feel_safe' };
		await answer.save(db, { ...base, value: JSON.stringify('no'), classification: 'negative' });
		await answer.save(db, { ...base, value: JSON.stringify('yes'), classification: 'positive' });
		const stored = await answer.listForResponse(db, r.id);
		expect(stored).toHaveLength(1);
		expect(stored[0]?.value).toBe('yes');
		expect(await answer.countByClassification(db, 'safe.feel_safe')).toEqual({
			positive: 0,
			negative: 0,
			not_counted: 0
		});
		await response.complete(db, r.id);
		const counts = await answer.countByClassification(db, 'safe.feel_safe');
		expect(counts).toEqual({ positive: 1, negative: 0, not_counted: 0 });
	});

	it('refuses a second answer to the same measure in one response', async () => {
		const { db } = database;
		const r = await response.start(db, newResponse());
		const row = {
			response_id: r.id,
			measure_id: 'safe.feel_safe',
			classification: 'positive' as const,
			value: '"yes"'
		};
		await answer.save(db, { ...row, question_name: 'feel_safe' });
		await expect(answer.save(db, { ...row, question_name: 'feel_safe_again' })).rejects.toThrow();
	});

	it('refuses an answer classified without a measure, or an unknown classification', async () => {
		const { db } = database;
		const r = await response.start(db, newResponse());
		await expect(
			answer.save(db, {
				response_id: r.id,
				question_name: 'x',
				value: '"a"',
				measure_id: null,
				classification: 'positive'
			})
		).rejects.toThrow();
		await expect(
			sql`insert into answer (response_id, question_name, value, measure_id, classification)
				values (${r.id}, 'y', '"a"', 'safe.feel_safe', 'maybe')`.execute(db)
		).rejects.toThrow();
	});

	it('keeps the audit log append-only', async () => {
		const { db } = database;
		await db
			.insertInto('audit_event')
			.values({ action: 'view', subject_type: 'child', subject_id: 'c1' })
			.execute();
		await expect(db.updateTable('audit_event').set({ action: 'edit' }).execute()).rejects.toThrow(
			/append-only/
		);
		await expect(db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
		expect(
			(await db.selectFrom('audit_event').select('action').execute()).map((r) => r.action)
		).toEqual(['view']);
	});
});
