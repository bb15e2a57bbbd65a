import type { DB } from './db/connect';
import * as rateLimit from './db/rate-limit';
import { hashGuessable } from './secrets';

/** Code attempts: per network address and per code, in 10-minute windows. */
export const CODE_LIMITS = { perAddress: 20, perCode: 5, windowSeconds: 600 };

/**
 * Records an attempt to use a code; false when the address or the code has had too many.
 * Addresses and codes are kept only as hashes.
 */
export async function allowCodeAttempt(db: DB, address: string, code: string): Promise<boolean> {
	const [byAddress, byCode] = await Promise.all([
		rateLimit.hit(db, `code-address:${hashGuessable(address)}`, CODE_LIMITS.windowSeconds),
		rateLimit.hit(db, `code:${hashGuessable(code)}`, CODE_LIMITS.windowSeconds)
	]);
	return byAddress <= CODE_LIMITS.perAddress && byCode <= CODE_LIMITS.perCode;
}
