import type { Transport } from './transport';

/**
 * How this process sends notifications, set once at start from the settings (like the
 * application key in keys.ts): the transport, or none, and the public address links point to.
 */
export interface Mailer {
	transport: Transport | undefined;
	/** ORIGIN: every link in a message is this address and a path. */
	origin: string;
}

let current: Mailer | undefined;

export function useMailer(mailer: Mailer): void {
	current = mailer;
}

export function mailer(): Mailer {
	if (!current) throw new Error('The mail transport has not been set up (useMailer)');
	return current;
}

/** The warning given at start, and to administrators on the staff pages, when none is set. */
export const NO_MAIL_WARNING =
	'No notifications will be sent: neither SMTP_URL nor NOTIFY_API_KEY is set. Safeguarding ' +
	'alerts, password links and return reminders wait until someone signs in.';
