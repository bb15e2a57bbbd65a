import type { Cookies } from '@sveltejs/kit';
import type { App } from '../app';
import { rememberResponse, RESPONSE_COOKIE } from '../answering/respondent';
import { begin } from '../answering/service';
import type { StaffSession } from '../auth/sessions';
import { verifyPassword } from '../auth/passwords';
import * as audit from '../audit';
import * as sessionRepo from '../db/session';
import * as userRepo from '../db/user';
import type { Source } from '../../domain/sources';
import * as invitations from './links';
import { SIGN_IN_LIMITS } from '../auth/sign-in';
import * as children from '../children/service';
import type { FieldErrors } from '../forms/staff';
import { SOURCES } from '../../domain/sources';
import { isKeyOf } from '../../own';

/**
 * Hands this device to a child: starts their response, recorded as assisted by this staff member,
 * and locks the staff session so that the staff pages need the staff password again.
 */
export async function handOver(
	app: App,
	session: StaffSession,
	childId: string,
	input: { surveyId: string; serviceId: string; source: string },
	cookies: Cookies,
	url: URL
): Promise<FieldErrors> {
	const db = app.connection.db;
	const user = session.user;
	const child = await children.get(db, user, childId, 'child.viewed_for_assisted');
	const survey = app.catalogue.surveys.find((s) => s.id === input.surveyId);
	const errors: FieldErrors = {};
	if (!survey || survey.respondent !== 'child') errors.assist_survey = 'Choose a children’s survey';
	if (!(await children.services(db, user)).some((s) => s.id === input.serviceId))
		errors.assist_service = 'Choose one of your services';
	if (!isKeyOf(SOURCES, input.source))
		errors.assist_source = 'Choose where the answers will be reported';
	const versionId = survey && app.versionIds.get(survey.id);
	if (Object.keys(errors).length || !survey || !versionId) return errors;
	const language =
		child.preferred_language && survey.languages.includes(child.preferred_language)
			? child.preferred_language
			: 'en';
	const issued = await invitations.issue(db, {
		surveyId: survey.id,
		serviceId: input.serviceId,
		respondent: 'child',
		source: input.source as Source,
		expiresAt: new Date(Date.now() + 86_400_000),
		childId: child.id,
		language,
		createdBy: user.id
	});
	const started = await begin(db, issued.invitation, versionId, language, { assistedBy: user.id });
	if (started.status !== 'started') return { assist_survey: 'This survey is already finished' };
	rememberResponse(cookies, started.resumeToken, url);
	cookies.set('lang', language, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
	await sessionRepo.setLock(db, session.idHash, started.response.id);
	await audit.record(db, user.id, 'assisted.started', 'response', started.response.id, {
		childId: child.id
	});
	return {};
}

/** Ends locked mode when the staff member's own password is typed; failures count as sign-in failures. */
export async function unlock(
	app: App,
	session: StaffSession,
	password: string,
	cookies: Cookies
): Promise<'ok' | 'wrong' | 'locked'> {
	const db = app.connection.db;
	const user = await userRepo.find(db, session.user.id);
	if (!user) return 'wrong';
	// Counted before the check, in one statement, as at sign-in: a burst of tries gets no more.
	if (!(await userRepo.reserveAttempt(db, user.id, new Date(), SIGN_IN_LIMITS))) return 'locked';
	if (!(await verifyPassword(user.password_hash, password))) {
		await audit.record(db, null, 'assisted.unlock_refused', 'app_user', user.id);
		return 'wrong';
	}
	await userRepo.clearFailures(db, user.id);
	cookies.delete(RESPONSE_COOKIE, { path: '/' });
	// The password sent twice at once unlocks once: only the request that unlocked records it.
	await db.transaction().execute(async (trx) => {
		if (await sessionRepo.clearLock(trx, session.idHash))
			await audit.record(trx, user.id, 'assisted.ended', 'response', session.lockedResponseId);
	});
	return 'ok';
}
