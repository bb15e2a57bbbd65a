import nodemailer from 'nodemailer';
import { NotifyClient } from 'notifications-node-client';
import type { Config } from '../config';

/** One message as the app writes it: plain text, no personal data about a child or carer. */
export interface Letter {
	to: string;
	subject: string;
	body: string;
	/** The message's idempotency key: ids only, handed to Notify as its reference. */
	reference: string;
}

/** Where messages leave the app: an SMTP server, or GOV.UK Notify. */
export interface Transport {
	readonly name: 'smtp' | 'notify';
	email(letter: Letter): Promise<void>;
	/** A text message; undefined when the transport sends none (SMTP, or Notify without a template). */
	text?: (letter: Omit<Letter, 'subject'>) => Promise<void>;
	/** Whether the transport answers now, for /healthz; undefined when it cannot be asked. */
	reachable?: () => Promise<boolean>;
}

export type MailSettings = NonNullable<Config['mail']>;

/** Through nodemailer to SMTP_URL, from MAIL_FROM. */
export function smtpTransport(settings: Extract<MailSettings, { transport: 'smtp' }>): Transport {
	const sender = nodemailer.createTransport(settings.url);
	return {
		name: 'smtp',
		async email({ to, subject, body }) {
			await sender.sendMail({ from: settings.from, to, subject, text: body });
		},
		reachable: () =>
			sender.verify().then(
				() => true,
				() => false
			)
	};
}

/** The part of Notify's client the app uses, so tests can hand in their own. */
export type NotifyLike = Pick<NotifyClient, 'sendEmail' | 'sendSms'>;

/**
 * Through GOV.UK Notify: one email template whose subject is ((subject)) and message ((body)),
 * and one text message template of ((body)).
 */
export function notifyTransport(
	settings: Extract<MailSettings, { transport: 'notify' }>,
	client: NotifyLike = new NotifyClient(settings.apiKey)
): Transport {
	const { smsTemplateId } = settings;
	return {
		name: 'notify',
		async email({ to, subject, body, reference }) {
			await client.sendEmail(settings.emailTemplateId, to, {
				personalisation: { subject, body },
				reference
			});
		},
		text: smsTemplateId
			? async ({ to, body, reference }) => {
					await client.sendSms(smsTemplateId, to, { personalisation: { body }, reference });
				}
			: undefined
	};
}

export function transportFor(settings: MailSettings): Transport {
	return settings.transport === 'smtp' ? smtpTransport(settings) : notifyTransport(settings);
}
