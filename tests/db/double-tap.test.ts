import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { begin, finish, fromResumeToken, saveAnswer } from '../../src/lib/server/answering/service';
import * as invitations from '../../src/lib/server/invitations/links';
import { allowCodeAttempt, CODE_LIMITS } from '../../src/lib/server/rate-limit';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

// Double taps and bursts on the respondent's side: a child pressing Start, an answer or
// "Send my answers" several times at once gets one response, one answer, one alert and one
// count in the figures; a code guessed from many addresses at once gets its five tries only.

describe.each(databaseKinds)('double taps and bursts on %s', (kind) => {
	let database: TestDatabase;
	let serviceId: string;
	let versionId: string;
	beforeAll(async () => {
		database = await freshDatabase(kind);
		({ serviceId, versionId } = await seedOrganisation(database.db));
	});
	afterAll(() => database?.drop());

	const invite = () =>
		invitations.issue(database.db, {
			surveyId: 'minimal',
			serviceId,
			respondent: 'child',
			source: 'annual_review',
			expiresAt: new Date(Date.now() + 86400_000),
			isOpen: false
		});
	const count = async (table: 'response' | 'answer' | 'safeguarding_alert') =>
		Number(
			(
				await database.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const tallied = async () =>
		Number(
			(
				await database.db
					.selectFrom('measure_tally')
					.select((eb) => eb.fn.sum('negative').as('n'))
					.where('measure_id', '=', 'safe.feel_safe')
					.executeTakeFirstOrThrow()
			).n ?? 0
		);

	it('starts one response, saves one answer, raises one alert and counts it once', async () => {
		const before = {
			responses: await count('response'),
			alerts: await count('safeguarding_alert')
		};
		const { invitation } = await invite();
		const starts = await Promise.all(
			Array.from({ length: 5 }, () => begin(database.db, invitation, versionId, 'en'))
		);
		const ids = new Set(starts.map((s) => (s.status === 'started' ? s.response.id : s.status)));
		expect(ids.size).toBe(1);
		expect(await count('response')).toBe(before.responses + 1);
		const contexts = await Promise.all(
			starts.map((s) =>
				s.status === 'started' ? fromResumeToken(database.db, s.resumeToken) : null
			)
		);
		const ctx = contexts.find((c) => c !== null)!;
		expect(ctx.response.id).toBe([...ids][0]);
		const answersBefore = await count('answer');
		await Promise.all(
			Array.from({ length: 5 }, () =>
				saveAnswer(database.db, ctx, 'feel_safe', { value: 'no' }, 'en', 1)
			)
		);
		expect(await count('answer')).toBe(answersBefore + 1);
		expect(await count('safeguarding_alert')).toBe(before.alerts + 1);
		const negatives = await tallied();
		const finished = await Promise.all(Array.from({ length: 5 }, () => finish(database.db, ctx)));
		expect(finished.filter(Boolean)).toHaveLength(1);
		expect(await tallied()).toBe(negatives + 1);
	});

	it('lets one code be tried five times however many addresses try it at once', async () => {
		const tries = await Promise.all(
			Array.from({ length: 50 }, (_, i) => allowCodeAttempt(database.db, `10.3.0.${i}`, 'KMNPQRTU'))
		);
		expect(tries.filter(Boolean)).toHaveLength(CODE_LIMITS.perCode);
	});
});
