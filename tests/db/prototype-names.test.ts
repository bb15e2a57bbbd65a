import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { begin, finish, fromResumeToken, saveAnswer } from '../../src/lib/server/answering/service';
import * as answerRepo from '../../src/lib/server/db/answer';
import { ownValue } from '../../src/lib/own';
import * as survey from '../../src/lib/server/db/survey';
import * as invitations from '../../src/lib/server/invitations/links';
import { loadSymbolSet } from '../../src/lib/server/symbols';
import { loadSurveyFile } from '../../src/lib/server/surveys/load';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

// A survey may name a question `constructor` or `toString` and a choice `valueOf`: names every
// JavaScript object has. Answers and counting rules are looked up by own keys only, so these are
// ordinary names, answered and counted like any other.
const loaded = loadSurveyFile('tests/fixtures/prototype-names/survey.json', loadSymbolSet());

describe.each(databaseKinds)('questions named like object properties on %s', (kind) => {
	let database: TestDatabase;
	let serviceId: string;
	let versionId: string;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		({ serviceId } = await seedOrganisation(database.db));
		versionId = await survey.registerVersion(database.db, loaded.survey!);
	});
	afterAll(async () => database?.drop());

	it('passes the survey check, with rules for its own questions only', () => {
		expect(loaded.problems).toEqual([]);
		expect(Object.keys(loaded.survey!.rules)).toEqual(['constructor']);
		expect(ownValue(loaded.survey!.rules, 'constructor')?.positive).toEqual(['yes']);
	});

	it('answers, counts and finishes them', async () => {
		const { invitation } = await invitations.issue(database.db, {
			surveyId: loaded.survey!.id,
			serviceId,
			respondent: 'child',
			source: 'annual_review',
			expiresAt: new Date(Date.now() + 86400_000),
			isOpen: false
		});
		const started = await begin(database.db, invitation, versionId, 'en');
		if (started.status !== 'started') throw new Error('not started');
		let ctx = (await fromResumeToken(database.db, started.resumeToken))!;
		// Nothing answered yet: no inherited `constructor` or `toString` shows as an answer.
		expect(ctx.answers.constructor).toBeUndefined();
		expect(ctx.answers.toString).toBeUndefined();
		expect(ctx.steps.steps).not.toContain('toString');
		await saveAnswer(database.db, ctx, 'constructor', { value: 'valueOf' }, 'en', 1);
		ctx = (await fromResumeToken(database.db, started.resumeToken))!;
		expect(ctx.steps.steps).toContain('toString');
		await saveAnswer(database.db, ctx, 'toString', { value: 'Fine' }, 'en', 1);
		const rows = await answerRepo.listForResponse(database.db, ctx.response.id);
		expect(
			Object.fromEntries(rows.map((r) => [r.question_name, [r.value, r.classification]]))
		).toEqual({ constructor: ['valueOf', 'negative'], toString: ['Fine', null] });
		expect(await finish(database.db, ctx)).toBe(true);
	});
});
