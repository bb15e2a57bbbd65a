import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDate } from '../../src/lib/calendar/dates';
import { addWorkingDays } from '../../src/lib/calendar/working-days';
import * as answerRepo from '../../src/lib/server/db/answer';
import * as rateLimit from '../../src/lib/server/db/rate-limit';
import {
	AlreadyFinished,
	begin,
	finish,
	fromResumeToken,
	saveAnswer
} from '../../src/lib/server/answering/service';
import * as invitations from '../../src/lib/server/invitations/links';
import * as metrics from '../../src/lib/server/metrics';
import { acknowledge } from '../../src/lib/server/alerts/service';
import type { App } from '../../src/lib/server/app';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

const inAYear = new Date(Date.now() + 365 * 86400_000);

/** What /metrics would say for a counter now. */
const counted = async (c: { get(): Promise<{ values: { value: number }[] }> }) =>
	(await c.get()).values.reduce((sum, v) => sum + v.value, 0);

describe.each(databaseKinds)('answering on %s', (kind) => {
	let database: TestDatabase;
	let serviceId: string;
	let versionId: string;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		({ serviceId, versionId } = await seedOrganisation(database.db));
	});
	afterAll(async () => database?.drop());

	const invite = (isOpen = false) =>
		invitations.issue(database.db, {
			surveyId: 'minimal',
			serviceId,
			respondent: 'child',
			source: 'annual_review',
			expiresAt: inAYear,
			isOpen
		});

	const started = async (isOpen = false) => {
		const { invitation } = await invite(isOpen);
		const result = await begin(database.db, invitation, versionId, 'en');
		if (result.status !== 'started') throw new Error('not started');
		return {
			invitation,
			...result,
			ctx: (await fromResumeToken(database.db, result.resumeToken))!
		};
	};

	it('finds an invitation by its code, however it is typed, and by its link', async () => {
		const { invitation, code, token } = await invite();
		expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
		const spaced = `${code!.slice(0, 4).toLowerCase()} ${code!.slice(4)}`;
		expect((await invitations.findByCode(database.db, spaced))?.id).toBe(invitation.id);
		expect((await invitations.findByToken(database.db, token))?.id).toBe(invitation.id);
		expect(await invitations.findByCode(database.db, 'AAAAAAAA')).toBeUndefined();
	});

	it('continues the same response when a personal invitation is opened again, on a new token', async () => {
		const first = await started();
		const again = await begin(database.db, first.invitation, versionId, 'pl');
		expect(again.status).toBe('started');
		if (again.status !== 'started') return;
		expect(again.response.id).toBe(first.response.id);
		expect(await fromResumeToken(database.db, first.resumeToken)).toBeNull();
		expect((await fromResumeToken(database.db, again.resumeToken))?.response.id).toBe(
			first.response.id
		);
	});

	it('starts a new anonymous response every time an open link is used', async () => {
		const { invitation } = await invite(true);
		const a = await begin(database.db, invitation, versionId, 'en');
		const b = await begin(database.db, invitation, versionId, 'en');
		expect(
			a.status === 'started' && b.status === 'started' && a.response.id !== b.response.id
		).toBe(true);
	});

	it('stores each answer with its measure and classification from the version answered', async () => {
		const { ctx } = await started();
		const saved = await saveAnswer(database.db, ctx, 'feel_safe', { value: 'sometimes' }, 'en', 1);
		expect(saved).toEqual({ next: 'anything_else', worrying: false, alertId: null });
		const rows = await answerRepo.listForResponse(database.db, ctx.response.id);
		expect(rows).toEqual([
			expect.objectContaining({
				question_name: 'feel_safe',
				value: 'sometimes',
				measure_id: 'safe.feel_safe',
				classification: 'negative'
			})
		]);
	});

	it('keeps one answer when the same page is posted twice, and clears a skipped one', async () => {
		const { ctx } = await started();
		await saveAnswer(database.db, ctx, 'feel_safe', { value: 'dontknow' }, 'en', 1);
		await saveAnswer(database.db, ctx, 'feel_safe', { value: 'dontknow' }, 'en', 1);
		const rows = await answerRepo.listForResponse(database.db, ctx.response.id);
		expect(rows.map((r) => [r.value, r.classification])).toEqual([['dontknow', 'not_counted']]);
		await saveAnswer(database.db, ctx, 'feel_safe', { empty: true }, 'en', 1);
		expect(await answerRepo.listForResponse(database.db, ctx.response.id)).toEqual([]);
	});

	it('raises one safeguarding alert for a worrying answer, due one working day later', async () => {
		const { ctx } = await started();
		const [raisedBefore, savedBefore] = [
			await counted(metrics.alertsRaised),
			await counted(metrics.answersSaved)
		];
		const first = await saveAnswer(database.db, ctx, 'feel_safe', { value: 'no' }, 'en', 1);
		const again = await saveAnswer(database.db, ctx, 'feel_safe', { value: 'no' }, 'en', 1);
		expect(first.worrying && again.worrying).toBe(true);
		// Counted for /metrics: two saves, one alert.
		expect(await counted(metrics.answersSaved)).toBe(savedBefore + 2);
		expect(await counted(metrics.alertsRaised)).toBe(raisedBefore + 1);
		const alerts = await database.db
			.selectFrom('safeguarding_alert')
			.selectAll()
			.where('response_id', '=', ctx.response.id)
			.execute();
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({
			question_name: 'feel_safe',
			service_id: serviceId,
			acknowledged_at: null
		});
		// One working day later at the same time of day: over a weekend or a bank holiday, the
		// next working day.
		const { raised_at, due_at } = alerts[0]!;
		expect(due_at.toISOString().slice(10)).toBe(raised_at.toISOString().slice(10));
		expect(utcDate(due_at)).toBe(addWorkingDays(utcDate(raised_at), 1));

		// Acknowledged twice (a double tap), counted once for /metrics.
		const { provider_id } = await database.db
			.selectFrom('service')
			.select('provider_id')
			.where('id', '=', serviceId)
			.executeTakeFirstOrThrow();
		const manager = await database.db
			.insertInto('app_user')
			.values({
				email: `manager-${ctx.response.id}@example.org`,
				display_name: 'Manager',
				role: 'provider_manager',
				password_hash: '!',
				council_id: null,
				provider_id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const user = {
			id: manager.id,
			email: 'manager@example.org',
			displayName: 'Manager',
			role: 'provider_manager' as const,
			councilId: null,
			providerId: provider_id,
			hasTotp: false
		};
		const app = { connection: database } as unknown as App;
		const acknowledgedBefore = await counted(metrics.alertsAcknowledged);
		expect(await acknowledge(app, user, alerts[0]!.id, 'Spoke to them')).toBe(true);
		expect(await acknowledge(app, user, alerts[0]!.id, 'Spoke to them')).toBe(false);
		expect(await counted(metrics.alertsAcknowledged)).toBe(acknowledgedBefore + 1);
	});

	it('completes exactly once, and then refuses changes and reopening', async () => {
		const { ctx, invitation } = await started();
		await saveAnswer(database.db, ctx, 'feel_safe', { value: 'yes' }, 'en', 1);
		const completedBefore = await counted(metrics.responsesCompleted);
		expect(await finish(database.db, ctx)).toBe(true);
		expect(await finish(database.db, ctx)).toBe(false);
		expect(await counted(metrics.responsesCompleted)).toBe(completedBefore + 1);
		await expect(
			saveAnswer(database.db, ctx, 'feel_safe', { value: 'no' }, 'en', 1)
		).rejects.toBeInstanceOf(AlreadyFinished);
		const rows = await answerRepo.listForResponse(database.db, ctx.response.id);
		expect(rows.map((r) => r.value)).toEqual(['yes']);
		expect((await begin(database.db, invitation, versionId, 'en')).status).toBe('completed');
	});

	it('counts rate-limit hits in a shared window and starts again after it', async () => {
		const t0 = new Date('2026-01-01T10:00:00Z');
		const later = (s: number) => new Date(t0.getTime() + s * 1000);
		expect(await rateLimit.hit(database.db, 'k', 600, t0)).toBe(1);
		expect(await rateLimit.hit(database.db, 'k', 600, later(10))).toBe(2);
		expect(await rateLimit.hit(database.db, 'k', 600, later(599))).toBe(3);
		expect(await rateLimit.hit(database.db, 'k', 600, later(601))).toBe(1);
		expect(await rateLimit.hit(database.db, 'other', 600, later(601))).toBe(1);
	});
});
