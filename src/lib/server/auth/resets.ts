import type { DB } from '../db/connect';
import * as resetRepo from '../db/password-reset';
import * as sessionRepo from '../db/session';
import * as userRepo from '../db/user';
import { hitFromAddress } from '../rate-limit';
import { hashSecret, newToken } from '../secrets';
import { hashPassword } from './passwords';

/**
 * A one-time link to set a password that works for `hours` (RESET_LINK_HOURS); the token is shown
 * once and only its hash kept.
 */
export async function issue(
	db: DB,
	userId: string,
	createdBy: string | null,
	hours: number
): Promise<string> {
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

export function findUsable(db: DB, token: string) {
	return resetRepo.findUsable(db, hashSecret(token));
}

/**
 * Uses a link once: sets the password, clears any lock and ends the user's sessions, all in one
 * transaction. Returns the user id, or null when the link is unknown, used or expired.
 */
export async function use(db: DB, token: string, password: string): Promise<string | null> {
	const hash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const used = await resetRepo.use(trx, hashSecret(token));
		if (!used) return null;
		await userRepo.setPassword(trx, used.user_id, hash);
		await sessionRepo.removeForUser(trx, used.user_id);
		return used.user_id;
	});
}
