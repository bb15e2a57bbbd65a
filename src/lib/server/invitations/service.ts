import QRCode from 'qrcode';
import type { App } from '../app';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as childRepo from '../db/child';
import * as invitationRepo from '../db/invitation';
import * as deliveryRepo from '../db/invitation-delivery';
import { PREFERRED, preferredSurvey, providerFrameworks } from './surveys';
import type { Respondent } from '../../domain/respondents';
import type { Source } from '../../domain/sources';
import type { InvitationStatus } from '../../domain/invitation-statuses';
import * as invitations from './links';
import { services } from '../children/service';
import { ownInvitation } from '../access/records';
import { providerScope } from '../access/scopes';
import type { FieldErrors } from '../forms/staff';
import { SOURCES } from '../../domain/sources';
import { isKeyOf } from '../../own';
import { isUuid } from '../db/ids';
import { distinct, MAX_CHILDREN_PER_POST } from '../forms/repeated';

export function statusOf(
	row: { revoked_at: unknown; expires_at: unknown; started_at: unknown; completed_at: unknown },
	now = new Date()
): InvitationStatus {
	if (row.completed_at) return 'completed';
	if (row.revoked_at) return 'revoked';
	if (new Date(row.expires_at as string) <= now) return 'expired';
	return row.started_at ? 'in_progress' : 'not_started';
}

/** An open link takes responses until it is revoked, expires or reaches its cap. */
export function openStatusOf(
	row: {
		revoked_at: unknown;
		expires_at: unknown;
		response_cap: number | null;
		responses_started: number;
	},
	now = new Date()
): InvitationStatus {
	if (row.revoked_at) return 'revoked';
	if (new Date(row.expires_at as string) <= now) return 'expired';
	return row.response_cap !== null && row.responses_started >= row.response_cap ? 'full' : 'open';
}

export async function list({ connection }: App, user: StaffUser) {
	const providerId = providerScope(user, 'invitations.send');
	const rows = await invitationRepo.listForProvider(connection.db, providerId);
	await audit.record(connection.db, user.id, 'invitation.list_viewed', 'provider', providerId, {
		count: rows.length
	});
	return rows.map((r) => ({
		id: r.id,
		respondent: r.respondent,
		source: r.source,
		isOpen: r.is_open,
		expiresAt: new Date(r.expires_at).toISOString(),
		createdAt: new Date(r.created_at).toISOString(),
		service: r.service_name,
		survey: r.survey_title,
		child: r.child_erased_at ? null : r.child_name,
		status: r.is_open ? openStatusOf(r) : statusOf(r),
		...(r.is_open
			? {
					started: r.responses_started,
					completed: Number(r.responses_completed ?? 0),
					cap: r.response_cap
				}
			: {}),
		canRevoke: !r.revoked_at && !r.completed_at && new Date(r.expires_at) > new Date()
	}));
}

/** One printable card: what a child or carer needs to start, and nothing about anyone else. */
export interface Card {
	name: string | null;
	respondent: Respondent;
	language: string;
	surveyTitle: string;
	code: string | null;
	link: string;
	qrSvg: string;
	expires: string;
}

export interface NewInvitations {
	surveyId: string;
	serviceId: string;
	respondent: Respondent;
	source: Source;
	days: number;
	/** As posted: more than `MAX_CHILDREN_PER_POST` values are refused, copies count once. */
	childIds: string[];
	open: boolean;
	/** The most responses an open link takes, as typed; blank for no cap. */
	cap: string;
}

/** The largest cap staff may set on an open link. */
export const MAX_RESPONSE_CAP = 10_000;
const CAP_MESSAGE = `The most responses must be a whole number from 1 to ${MAX_RESPONSE_CAP.toLocaleString('en-GB')}`;

/** A typed cap: null for none (blank), undefined when it is not a whole number in range. */
export function readCap(typed: string): number | null | undefined {
	if (!typed.trim()) return null;
	if (!/^\d{1,6}$/.test(typed.trim())) return undefined;
	const cap = Number(typed.trim());
	return cap >= 1 && cap <= MAX_RESPONSE_CAP ? cap : undefined;
}

/** Who may be sent an invitation: staff reviews are recorded by staff themselves. */
export const INVITED_RESPONDENTS: readonly Respondent[] = ['child', 'carer'];

