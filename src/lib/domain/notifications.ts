import type { Role } from './roles';
import { valuesOf } from './words';

/**
 * The kinds of notification the app sends, as the person it goes to reads them on their
 * notifications page. No message ever holds a child's name, reference or answers, nor a carer's
 * details: it says what happened and where to sign in.
 */
export const NOTIFICATION_KINDS = {
	'alert.raised': 'A safeguarding alert at a service you are the safeguarding lead for',
	'alert.overdue': 'A safeguarding alert at your provider that is past its due time',
	'alert.summary': 'Each morning, how many safeguarding alerts are open at services you lead',
	'password.link': 'A link to set or reset your password',
	'return.due': 'A return due in the next few working days, or today',
	'return.overdue': 'A return past its due date',
	'return.sent_back': 'A return the council sent back to be changed',
	'return.submitted': 'A return a provider submitted to your council'
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_VALUES = valuesOf(NOTIFICATION_KINDS);

/**
 * Kinds that are a duty, which nobody can turn off: a lead is always told of an alert at once,
 * managers always of one left past its due time, and a password link is the message itself.
 */
export const DUTY_KINDS: readonly NotificationKind[] = [
	'alert.raised',
	'alert.overdue',
	'password.link'
];

/** Who can be sent each kind (a lead is any provider role named as a service's lead). */
export const SENT_TO: Record<NotificationKind, readonly Role[]> = {
	'alert.raised': ['provider_manager', 'provider_staff'],
	'alert.overdue': ['provider_manager'],
	'alert.summary': ['provider_manager', 'provider_staff'],
	'password.link': ['administrator', 'commissioner', 'provider_manager', 'provider_staff'],
	'return.due': ['provider_manager'],
	'return.overdue': ['provider_manager'],
	'return.sent_back': ['provider_manager'],
	'return.submitted': ['commissioner']
};

/**
 * A message to somebody without an account: a carer's invitation, sent to the address staff typed.
 * It is not a notification anyone can turn off (nobody asked for it but the staff who sent it).
 */
export const CARER_INVITATION = 'invitation.carer';
/** What the record of a sent message says it was. */
export type MessageKind = NotificationKind | typeof CARER_INVITATION;

/** How a message goes. */
export const MESSAGE_CHANNELS = { email: 'Email', text: 'Text message' } as const;
export type MessageChannel = keyof typeof MESSAGE_CHANNELS;
