import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useMailer } from '../../src/lib/server/mail/mailer';
import { smtpTransport } from '../../src/lib/server/mail/transport';
import * as alerts from '../../src/lib/server/notifications/alerts';
import * as messageRepo from '../../src/lib/server/db/message';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';
import { CHILD, people, worryingAnswer } from '../helpers/notifications';
import { startSmtp, type Arrived, type TestSmtp } from '../helpers/smtp';

const ORIGIN = 'https://voices.council.example';

/** Nothing about the child: not their name, their reference, nor the answer they gave. */
function expectNoPersonalData(m: Arrived) {
	for (const text of [m.subject, m.text]) {
		expect(text).not.toContain(CHILD.name);
		expect(text).not.toContain(CHILD.name.split(' ')[0]);
		expect(text).not.toContain(CHILD.reference);
		expect(text).not.toMatch(/I feel safe|\bNo\b/);
	}
}

describe.each(databaseKinds)('safeguarding notifications on %s', (kind) => {
	let database: TestDatabase;
	let smtp: TestSmtp;
	let serviceId: string;
	let versionId: string;
	let who: Awaited<ReturnType<typeof people>>;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		smtp = await startSmtp();
		useMailer({
			origin: ORIGIN,
			transport: smtpTransport({
				transport: 'smtp',
				url: smtp.url,
				from: 'Voices <voices@council.example>'
			})
		});
		({ serviceId, versionId } = await seedOrganisation(database.db));
		who = await people(database.db, serviceId);
	});
	afterAll(async () => {
		await smtp?.close();
		await database?.drop();
	});
	beforeEach(() => {
		smtp.arrived.length = 0;
	});

	it(
		'tells the lead, and nobody else, once however often the job runs',
		{ timeout: 60_000 },
		async () => {
			const alertId = await worryingAnswer(database.db, serviceId, versionId);
			const now = new Date();
			await alerts.tellLead(database.db, alertId, now);
			await alerts.tellLead(database.db, alertId, now);
			await alerts.checkAlerts(database.db, now);
			expect(smtp.arrived.map((m) => m.to)).toEqual([[who.lead.email]]);
			const mail = smtp.arrived[0]!;
			expect(mail.from).toBe('"Voices" <voices@council.example>');
			expect(mail.subject).toBe('Safeguarding alert: please look at it now');
			expect(mail.text).toContain(`${ORIGIN}/staff/alerts/${alertId}`);
			expectNoPersonalData(mail);
			const audit = await database.db
				.selectFrom('audit_event')
				.selectAll()
				.where('action', '=', 'message.sent')
				.where('subject_id', '=', who.lead.id)
				.execute();
			expect(audit).toHaveLength(1);
			expect(audit[0]!.details).toEqual({ kind: 'alert.raised', channel: 'email' });
		}
	);

	it(
		'sends one mail when the lead’s job and the check that catches lost ones run at once',
		{ timeout: 60_000 },
		async () => {
			const alertId = await worryingAnswer(database.db, serviceId, versionId);
			const now = new Date();
			await Promise.all([
				alerts.tellLead(database.db, alertId, now),
				alerts.tellLead(database.db, alertId, now),
				alerts.checkAlerts(database.db, now)
			]);
			expect(smtp.arrived.map((m) => m.to)).toEqual([[who.lead.email]]);
		}
	);

	it('sends again once a failed try has let go of its claim', async () => {
		const key = `test.claim:${crypto.randomUUID()}`;
		const m = { key, kind: 'alert.raised' as const, channel: 'email' as const, userId: null };
		expect(await messageRepo.claim(database.db, m)).toBe('new');
		expect(await messageRepo.claim(database.db, m)).toBe('busy');
		await messageRepo.release(database.db, key);
		expect(await messageRepo.claim(database.db, m)).toBe('retry');
		await messageRepo.markSent(database.db, key, new Date());
		expect(await messageRepo.claim(database.db, m)).toBe('sent');
	});

	it(
		'escalates to the provider’s managers once the due time passes, once',
		{ timeout: 60_000 },
		async () => {
			const alertId = await worryingAnswer(database.db, serviceId, versionId);
			await alerts.tellLead(database.db, alertId, new Date());
			smtp.arrived.length = 0;
			const alert = await database.db
				.selectFrom('safeguarding_alert')
				.select('due_at')
				.where('id', '=', alertId)
				.executeTakeFirstOrThrow();
			const due = new Date(alert.due_at);
			await alerts.escalateOverdue(database.db, new Date(due.getTime() - 60_000));
			expect(smtp.arrived.filter((m) => m.text.includes(alertId))).toEqual([]);
			const later = new Date(due.getTime() + 60_000);
			await alerts.checkAlerts(database.db, later);
			await alerts.checkAlerts(database.db, later);
			const escalations = smtp.arrived.filter((m) => m.text.includes(alertId));
			expect(escalations.map((m) => m.to[0]).sort()).toEqual(
				who.managers.map((m) => m.email).sort()
			);
			for (const m of escalations) {
				expect(m.subject).toBe('Safeguarding alert not acknowledged in time');
				expectNoPersonalData(m);
			}
		}
	);

	it('does not escalate an acknowledged alert', { timeout: 60_000 }, async () => {
		const alertId = await worryingAnswer(database.db, serviceId, versionId);
		await database.db
			.updateTable('safeguarding_alert')
			.set({ acknowledged_at: new Date(), acknowledged_by: who.lead.id, note: '' })
			.where('id', '=', alertId)
			.execute();
		await alerts.checkAlerts(database.db, new Date(Date.now() + 30 * 86400_000));
		expect(smtp.arrived.filter((m) => m.text.includes(alertId))).toEqual([]);
	});

	it(
		'sums up each lead’s open alerts once a day, unless they turned it off',
		{ timeout: 60_000 },
		async () => {
			const now = new Date();
			await alerts.dailySummary(database.db, now);
			await alerts.dailySummary(database.db, now);
			expect(smtp.arrived.map((m) => m.to)).toEqual([[who.lead.email]]);
			expect(smtp.arrived[0]!.subject).toMatch(/^Open safeguarding alerts: \d+$/);
			expectNoPersonalData(smtp.arrived[0]!);
			smtp.arrived.length = 0;
			await messageRepo.setOptOuts(database.db, who.lead.id, ['alert.summary']);
			await alerts.dailySummary(database.db, new Date(now.getTime() + 86400_000));
			expect(smtp.arrived).toEqual([]);
		}
	);

	it(
		'tells the lead even when they turned alerts off: it is a duty',
		{ timeout: 60_000 },
		async () => {
			await messageRepo.setOptOuts(database.db, who.lead.id, ['alert.raised', 'alert.summary']);
			const alertId = await worryingAnswer(database.db, serviceId, versionId);
			await alerts.tellLead(database.db, alertId, new Date());
			expect(smtp.arrived.map((m) => m.to)).toEqual([[who.lead.email]]);
			await messageRepo.setOptOuts(database.db, who.lead.id, []);
		}
	);
});
