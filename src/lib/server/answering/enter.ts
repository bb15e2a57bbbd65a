import type { Cookies } from '@sveltejs/kit';
import type { App } from '../app';
import type { Invitation } from '../db/schema';
import { usability } from '../invitations';
import { DEVICE_COOKIE, rememberResponse } from './respondent';
import { begin } from './service';

export type EnterOutcome = 'started' | 'completed' | 'expired' | 'revoked' | 'unavailable';

/**
 * Lets a respondent in through an invitation (link or code): checks it can be used, starts or
 * continues its response and gives the browser the cookie that finds it again.
 */
export async function enter(
	{ connection, versionIds }: App,
	invitation: Invitation,
	language: string,
	cookies: Cookies,
	url: URL
): Promise<EnterOutcome> {
	const state = usability(invitation);
	if (state !== 'ok') return state;
	const versionId = versionIds.get(invitation.survey_id);
	if (!versionId) return 'unavailable';
	const held = cookies.get(DEVICE_COOKIE);
	const device = held && /^[\w-]{43}$/.test(held) ? held : undefined;
	const result = await begin(connection.db, invitation, versionId, language, { device });
	if (result.status === 'completed') return 'completed';
	rememberResponse(cookies, result.resumeToken, url);
	return 'started';
}
