import type { DB } from '../db/connect';
import * as invitationDelivery from '../db/invitation-delivery';
import * as pendingSignIn from '../db/oidc-sign-in';
import * as signInGuard from '../db/sign-in-guard';

// What signing in leaves behind and no longer needs: sessions past their end, set-password and
// reset links used or expired, sign-ins never finished at the identity provider, and rate-limit
// windows long closed; and a carer's address kept for an invitation that ended before its
// message went. Cleared every hour (jobs.ts) and with the nightly retention; clearing
// twice removes nothing more.

export interface ExpiredCounts {
	sessionsRemoved: number;
	passwordResetsRemoved: number;
	rateLimitsRemoved: number;
	pendingSignInsRemoved: number;
	carerAddressesRemoved: number;
}

const n = (rows: bigint | undefined) => Number(rows ?? 0n);

export async function clearExpired(db: DB, now: Date): Promise<ExpiredCounts> {
	const sessions = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
	const resets = await db
		.deleteFrom('password_reset')
		.where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', '<=', now)]))
		.executeTakeFirst();
	const dayAgo = new Date(now.getTime() - 86400_000);
	const limits = await db
		.deleteFrom('rate_limit')
		.where('window_start', '<', dayAgo)
		.executeTakeFirst();
	// Failure counts for addresses without an account go after 30 quiet days: long enough that
	// they answer like an account's count, which only a correct sign-in clears.
	const monthAgo = new Date(now.getTime() - 30 * 86400_000);
	const stale = await signInGuard.removeStale(db, monthAgo);
	const pending = await pendingSignIn.removeExpired(db, now);
	const addresses = await invitationDelivery.removeEnded(db, now);
	return {
		sessionsRemoved: n(sessions.numDeletedRows),
		passwordResetsRemoved: n(resets.numDeletedRows),
		rateLimitsRemoved: n(limits.numDeletedRows) + stale,
		pendingSignInsRemoved: pending.reduce((sum, r) => sum + n(r.numDeletedRows), 0),
		carerAddressesRemoved: addresses
	};
}
