import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/lib/server/app';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import { clearExpired } from '../../src/lib/server/auth/expired';
import type { DB } from '../../src/lib/server/db/connect';
import * as childRepo from '../../src/lib/server/db/child';
import * as invitationLinks from '../../src/lib/server/invitations/links';
import * as invitations from '../../src/lib/server/invitations/service';
import {
	checkSend,
	deliverInvitation,
	deliverWaiting,
	readAddress,
	send,
	type CarerInvitation
} from '../../src/lib/server/invitations/send';
import { PREFERRED } from '../../src/lib/server/invitations/surveys';
import { useMailer } from '../../src/lib/server/mail/mailer';
import {
	notifyTransport,
	smtpTransport,
	type NotifyLike,
	type Transport
} from '../../src/lib/server/mail/transport';
import { mailHealth } from '../../src/lib/server/mail/health';
import { measures } from '../../src/lib/server/catalogue/measures';
import * as measureRepo from '../../src/lib/server/db/measure';
import * as surveyRepo from '../../src/lib/server/db/survey';
import { loadSurveyCatalogue } from '../../src/lib/server/surveys/load';
import { seedDemoData } from '../../src/lib/server/demo/seed';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

// Invitations staff send straight to a parent or carer: by email through a real SMTP server, or
// by text through Notify's client (which cannot be reached here: its boundary is recorded). The
// address is kept sealed only until the message has gone; the message never names the child.

const ORIGIN = 'https://voices.council.example';
const CARER = 'sam.carer@example.net';
const CHILD = { display_name: 'Ottoline Pemberton-Vasquez', reference: 'REF-OPV-9923' };

