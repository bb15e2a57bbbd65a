import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as returnRepo from '../../src/lib/server/db/provider-return';
import { useMailer } from '../../src/lib/server/mail/mailer';
import { smtpTransport } from '../../src/lib/server/mail/transport';
import * as messageRepo from '../../src/lib/server/db/message';
import { returnReminders, tellOtherSide } from '../../src/lib/server/notifications/returns';
import { DEFAULT_DUE_DAYS } from '../../src/lib/server/returns/deadlines';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';
import { CHILD, people } from '../helpers/notifications';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

// The commission starts on 1 April 2026. April's monthly claim is due 10 working days after the
// month ends: 1 May, then 5 to 8 May (4 May is the early May bank holiday), then 11 to 15 May.

const ORIGIN = 'https://voices.council.example';
const at = (day: string) => new Date(`${day}T08:00:00Z`);

describe.each(databaseKinds)('return notifications on %s', { timeout: 60_000 }, (kind) => {
	let database: TestDatabase;
	let smtp: TestSmtp;
	let who: Awaited<ReturnType<typeof people>>;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		smtp = await startSmtp();
		useMailer({
			origin: ORIGIN,
			transport: smtpTransport({ transport: 'smtp', url: smtp.url, from: 'voices@council.example' })
		});
		const { serviceId } = await seedOrganisation(database.db);
		who = await people(database.db, serviceId);
	});
	afterAll(async () => {
		await smtp?.close();
		await database?.drop();
	});
	beforeEach(() => {
		smtp.arrived.length = 0;
	});

	const managerEmails = () => who.managers.map((m) => m.email).sort();
	const aprilClaim = () => smtp.arrived.filter((m) => m.text.includes('for April 2026'));

	it('reminds the provider’s managers three working days before, once', async () => {
		await returnReminders(database.db, at('2026-05-11'), DEFAULT_DUE_DAYS);
		expect(aprilClaim()).toEqual([]);
		await returnReminders(database.db, at('2026-05-12'), DEFAULT_DUE_DAYS);
		await returnReminders(database.db, at('2026-05-13'), DEFAULT_DUE_DAYS);
		const mails = aprilClaim();
		expect(mails.map((m) => m.to[0]).sort()).toEqual(managerEmails());
		for (const m of mails) {
			expect(m.subject).toBe('A return is due on 15 May 2026');
			expect(m.text).toContain(
				`${ORIGIN}/staff/returns/${who.councilId}/${who.providerId}/monthly/2026-04`
			);
			expect(m.text).not.toContain(CHILD.name);
		}
	});

	it('tells them on the day it is due, and once when it is overdue', async () => {
		await returnReminders(database.db, at('2026-05-15'), DEFAULT_DUE_DAYS);
		expect(aprilClaim().map((m) => m.subject)).toEqual([
			'A return is due today',
			'A return is due today'
		]);
		smtp.arrived.length = 0;
		await returnReminders(database.db, at('2026-05-18'), DEFAULT_DUE_DAYS);
		await returnReminders(database.db, at('2026-05-19'), DEFAULT_DUE_DAYS);
		expect(
			aprilClaim()
				.map((m) => [m.to[0], m.subject])
				.sort()
		).toEqual(managerEmails().map((e) => [e, 'A return is overdue']));
	});

	it('respects a manager who turned reminders off', async () => {
		await messageRepo.setOptOuts(database.db, who.managers[0]!.id, ['return.due']);
		// May's claim is due on 12 June 2026, 10 working days after Friday 29 May.
		await returnReminders(database.db, at('2026-06-10'), DEFAULT_DUE_DAYS);
		const may = smtp.arrived.filter((m) => m.text.includes('for May 2026'));
		expect(may.map((m) => m.to[0])).toEqual([who.managers[1]!.email]);
	});

	it('tells the council of a submitted return, and the provider of one sent back', async () => {
		const r = await returnRepo.insert(database.db, {
			councilId: who.councilId,
			providerId: who.providerId,
			kind: 'quarterly',
			periodKey: '2026-Q1'
		});
		await tellOtherSide(
			database.db,
			{ returnId: r.id, revision: 1, event: 'submitted' },
			new Date()
		);
		await tellOtherSide(
			database.db,
			{ returnId: r.id, revision: 1, event: 'submitted' },
			new Date()
		);
		expect(smtp.arrived.map((m) => [m.to[0], m.subject])).toEqual([
			[who.commissioner.email, 'A provider has submitted a return']
		]);
		smtp.arrived.length = 0;
		await tellOtherSide(
			database.db,
			{ returnId: r.id, revision: 1, event: 'returned' },
			new Date()
		);
		expect(smtp.arrived.map((m) => m.to[0]).sort()).toEqual(managerEmails());
		expect(smtp.arrived[0]!.subject).toBe('A return has been sent back to you');
	});
});
