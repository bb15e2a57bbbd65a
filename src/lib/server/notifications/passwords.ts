import * as resets from '../auth/resets';
import type { DB } from '../db/connect';
import { deliver } from '../mail/deliver';
import { mailer } from '../mail/mailer';
import * as texts from '../mail/texts';

export interface PasswordLinkRequest {
	/** Names this request once (made when it is asked for), so a retried job sends one link. */
	requestId: string;
	userId: string;
	/** Who asked for it (an administrator or manager), as the link records. */
	issuedBy: string;
	hours: number;
	/** A new account's first password, rather than a reset. */
	first: boolean;
}

/**
 * Emails a set-password link straight to the person. The link is made only when the mail goes
 * (its token lives in the message and nowhere else): a retry after a failed send makes a new one,
 * and the one before, never seen by anybody, simply expires.
 */
export async function sendPasswordLink(db: DB, r: PasswordLinkRequest, now: Date): Promise<void> {
	// A council that came to require its identity provider since: no password, so no link (but
	// a set-up link for an account still to set up its authenticator).
	const kind = await resets.linkKind(db, r.userId);
	if (!kind) return;
	await deliver(
		db,
		{
			key: `password.link:${r.requestId}`,
			kind: 'password.link',
			userId: r.userId,
			text: async () => {
				const path = await resets.issue(db, r.userId, r.issuedBy, r.hours);
				if (!path) throw new Error('This account signs in with its identity provider only');
				return texts.passwordLink(mailer().origin, {
					path,
					hours: r.hours,
					first: r.first,
					setUp: kind === 'set_up'
				});
			}
		},
		now
	);
}
