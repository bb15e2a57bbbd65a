import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installQueue, openQueue, type Queue } from '../../src/lib/server/jobs/boss';
import { postgresScript } from '../../src/lib/server/jobs/adapter';
import { JOBS } from '../../src/lib/server/jobs/all';
import { useMailer } from '../../src/lib/server/mail/mailer';
import { smtpTransport } from '../../src/lib/server/mail/transport';
import { tellLeadJob } from '../../src/lib/server/notifications/jobs';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';
import { people, worryingAnswer } from '../helpers/notifications';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

// The lead's mail goes through the real queue: sent twice (a double post, a retry), it arrives once.

describe.each(databaseKinds)(
	'an alert’s mail through the job queue on %s',
	{ timeout: 120_000 },
	(kind) => {
		let database: TestDatabase;
		let smtp: TestSmtp;
		let queue: Queue;

		beforeAll(async () => {
			database = await freshDatabase(kind);
			smtp = await startSmtp();
			useMailer({
				origin: 'http://127.0.0.1:9',
				transport: smtpTransport({
					transport: 'smtp',
					url: smtp.url,
					from: 'voices@council.example'
				})
			});
			const script =
				kind === 'postgres' ? postgresScript(database.db) : database.script.bind(database);
			const settings = { timeoutSeconds: 60, retryDelaySeconds: 1 };
			await installQueue(database.db, script, JOBS, settings);
			queue = await openQueue(database, JOBS, settings, true);
		});
		afterAll(async () => {
			await queue?.stop();
			await smtp?.close();
			await database?.drop();
		});

		it('arrives once at the lead', async () => {
			const { serviceId, versionId } = await seedOrganisation(database.db);
			const who = await people(database.db, serviceId);
			const alertId = await worryingAnswer(database.db, serviceId, versionId);
			await queue.enqueue(tellLeadJob, { alertId }, { singletonKey: alertId });
			await queue.enqueue(tellLeadJob, { alertId }, { singletonKey: `${alertId}-again` });
			const mail = await smtp.waitFor((m) => m.text.includes(alertId), 60_000);
			expect(mail.to).toEqual([who.lead.email]);
			// Both jobs have run once the second finishes: poll the message table, not the clock.
			const end = Date.now() + 60_000;
			for (;;) {
				const { rows } = await sql<{ state: string }>`
				select state from ${sql.table(`${queue.schema}.job`)}
				where name = 'alerts.tell_lead'`.execute(database.db);
				if (rows.filter((r) => r.state === 'completed').length >= 2) break;
				if (Date.now() > end) throw new Error('The two jobs did not complete');
				await new Promise((r) => setTimeout(r, 100));
			}
			expect(smtp.arrived.filter((m) => m.text.includes(alertId))).toHaveLength(1);
		});
	}
);
