import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import { DEMO_PASSWORD } from '../../src/lib/server/demo-accounts';
import * as invitations from '../../src/lib/server/invitations';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

const AT_ONCE = 10;

// The same change posted many times at once, over real HTTP: exactly one wins and is audited;
// every other request gets a clear message, never a server error.
describe.each(databaseKinds)('concurrent changes on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let drop = async () => {};
	let staff: Client;
	let manager: Client;
	let childId = '';
	let packageId = '';
	let invitationId = '';

	beforeAll(async () => {
		({ env, drop } = await serverTarget(kind));
		await prepare(env, async ({ connection: { db } }) => {
			const service = await db
				.selectFrom('service')
				.innerJoin('provider', 'provider.id', 'service.provider_id')
				.select(['service.id', 'provider.id as provider_id'])
				.where('provider.name', '=', 'Riverside Short Breaks')
				.executeTakeFirstOrThrow();
			childId = (
				await childRepo.insert(db, {
					provider_id: service.provider_id,
					reference: 'RACE-001',
					display_name: 'Ray',
					date_of_birth: '2016-03-03',
					send_needs: '[]'
				})
			).id;
			packageId = (
				await carePackageRepo.insert(db, {
					child_id: childId,
					service_id: service.id,
					starts_on: '2025-01-01',
					ends_on: null,
					personal_care_hours: 0,
					short_break_daytime_hours: 0,
					break_time_hours: 40,
					break_time_plus_hours: 0,
					overnight_hours: 0
				})
			).id;
			invitationId = (
				await invitations.issue(db, {
					surveyId: 'short-breaks-child-symbols',
					serviceId: service.id,
					respondent: 'child',
					source: 'satisfaction_survey',
					expiresAt: new Date(Date.now() + 86_400_000),
					childId
				})
			).invitation.id;
		});
		server = await startServer(env);
		staff = new Client(server.url);
		manager = new Client(server.url);
		for (const [c, email] of [
			[staff, 'staff@example.org'],
			[manager, 'manager@example.org']
		] as const)
			expect(
				(
					await c.post('/sign-in', [
						['email', email],
						['password', DEMO_PASSWORD]
					])
				).status
			).toBe(303);
	});
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	const atOnce = (post: () => Promise<{ status: number; html: string }>) =>
		Promise.all(Array.from({ length: AT_ONCE }, post));
	const statuses = (results: { status: number }[]) => results.map((r) => r.status).sort();

	it('records a child reference once and says it already exists to the rest', async () => {
		const results = await atOnce(() =>
			staff.post('/staff/children', [
				['reference', 'RACE-002'],
				['display_name', 'Ash'],
				['dob_day', '4'],
				['dob_month', '5'],
				['dob_year', '2015']
			])
		);
		expect(statuses(results)).toEqual([303, ...Array(AT_ONCE - 1).fill(409)]);
		for (const r of results.filter((x) => x.status === 409))
			expect(r.html).toContain('A child with this reference is already recorded');
	});

	it('ends a care package once; the rest hear it has already ended', async () => {
		const results = await atOnce(() =>
			staff.post(`/staff/children/${childId}?/endPackage`, [
				['package_id', packageId],
				['end_on', '2025-06-30'],
				['end_reason', 'completed'],
				['end_explanation', '']
			])
		);
		const ended = results.filter((r) => r.html.includes('Care package ended'));
		expect(ended).toHaveLength(1);
		expect(statuses(results)).toEqual([200, ...Array(AT_ONCE - 1).fill(409)]);
		for (const r of results.filter((x) => x.status === 409))
			expect(r.html).toContain('This care package has already ended');
	});

	it('revokes an invitation once; the rest hear it was already revoked', async () => {
		const results = await atOnce(() =>
			staff.post('/staff/invitations?/revoke', [['id', invitationId]])
		);
		expect(statuses(results)).toEqual([200, ...Array(AT_ONCE - 1).fill(409)]);
		for (const r of results.filter((x) => x.status === 409))
			expect(r.html).toContain('This invitation has already been revoked');
	});

	it('makes one account for an email address; the rest hear it already exists', async () => {
		const results = await atOnce(() =>
			manager.post('/staff/users?/create', [
				['email', 'race@example.org'],
				['name', 'Race Person'],
				['role', 'provider_staff'],
				['organisation', '']
			])
		);
		expect(statuses(results)).toEqual([200, ...Array(AT_ONCE - 1).fill(400)]);
		for (const r of results.filter((x) => x.status === 400))
			expect(r.html).toContain('An account with this email address already exists');
	});

	it('kept one audit row for each change, and no server errors', async () => {
		expect(server.output()).not.toMatch(/duplicate key|23505/);
		await server.stop();
		try {
			await prepare(env, async ({ connection: { db } }) => {
				const count = async (action: string, subject: string) =>
					Number(
						(
							await db
								.selectFrom('audit_event')
								.select((eb) => eb.fn.countAll().as('n'))
								.where('action', '=', action)
								.where('subject_id', '=', subject)
								.executeTakeFirstOrThrow()
						).n
					);
				const child = await db
					.selectFrom('child')
					.select('id')
					.where('reference', '=', 'RACE-002')
					.execute();
				expect(child).toHaveLength(1);
				expect(await count('child.created', child[0]!.id)).toBe(1);
				expect(await count('care_package.ended', packageId)).toBe(1);
				expect(await count('invitation.revoked', invitationId)).toBe(1);
				const user = await db
					.selectFrom('app_user')
					.select('id')
					.where('email', '=', 'race@example.org')
					.execute();
				expect(user).toHaveLength(1);
				expect(await count('user.created', user[0]!.id)).toBe(1);
			});
		} finally {
			server = await startServer(env);
		}
	});
});
