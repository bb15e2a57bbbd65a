import QRCode from 'qrcode';
import type { App } from '../app';
import { notFound } from '../auth/access';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as childRepo from '../db/child';
import * as invitationRepo from '../db/invitation';
import type { Respondent, Source } from '../db/schema';
import * as invitations from '../invitations';
import { providerOf, services } from './children';
import type { FieldErrors } from './form';
import { SOURCES } from '../../needs';
import { isUuid } from '../db/ids';
import { distinct, MAX_CHILDREN_PER_POST } from '../repeated';

export type InvitationStatus = 'not_started' | 'in_progress' | 'completed' | 'expired' | 'revoked';

export function statusOf(
	row: { revoked_at: unknown; expires_at: unknown; started_at: unknown; completed_at: unknown },
	now = new Date()
): InvitationStatus {
	if (row.completed_at) return 'completed';
	if (row.revoked_at) return 'revoked';
	if (new Date(row.expires_at as string) <= now) return 'expired';
	return row.started_at ? 'in_progress' : 'not_started';
}

export async function list({ connection }: App, user: StaffUser) {
	const providerId = providerOf(user);
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
		service: r.service_name,
		survey: r.survey_title,
		child: r.child_erased_at ? null : r.child_name,
		status: statusOf(r),
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
}

export const RESPONDENTS: Respondent[] = ['child', 'carer'];

/** Checks a request for invitations against what this provider has; returns the errors. */
export async function check(app: App, user: StaffUser, n: NewInvitations): Promise<FieldErrors> {
	const providerId = providerOf(user);
	const errors: FieldErrors = {};
	const survey = app.catalogue.surveys.find((s) => s.id === n.surveyId);
	if (!survey) errors.survey = 'Choose a survey';
	else if (n.open && survey.respondent !== 'child')
		errors.survey = 'Open group links are for children’s surveys';
	else if (!n.open && survey.respondent !== n.respondent)
		errors.survey = `That survey is not for a ${n.respondent === 'carer' ? 'parent or carer' : 'child'}`;
	if (!(await services(app.connection.db, user)).some((s) => s.id === n.serviceId))
		errors.service = 'Choose one of your services';
	if (!(n.source in SOURCES)) errors.source = 'Choose where the answers will be reported';
	if (!Number.isInteger(n.days) || n.days < 1 || n.days > 365)
		errors.days = 'Days must be a whole number from 1 to 365';
	if (!n.open) {
		if (!RESPONDENTS.includes(n.respondent)) errors.respondent = 'Choose child or parent/carer';
		if (!n.childIds.length) errors.children = 'Select at least one child';
		else if (n.childIds.length > MAX_CHILDREN_PER_POST)
			errors.children = `Select up to ${MAX_CHILDREN_PER_POST} children at a time`;
		else {
			const ids = distinct(n.childIds);
			const found = ids.every(isUuid) ? await childRepo.findMany(app.connection.db, ids) : [];
			const ok = found.filter((c) => c.provider_id === providerId && !c.erased_at);
			if (ok.length !== ids.length) errors.children = 'Select children from the list';
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
	providerOf(user);
	const db = app.connection.db;
	const survey = app.catalogue.surveys.find((s) => s.id === n.surveyId)!;
	const expiresAt = new Date(Date.now() + n.days * 86_400_000);
	const ids = distinct(n.childIds);
	const children = n.open ? [] : await childRepo.findMany(db, ids);
	const targets = n.open ? [null] : ids.map((id) => children.find((c) => c.id === id)!);
	const languageOf = (child: (typeof children)[number] | null) =>
		child?.preferred_language && survey.languages.includes(child.preferred_language)
			? child.preferred_language
			: 'en';
	const issued = await db.transaction().execute(async (trx) => {
		const made = [];
		for (const child of targets) {
			const invitation = await invitations.issue(trx, {
				surveyId: survey.id,
				serviceId: n.serviceId,
				respondent: n.open ? 'child' : n.respondent,
				source: n.source,
				expiresAt,
				childId: child?.id ?? null,
				isOpen: n.open,
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
					open: n.open
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
			surveyTitle: survey.title,
			code,
			link,
			qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
			expires: expiresAt.toISOString().slice(0, 10)
		});
	}
	return cards;
}

export async function revoke(app: App, user: StaffUser, id: string): Promise<void> {
	const providerId = providerOf(user);
	const db = app.connection.db;
	const inv = isUuid(id) ? await invitationRepo.findWithProvider(db, id) : null;
	if (!inv || inv.provider_id !== providerId) notFound();
	await db.transaction().execute(async (trx) => {
		await invitationRepo.revoke(trx, id);
		await audit.record(trx, user.id, 'invitation.revoked', 'invitation', id);
	});
}
