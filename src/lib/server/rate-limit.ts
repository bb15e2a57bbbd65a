import type { DB } from './db/connect';
import * as rateLimit from './db/rate-limit';
import { hashGuessable } from './secrets';

/**
 * Counts one hit from a network address against `kind` (a limit's name) and returns the hits in
 * the window so far. Addresses are kept only as keyed hashes: every per-address limit goes
 * through here.
 */
export function hitFromAddress(
	db: DB,
	kind: string,
	address: string,
	windowSeconds: number,
	now = new Date()
): Promise<number> {
	return rateLimit.hit(db, `${kind}:${hashGuessable(address)}`, windowSeconds, now);
}

/** Code attempts: per network address and per code, in 10-minute windows. */
export const CODE_LIMITS = { perAddress: 20, perCode: 5, windowSeconds: 600 };

/**
 * Records an attempt to use a code; false when the address or the code has had too many.
 * Addresses and codes are kept only as hashes.
 */
export async function allowCodeAttempt(db: DB, address: string, code: string): Promise<boolean> {
	const [byAddress, byCode] = await Promise.all([
		hitFromAddress(db, 'code-address', address, CODE_LIMITS.windowSeconds),
		rateLimit.hit(db, `code:${hashGuessable(code)}`, CODE_LIMITS.windowSeconds)
	]);
	return byAddress <= CODE_LIMITS.perAddress && byCode <= CODE_LIMITS.perCode;
}

/**
 * Starts through one open group link. A group often shares one address (a club's or school's
 * Wi-Fi), so one address may start up to `perAddress` responses through a link in 10 minutes:
 * a large group, but not a script. Every address together may start up to `perLink` an hour,
 * which no real session needs; staff can also cap the link's total (see invitation.response_cap).
 */
export const OPEN_LINK_LIMITS = {
	perAddress: 20,
	addressWindowSeconds: 600,
	perLink: 100,
	linkWindowSeconds: 3600
};

/** Records a start through an open link; 'busy' when the address or the link has had too many. */
export async function allowOpenStart(
	db: DB,
	address: string,
	invitationId: string
): Promise<'ok' | 'busy'> {
	const l = OPEN_LINK_LIMITS;
	const [byAddress, byLink] = await Promise.all([
		hitFromAddress(db, `open-address:${invitationId}`, address, l.addressWindowSeconds),
		rateLimit.hit(db, `open-link:${invitationId}`, l.linkWindowSeconds)
	]);
	return byAddress <= l.perAddress && byLink <= l.perLink ? 'ok' : 'busy';
}
