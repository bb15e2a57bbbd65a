import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import type { DB } from '../../src/lib/server/db/connect';
import * as invitations from '../../src/lib/server/invitations/links';
import { summary } from '../../src/lib/server/organisations/summary';
import { DEFAULT_DUE_DAYS } from '../../src/lib/server/returns/deadlines';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

// The staff home lists what needs doing. Worked by hand for 1 December 2026 (quarter Q3,
// October to December), a provider commissioned from 1 April 2026:
// - returns: monthly April–November and quarterly Q1–Q2 are owed. Monthly returns are due 10
//   working days after the month, quarterly 15: April–October and both quarters are past due
//   (9 overdue); November's is due on 14 December, within the next 10 working days.
// - children with a care package in the quarter: A (answered in November), B (not answered),
//   C (starts mid-December; answered in September only, before the quarter) — 2 of 3 not heard.
//   D's package ended in September and E is erased: neither is counted.
// - invitations: one waiting, one started, one revoked, one expired — 1 not started.
describe.each(databaseKinds)('the staff home on %s', { timeout: 120_000 }, (kind) => {
	let database: TestDatabase;
	let db: DB;
	let providerId: string;
	const now = new Date('2026-12-01T10:00:00Z');

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		const { serviceId, versionId } = await seedOrganisation(db);
		providerId = (
			await db
				.selectFrom('service')
				.select('provider_id')
				.where('id', '=', serviceId)
				.executeTakeFirstOrThrow()
		).provider_id;
		const child = async (name: string, starts: string, ends: string | null, erased = false) => {
			const c = await childRepo.insert(db, {
				provider_id: providerId,
				display_name: name,
				reference: name,
				erased_at: erased ? new Date('2026-11-01T00:00:00Z') : null
			});
			await carePackageRepo.insert(db, {
				child_id: c.id,
				service_id: serviceId,
				starts_on: starts,
				ends_on: ends,
				end_reason: ends ? 'completed' : null,
				end_explanation: null
			});
			return c.id;
		};
		const answered = (childId: string, at: string) =>
			db
				.insertInto('response')
				.values({
					child_id: childId,
					client_submission_id: randomUUID(),
					language: 'en',
					service_id: serviceId,
					source: 'annual_review',
					survey_version_id: versionId,
					variant: 'standard',
					started_at: new Date(at),
					completed_at: new Date(at)
				})
				.execute();
		const a = await child('A', '2026-04-01', null);
		await answered(a, '2026-11-20T10:00:00Z');
		await child('B', '2026-09-01', '2027-03-31');
		const c = await child('C', '2026-12-14', null);
		await answered(c, '2026-09-20T10:00:00Z');
		await child('D', '2026-04-01', '2026-09-30');
		await child('E', '2026-04-01', null, true);
		const issue = (over: { expiresAt?: Date }) =>
			invitations.issue(db, {
				surveyId: 'minimal',
				serviceId,
				respondent: 'child',
				source: 'annual_review',
				expiresAt: over.expiresAt ?? new Date('2027-01-01T00:00:00Z'),
				childId: b,
				isOpen: false
			});
		const b = (
			await db
				.selectFrom('child')
				.select('id')
				.where('reference', '=', 'B')
				.executeTakeFirstOrThrow()
		).id;
		await issue({});
		const started = await issue({});
		await db
			.insertInto('response')
			.values({
				invitation_id: started.invitation.id,
				client_submission_id: randomUUID(),
				language: 'en',
				service_id: serviceId,
				source: 'annual_review',
				survey_version_id: versionId,
				variant: 'standard'
			})
			.execute();
		const revoked = await issue({});
		await db
			.updateTable('invitation')
			.set({ revoked_at: now })
			.where('id', '=', revoked.invitation.id)
			.execute();
		await issue({ expiresAt: new Date('2026-11-30T00:00:00Z') });
	});
	afterAll(async () => database?.drop());

	const manager = (): StaffUser => ({
		id: '00000000-0000-4000-8000-000000000001',
		email: 'manager@example.org',
		displayName: 'Manager',
		role: 'provider_manager',
		councilId: null,
		providerId,
		hasTotp: false
	});

	it('shows a provider’s manager what needs doing, what is late first', async () => {
		const home = await summary(db, manager(), now, '2026-12-01', DEFAULT_DUE_DAYS);
		expect(home.toDo).toEqual([
			{ text: '9 returns are overdue', href: '/staff/returns', late: true },
			{
				text: '1 return is due in the next 10 working days, the first on 14 Dec 2026',
				href: '/staff/returns',
				late: false
			},
			{
				text: '2 of 3 children with a care package in Q3 2026-27 (Oct–Dec 2026) have not answered a survey yet',
				href: '/staff/children',
				late: false
			},
			{ text: '1 invitation has not been started yet', href: '/staff/invitations', late: false }
		]);
		// Counts only: no child's name reaches the home page.
		expect(JSON.stringify(home)).not.toMatch(/"[ABCDE]"/);
	});
});
