import type { Cookies } from '@sveltejs/kit';
import type { App } from '../app';
import type { Invitation } from '../db/schema';
import { usability } from '../invitations/links';
import { allowOpenStart } from '../rate-limit';
import { heldDevice, rememberResponse } from './respondent';
import { begin } from './service';

export type EnterOutcome =
	'started' | 'completed' | 'expired' | 'revoked' | 'full' | 'busy' | 'unavailable';

/** The HTTP status of a refused entry: finished (409), too many starts (429), or gone (410). */
export function refusedStatus(outcome: Exclude<EnterOutcome, 'started'>): number {
	if (outcome === 'completed') return 409;
	if (outcome === 'busy') return 429;
	return 410;
}

/**
 * Lets a respondent in through an invitation (link or code): checks it can be used, starts or
 * continues its response and gives the browser the cookie that finds it again. Starts through an
 * open link are limited per address and per link (`OPEN_LINK_LIMITS`) and by the link's cap.
 */
export async function enter(
	{ connection, versionIds }: App,
	invitation: Invitation,
	language: string,
	cookies: Cookies,
	url: URL,
	address: string
): Promise<EnterOutcome> {
	const state = usability(invitation);
	if (state !== 'ok') return state;
	const versionId = versionIds.get(invitation.survey_id);
	if (!versionId) return 'unavailable';
	if (
		invitation.is_open &&
		(await allowOpenStart(connection.db, address, invitation.id)) === 'busy'
	)
		return 'busy';
	const result = await begin(connection.db, invitation, versionId, language, {
		device: heldDevice(cookies)
	});
	if (result.status !== 'started') return result.status;
	rememberResponse(cookies, result.resumeToken, url);
	return 'started';
}
