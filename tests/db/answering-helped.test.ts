import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyCells } from '../../src/lib/server/db/dashboard';
import * as responseRepo from '../../src/lib/server/db/response';
import * as serviceRepo from '../../src/lib/server/db/service';
import * as surveyRepo from '../../src/lib/server/db/survey';
import {
	begin,
	finish,
	fromResumeToken,
	saveAnswer,
	saveCompletionMode
} from '../../src/lib/server/answering/service';
import { FINISH, HELPED } from '../../src/lib/server/answering/steps';
import * as invitations from '../../src/lib/server/invitations/links';
import { loadSymbolSet } from '../../src/lib/server/symbols';
import { loadSurveyFile } from '../../src/lib/server/surveys/load';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

// Who is helping is asked once the welcome has said what the survey is about, and not at all
// when staff hand their device over: that response is recorded as answered with help, and the
// dashboard's "With help" filter counts it.

const symbols = loadSurveyFile('surveys/short-breaks-child-symbols.json', loadSymbolSet()).survey!;

describe.each(databaseKinds)('who is helping, on %s', (kind) => {
	let database: TestDatabase;
	let serviceId: string;
	let versionId: string;
	let staffId: string;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		({ serviceId } = await seedOrganisation(database.db));
		versionId = await surveyRepo.registerVersion(database.db, symbols);
		const { provider_id } = (await serviceRepo.find(database.db, serviceId))!;
		({ id: staffId } = await database.db
			.insertInto('app_user')
			.values({
				email: 'helper@example.org',
				display_name: 'Helper',
				role: 'provider_staff',
				password_hash: '!',
				council_id: null,
				provider_id
			})
			.returning('id')
			.executeTakeFirstOrThrow());
	});
	afterAll(async () => database?.drop());

	const started = async (assistedBy?: string) => {
		const { invitation } = await invitations.issue(database.db, {
			surveyId: symbols.id,
			serviceId,
			respondent: 'child',
			source: 'annual_review',
			expiresAt: new Date(Date.now() + 86400_000),
			childId: null
		});
		const result = await begin(database.db, invitation, versionId, 'en', { assistedBy });
		if (result.status !== 'started') throw new Error('not started');
		return (await fromResumeToken(database.db, result.resumeToken))!;
	};

	it('asks a child after the welcome, and records the answer', async () => {
		const ctx = await started();
		expect(ctx.response.completion_mode).toBeNull();
		expect(ctx.steps.steps.slice(0, 3)).toEqual(['welcome', HELPED, 'voice_communicate']);
		const saved = await saveAnswer(database.db, ctx, 'welcome', { empty: true }, 'en', 1);
		expect(saved.next).toBe(HELPED);
		const next = await saveCompletionMode(database.db, ctx, 'proxy', HELPED);
		expect(next).toBe('voice_communicate');
		const row = await responseRepo.find(database.db, ctx.response.id);
		expect(row?.completion_mode).toBe('proxy');
	});

	it('does not ask on a hand-over: it is recorded as answered with help from the start', async () => {
		const ctx = await started(staffId);
		expect(ctx.response.assisted_by).toBe(staffId);
		expect(ctx.response.completion_mode).toBe('helped');
		expect(ctx.steps.steps).not.toContain(HELPED);
		expect(ctx.steps.steps.slice(0, 2)).toEqual(['welcome', 'voice_communicate']);
		expect(ctx.steps.steps.at(-1)).toBe(FINISH);
		const saved = await saveAnswer(database.db, ctx, 'welcome', { empty: true }, 'en', 1);
		expect(saved.next).toBe('voice_communicate');
	});

	it('counts a finished hand-over under "With help" on the dashboard', async () => {
		const ctx = await started(staffId);
		await saveAnswer(database.db, ctx, 'voice_listened', { value: 'yes' }, 'en', 1);
		expect(await finish(database.db, ctx)).toBe(true);
		const { council_id } = (await serviceRepo.find(database.db, serviceId))!;
		const listened = async (modes: string[]) =>
			(
				await tallyCells(database.db, {
					councilId: council_id,
					from: '2000-01-01',
					to: '2099-12-01',
					modes,
					sources: ['annual_review'],
					entityLevels: ['council'],
					periodLevels: ['range'],
					measureIds: ['voice.listened']
				})
			).map((c) => [c.positive, c.negative, c.excluded]);
		expect(await listened(['helped'])).toEqual([[1, 0, 0]]);
		expect(await listened(['alone', 'proxy'])).toEqual([[0, 0, 1]]);
	});
});
