import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import type { DB } from '../../src/lib/server/db/connect';
import * as childRepo from '../../src/lib/server/db/child';
import * as providerRepo from '../../src/lib/server/db/provider';
import * as userRepo from '../../src/lib/server/db/user';
import * as children from '../../src/lib/server/children/service';
import * as councils from '../../src/lib/server/organisations/councils';
import * as providers from '../../src/lib/server/organisations/providers';
import * as services from '../../src/lib/server/organisations/services';
import * as commissions from '../../src/lib/server/organisations/commissions';
import { overview } from '../../src/lib/server/organisations/overview';
import { owedReturns } from '../../src/lib/server/returns/owed';
import { addDays, ukToday } from '../../src/lib/calendar/dates';
import { HOUR_TYPE_VALUES } from '../../src/lib/domain/hour-types';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

const DAYS = { monthly: 10, quarterly: 20, annual: 30 };

// Councils, providers, services and commissions, managed by an administrator from an empty
// installation; a provider manager changes their own services. Nothing is deleted, only retired.
describe.each(databaseKinds)('organisations managed in the app on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let admin: StaffUser;
	let manager: StaffUser;
	let councilId: string;
	let providerId: string;
	let serviceId: string;
	const staff = (role: StaffUser['role'], id: string, providerId: string | null = null) =>
		({
			id,
			email: `${id}@example.org`,
			displayName: role,
			role,
			councilId: null,
			providerId,
			hasTotp: true
		}) satisfies StaffUser;
	const saved = (r: { ok: boolean; id?: string; errors?: Record<string, string> }) => {
		expect(r).toMatchObject({ ok: true });
		return (r as { id: string }).id;
	};
	const audited = (action: string) =>
		db.selectFrom('audit_event').select('subject_id').where('action', '=', action).execute();

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		const a = await userRepo.insert(db, {
			email: 'admin@example.org',
			display_name: 'Admin',
			role: 'administrator',
			council_id: null,
			provider_id: null,
			password_hash: 'x'
		});
		admin = staff('administrator', a.id);
	});
	afterAll(async () => database?.drop());

	it('adds a council, refusing a duplicate code or name whatever its case', async () => {
		councilId = saved(await councils.save(db, admin, null, { code: 'lancs', name: 'Lancs CC' }));
		expect(await councils.save(db, admin, null, { code: 'lancs', name: 'Other' })).toEqual({
			ok: false,
			errors: { code: 'A council with the code lancs already exists' }
		});
		expect(await councils.save(db, admin, null, { code: 'other', name: 'LANCS cc' })).toEqual({
			ok: false,
			errors: { name: 'A council called Lancs CC already exists' }
		});
		expect(await councils.save(db, admin, null, { code: '9 x', name: '' })).toMatchObject({
			ok: false,
			errors: { code: expect.stringContaining('lower-case'), name: 'Enter the council’s name' }
		});
		// Changing a council keeps its own code and name free to it.
		saved(await councils.save(db, admin, councilId, { code: 'lancs', name: 'Lancashire CC' }));
		expect(await audited('council.created')).toEqual([{ subject_id: councilId }]);
		expect(await audited('council.changed')).toEqual([{ subject_id: councilId }]);
	});

	it('adds a provider with a service, refusing duplicate names', async () => {
		providerId = saved(await providers.save(db, admin, null, { name: 'Riverside' }));
		expect(await providers.save(db, admin, null, { name: 'riverside' })).toEqual({
			ok: false,
			errors: { name: 'A provider called Riverside already exists' }
		});
		const m = await userRepo.insert(db, {
			email: 'manager@example.org',
			display_name: 'Manager',
			role: 'provider_manager',
			council_id: null,
			provider_id: providerId,
			password_hash: 'x'
		});
		manager = staff('provider_manager', m.id, providerId);
		const posted = { name: 'Club', kind: 'short_break', council: councilId, lead: m.id };
		serviceId = saved(await services.create(db, admin, providerId, posted, HOUR_TYPE_VALUES));
		expect(await services.create(db, admin, providerId, posted, HOUR_TYPE_VALUES)).toEqual({
			ok: false,
			errors: { name: 'The provider already has a service called Club' }
		});
		expect(
			await services.create(db, admin, providerId, { ...posted, name: 'X', kind: 'spa' }, [])
		).toEqual({
			ok: false,
			errors: {
				kind: 'Choose what kind of service it is',
				hour_types: 'Choose at least one hour type the service offers'
			}
		});
		const row = await db
			.selectFrom('service')
			.selectAll()
			.where('id', '=', serviceId)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ safeguarding_lead_id: m.id, hour_types: HOUR_TYPE_VALUES });
	});

	it('refuses a commission for a provider with no service of the framework’s kind', async () => {
		expect(
			await commissions.save(db, admin, null, {
				council: councilId,
				provider: providerId,
				framework: 'dorset',
				starts_on: '2026-04-01'
			})
		).toEqual({
			ok: false,
			errors: {
				provider: expect.stringContaining(
					'Riverside has no children’s home service for Lancashire CC'
				)
			}
		});
	});

	it('refuses an end before the start and overlapping commissions', async () => {
		const base = { council: councilId, provider: providerId, framework: 'lancashire' };
		expect(
			await commissions.save(db, admin, null, {
				...base,
				starts_on: '2026-04-01',
				ends_on: '2026-03-01'
			})
		).toEqual({
			ok: false,
			errors: { ends_on: 'End date must be the same as or after the start date' }
		});
		const first = saved(
			await commissions.save(db, admin, null, {
				...base,
				starts_on: '2025-04-01',
				ends_on: '2026-05-15'
			})
		);
		expect(
			await commissions.save(db, admin, null, { ...base, starts_on: '2026-05-15', ends_on: '' })
		).toEqual({
			ok: false,
			errors: {
				starts_on:
					'Lancashire CC already commissions Riverside from 1 Apr 2025 to 15 May 2026: the dates must not overlap'
			}
		});
		saved(await commissions.save(db, admin, null, { ...base, starts_on: '2026-05-16' }));
		// Moving the first commission's end into the second is refused too.
		expect(
			await commissions.save(db, admin, first, {
				framework: 'lancashire',
				starts_on: '2025-04-01',
				ends_on: '2026-06-30'
			})
		).toMatchObject({ ok: false, errors: { starts_on: expect.stringContaining('with no end') } });
		expect(await audited('commission.created')).toHaveLength(2);
	});

	it('owes a return both commissions cover once', async () => {
		const owed = await owedReturns(db, manager, '2026-07-20', DAYS);
		const keys = owed.map((o) => `${o.kind} ${o.periodKey}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys).toContain('quarterly 2026-Q1');
		expect(keys).toContain('monthly 2026-05');
	});

	it('lets a provider manager change their own service, not another’s', async () => {
		const posted = { name: 'Saturday club', lead: '' };
		saved(await services.edit(db, manager, serviceId, posted, ['break_time_hours']));
		const row = await db
			.selectFrom('service')
			.selectAll()
			.where('id', '=', serviceId)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			name: 'Saturday club',
			hour_types: ['break_time_hours'],
			safeguarding_lead_id: null
		});
		expect(await audited('service.changed')).toEqual([{ subject_id: serviceId }]);
		const other = saved(await providers.save(db, admin, null, { name: 'Pennine' }));
		const outsider = staff('provider_manager', manager.id, other);
		await expect(
			services.edit(db, outsider, serviceId, posted, ['break_time_hours'])
		).rejects.toMatchObject({ status: 404 });
		await expect(councils.save(db, manager, null, { code: 'x1', name: 'X' })).rejects.toMatchObject(
			{ status: 403 }
		);
	});

	it('refuses to retire a service while a care package there has not ended', async () => {
		const child = await childRepo.insert(db, {
			provider_id: providerId,
			reference: 'R-9',
			display_name: 'Ada',
			date_of_birth: '2015-05-05',
			send_needs: '[]'
		});
		const pkg = await db
			.insertInto('care_package')
			.values({ child_id: child.id, service_id: serviceId, starts_on: '2026-04-01' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const blocked = {
			ok: false,
			reasons: ['It has 1 care package not ended: its staff end them first']
		};
		expect(await services.retireBlockers(db, admin, providerId, serviceId)).toEqual(
			blocked.reasons
		);
		expect(await services.retire(db, admin, providerId, serviceId)).toEqual(blocked);
		expect(await audited('service.retired')).toEqual([]);
		// Ended before today, it no longer stands in the way.
		await db
			.updateTable('care_package')
			.set({ ends_on: '2026-11-30', end_reason: 'other', end_explanation: 'Moved' })
			.where('id', '=', pkg.id)
			.execute();
		expect(await services.retireBlockers(db, admin, providerId, serviceId)).toEqual([]);
	});

	it('retires a service: kept, and no longer offered for packages or invitations', async () => {
		expect(await services.retire(db, admin, providerId, serviceId)).toEqual({
			ok: true,
			changed: true
		});
		expect(await services.retire(db, admin, providerId, serviceId)).toEqual({
			ok: true,
			changed: false
		});
		expect(await children.services(db, manager)).toEqual([]);
		expect(await db.selectFrom('service').select('id').execute()).toHaveLength(1);
		expect(await audited('service.retired')).toEqual([{ subject_id: serviceId }]);
		// With its only service retired, the provider can be commissioned no more.
		const again = await commissions.save(db, admin, null, {
			council: councilId,
			provider: providerId,
			framework: 'lancashire',
			starts_on: '2030-04-01'
		});
		expect(again).toMatchObject({ ok: false, errors: { provider: expect.any(String) } });
	});

	it('refuses to retire a council or provider while a commission of theirs runs', async () => {
		const running = 'from 16 May 2026, with no end date): give the commission an end date';
		expect(await providers.retire(db, admin, providerId)).toEqual({
			ok: false,
			reasons: [`Lancashire CC still commissions it (${running}`]
		});
		expect(await councils.retire(db, admin, councilId)).toEqual({
			ok: false,
			reasons: [`It still commissions Riverside (${running}`]
		});
		expect(await audited('provider.retired')).toEqual([]);
		expect(await audited('council.retired')).toEqual([]);
		// A commission ending today still runs today; one that ended yesterday does not.
		const open = await db
			.selectFrom('commission')
			.select('id')
			.where('ends_on', 'is', null)
			.executeTakeFirstOrThrow();
		await db
			.updateTable('commission')
			.set({ ends_on: ukToday() })
			.where('id', '=', open.id)
			.execute();
		expect(await councils.retireBlockers(db, admin, councilId)).toHaveLength(1);
		await db
			.updateTable('commission')
			.set({ ends_on: addDays(ukToday(), -1) })
			.where('id', '=', open.id)
			.execute();
		expect(await councils.retireBlockers(db, admin, councilId)).toEqual([]);
	});

	it('refuses to retire a council a service still works for', async () => {
		const other = saved(await councils.save(db, admin, null, { code: 'york', name: 'York' }));
		const pennine = (await providerRepo.findByName(db, 'Pennine'))!;
		const posted = { name: 'Club', kind: 'short_break', council: other, lead: '' };
		const club = saved(await services.create(db, admin, pennine.id, posted, HOUR_TYPE_VALUES));
		expect(await councils.retire(db, admin, other)).toEqual({
			ok: false,
			reasons: ['Pennine’s service Club still works for it: retire the service first']
		});
		// Retiring the provider retires its services with it, each audited.
		expect(await providers.retire(db, admin, pennine.id)).toEqual({ ok: true, changed: true });
		const club2 = await db
			.selectFrom('service')
			.selectAll()
			.where('id', '=', club)
			.executeTakeFirstOrThrow();
		expect(club2.retired_at).not.toBeNull();
		expect(await audited('service.retired')).toContainEqual({ subject_id: club });
		expect(await councils.retire(db, admin, other)).toEqual({ ok: true, changed: true });
	});

	it('retires a council and a provider: not offered for new commissions', async () => {
		expect(await providers.retire(db, admin, providerId)).toEqual({ ok: true, changed: true });
		expect(await councils.retire(db, admin, councilId)).toEqual({ ok: true, changed: true });
		const offered = await commissions.form(db, admin, null);
		expect(offered.councils.map((c) => c.name)).toEqual([]);
		expect(offered.providers.map((p) => p.name)).toEqual([]);
		expect((await overview(db, admin)).councils).toHaveLength(2);
		// A child at a retired provider's service keeps its record.
		expect(await childRepo.listForProvider(db, providerId)).toHaveLength(1);
	});
});

// Children and care packages are changed in place, audited, by their own provider only.
describe.each(databaseKinds)('changing children and care packages on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let user: StaffUser;
	let outsider: StaffUser;
	let childId: string;
	let packageId: string;
	let serviceId: string;
	const input = {
		reference: 'R-1',
		display_name: 'Ada',
		date_of_birth: '2015-05-05',
		send_needs: ['autism'],
		communication_needs: null,
		preferred_variant: null,
		preferred_language: null
	};
	const hours = {
		personal_care_hours: '0',
		short_break_daytime_hours: '0',
		break_time_hours: '10',
		break_time_plus_hours: '0',
		overnight_hours: '0'
	};

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		({ serviceId } = await seedOrganisation(db));
		const providerId = (
			await db.selectFrom('service').select('provider_id').executeTakeFirstOrThrow()
		).provider_id;
		const account = async (email: string, provider: string) => {
			const u = await userRepo.insert(db, {
				email,
				display_name: email,
				role: 'provider_manager',
				council_id: null,
				provider_id: provider,
				password_hash: 'x'
			});
			return {
				id: u.id,
				email,
				displayName: email,
				role: 'provider_manager' as const,
				councilId: null,
				providerId: provider,
				hasTotp: false
			};
		};
		user = await account('m@example.org', providerId);
		const other = await providerRepo.insert(db, { name: 'Other', regulator_reference: null });
		outsider = await account('o@example.org', other.id);
		const created = await children.create(db, user, input);
		childId = (created as { id: string }).id;
		await children.create(db, user, { ...input, reference: 'R-2' });
		await children.addCarePackage(db, user, childId, {
			service_id: serviceId,
			starts_on: '2026-04-01',
			ends_on: null,
			hours
		});
		packageId = (await db.selectFrom('care_package').select('id').executeTakeFirstOrThrow()).id;
	});
	afterAll(async () => database?.drop());

	it('changes a child’s record, refusing a reference another child has', async () => {
		expect(await children.update(db, user, childId, { ...input, reference: 'R-2' })).toEqual({
			reference: 'A child with this reference is already recorded'
		});
		expect(
			await children.update(db, user, childId, { ...input, display_name: 'Ad', send_needs: [] })
		).toEqual({});
		expect(await childRepo.find(db, childId)).toMatchObject({ display_name: 'Ad', send_needs: [] });
		const audit = await db
			.selectFrom('audit_event')
			.select('details')
			.where('action', '=', 'child.changed')
			.executeTakeFirstOrThrow();
		// The fields changed, never their values.
		expect(audit.details).toEqual({ fields: ['display_name', 'send_needs'] });
		await expect(children.update(db, outsider, childId, input)).rejects.toMatchObject({
			status: 404
		});
	});

	it('changes an open care package, not an ended one, and only one’s own', async () => {
		const change = { service_id: serviceId, starts_on: '2026-05-01', ends_on: null, hours };
		expect(await children.changeCarePackage(db, user, childId, packageId, change)).toEqual({});
		const row = await db
			.selectFrom('care_package')
			.selectAll()
			.where('id', '=', packageId)
			.executeTakeFirstOrThrow();
		expect(row.starts_on).toBe('2026-05-01');
		await expect(
			children.changeCarePackage(db, outsider, childId, packageId, change)
		).rejects.toMatchObject({ status: 404 });
		expect(
			await children.changeCarePackage(db, user, childId, packageId, {
				...change,
				service_id: crypto.randomUUID()
			})
		).toEqual({ service_id: 'Choose one of your services' });
		await children.endCarePackage(db, user, childId, packageId, {
			end_on: '2026-06-01',
			end_reason: 'completed',
			end_explanation: ''
		});
		expect(await children.changeCarePackage(db, user, childId, packageId, change)).toEqual({
			starts_on: 'This care package has already ended'
		});
		expect(
			await db
				.selectFrom('audit_event')
				.select('subject_id')
				.where('action', '=', 'care_package.changed')
				.execute()
		).toEqual([{ subject_id: packageId }]);
	});
	it('refuses hours of a type the service does not offer', async () => {
		await db
			.updateTable('service')
			.set({ hour_types: ['break_time_hours'] })
			.where('id', '=', serviceId)
			.execute();
		const added = await children.addCarePackage(db, user, childId, {
			service_id: serviceId,
			starts_on: '2026-07-01',
			ends_on: null,
			hours: { ...hours, overnight_hours: '12' }
		});
		expect(added).toEqual({
			overnight_hours: 'Club does not offer Overnight hours: enter 0, or choose another service'
		});
		expect(await db.selectFrom('care_package').select('id').execute()).toHaveLength(1);
		expect(
			await children.addCarePackage(db, user, childId, {
				service_id: serviceId,
				starts_on: '2026-07-01',
				ends_on: null,
				hours
			})
		).toEqual({});
	});
});
