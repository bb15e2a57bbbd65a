import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import * as messageRepo from '../../src/lib/server/db/message';
import * as preferences from '../../src/lib/server/notifications/preferences';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';
import { people } from '../helpers/notifications';

const asStaff = (u: {
	id: string;
	email: string;
	role: StaffUser['role'];
	provider_id: string | null;
	council_id: string | null;
}): StaffUser => ({
	id: u.id,
	email: u.email,
	displayName: 'Someone',
	role: u.role,
	providerId: u.provider_id,
	councilId: u.council_id,
	hasTotp: false
});

describe.each(databaseKinds)('notification choices on %s', { timeout: 60_000 }, (kind) => {
	let database: TestDatabase;
	let who: Awaited<ReturnType<typeof people>>;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		const { serviceId } = await seedOrganisation(database.db);
		who = await people(database.db, serviceId);
	});
	afterAll(async () => database?.drop());

	it('lists what each role is sent, with the duties marked', async () => {
		const lead = await preferences.list(database.db, asStaff(who.lead));
		expect(lead.kinds.map((k) => [k.kind, k.duty, k.on])).toEqual([
			['alert.raised', true, true],
			['alert.summary', false, true],
			['password.link', true, true]
		]);
		const commissioner = await preferences.list(database.db, asStaff(who.commissioner));
		expect(commissioner.kinds.map((k) => k.kind)).toEqual(['password.link', 'return.submitted']);
	});

	it('turns off what is not a duty, for the person only', async () => {
		const manager = asStaff(who.managers[0]!);
		expect(await preferences.save(database.db, manager, ['return.due'])).toBe(true);
		expect((await messageRepo.optOuts(database.db, manager.id)).sort()).toEqual(
			['alert.summary', 'return.overdue', 'return.sent_back'].sort()
		);
		expect(await messageRepo.optOuts(database.db, who.managers[1]!.id)).toEqual([]);
		const listed = await preferences.list(database.db, manager);
		expect(
			listed.kinds
				.filter((k) => !k.on)
				.map((k) => k.kind)
				.sort()
		).toEqual(['alert.summary', 'return.overdue', 'return.sent_back'].sort());
	});

	it('never turns off a duty, and refuses a kind that is not the person’s', async () => {
		const lead = asStaff(who.lead);
		expect(await preferences.save(database.db, lead, [])).toBe(true);
		expect(await messageRepo.optOuts(database.db, lead.id)).toEqual(['alert.summary']);
		expect(await preferences.save(database.db, lead, ['alert.raised'])).toBe(false);
		expect(await preferences.save(database.db, lead, ['return.submitted'])).toBe(false);
		expect(await messageRepo.optOuts(database.db, lead.id)).toEqual(['alert.summary']);
		const listed = await preferences.list(database.db, lead);
		expect(listed.kinds.find((k) => k.kind === 'alert.raised')?.on).toBe(true);
	});
});