/** Checks a request for invitations against what this provider has; returns the errors. */
export async function check(app: App, user: StaffUser, n: NewInvitations): Promise<FieldErrors> {
	const providerId = providerScope(user, 'invitations.send');
	const errors: FieldErrors = {};
	const survey = app.catalogue.surveys.find((s) => s.id === n.surveyId);
	if (n.surveyId === PREFERRED) {
		if (n.open) errors.survey = 'Choose a survey';
	} else if (!survey) errors.survey = 'Choose a survey';
	else if (n.open && survey.respondent !== 'child')
		errors.survey = 'Open group links are for children’s surveys';
	else if (!n.open && survey.respondent !== n.respondent)
		errors.survey = `That survey is not for a ${n.respondent === 'carer' ? 'parent or carer' : 'child'}`;
	if (!(await services(app.connection.db, user)).some((s) => s.id === n.serviceId))
		errors.service = 'Choose one of your services';
	if (!isKeyOf(SOURCES, n.source)) errors.source = 'Choose where the answers will be reported';
	if (!Number.isInteger(n.days) || n.days < 1 || n.days > 365)
		errors.days = 'Days must be a whole number from 1 to 365';
	if (n.open && readCap(n.cap) === undefined) errors.cap = CAP_MESSAGE;
	if (!n.open) {
		if (!INVITED_RESPONDENTS.includes(n.respondent))
			errors.respondent = 'Choose child or parent/carer';
		if (!n.childIds.length) errors.children = 'Select at least one child';
		else if (n.childIds.length > MAX_CHILDREN_PER_POST)
			errors.children = `Select up to ${MAX_CHILDREN_PER_POST} children at a time`;
		else {
			const ids = distinct(n.childIds);
			const found = ids.every(isUuid) ? await childRepo.findMany(app.connection.db, ids) : [];
			const ok = found.filter((c) => c.provider_id === providerId && !c.erased_at);
			if (ok.length !== ids.length) errors.children = 'Select children from the list';
			else if (n.surveyId === PREFERRED && INVITED_RESPONDENTS.includes(n.respondent)) {
				const frameworks = await providerFrameworks(app.connection.db, providerId);
				const asked = { respondent: n.respondent, frameworks };
				if (
					ok.some(
						(c) =>
							!preferredSurvey(app.catalogue.surveys, { ...asked, variant: c.preferred_variant })
					)
				)
					errors.survey = 'No survey fits your provider’s commissions: choose one';
			}
		}
	}
	return errors;
}

/**
 * Creates the invitations (checked first with `check`) and the cards to print, once. The
 * transaction holds only the inserts: the children are read before it and the QR codes drawn
 * after it, so a long list never holds the database.
 */
export async function create(app: App, user: StaffUser, n: NewInvitations): Promise<Card[]> {
	const providerId = providerScope(user, 'invitations.send');
	const db = app.connection.db;
	const fixed = app.catalogue.surveys.find((s) => s.id === n.surveyId);
	const frameworks = fixed ? [] : await providerFrameworks(db, providerId);
	const expiresAt = new Date(Date.now() + n.days * 86_400_000);
	const ids = distinct(n.childIds);
	const children = n.open ? [] : await childRepo.findMany(db, ids);
	const targets = n.open ? [null] : ids.map((id) => children.find((c) => c.id === id)!);
	type Target = (typeof targets)[number];
	// Checked first: a survey chosen, or each child's own version under the provider's commissions.
	const surveyOf = (child: Target) =>
		fixed ??
		preferredSurvey(app.catalogue.surveys, {
			respondent: n.respondent,
			frameworks,
			variant: child?.preferred_variant ?? null
		})!;
	const languageOf = (child: Target) =>
		child?.preferred_language && surveyOf(child).languages.includes(child.preferred_language)
			? child.preferred_language
			: 'en';
	const issued = await db.transaction().execute(async (trx) => {
		const made = [];
		for (const child of targets) {
			const invitation = await invitations.issue(trx, {
				surveyId: surveyOf(child).id,
				serviceId: n.serviceId,
				respondent: n.open ? 'child' : n.respondent,
				source: n.source,
				expiresAt,
				childId: child?.id ?? null,
				isOpen: n.open,
				responseCap: n.open ? readCap(n.cap) : null,
				language: languageOf(child),
				createdBy: user.id
			});
			await audit.record(
				trx,
				user.id,
				'invitation.created',
				'invitation',
				invitation.invitation.id,
				{
					childId: child?.id ?? null,
					open: n.open,
					...(n.open ? { cap: readCap(n.cap) } : {})
				}
			);
			made.push({ child, ...invitation });
		}
		return made;
	});
	const cards: Card[] = [];
	for (const { child, token, code } of issued) {
		const language = languageOf(child);
		const link = `${app.config.origin}/i/${token}?lang=${language}`;
		cards.push({
			name: n.open || !child ? null : child.display_name,
			respondent: n.open ? 'child' : n.respondent,
			language,
			surveyTitle: surveyOf(child).title,
			code,
			link,
			qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
			expires: expiresAt.toISOString().slice(0, 10)
		});
	}
	return cards;
}

/** Revokes an invitation; false when it was already revoked (by another request, say). */
export async function revoke(app: App, user: StaffUser, id: string): Promise<boolean> {
	const db = app.connection.db;
	await ownInvitation(db, user, id);
	return db.transaction().execute(async (trx) => {
		if (!(await invitationRepo.revoke(trx, id))) return false;
		// A carer's address waiting for its message goes with the invitation.
		await deliveryRepo.remove(trx, id);
		await audit.record(trx, user.id, 'invitation.revoked', 'invitation', id);
		return true;
	});
}

/** Sets or changes an open link's cap; blank removes it. Returns the errors, by field. */
export async function setCap(
	app: App,
	user: StaffUser,
	id: string,
	typed: string
): Promise<{ ok: true; cap: number | null } | { ok: false; errors: FieldErrors }> {
	const db = app.connection.db;
	await ownInvitation(db, user, id, true);
	const cap = readCap(typed);
	if (cap === undefined) return { ok: false, errors: { [`cap-${id}`]: CAP_MESSAGE } };
	await db.transaction().execute(async (trx) => {
		await invitationRepo.setCap(trx, id, cap);
		await audit.record(trx, user.id, 'invitation.cap_changed', 'invitation', id, { cap });
	});
	return { ok: true, cap };
}
