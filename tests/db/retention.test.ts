import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as answerRepo from '../../src/lib/server/db/answer';
import type { DB } from '../../src/lib/server/db/connect';
import { applyRetention, eraseChild } from '../../src/lib/server/privacy/retention';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

const YEAR = 365 * 86400_000;
const MEASURE = 'safe.feel_safe';

describe.each(databaseKinds)('retention on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let serviceId: string;
	let versionId: string;
	let providerId: string;
	let adminId: string;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		({ serviceId, versionId } = await seedOrganisation(db));
		({ provider_id: providerId } = await db
			.selectFrom('service')
			.select('provider_id')
			.where('id', '=', serviceId)
			.executeTakeFirstOrThrow());
		({ id: adminId } = await db
			.insertInto('app_user')
			.values({
				email: 'admin@example.org',
				display_name: 'Admin',
				role: 'administrator',
				password_hash: '!',
				council_id: null,
				provider_id: null,
				totp_secret: null,
				totp_pending_secret: null,
				totp_last_step: null
			})
			.returning('id')
			.executeTakeFirstOrThrow());
	});
	afterAll(async () => database?.drop());

	const addChild = async (reference: string) => {
		const { id } = await db
			.insertInto('child')
			.values({
				provider_id: providerId,
				reference,
				display_name: `Name ${reference}`,
				date_of_birth: '2014-05-01',
				send_needs: JSON.stringify(['autism']),
				communication_needs: 'Uses Makaton',
				preferred_variant: 'symbols',
				preferred_language: 'pl'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return id;
	};

	const addPackage = (childId: string, startsOn: string, endsOn: string | null) =>
		db
			.insertInto('care_package')
			.values({ child_id: childId, service_id: serviceId, starts_on: startsOn, ends_on: endsOn })
			.execute();

	/** A completed response with a measure answer, a comment and, if given, an alert with a note. */
	const addResponse = async (
		childId: string,
		feelSafe: string,
		note?: string,
		startedAt = new Date()
	) => {
		const { id } = await db
			.insertInto('response')
			.values({
				survey_version_id: versionId,
				service_id: serviceId,
				child_id: childId,
				source: 'annual_review',
				language: 'en',
				variant: 'symbols',
				age_band: '11-15',
				send_need: 'autism',
				client_submission_id: randomUUID(),
				started_at: startedAt,
				completed_at: startedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const positive = feelSafe === 'yes';
		await answerRepo.save(db, {
			response_id: id,
			question_name: 'feel_safe',
			value: JSON.stringify(feelSafe),
			measure_id: MEASURE,
			classification: positive ? 'positive' : 'negative'
		});
		await answerRepo.save(db, {
			response_id: id,
			question_name: 'anything_else',
			value: JSON.stringify(`My name is ${childId}`),
			measure_id: null,
			classification: null
		});
		if (note !== undefined) {
			await db
				.insertInto('safeguarding_alert')
				.values({
					response_id: id,
					question_name: 'feel_safe',
					service_id: serviceId,
					due_at: new Date(Date.now() + 86400_000),
					note
				})
				.execute();
		}
		return id;
	};

	const measureAnswers = () =>
		db
			.selectFrom('answer')
			.select(['measure_id', 'classification', (eb) => eb.fn.countAll<string>().as('n')])
			.where('measure_id', 'is not', null)
			.groupBy(['measure_id', 'classification'])
			.orderBy('classification')
			.execute()
			.then((rows) => rows.map((r) => ({ ...r, n: Number(r.n) })));

	const child = (id: string) =>
		db.selectFrom('child').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	const questions = async (responseId: string) =>
		(await answerRepo.listForResponse(db, responseId)).map((a) => a.question_name).sort();

	let childA: string;
	let childB: string;
	let responseA: string;
	let responseB: string;

	it('erases a child: a scrubbed tombstone, no free text, measures kept and unlinked', async () => {
		childA = await addChild('A-1');
		childB = await addChild('B-1');
		await addPackage(childA, '2026-01-05', '2026-03-01');
		responseA = await addResponse(childA, 'no', 'Spoke to the child; they named a carer.');
		responseB = await addResponse(childB, 'yes', 'Checked in with B.');
		const measuresBefore = await measureAnswers();
		const countBefore = await answerRepo.countByClassification(db, MEASURE);
		const bBefore = await child(childB);

		const counts = await eraseChild(db, childA, adminId);

		expect(counts).toEqual({
			freeTextAnswersRemoved: 1,
			responsesUnlinked: 1,
			alertNotesRemoved: 1,
			invitationsUnlinked: 0,
			packageTextsRemoved: 0,
			activityTextsRemoved: 0,
			returnRevisionsScrubbed: 0
		});
		const a = await child(childA);
		expect(a).toMatchObject({
			reference: `erased-${childA}`,
			display_name: 'Erased',
			date_of_birth: null,
			send_needs: [],
			communication_needs: null,
			preferred_variant: null,
			preferred_language: null
		});
		expect(a.erased_at).toBeInstanceOf(Date);
		expect(JSON.stringify(a)).not.toMatch(/A-1|Name|autism|Makaton|2014/);
		expect(await measureAnswers()).toEqual(measuresBefore);
		expect(await answerRepo.countByClassification(db, MEASURE)).toEqual(countBefore);
		expect(await questions(responseA)).toEqual(['feel_safe']);
		const response = await db
			.selectFrom('response')
			.selectAll()
			.where('id', '=', responseA)
			.executeTakeFirstOrThrow();
		expect(response).toMatchObject({ child_id: null, age_band: '11-15', send_need: 'autism' });
		const alert = await db
			.selectFrom('safeguarding_alert')
			.select('note')
			.where('response_id', '=', responseA)
			.executeTakeFirstOrThrow();
		expect(alert.note).toBe('[removed at erasure]');
		// The care package stays, pointing at the tombstone, for activity statistics.
		const packages = await db.selectFrom('care_package').select('child_id').execute();
		expect(packages).toEqual([{ child_id: childA }]);

		expect(await child(childB)).toEqual(bBefore);
		expect(await questions(responseB)).toEqual(['anything_else', 'feel_safe']);
		const alertB = await db
			.selectFrom('safeguarding_alert')
			.select('note')
			.where('response_id', '=', responseB)
			.executeTakeFirstOrThrow();
		expect(alertB.note).toBe('Checked in with B.');

		const events = await db
			.selectFrom('audit_event')
			.selectAll()
			.where('action', '=', 'child.erased')
			.where('subject_id', '=', childA)
			.execute();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actor_user_id: adminId, subject_type: 'child' });
		expect(events[0]!.details).toEqual(counts);
	});

	it('erases the same child again harmlessly, and refuses an unknown one', async () => {
		const first = await child(childA);
		expect(await eraseChild(db, childA, null)).toEqual({
			freeTextAnswersRemoved: 0,
			responsesUnlinked: 0,
			alertNotesRemoved: 0,
			invitationsUnlinked: 0,
			packageTextsRemoved: 0,
			activityTextsRemoved: 0,
			returnRevisionsScrubbed: 0
		});
		expect(await child(childA)).toEqual(first);
		await expect(eraseChild(db, randomUUID(), null)).rejects.toThrow(/No child with id/);
		await expect(eraseChild(db, 'not-an-id', null)).rejects.toThrow(/No child with id/);
	});

	it('applies the retention period: old children erased, open packages kept, expired rows gone', async () => {
		const old = await addChild('OLD-1');
		const open = await addChild('OPEN-1');
		await addPackage(old, '2026-01-05', '2026-06-30');
		await addPackage(open, '2026-01-05', null);
		const oldResponse = await addResponse(old, 'yes');
		const openResponse = await addResponse(open, 'no');
		const now = new Date(Date.now() + 10 * YEAR);
		const session = (id: string, expiresAt: Date) =>
			db
				.insertInto('session')
				.values({ id_hash: id, user_id: adminId, expires_at: expiresAt })
				.execute();
		await session('expired', new Date());
		await session('live', new Date(Date.now() + 20 * YEAR));
		await db
			.insertInto('password_reset')
			.values({ token_hash: 'old', user_id: adminId, created_by: null, expires_at: new Date() })
			.execute();
		await db
			.insertInto('rate_limit')
			.values({ key: 'sign-in:x', window_start: new Date(), hits: 3 })
			.execute();
		const measuresBefore = await measureAnswers();

		const counts = await applyRetention(db, now, 72);

		expect(counts.cutoff.getUTCFullYear()).toBe(now.getUTCFullYear() - 6);
		// B (no care package) and the old child are erased; A was erased already.
		expect(counts).toMatchObject({
			childrenErased: 2,
			responsesUnlinked: 2,
			alertNotesRemoved: 1,
			sessionsRemoved: 1,
			passwordResetsRemoved: 1,
			rateLimitsRemoved: 1
		});
		// B's and OLD's comments go with the erasure; OPEN's because the response itself is old.
		expect(counts.freeTextAnswersRemoved).toBe(3);
		expect((await child(old)).display_name).toBe('Erased');
		expect((await child(childB)).display_name).toBe('Erased');
		const kept = await child(open);
		expect(kept).toMatchObject({ reference: 'OPEN-1', erased_at: null });
		expect(await questions(oldResponse)).toEqual(['feel_safe']);
		expect(await questions(openResponse)).toEqual(['feel_safe']);
		const linked = await db
			.selectFrom('response')
			.select('id')
			.where('child_id', 'is not', null)
			.execute();
		expect(linked).toEqual([{ id: openResponse }]);
		expect(await measureAnswers()).toEqual(measuresBefore);
		expect(await db.selectFrom('session').select('id_hash').execute()).toEqual([
			{ id_hash: 'live' }
		]);
		const applied = await db
			.selectFrom('audit_event')
			.select(['actor_user_id', 'details'])
			.where('action', '=', 'retention.applied')
			.executeTakeFirstOrThrow();
		expect(applied).toMatchObject({
			actor_user_id: null,
			details: { childrenErased: 2, cutoff: counts.cutoff.toISOString() }
		});

		// Nothing is left to do a second time.
		const again = await applyRetention(db, now, 72);
		expect(again).toMatchObject({
			childrenErased: 0,
			freeTextAnswersRemoved: 0,
			sessionsRemoved: 0
		});
	});

	it('keeps a child whose care package ended, or who answered, after the cutoff', async () => {
		const day = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);
		const ended = await addChild('ENDED');
		await addPackage(ended, '2026-01-05', day(0));
		const endedLater = await addChild('ENDED-LATER');
		await addPackage(endedLater, '2026-01-05', day(2 * YEAR));
		const answeredLater = await addChild('ANSWERED-LATER');
		await addResponse(answeredLater, 'yes', undefined, new Date(Date.now() + 2 * YEAR));
		// Five years ahead with four years kept: the cutoff falls a year from today.
		const counts = await applyRetention(db, new Date(Date.now() + 5 * YEAR), 48);
		expect(counts.childrenErased).toBe(1);
		expect((await child(ended)).erased_at).toBeInstanceOf(Date);
		expect((await child(endedLater)).erased_at).toBeNull();
		expect((await child(answeredLater)).erased_at).toBeNull();
	});
});
