import type { App } from '../app';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import * as childRepo from '../db/child';
import * as deliveryRepo from '../db/invitation-delivery';
import * as messageRepo from '../db/message';
import { enqueue } from '../jobs/queue';
import { seal, unseal } from '../keys';
import { describeError } from '../log';
import { carerInvitation } from '../mail/invitation-text';
import { mailer } from '../mail/mailer';
import type { FieldErrors } from '../forms/staff';
import { providerScope } from '../access/scopes';
import { isLocale } from '../../i18n';
import {
	CARER_INVITATION,
	MESSAGE_CHANNELS,
	type MessageChannel
} from '../../domain/notifications';
import type { Source } from '../../domain/sources';
import { isKeyOf } from '../../own';
import * as links from './links';
import { check } from './service';
import { PREFERRED, preferredSurvey, providerFrameworks } from './surveys';
import { isUuid } from '../db/ids';
import { carerInvitationJob } from './jobs';

// Invitations sent straight to a parent or carer by email or text message, when staff choose it.
// The address is sealed and kept only until the message has gone; it never reaches the figures,
// the exports, the audit log or the logs.

export interface CarerInvitation {
	childId: string;
	/** A survey's id, or PREFERRED: the carers' survey the provider's commissions ask. */
	surveyId: string;
	serviceId: string;
	source: Source;
	days: number;
	channel: string;
	/** As typed. */
	address: string;
	/** A locale, or PREFERRED: the child's preferred language when the survey has it. */
	language: string;
}

/** The survey and language a request resolves to, for its child; undefined when none fits. */
async function resolve(app: App, providerId: string, n: CarerInvitation) {
	const [child] = isUuid(n.childId) ? await childRepo.findMany(app.connection.db, [n.childId]) : [];
	const survey =
		n.surveyId === PREFERRED
			? preferredSurvey(app.catalogue.surveys, {
					respondent: 'carer',
					frameworks: await providerFrameworks(app.connection.db, providerId),
					variant: null
				})
			: app.catalogue.surveys.find((s) => s.id === n.surveyId);
	const own = child?.preferred_language;
	const language =
		n.language === PREFERRED ? (own && survey?.languages.includes(own) ? own : 'en') : n.language;
	return { child, survey, language };
}

/** The ways this installation can send an invitation now: none without a mail transport. */
export function channels(): MessageChannel[] {
	const { transport } = mailer();
	if (!transport) return [];
	return transport.text ? ['email', 'text'] : ['email'];
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]{2,}$/;

/** An address as the transport takes it, or the message for the person who typed it. */
export function readAddress(
	channel: MessageChannel,
	typed: string
): { ok: true; address: string } | { ok: false; message: string } {
	const trimmed = typed.trim();
	if (channel === 'email') {
		if (!trimmed) return { ok: false, message: 'Enter the parent or carer’s email address' };
		if (trimmed.length > 254 || !EMAIL.test(trimmed))
			return {
				ok: false,
				message: 'Enter an email address in the correct format, like name@example.com'
			};
		return { ok: true, address: trimmed };
	}
	if (!trimmed) return { ok: false, message: 'Enter the parent or carer’s mobile number' };
	const digits = trimmed.replace(/[\s().-]/g, '');
	const national = digits.replace(/^(\+44|0044|44)(?=7)/, '0');
	if (!/^07\d{9}$/.test(national))
		return { ok: false, message: 'Enter a UK mobile number, like 07700 900 982' };
	return { ok: true, address: national };
}

/** Checks a request to send a carer's invitation; returns the errors, by field. */
export async function checkSend(
	app: App,
	user: StaffUser,
	n: CarerInvitation
): Promise<FieldErrors> {
	const providerId = providerScope(user, 'invitations.send');
	const { survey, language } = await resolve(app, providerId, n);
	const errors = await check(app, user, {
		surveyId: survey?.id ?? '',
		serviceId: n.serviceId,
		respondent: 'carer',
		source: n.source,
		days: n.days,
		childIds: n.childId ? [n.childId] : [],
		open: false,
		cap: ''
	});
	if (!survey && n.surveyId === PREFERRED)
		errors.survey = 'No survey for parents and carers fits your provider’s commissions';
	if (errors.children) {
		errors.child = n.childId ? 'Choose a child from the list' : 'Choose the child';
		delete errors.children;
	}
	const possible = channels();
	if (!isKeyOf(MESSAGE_CHANNELS, n.channel) || !possible.includes(n.channel))
		errors.channel = possible.length
			? 'Choose how to send the invitation'
			: 'No invitations can be sent: this installation has no mail set up';
	else {
		const read = readAddress(n.channel, n.address);
		if (!read.ok) errors.address = read.message;
	}
	// English is every survey's own language; `languages` lists the others it is translated into.
	if (survey && language !== 'en' && !survey.languages.includes(language))
		errors.language = 'Choose a language the survey has';
	return errors;
}

