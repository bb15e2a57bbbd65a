import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db/connect';
import * as sessionRepo from '../db/session';
import { seal, unseal } from '../keys';
import type { Role } from '../../domain/roles';
import { hashSecret, newToken } from '../secrets';

/** The staff session cookie: HttpOnly, SameSite=Lax, Secure under https; only its hash is stored. */
export const SESSION_COOKIE = 'voices_staff';
const ABSOLUTE_SECONDS = 12 * 3600;

export interface StaffUser {
	id: string;
	email: string;
	displayName: string;
	role: Role;
	councilId: string | null;
	providerId: string | null;
	hasTotp: boolean;
}

export interface StaffSession {
	idHash: string;
	awaitingSecondFactor: boolean;
	/** Set while a child answers on this device: the staff pages stay shut until unlocked. */
	lockedResponseId: string | null;
	user: StaffUser;
}

/** The session the cookie names, unless it has ended or gone `idleMinutes` without a request. */
export async function fromCookie(
	db: DB,
	cookies: Cookies,
	idleMinutes: number
): Promise<StaffSession | null> {
	const token = cookies.get(SESSION_COOKIE);
	if (!token) return null;
	const idHash = hashSecret(token);
	const row = await sessionRepo.findLive(db, idHash, idleMinutes * 60);
	if (!row) return null;
	// Touching at most once a minute keeps writes low while idle expiry stays accurate.
	if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000)
		await sessionRepo.touch(db, idHash);
	return {
		idHash,
		awaitingSecondFactor: row.awaiting_second_factor,
		lockedResponseId: row.locked_response_id,
		user: {
			id: row.user_id,
			email: row.email,
			displayName: row.display_name,
			role: row.role,
			councilId: row.council_id,
			providerId: row.provider_id,
			hasTotp: row.totp_secret !== null
		}
	};
}

/**
 * Starts a new session for a user, ending the one the browser had: the id changes at every step of
 * signing in, so a session id planted before sign-in is worthless (session fixation).
 * `providerToken`: the identity provider's ID token after a sign-in with it, kept sealed with the
 * app's key for as long as the session lasts, to end the provider's session at sign-out.
 */
export async function start(
	db: DB,
	cookies: Cookies,
	url: URL,
	userId: string,
	awaitingSecondFactor: boolean,
	providerToken: string | null = null
): Promise<void> {
	await end(db, cookies);
	const token = newToken();
	await sessionRepo.insert(db, {
		id_hash: hashSecret(token),
		user_id: userId,
		expires_at: new Date(Date.now() + ABSOLUTE_SECONDS * 1000),
		awaiting_second_factor: awaitingSecondFactor,
		id_token: providerToken ? seal(providerToken) : null
	});
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/** The identity provider's ID token the session was started with, if any. */
export async function providerToken(db: DB, idHash: string): Promise<string | null> {
	const stored = await sessionRepo.idToken(db, idHash);
	return stored ? unseal(stored) : null;
}

export async function end(db: DB, cookies: Cookies): Promise<void> {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await sessionRepo.remove(db, hashSecret(token));
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