describe.each(databaseKinds)('invitations sent to carers on %s', { timeout: 120_000 }, (kind) => {
	let database: TestDatabase;
	let db: DB;
	let smtp: TestSmtp;
	let app: App;
	const ids: Record<string, string> = {};
	const catalogue = loadSurveyCatalogue('surveys');
	const staff = (providerId: string): StaffUser => ({
		id: ids.staffUser!,
		email: 'key.worker@riverside.example',
		displayName: 'Key Worker',
		role: 'provider_staff',
		councilId: null,
		providerId,
		hasTotp: true
	});
	const smtpMailer = () =>
		useMailer({
			origin: ORIGIN,
			transport: smtpTransport({ transport: 'smtp', url: smtp.url, from: 'voices@council.example' })
		});
	const asked = (over: Partial<CarerInvitation> = {}): CarerInvitation => ({
		childId: ids.child!,
		surveyId: PREFERRED,
		serviceId: ids['Riverside Break Time']!,
		source: 'family_review',
		days: 28,
		channel: 'email',
		address: ` ${CARER} `,
		language: PREFERRED,
		...over
	});

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		await measureRepo.syncCatalogue(db, measures);
		for (const s of catalogue.surveys) await surveyRepo.registerVersion(db, s);
		await seedDemoData(db);
		for (const p of await db.selectFrom('provider').select(['id', 'name']).execute())
			ids[p.name] = p.id;
		for (const s of await db.selectFrom('service').select(['id', 'name']).execute())
			ids[s.name] = s.id;
		ids.staffUser = (
			await db
				.insertInto('app_user')
				.values({
					email: 'key.worker@riverside.example',
					display_name: 'Key Worker',
					role: 'provider_staff',
					provider_id: ids['Riverside Short Breaks']!,
					password_hash: 'x'
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		ids.child = (
			await childRepo.insert(db, {
				provider_id: ids['Riverside Short Breaks']!,
				...CHILD,
				preferred_language: 'pl',
				preferred_variant: 'symbols'
			})
		).id;
		ids.homeChild = (
			await childRepo.insert(db, {
				provider_id: ids['Harbour View Homes']!,
				display_name: 'Home Child',
				reference: 'HV-1',
				preferred_variant: 'symbols'
			})
		).id;
		app = {
			config: { origin: ORIGIN },
			connection: database,
			catalogue
		} as unknown as App;
		smtp = await startSmtp();
	}, 180_000);
	afterAll(async () => {
		await smtp?.close();
		await database?.drop();
	});
	beforeEach(() => {
		smtp.arrived.length = 0;
		smtpMailer();
	});

	it('reads email addresses and UK mobile numbers, and says what is wrong', () => {
		expect(readAddress('email', '  a.b@example.co.uk ')).toEqual({
			ok: true,
			address: 'a.b@example.co.uk'
		});
		for (const bad of ['a.b@example', 'a b@example.com', 'a@b@example.com', '@example.com'])
			expect(readAddress('email', bad)).toEqual({
				ok: false,
				message: 'Enter an email address in the correct format, like name@example.com'
			});
		expect(readAddress('email', '')).toEqual({
			ok: false,
			message: 'Enter the parent or carer’s email address'
		});
		expect(readAddress('text', '07700 900 982')).toEqual({ ok: true, address: '07700900982' });
		expect(readAddress('text', '+44 (0)7700-900982')).toEqual({
			ok: false,
			message: 'Enter a UK mobile number, like 07700 900 982'
		});
		expect(readAddress('text', '+44 7700 900982')).toEqual({ ok: true, address: '07700900982' });
		expect(readAddress('text', '01632 960 001')).toEqual({
			ok: false,
			message: 'Enter a UK mobile number, like 07700 900 982'
		});
	});

	it('sends the link once by email, in the child’s language, naming no child', async () => {
		const user = staff(ids['Riverside Short Breaks']!);
		expect(await checkSend(app, user, asked())).toEqual({});
		const id = await send(app, user, asked());
		// Until it goes, the address is kept sealed, not as typed.
		const waiting = await db.selectFrom('invitation_delivery').selectAll().execute();
		expect(waiting).toHaveLength(1);
		expect(JSON.stringify(waiting)).not.toContain('sam.carer');
		expect(await deliverInvitation(db, id, new Date())).toBe('sent');
		expect(await deliverInvitation(db, id, new Date())).toBe('nothing waiting');
		await deliverWaiting(db, new Date());
		expect(smtp.arrived).toHaveLength(1);
		const mail = smtp.arrived[0]!;
		expect(mail.to).toEqual([CARER]);
		// The child prefers Polish, which the carers' survey has.
		expect(mail.subject).toBe('Prosimy o Twoją opinię');
		expect(mail.text).toContain('Riverside Short Breaks chce poznać Twoją opinię');
		for (const personal of [CHILD.display_name, 'Ottoline', CHILD.reference])
			expect(mail.text).not.toContain(personal);
		const link = new RegExp(`${ORIGIN}/i/([A-Za-z0-9_-]+)\\?lang=pl`).exec(mail.text);
		expect(link).not.toBeNull();
		const invitation = await invitationLinks.findByToken(db, link![1]!);
		expect(invitation).toMatchObject({
			id,
			respondent: 'carer',
			survey_id: 'short-breaks-carer',
			child_id: ids.child,
			language: 'pl'
		});
		// Gone once sent: the address is nowhere, the message and the audit say only what and how.
		expect(await db.selectFrom('invitation_delivery').selectAll().execute()).toEqual([]);
		const kept = JSON.stringify([
			await db.selectFrom('message').selectAll().execute(),
			await db.selectFrom('audit_event').selectAll().execute()
		]);
		expect(kept).not.toContain('sam.carer');
		expect(kept).not.toContain(link![1]!);
		const sent = await db
			.selectFrom('audit_event')
			.select(['action', 'subject_type', 'subject_id', 'details'])
			.where('action', '=', 'message.sent')
			.where('subject_id', '=', id)
			.execute();
		expect(sent.map((e) => [e.action, e.subject_type, e.details])).toEqual([
			['message.sent', 'invitation', { kind: 'invitation.carer', channel: 'email' }]
		]);
	});

	it('sends nothing for an invitation revoked first, and forgets the address', async () => {
		const user = staff(ids['Riverside Short Breaks']!);
		const id = await send(app, user, asked({ language: 'en' }));
		expect(await invitations.revoke(app, user, id)).toBe(true);
		expect(await db.selectFrom('invitation_delivery').selectAll().execute()).toEqual([]);
		expect(await deliverInvitation(db, id, new Date())).toBe('nothing waiting');
		expect(smtp.arrived).toEqual([]);
	});

	it('forgets the address of an invitation that expires before it could go', async () => {
		const user = staff(ids['Riverside Short Breaks']!);
		const id = await send(app, user, asked({ days: 1 }));
		useMailer({ origin: ORIGIN, transport: undefined });
		expect(await deliverInvitation(db, id, new Date())).toBe('no transport');
		const later = new Date(Date.now() + 2 * 86400_000);
		expect((await clearExpired(db, later)).carerAddressesRemoved).toBe(1);
		expect(await db.selectFrom('invitation_delivery').selectAll().execute()).toEqual([]);
	});

	it('keeps the address for another try when the transport fails', async () => {
		const user = staff(ids['Riverside Short Breaks']!);
		const id = await send(app, user, asked({ language: 'en' }));
		useMailer({
			origin: ORIGIN,
			transport: smtpTransport({
				transport: 'smtp',
				url: 'smtp://127.0.0.1:1',
				from: 'voices@council.example'
			})
		});
		await expect(deliverInvitation(db, id, new Date())).rejects.toThrow();
		expect(await db.selectFrom('invitation_delivery').select('invitation_id').execute()).toEqual([
			{ invitation_id: id }
		]);
		smtpMailer();
		expect(await deliverInvitation(db, id, new Date())).toBe('sent');
		expect(smtp.arrived.map((m) => [m.to, m.subject])).toEqual([
			[[CARER], 'Please tell us what you think']
		]);
	});

	it('sends by text message through Notify, to the number as Notify takes it', async () => {
		const sms: unknown[][] = [];
		const client: NotifyLike = {
			sendEmail: () => Promise.reject(new Error('not an email')),
			sendSms: (...args: unknown[]) => {
				sms.push(args);
				return Promise.resolve({}) as never;
			}
		} as unknown as NotifyLike;
		useMailer({
			origin: ORIGIN,
			transport: notifyTransport(
				{
					transport: 'notify',
					apiKey: 'test',
					emailTemplateId: 'email-template',
					smsTemplateId: 'sms-template'
				},
				client
			)
		});
		const user = staff(ids['Riverside Short Breaks']!);
		const request = asked({ channel: 'text', address: '07700 900 982', language: 'ur' });
		expect(await checkSend(app, user, request)).toEqual({});
		const id = await send(app, user, request);
		expect(await deliverInvitation(db, id, new Date())).toBe('sent');
		expect(sms).toHaveLength(1);
		const [template, to, options] = sms[0] as [string, string, Record<string, unknown>];
		expect([template, to]).toEqual(['sms-template', '07700900982']);
		const body = (options.personalisation as { body: string }).body;
		expect(body).toMatch(new RegExp(`^Riverside Short Breaks آپ کی رائے جاننا چاہتا ہے۔`));
		expect(body).toMatch(new RegExp(`${ORIGIN}/i/[A-Za-z0-9_-]+\\?lang=ur`));
		expect(body).not.toContain(CHILD.reference);
		expect(options.reference).toBe(`invitation.carer:${id}`);
	});

	it('refuses what cannot be sent, each with its own message', async () => {
		const user = staff(ids['Riverside Short Breaks']!);
		// Sending checks again, whatever the caller did.
		await expect(send(app, user, asked({ childId: ids.homeChild! }))).rejects.toThrow(
			'Not sent: child'
		);
		// SMTP sends no text messages.
		expect(await checkSend(app, user, asked({ channel: 'text', address: '07700900982' }))).toEqual({
			channel: 'Choose how to send the invitation'
		});
		expect(await checkSend(app, user, asked({ address: 'not an address' }))).toEqual({
			address: 'Enter an email address in the correct format, like name@example.com'
		});
		expect(await checkSend(app, user, asked({ childId: ids.homeChild! }))).toEqual({
			child: 'Choose a child from the list'
		});
		expect(await checkSend(app, user, asked({ childId: '' }))).toEqual({
			child: 'Choose the child'
		});
		expect(await checkSend(app, user, asked({ surveyId: 'short-breaks-child-symbols' }))).toEqual({
			survey: 'That survey is not for a parent or carer'
		});
		expect(await checkSend(app, user, asked({ language: 'fr' }))).toEqual({
			language: 'Choose a language the survey has'
		});
		useMailer({ origin: ORIGIN, transport: undefined });
		expect(await checkSend(app, user, asked())).toEqual({
			channel: 'No invitations can be sent: this installation has no mail set up'
		});
		expect(await db.selectFrom('invitation_delivery').selectAll().execute()).toEqual([]);
	});

	it('asks each child their own version of the survey their provider is commissioned for', async () => {
		const riverside = staff(ids['Riverside Short Breaks']!);
		const plain = await childRepo.insert(db, {
			provider_id: ids['Riverside Short Breaks']!,
			display_name: 'Plain Child',
			reference: 'RS-2'
		});
		const request = {
			surveyId: PREFERRED,
			serviceId: ids['Riverside Break Time']!,
			respondent: 'child' as const,
			source: 'annual_review' as const,
			days: 28,
			childIds: [ids.child!, plain.id],
			open: false,
			cap: ''
		};
		expect(await invitations.check(app, riverside, request)).toEqual({});
		const cards = await invitations.create(app, riverside, request);
		expect(cards.map((c) => [c.name, c.surveyTitle])).toEqual([
			[CHILD.display_name, 'My short break'],
			['Plain Child', 'My short breaks']
		]);
		// A children's home under Dorset's framework: its own survey, whatever the child's version.
		const harbour = staff(ids['Harbour View Homes']!);
		const home = {
			...request,
			serviceId: ids['Harbour View House']!,
			childIds: [ids.homeChild!]
		};
		expect(await invitations.check(app, harbour, home)).toEqual({});
		expect((await invitations.create(app, harbour, home)).map((c) => c.surveyTitle)).toEqual([
			'My life in my home'
		]);
	});
});

describe.each(databaseKinds)('what /healthz says of mail on %s', { timeout: 60_000 }, (kind) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await freshDatabase(kind);
	});
	afterAll(async () => database?.drop());
	const transport = (reachable: boolean): Transport => ({
		name: 'smtp',
		email: () => Promise.resolve(),
		reachable: () => Promise.resolve(reachable)
	});

	it('names the transport, or says there is none', async () => {
		useMailer({ origin: ORIGIN, transport: undefined });
		expect(await mailHealth(database.db)).toEqual({
			ok: true,
			detail: 'none: no notifications are sent'
		});
		useMailer({ origin: ORIGIN, transport: transport(true) });
		expect(await mailHealth(database.db)).toEqual({ ok: true, detail: 'smtp' });
	});

	it('does not wait long for an SMTP server that never answers', async () => {
		useMailer({
			origin: ORIGIN,
			transport: {
				name: 'smtp',
				email: () => Promise.resolve(),
				reachable: () => new Promise<boolean>(() => {})
			}
		});
		expect(await mailHealth(database.db)).toEqual({
			ok: false,
			problem: 'SMTP server not reachable'
		});
	});

	it('reports an SMTP server that does not answer, and messages stuck', async () => {
		useMailer({ origin: ORIGIN, transport: transport(false) });
		expect(await mailHealth(database.db)).toEqual({
			ok: false,
			problem: 'SMTP server not reachable'
		});
		useMailer({ origin: ORIGIN, transport: transport(true) });
		await database.db
			.insertInto('message')
			.values({
				idempotency_key: 'stuck:1',
				kind: 'alert.raised',
				channel: 'email',
				created_at: new Date(Date.now() - 16 * 60_000)
			})
			.execute();
		expect(await mailHealth(database.db)).toEqual({
			ok: false,
			problem: '1 messages not sent after 15 minutes'
		});
	});
});
