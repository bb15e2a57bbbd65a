import type { DB } from '../db/connect';
import { isUniqueViolation } from '../db/errors';
import * as invitationRepo from '../db/invitation';
import type { Invitation } from '../db/schema';
import type { Respondent } from '../../domain/respondents';
import type { Source } from '../../domain/sources';
import { hashGuessable, hashSecret, newCode, newToken, normaliseCode } from '../secrets';

export interface NewInvitationInput {
	surveyId: string;
	serviceId: string;
	respondent: Respondent;
	source: Source;
	expiresAt: Date;
	childId?: string | null;
	/** An open link for a group session: every opening starts a new anonymous response. */
	isOpen?: boolean;
	/** The most responses an open link takes; none when null. */
	responseCap?: number | null;
	language?: string | null;
	createdBy?: string | null;
	/** A fixed code (demo data only); otherwise a random one. */
	code?: string;
}

export interface IssuedInvitation {
	invitation: Invitation;
	/** The secret in the link; shown once, only its hash is kept. */
	token: string;
	/** The short code; shown once, only its hash is kept. Open links have none. */
	code: string | null;
}

export function issue(db: DB, input: NewInvitationInput): Promise<IssuedInvitation> {
	return issueWithToken(db, null, input);
}

/** As `issue`, with a fixed link token (demo data only). */
export async function issueWithToken(
	db: DB,
	fixedToken: string | null,
	input: NewInvitationInput
): Promise<IssuedInvitation> {
	for (let attempt = 0; ; attempt++) {
		const token = fixedToken ?? newToken();
		const code = input.isOpen ? null : (input.code ?? newCode());
		try {
			const invitation = await invitationRepo.insert(db, {
				survey_id: input.surveyId,
				service_id: input.serviceId,
				child_id: input.childId ?? null,
				respondent: input.respondent,
				source: input.source,
				token_hash: hashSecret(token),
				code_hash: code ? hashGuessable(code) : null,
				is_open: input.isOpen ?? false,
				response_cap: input.isOpen ? (input.responseCap ?? null) : null,
				language: input.language ?? null,
				expires_at: input.expiresAt,
				created_by: input.createdBy ?? null
			});
			return { invitation, token, code };
		} catch (e) {
			// A clash of random codes is rare but possible: draw another.
			if (!isUniqueViolation(e) || input.code || attempt > 5) throw e;
		}
	}
}

export function findByToken(db: DB, token: string) {
	return invitationRepo.findByTokenHash(db, hashSecret(token));
}

export function findByCode(db: DB, typed: string) {
	return invitationRepo.findByCodeHash(db, hashGuessable(normaliseCode(typed)));
}

export type Usability = 'ok' | 'expired' | 'revoked' | 'full';

/**
 * Whether an invitation can still be used now (completion is checked on its response). An open
 * link that has taken its cap is full; the start itself checks the cap again, atomically.
 */
export function usability(invitation: Invitation, now = new Date()): Usability {
	if (invitation.revoked_at) return 'revoked';
	if (new Date(invitation.expires_at) <= now) return 'expired';
	const cap = invitation.response_cap;
	if (invitation.is_open && cap !== null && invitation.responses_started >= cap) return 'full';
	return 'ok';
}
