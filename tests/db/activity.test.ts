import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import * as attendanceRepo from '../../src/lib/server/db/attendance';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import type { DB } from '../../src/lib/server/db/connect';
import * as providerRepo from '../../src/lib/server/db/provider';
import * as serviceRepo from '../../src/lib/server/db/service';
import { eraseChild } from '../../src/lib/server/privacy/retention';
import * as children from '../../src/lib/server/children/service';
import * as sessions from '../../src/lib/server/attendance/service';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

const HOURS = {
	personal_care_hours: 0,
	short_break_daytime_hours: 0,
	break_time_hours: 10,
	break_time_plus_hours: 0,
	overnight_hours: 0
};

// Sessions and the end of care packages, on a provider with three children at one service:
// Ada (open from April), Ben (ended on 31 October) and Cal (erased).
describe.each(databaseKinds)('activity sessions on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let serviceId: string;
	let providerId: string;
	let ada: string;
	let ben: string;
	let cal: string;
	let adaChild: string;
	let staff: StaffUser;
	let outsider: StaffUser;

	const session = (carePackageId: string, o: Partial<attendanceRepo.NewActivitySession> = {}) => ({
		care_package_id: carePackageId,
		service_id: serviceId,
		held_on: '2026-10-10',
		hour_type: 'break_time_hours' as const,
		hours: '2.5',
		status: 'attended' as const,
		activity: 'Swimming',
		...o
	});

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		({ serviceId } = await seedOrganisation(db));
		providerId = (await serviceRepo.find(db, serviceId))!.provider_id;
		const child = async (reference: string, name: string) =>
			(
				await childRepo.insert(db, {
					provider_id: providerId,
					reference,
					display_name: name,
					date_of_birth: '2015-05-05',
					send_needs: '[]'
				})
			).id;
		const pkg = async (childId: string, ends_on: string | null) =>
			(
				await carePackageRepo.insert(db, {
					child_id: childId,
					service_id: serviceId,
					starts_on: '2026-04-01',
					ends_on,
					...HOURS
				})
			).id;
		adaChild = await child('R-001', 'Ada');
		const benChild = await child('R-002', 'Ben');
		const calChild = await child('R-003', 'Cal');
		ada = await pkg(adaChild, null);
		ben = await pkg(benChild, '2026-10-31');
		cal = await pkg(calChild, null);
		await eraseChild(db, calChild, null);
		const other = await providerRepo.insert(db, { name: 'Other', regulator_reference: null });
		const staffUser = (id: string, provider: string): StaffUser => ({
			id,
			email: `${id.slice(0, 4)}@example.org`,
			displayName: 'Staff',
			role: 'provider_staff',
			councilId: null,
			providerId: provider,
			hasTotp: false
		});
		const user = async (email: string, provider: string) =>
			(
				await db
					.insertInto('app_user')
					.values({
						email,
						display_name: 'Staff',
						role: 'provider_staff',
						provider_id: provider,
						password_hash: 'x'
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		staff = staffUser(await user('staff@test.example', providerId), providerId);
		outsider = staffUser(await user('other@test.example', other.id), other.id);
	});
	afterAll(async () => database?.drop());

	it('replaces a session of the same child, day and type instead of adding another', async () => {
		await attendanceRepo.record(db, [session(ada)]);
		await attendanceRepo.record(db, [
			session(ada, { hours: '3', status: 'cancelled_by_family', activity: 'Cinema' })
		]);
		const rows = await attendanceRepo.listForServiceOn(
			db,
			serviceId,
			'2026-10-10',
			'break_time_hours'
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			care_package_id: ada,
			hours: '3.00',
			status: 'cancelled_by_family',
			activity: 'Cinema'
		});
		// Another type on the same day is a separate session.
		await attendanceRepo.record(db, [
			session(ada, { hour_type: 'overnight_hours', activity: null })
		]);
		expect(
			await attendanceRepo.listForServiceOn(db, serviceId, '2026-10-10', 'overnight_hours')
		).toHaveLength(1);
	});

	it('removes one session and reports how many went', async () => {
		expect(await attendanceRepo.remove(db, ada, '2026-10-10', 'overnight_hours')).toBe(1);
		expect(await attendanceRepo.remove(db, ada, '2026-10-10', 'overnight_hours')).toBe(0);
		expect(
			await attendanceRepo.listForServiceOn(db, serviceId, '2026-10-10', 'break_time_hours')
		).toHaveLength(1);
	});

	it('lists a provider’s sessions in a period with the child and service, by day and reference', async () => {
		await attendanceRepo.record(db, [
			session(ben, { held_on: '2026-10-09' }),
			session(ada, { held_on: '2026-10-09' }),
			session(ada, { held_on: '2026-11-01' })
		]);
		const rows = await attendanceRepo.listForProvider(db, providerId, '2026-10-01', '2026-10-31');
		expect(rows.map((r) => [r.held_on, r.reference, r.display_name, r.service_name])).toEqual([
			['2026-10-09', 'R-001', 'Ada', 'Club'],
			['2026-10-09', 'R-002', 'Ben', 'Club'],
			['2026-10-10', 'R-001', 'Ada', 'Club']
		]);
		expect(
			await attendanceRepo.listForProvider(db, outsider.providerId!, '2026-01-01', '2026-12-31')
		).toEqual([]);
	});

	it('refuses 0 and 25 hours', async () => {
		for (const hours of ['0', '25'])
			await expect(
				attendanceRepo.record(db, [session(ada, { held_on: '2026-10-20', hours })]),
				hours
			).rejects.toThrow();
		await attendanceRepo.record(db, [session(ada, { held_on: '2026-10-20', hours: '24' })]);
	});

	it('finds the packages open on a day: started, not ended, child not erased', async () => {
		const open = async (date: string) =>
			(await carePackageRepo.openOn(db, serviceId, date)).map((p) => p.reference);
		expect(await open('2026-03-31')).toEqual([]);
		expect(await open('2026-04-01')).toEqual(['R-001', 'R-002']);
		expect(await open('2026-10-31')).toEqual(['R-001', 'R-002']);
		expect(await open('2026-11-01')).toEqual(['R-001']);
		expect(cal).toBeTruthy();
	});

	it('saves a register in one go: marks recorded, "not booked" cleared, one audit without names', async () => {
		const rows = await sessions.register(db, staff, serviceId, '2026-10-10', 'break_time_hours');
		expect(rows.map((r) => [r.reference, r.session?.status ?? ''])).toEqual([
			['R-001', 'cancelled_by_family'],
			['R-002', '']
		]);
		const saved = await sessions.saveRegister(db, staff, {
			serviceId,
			heldOn: '2026-10-10',
			hourType: 'break_time_hours',
			hours: '2',
			activity: 'Climbing',
			marks: [
				{ packageId: ada, status: '' },
				{ packageId: ben, status: 'cancelled_by_provider' }
			]
		});
		expect(saved).toEqual({
			attended: 0,
			cancelledByProvider: 1,
			cancelledByFamily: 0,
			removed: 1
		});
		const after = await sessions.register(db, staff, serviceId, '2026-10-10', 'break_time_hours');
		expect(after.map((r) => r.session?.status ?? '')).toEqual(['', 'cancelled_by_provider']);
		const audit = await db
			.selectFrom('audit_event')
			.selectAll()
			.where('action', '=', 'activity_session.recorded')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ subject_type: 'service', subject_id: serviceId });
		expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Ada|Ben|R-00/);
	});

	it('refuses a register of hours the service does not offer', async () => {
		const before = await db
			.selectFrom('service')
			.select('hour_types')
			.where('id', '=', serviceId)
			.executeTakeFirstOrThrow();
		await db
			.updateTable('service')
			.set({ hour_types: ['break_time_hours', 'overnight_hours'] })
			.where('id', '=', serviceId)
			.execute();
		try {
			expect(await sessions.offeredTypes(db, staff, serviceId)).toEqual([
				'break_time_hours',
				'overnight_hours'
			]);
			const refusal = {
				status: 400,
				body: {
					message: expect.stringMatching(
						/does not offer Personal care hours: choose a type it offers \(Break Time, Overnight\)$/
					)
				}
			};
			await expect(
				sessions.register(db, staff, serviceId, '2026-10-10', 'personal_care_hours')
			).rejects.toMatchObject(refusal);
			await expect(
				sessions.saveRegister(db, staff, {
					serviceId,
					heldOn: '2026-10-10',
					hourType: 'personal_care_hours',
					hours: '2',
					activity: null,
					marks: [{ packageId: ada, status: 'attended' }]
				})
			).rejects.toMatchObject(refusal);
			const recorded = await db
				.selectFrom('activity_session')
				.select('id')
				.where('hour_type', '=', 'personal_care_hours')
				.execute();
			expect(recorded).toEqual([]);
		} finally {
			await db
				.updateTable('service')
				.set({ hour_types: before.hour_types })
				.where('id', '=', serviceId)
				.execute();
		}
	});

	it('keeps another provider out of the register, and refuses a package not open that day', async () => {
		await expect(
			sessions.register(db, outsider, serviceId, '2026-10-10', 'break_time_hours')
		).rejects.toMatchObject({ status: 404 });
		const input = {
			serviceId,
			heldOn: '2026-11-02',
			hourType: 'break_time_hours' as const,
			hours: '2',
			activity: 'Climbing',
			marks: [{ packageId: ben, status: 'attended' as const }]
		};
		await expect(sessions.saveRegister(db, outsider, input)).rejects.toMatchObject({
			status: 404
		});
		await expect(sessions.saveRegister(db, staff, input)).rejects.toMatchObject({ status: 404 });
	});

	it('ends a care package with its reason, once, and only for the child’s own provider', async () => {
		expect(
			await children.endCarePackage(db, staff, adaChild, ada, {
				end_on: '2026-11-30',
				end_reason: 'broke_down'
			})
		).toEqual({ end_explanation: 'Explain why the placement broke down' });
		await expect(
			children.endCarePackage(db, outsider, adaChild, ada, {
				end_on: '2026-11-30',
				end_reason: 'completed'
			})
		).rejects.toMatchObject({ status: 404 });
		await expect(
			children.endCarePackage(db, staff, adaChild, ben, {
				end_on: '2026-11-30',
				end_reason: 'completed'
			})
		).rejects.toMatchObject({ status: 404 });
		const ended = {
			end_on: '2026-11-30',
			end_reason: 'broke_down',
			end_explanation: 'Needs changed'
		};
		expect(await children.endCarePackage(db, staff, adaChild, ada, ended)).toEqual({});
		expect(await carePackageRepo.find(db, ada)).toMatchObject({
			ends_on: '2026-11-30',
			end_reason: 'broke_down',
			end_explanation: 'Needs changed'
		});
		expect(await children.endCarePackage(db, staff, adaChild, ada, ended)).toEqual({
			end_on: 'This care package has already ended'
		});
		expect((await carePackageRepo.openOn(db, serviceId, '2026-12-01')).length).toBe(0);
	});
});
