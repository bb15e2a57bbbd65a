import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { prepare } from '../helpers/prepare';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

// A member of staff sends a carer's invitation from the page, over real HTTP, and the real SMTP
// server receives it: the link in it opens the carers' survey. /healthz names the transport.
const CHILD = { display_name: 'Ottoline Pemberton-Vasquez', reference: 'REF-OPV-9923' };
const CARER = 'sam.carer@example.net';

describe('sending an invitation to a carer by email', { timeout: 240_000 }, () => {
	let smtp: TestSmtp;
	let server: RunningServer;
	let childId: string;
	let serviceId: string;
	const staff = () => {
		const c = new Client(server.url);
		return c
			.post('/sign-in', [
				['email', 'staff@example.org'],
				['password', DEMO_PASSWORD]
			])
			.then(() => c);
	};
	const form = (over: Record<string, string> = {}): [string, string][] =>
		Object.entries({
			child: childId,
			survey: 'preferred',
			service: serviceId,
			source: 'family_review',
			language: 'preferred',
			channel: 'email',
			address: CARER,
			days: '28',
			...over
		});

	beforeAll(async () => {
		smtp = await startSmtp();
		const env = {
			DATA_DIR: tempDir('voices-carers-'),
			SMTP_URL: smtp.url,
			MAIL_FROM: 'Voices <voices@council.example>'
		};
		await prepare(env, async ({ connection: { db } }) => {
			const service = await db
				.selectFrom('service')
				.selectAll()
				.where('name', '=', 'Riverside Break Time')
				.executeTakeFirstOrThrow();
			serviceId = service.id;
			childId = (
				await db
					.insertInto('child')
					.values({ provider_id: service.provider_id, ...CHILD, preferred_language: 'ur' })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		});
		server = await startServer(env);
	});
	afterAll(async () => {
		await server?.stop();
		await smtp?.close();
	});

	it('shows each mistake by its field and keeps what was typed, sending nothing', async () => {
		const c = await staff();
		const page = await c.get('/staff/invitations/send');
		expect(page.status).toBe(200);
		expect(page.html).toContain('Send an invitation to a parent or carer');
		const wrong = await c.post('/staff/invitations/send', form({ address: 'sam.carer@' }));
		expect(wrong.status).toBe(400);
		expect(wrong.html).toContain(
			'Enter an email address in the correct format, like name@example.com'
		);
		expect(wrong.html).toContain('value="sam.carer@"');
		expect(wrong.html).toContain('<title>Error: Send an invitation');
		expect(smtp.arrived).toEqual([]);
	});

	it('sends it, and the link in the message opens the carers’ survey in Urdu', async () => {
		const c = await staff();
		const sent = await c.post('/staff/invitations/send', form());
		expect([sent.status, sent.location]).toEqual([303, '/staff/invitations/send?sent=email']);
		const after = await c.get(sent.location!);
		expect(after.html).toContain('The invitation is on its way by email');
		const mail = await smtp.waitFor((m) => m.to.includes(CARER));
		expect(mail.subject).toBe('براہ کرم ہمیں اپنی رائے بتائیں');
		expect(mail.text).not.toContain(CHILD.display_name);
		expect(mail.text).not.toContain(CHILD.reference);
		const link = /https?:\/\/\S+\/i\/[A-Za-z0-9_-]+\?lang=ur/.exec(mail.text)?.[0];
		expect(link).toBeDefined();
		const carer = new Client(server.url);
		const opened = await carer.follow(new URL(link!).pathname + new URL(link!).search);
		expect(opened.html).toContain('lang="ur"');
		expect(opened.html).toContain('dir="rtl"');
		// The staff list shows the carer's invitation, and never the address.
		const list = await c.get('/staff/invitations');
		expect(list.html).toContain(`Carer of ${CHILD.display_name}`);
		expect(list.html).not.toContain(CARER);
	});

	it('reports the transport on /healthz', async () => {
		const res = await fetch(`${server.url}/healthz`, { headers: { accept: 'application/json' } });
		expect(res.status).toBe(200);
		expect((await res.json()).checks.mail).toEqual({ ok: true, detail: 'smtp' });
	});
});
