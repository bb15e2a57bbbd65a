import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import * as invitations from '../../src/lib/server/invitations/links';
import { Client, versionOf } from '../helpers/client';
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
	let serviceId = '';
	let alertId = '';
	let resetUserId = '';
	let groupLink = '';

	beforeAll(async () => {
		({ env, drop } = await serverTarget(kind));
		await prepare(env, async ({ connection: { db } }) => {
			const service = await db
				.selectFrom('service')
				.innerJoin('provider', 'provider.id', 'service.provider_id')
				.select(['service.id', 'provider.id as provider_id'])
				.where('provider.name', '=', 'Riverside Short Breaks')
				.executeTakeFirstOrThrow();
			serviceId = service.id;
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
			const group = await invitations.issue(db, {
				surveyId: 'short-breaks-child-symbols',
				serviceId: service.id,
				respondent: 'child',
				source: 'satisfaction_survey',
				expiresAt: new Date(Date.now() + 86_400_000),
				isOpen: true
			});
			groupLink = `/i/${group.token}`;
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

	it('uses a set-password link once; the rest hear it has been used', async () => {
		const made = await manager.post('/staff/users?/create', [
			['email', 'reset-race@example.org'],
			['name', 'Reset Person'],
			['role', 'provider_staff'],
			['organisation', '']
		]);
		const path = new URL(/https?:\/\/[^\s"<]+\/reset\/[A-Za-z0-9_-]+/.exec(made.html)![0]).pathname;
		// Five, not ten: each hashes a password with 64 MiB of memory.
		const results = await Promise.all(
			Array.from({ length: 5 }, () =>
				new Client(server.url).post(path, [
					['password', 'a long enough password for the race'],
					['confirm', 'a long enough password for the race']
				])
			)
		);
		expect(statuses(results)).toEqual([303, 410, 410, 410, 410]);
		for (const r of results.filter((x) => x.status === 410))
			expect(r.html).toContain('This link has expired or has already been used');
	});

	it('acknowledges a safeguarding alert once; the rest hear it already was', async () => {
		const child = new Client(server.url);
		expect((await child.post(groupLink, [])).status).toBe(303);
		const v = versionOf((await child.follow('/answer')).html);
		await child.post('/answer/helped', [
			['version', v],
			['step', '@helped'],
			['answer', 'alone']
		]);
		const worried = await child.post('/answer/q/feel_safe', [
			['version', v],
			['step', 'feel_safe'],
			['answer', 'no']
		]);
		expect(worried.location).toBe('/answer/support');
		alertId = /href="\/staff\/alerts\/([0-9a-f-]{36})"/.exec(
			(await manager.get('/staff/alerts')).html
		)![1]!;
		const results = await atOnce(() =>
			manager.post(`/staff/alerts/${alertId}`, [['note', 'Spoke to the child and their carer']])
		);
		expect(statuses(results)).toEqual([200, ...Array(AT_ONCE - 1).fill(409)]);
		for (const r of results.filter((x) => x.status === 409))
			expect(r.html).toContain('This alert has already been acknowledged');
	});

	it('ends a hand-over once when the password is sent twice at once', async () => {
		const handOver = await staff.post(`/staff/children/${childId}?/assist`, [
			['assist_survey', 'short-breaks-child-symbols'],
			['assist_service', serviceId],
			['assist_source', 'satisfaction_survey']
		]);
		expect(handOver.location).toBe('/answer');
		expect((await staff.get('/staff/children')).location).toBe('/unlock');
		// A double tap: both in. (Each try is counted before its password is checked, as at
		// sign-in, so a larger burst gets its first tries checked and the rest told to wait.)
		const results = await Promise.all(
			Array.from({ length: 2 }, () => staff.post('/unlock', [['password', DEMO_PASSWORD]]))
		);
		expect(statuses(results)).toEqual([303, 303]);
		expect((await staff.get('/staff/children')).status).toBe(200);
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
				expect(await count('alert.acknowledged', alertId)).toBe(1);
				resetUserId = (
					await db
						.selectFrom('app_user')
						.select('id')
						.where('email', '=', 'reset-race@example.org')
						.executeTakeFirstOrThrow()
				).id;
				expect(await count('password.set', resetUserId)).toBe(1);
				const ended = await db
					.selectFrom('audit_event')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('action', '=', 'assisted.ended')
					.executeTakeFirstOrThrow();
				expect(Number(ended.n)).toBe(1);
			});
		} finally {
			server = await startServer(env);
		}
	});
});
