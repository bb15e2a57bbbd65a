import { describe, expect, it } from 'vitest';
import { notifyTransport, type NotifyLike } from './transport';
import * as texts from './texts';

const settings = {
	transport: 'notify' as const,
	apiKey: 'unused',
	emailTemplateId: '11111111-2222-4333-8444-555555555555',
	smsTemplateId: '66666666-7777-4888-8999-000000000000'
};

/** Notify's client at its boundary: what the app hands it, kept for the test to read. */
function fakeNotify() {
	const calls: { method: string; template: string; to: string; options: unknown }[] = [];
	const client: NotifyLike = {
		sendEmail: async (template, to, options) => {
			calls.push({ method: 'email', template, to, options });
			return {} as Awaited<ReturnType<NotifyLike['sendEmail']>>;
		},
		sendSms: async (template, to, options) => {
			calls.push({ method: 'sms', template, to, options });
			return {} as Awaited<ReturnType<NotifyLike['sendSms']>>;
		}
	};
	return { client, calls };
}

describe('the GOV.UK Notify transport', () => {
	it('sends an email through the email template, with the subject and body as personalisation', async () => {
		const { client, calls } = fakeNotify();
		const text = texts.alertRaised('https://voices.example', {
			id: 'a1b2c3d4-0000-4000-8000-000000000001',
			dueAt: new Date('2026-12-03T10:00:00Z')
		});
		await notifyTransport(settings, client).email({
			to: 'lead@provider.example',
			...text,
			reference: 'alert.raised:a1b2c3d4-0000-4000-8000-000000000001:u1'
		});
		expect(calls).toEqual([
			{
				method: 'email',
				template: settings.emailTemplateId,
				to: 'lead@provider.example',
				options: {
					personalisation: { subject: text.subject, body: text.body },
					reference: 'alert.raised:a1b2c3d4-0000-4000-8000-000000000001:u1'
				}
			}
		]);
		// Only the two fields the template has: nothing else about anyone travels to Notify.
		const personalisation = (calls[0]!.options as { personalisation: object }).personalisation;
		expect(Object.keys(personalisation)).toEqual(['subject', 'body']);
		expect(text.body).toContain(
			'https://voices.example/staff/alerts/a1b2c3d4-0000-4000-8000-000000000001'
		);
	});

	it('sends a text message through the text template, and none without one', async () => {
		const { client, calls } = fakeNotify();
		await notifyTransport(settings, client).text!({
			to: '07700900123',
			body: 'Sign in at https://voices.example',
			reference: 'k'
		});
		expect(calls).toEqual([
			{
				method: 'sms',
				template: settings.smsTemplateId,
				to: '07700900123',
				options: { personalisation: { body: 'Sign in at https://voices.example' }, reference: 'k' }
			}
		]);
		expect(notifyTransport({ ...settings, smsTemplateId: undefined }, client).text).toBeUndefined();
	});

	it('passes on a failure from Notify, so the job retries', async () => {
		const client: NotifyLike = {
			sendEmail: () => Promise.reject(new Error('Notify: 500')),
			sendSms: () => Promise.reject(new Error('Notify: 500'))
		};
		await expect(
			notifyTransport(settings, client).email({
				to: 'a@b.example',
				subject: 's',
				body: 'b',
				reference: 'r'
			})
		).rejects.toThrow('Notify: 500');
	});
});
