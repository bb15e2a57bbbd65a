import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

const HOURS: [string, string][] = [
	['personal_care_hours', '0'],
	['short_break_daytime_hours', '4'],
	['break_time_hours', '0'],
	['break_time_plus_hours', '0'],
	['overnight_hours', '0']
];

// Changing a child's record and a care package over real HTTP on both databases: each form's
// errors name the field, and what it takes is saved and audited.
describe.each(databaseKinds)('changing children and care packages on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let drop = async () => {};
	let c: Client;
	let childId = '';
	let packageId = '';
	let serviceId = '';

	beforeAll(async () => {
		({ env, drop } = await serverTarget(kind));
		await prepare(env, async ({ connection: { db } }) => {
			const service = await db
				.selectFrom('service')
				.selectAll()
				.where('name', '=', 'Riverside Break Time')
				.executeTakeFirstOrThrow();
			serviceId = service.id;
			for (const reference of ['RIV-101', 'RIV-102']) {
				const child = await childRepo.insert(db, {
					provider_id: service.provider_id,
					reference,
					display_name: 'Tam',
					date_of_birth: '2016-02-02',
					send_needs: '[]'
				});
				childId ||= child.id;
			}
			packageId = (
				await carePackageRepo.insert(db, {
					child_id: childId,
					service_id: serviceId,
					starts_on: '2026-04-01',
					ends_on: null,
					personal_care_hours: '0',
					short_break_daytime_hours: '4',
					break_time_hours: '0',
					break_time_plus_hours: '0',
					overnight_hours: '0'
				})
			).id;
		});
		server = await startServer(env);
		c = new Client(server.url);
		await c.post('/sign-in', [
			['email', 'staff@example.org'],
			['password', DEMO_PASSWORD]
		]);
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	const refused = (r: { status: number; html: string }, message: string) => {
		expect(r.status).toBe(400);
		expect(r.html).toMatch(/<title>Error: /);
		expect(r.html).toContain(message);
	};
	const child = (reference: string, name = 'Tam'): [string, string][] => [
		['reference', reference],
		['display_name', name],
		['dob_day', '2'],
		['dob_month', '2'],
		['dob_year', '2016'],
		['send_needs', 'autism']
	];

	it('changes a child’s record, naming what is wrong', async () => {
		const path = `/staff/children/${childId}/change`;
		expect((await c.get(path)).html).toContain('value="RIV-101"');
		refused(
			await c.post(path, child('RIV-102')),
			'A child with this reference is already recorded'
		);
		refused(await c.post(path, child('RIV-101', 'Tam Jones Smith')), 'not a full name');
		refused(await c.post(path, [...child('RIV-101'), ['colour', 'red']]), 'Unexpected field');
		const saved = await c.post(path, child('RIV-101', 'Tm'));
		expect(saved.location).toBe(`/staff/children/${childId}?changed=1`);
		expect((await c.get(saved.location!)).html).toContain('Record saved.');
	});

	it('changes a care package, naming what is wrong', async () => {
		const path = `/staff/children/${childId}/packages/${packageId}`;
		const post = (fields: [string, string][]) =>
			c.post(path, [['service_id', serviceId], ...fields, ...HOURS]);
		refused(
			await post([
				['starts_on', '2026-04-01'],
				['ends_on', '2026-03-01']
			]),
			'End date must be the same as or after the start date'
		);
		refused(
			await c.post(path, [
				['service_id', childId],
				['starts_on', '2026-04-01'],
				['ends_on', ''],
				...HOURS
			]),
			'Choose one of your services'
		);
		const saved = await post([
			['starts_on', '2026-05-01'],
			['ends_on', '']
		]);
		expect(saved.location).toBe(`/staff/children/${childId}?changed=package`);
		expect((await c.get(saved.location!)).html).toContain('Care package saved.');
	});

	it('audited both changes', async () => {
		await server.stop();
		await prepare(env, async ({ connection: { db } }) => {
			const actions = await db
				.selectFrom('audit_event')
				.select(['action', 'subject_id'])
				.where('action', 'in', ['child.changed', 'care_package.changed'])
				.orderBy('action')
				.execute();
			expect(actions).toEqual([
				{ action: 'care_package.changed', subject_id: packageId },
				{ action: 'child.changed', subject_id: childId }
			]);
			expect((await childRepo.find(db, childId))?.display_name).toBe('Tm');
		});
		server = await startServer(env);
	});
});
