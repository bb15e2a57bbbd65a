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
import { isKeyOf } from '../../own';
import { isUuid } from '../db/ids';

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
	if (!isKeyOf(SOURCES, n.source)) errors.source = 'Choose where the answers will be reported';
	if (!Number.isInteger(n.days) || n.days < 1 || n.days > 365)
		errors.days = 'Days must be a whole number from 1 to 365';
	if (!n.open) {
		if (!RESPONDENTS.includes(n.respondent)) errors.respondent = 'Choose child or parent/carer';
		if (!n.childIds.length) errors.children = 'Select at least one child';
		for (const id of n.childIds) {
			const child = isUuid(id) ? await childRepo.find(app.connection.db, id) : null;
			if (!child || child.provider_id !== providerId || child.erased_at) {
				errors.children = 'Select children from the list';
				break;
			}
		}
	}
	return errors;
}

/** Creates the invitations (checked first with `check`) and the cards to print, once. */
export async function create(app: App, user: StaffUser, n: NewInvitations): Promise<Card[]> {
	providerOf(user);
	const db = app.connection.db;
	const survey = app.catalogue.surveys.find((s) => s.id === n.surveyId)!;
	const expiresAt = new Date(Date.now() + n.days * 86_400_000);
	const targets = n.open ? [null] : n.childIds;
	const cards: Card[] = [];
	await db.transaction().execute(async (trx) => {
		for (const childId of targets) {
			const child = childId ? await childRepo.find(trx, childId) : null;
			const language =
				child?.preferred_language && survey.languages.includes(child.preferred_language)
					? child.preferred_language
					: 'en';
			const issued = await invitations.issue(trx, {
				surveyId: survey.id,
				serviceId: n.serviceId,
				respondent: n.open ? 'child' : n.respondent,
				source: n.source,
				expiresAt,
				childId,
				isOpen: n.open,
				language,
				createdBy: user.id
			});
			await audit.record(trx, user.id, 'invitation.created', 'invitation', issued.invitation.id, {
				childId,
				open: n.open
			});
			const link = `${app.config.origin}/i/${issued.token}?lang=${language}`;
			cards.push({
				name: n.open || !child ? null : child.display_name,
				respondent: n.open ? 'child' : n.respondent,
				language,
				surveyTitle: survey.title,
				code: issued.code,
				link,
				qrSvg: await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
				expires: expiresAt.toISOString().slice(0, 10)
			});
		}
	});
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
