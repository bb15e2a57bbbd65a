import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import * as resetRepo from '../db/password-reset';
import * as sessionRepo from '../db/session';
import * as userRepo from '../db/user';
import { hitFromAddress } from '../rate-limit';
import { hashSecret, newToken } from '../secrets';
import { SECOND_FACTOR_REQUIRED } from '../access/policy';
import { hashPassword } from './passwords';
import { newStoredSecret } from './totp';

/**
 * Whether the account signs in with its council's identity provider only (council.require_sso):
 * no link may set a password for it, or the password would be a way round the provider (and
 * round its checks: a person who has left the council, disabled there, would keep a way in).
 */
export async function providerOnly(db: DB, userId: string): Promise<boolean> {
	const user = await userRepo.find(db, userId);
	return councilRepo.requiresSso(db, user?.council_id ?? null);
}

/**
 * Whether the account is one of its council's provider-only ones still to set up its
 * authenticator (an administrator or commissioner who has not yet): its link sets that up, as
 * the provider alone may not.
 */
async function needsSetUp(db: DB, userId: string): Promise<boolean> {
	const user = await userRepo.find(db, userId);
	return Boolean(user && SECOND_FACTOR_REQUIRED.includes(user.role) && !user.totp_secret);
}

/** What a link for the account does: set its password, set up its authenticator, or nothing. */
export async function linkKind(db: DB, userId: string): Promise<'password' | 'set_up' | null> {
	if (!(await providerOnly(db, userId))) return 'password';
	return (await needsSetUp(db, userId)) ? 'set_up' : null;
}

/**
 * A one-time link that works for `hours` (RESET_LINK_HOURS); the token is shown once and only its
 * hash kept. It sets a password, or for an account that signs in with its council's identity
 * provider only and has no authenticator yet, lets it set one up; null, and no link, for any
 * other provider-only account.
 */
export async function issue(
	db: DB,
	userId: string,
	createdBy: string | null,
	hours: number
): Promise<string | null> {
	if (!(await linkKind(db, userId))) return null;
	const token = newToken();
	await resetRepo.insert(db, {
		token_hash: hashSecret(token),
		user_id: userId,
		created_by: createdBy,
		expires_at: new Date(Date.now() + hours * 3600_000)
	});
	return `/reset/${token}`;
}

/** Tries to set a password per network address: 20 per 10 minutes. */
export const RESET_LIMITS = { perAddress: 20, windowSeconds: 600 };

export async function allowAttempt(db: DB, address: string): Promise<boolean> {
	const hits = await hitFromAddress(db, 'reset-address', address, RESET_LIMITS.windowSeconds);
	return hits <= RESET_LIMITS.perAddress;
}

/**
 * A link not used and not expired, with whether its account signs in with its provider only and
 * whether the link is there to set up its authenticator.
 */
export async function findUsable(db: DB, token: string) {
	const found = await resetRepo.findUsable(db, hashSecret(token));
	if (!found) return undefined;
	const only = await councilRepo.requiresSso(db, found.council_id);
	return { ...found, providerOnly: only, setUp: only && (await needsSetUp(db, found.user_id)) };
}

/**
 * Uses a set-up link once: the account is given a new authenticator key, which it sets up at its
 * next sign-in with the identity provider (no password is set, and no session started).
 * `expired`: the link is unknown, used or expired, or the account no longer needs setting up.
 */
export async function useForSetUp(
	db: DB,
	token: string
): Promise<{ status: 'ok'; userId: string } | { status: 'expired' }> {
	return db.transaction().execute(async (trx) => {
		const used = await resetRepo.use(trx, hashSecret(token));
		if (!used) return { status: 'expired' as const };
		if (!(await providerOnly(trx, used.user_id)) || !(await needsSetUp(trx, used.user_id)))
			return { status: 'expired' as const };
		await userRepo.setPendingTotp(trx, used.user_id, newStoredSecret());
		await sessionRepo.removeForUser(trx, used.user_id);
		return { status: 'ok' as const, userId: used.user_id };
	});
}

export type Used =
	| { status: 'ok'; userId: string }
	| { status: 'expired' }
	| { status: 'provider_only'; userId: string };

/**
 * Uses a link once: sets the password, clears any lock and ends the user's sessions, all in one
 * transaction. `expired`: the link is unknown, used or expired. `provider_only`: the account's
 * council requires its identity provider (perhaps since the link was given): the link is used up
 * and no password is set.
 */
export async function use(db: DB, token: string, password: string): Promise<Used> {
	const hash = await hashPassword(password);
	return db.transaction().execute(async (trx): Promise<Used> => {
		const used = await resetRepo.use(trx, hashSecret(token));
		if (!used) return { status: 'expired' };
		if (await providerOnly(trx, used.user_id))
			return { status: 'provider_only', userId: used.user_id };
		await userRepo.setPassword(trx, used.user_id, hash);
		await sessionRepo.removeForUser(trx, used.user_id);
		return { status: 'ok', userId: used.user_id };
	});
}
