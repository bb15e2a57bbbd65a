import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as resets from '../../src/lib/server/auth/resets';
import { useMailer } from '../../src/lib/server/mail/mailer';
import { smtpTransport } from '../../src/lib/server/mail/transport';
import { sendPasswordLink } from '../../src/lib/server/notifications/passwords';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { account } from '../helpers/notifications';
import { seedOrganisation } from '../helpers/organisation';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const ORIGIN = 'https://voices.council.example';

describe.each(databaseKinds)('set-password links by mail on %s', { timeout: 60_000 }, (kind) => {
	let database: TestDatabase;
	let smtp: TestSmtp;
	let org: { councilId: string; providerId: string };

	beforeAll(async () => {
		database = await freshDatabase(kind);
		const { serviceId } = await seedOrganisation(database.db);
		const s = await database.db
			.selectFrom('service')
			.select(['council_id as councilId', 'provider_id as providerId'])
			.where('id', '=', serviceId)
			.executeTakeFirstOrThrow();
		org = s;
		smtp = await startSmtp();
		useMailer({
			origin: ORIGIN,
			transport: smtpTransport({ transport: 'smtp', url: smtp.url, from: 'voices@council.example' })
		});
	});
	afterAll(async () => {
		await smtp?.close();
		await database?.drop();
	});

	it('go straight to the person, once, with a link that works', async () => {
		const admin = await account(database.db, 'administrator');
		const person = await account(database.db, 'commissioner', { councilId: org.councilId });
		const request = {
			requestId: '3f6d0c4e-2a1b-4c3d-9e8f-0a1b2c3d4e5f',
			userId: person.id,
			issuedBy: admin.id,
			hours: 24,
			first: true
		};
		await sendPasswordLink(database.db, request, new Date());
		await sendPasswordLink(database.db, request, new Date());
		expect(smtp.arrived.map((m) => m.to)).toEqual([[person.email]]);
		const mail = smtp.arrived[0]!;
		expect(mail.subject).toBe('Set your password for Voices');
		const link = new RegExp(`${ORIGIN}/reset/([A-Za-z0-9_-]+)`).exec(mail.text);
		expect(link).not.toBeNull();
		expect((await resets.findUsable(database.db, link![1]!))?.user_id).toBe(person.id);
		// The token is in the mail only: not in the message record nor the audit log.
		const kept = JSON.stringify([
			await database.db.selectFrom('message').selectAll().execute(),
			await database.db.selectFrom('audit_event').selectAll().execute()
		]);
		expect(kept).not.toContain(link![1]);
	});

	it('are not sent to a disabled account', async () => {
		const admin = await account(database.db, 'administrator');
		const person = await account(database.db, 'provider_staff', { providerId: org.providerId });
		await database.db
			.updateTable('app_user')
			.set({ disabled_at: new Date() })
			.where('id', '=', person.id)
			.execute();
		smtp.arrived.length = 0;
		await sendPasswordLink(
			database.db,
			{
				requestId: '5a6b7c8d-0000-4000-8000-000000000002',
				userId: person.id,
				issuedBy: admin.id,
				hours: 1,
				first: false
			},
			new Date()
		);
		expect(smtp.arrived).toEqual([]);
	});
});