/**
 * Creates the invitation and its waiting message (checked first with `checkSend`): the address
 * and the link's secret sealed in the same transaction. Returns the invitation's id, for
 * `queueDelivery` once the transaction has committed.
 */
export async function send(app: App, user: StaffUser, n: CarerInvitation): Promise<string> {
	const providerId = providerScope(user, 'invitations.send');
	// Checked here too, whatever the caller did: the child and service must be the caller's own.
	const errors = await checkSend(app, user, n);
	if (Object.keys(errors).length) throw new Error(`Not sent: ${Object.keys(errors).join(', ')}`);
	const db = app.connection.db;
	const channel = n.channel as MessageChannel;
	const read = readAddress(channel, n.address);
	if (!read.ok) throw new Error(read.message);
	const { child, survey, language } = await resolve(app, providerId, n);
	if (!child || !survey) throw new Error('Check the invitation first (checkSend)');
	return db.transaction().execute(async (trx) => {
		const issued = await links.issue(trx, {
			surveyId: survey.id,
			serviceId: n.serviceId,
			respondent: 'carer',
			source: n.source,
			expiresAt: new Date(Date.now() + n.days * 86_400_000),
			childId: child.id,
			language,
			createdBy: user.id
		});
		const invitationId = issued.invitation.id;
		await deliveryRepo.insert(trx, {
			invitationId,
			channel,
			sealedAddress: seal(read.address),
			sealedToken: seal(issued.token)
		});
		await audit.record(trx, user.id, 'invitation.created', 'invitation', invitationId, {
			childId: child.id,
			open: false,
			sentBy: channel
		});
		return invitationId;
	});
}

/** Queues one invitation's message; one the queue cannot take is sent by the five-minute check. */
export async function queueDelivery(invitationId: string): Promise<void> {
	try {
		await enqueue(carerInvitationJob, { invitationId }, { singletonKey: invitationId });
	} catch (e) {
		console.error(`Could not queue an invitation's message: ${describeError(e)}`);
	}
}

export type InvitationDelivered =
	'sent' | 'already sent' | 'being sent' | 'no transport' | 'nothing waiting' | 'ended';

/**
 * Sends one waiting invitation, once: claimed by its key before it goes, marked sent and its
 * address deleted after. An invitation revoked, expired or answered first is not sent, and its
 * address goes.
 */
export async function deliverInvitation(
	db: DB,
	invitationId: string,
	now: Date
): Promise<InvitationDelivered> {
	const waiting = await deliveryRepo.find(db, invitationId);
	if (!waiting) return 'nothing waiting';
	const expiresAt = new Date(waiting.expires_at);
	if (waiting.revoked_at || expiresAt <= now || waiting.completed_at) {
		await deliveryRepo.remove(db, invitationId);
		return 'ended';
	}
	const { transport, origin } = mailer();
	if (!transport || (waiting.channel === 'text' && !transport.text)) return 'no transport';
	const key = `${CARER_INVITATION}:${invitationId}`;
	const claimed = await messageRepo.claim(db, {
		key,
		kind: CARER_INVITATION,
		channel: waiting.channel,
		userId: null
	});
	if (claimed === 'sent') {
		await deliveryRepo.remove(db, invitationId);
		return 'already sent';
	}
	if (claimed === 'busy') return 'being sent';
	const locale = isLocale(waiting.language) ? waiting.language : 'en';
	const token = unseal(waiting.sealed_token);
	const message = carerInvitation(locale, {
		provider: waiting.provider_name,
		link: new URL(`/i/${token}?lang=${locale}`, origin).href,
		expiresAt
	});
	const to = unseal(waiting.sealed_address);
	try {
		if (waiting.channel === 'email')
			await transport.email({ to, subject: message.subject, body: message.body, reference: key });
		else await transport.text!({ to, body: message.text, reference: key });
	} catch (e) {
		await messageRepo.release(db, key);
		throw e;
	}
	await db.transaction().execute(async (trx) => {
		await messageRepo.markSent(trx, key, now);
		await deliveryRepo.remove(trx, invitationId);
		await audit.record(trx, null, 'message.sent', 'invitation', invitationId, {
			kind: CARER_INVITATION,
			channel: waiting.channel
		});
	});
	return 'sent';
}

/** Every invitation still waiting (its job lost, or the transport down): tried again. */
export async function deliverWaiting(db: DB, now: Date): Promise<void> {
	let failed = 0;
	for (const id of await deliveryRepo.waiting(db))
		await deliverInvitation(db, id, now).catch((e: unknown) => {
			failed++;
			console.error(`Could not send an invitation's message: ${describeError(e)}`);
		});
	if (failed) throw new Error(`${failed} invitation messages could not be sent; tried again later`);
}
