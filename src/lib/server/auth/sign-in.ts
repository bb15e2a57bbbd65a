import type { DB } from '../db/connect';
import * as guard from '../db/sign-in-guard';
import * as userRepo from '../db/user';
import type { AppUser } from '../db/schema';
import { hitFromAddress } from '../rate-limit';
import { hashGuessable } from '../secrets';
import { SECOND_FACTOR_REQUIRED } from '../access/roles';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './passwords';
import { matchingStep, newStoredSecret, plainSecret } from './totp';

/**
 * Failed attempts slow an account down, then lock it (OWASP authentication cheat sheet): from the
 * 3rd failure each further try must wait 30 s, doubling; the 6th locks the account for 15
 * minutes, or until an administrator's reset link is used. Each attempt is counted before its
 * password or code is checked, in one statement, so a burst of parallel tries gets no more checks
 * than tries one by one; tries made while waiting are refused without being checked. Each network
 * address also has 30 password tries and 30 authenticator tries per 10 minutes. An address
 * without an account is counted and held in the same way, and every refusal takes as long as a
 * password check, so neither the answer nor its timing tells whether an account exists.
 */
export const SIGN_IN_LIMITS = {
	waitAfter: 3,
	waitSeconds: 30,
	lockAfter: 6,
	lockMinutes: 15,
	perAddress: 30,
	windowSeconds: 600
};

export type Refusal =
	| { status: 'wrong' }
	| { status: 'wait'; until: Date }
	| { status: 'locked'; until: Date }
	| { status: 'tooMany' };

export type SignInResult = { status: 'ok'; user: AppUser; needsSecondFactor: boolean } | Refusal;

type Count = { failed_sign_ins: number; locked_until: Date | string | null } | undefined;

/** The refusal for an account (or address) in the state `count`. */
function refusalFor(count: Count, now: Date): Refusal {
	if (!count?.locked_until || new Date(count.locked_until) <= now) return { status: 'wrong' };
	const until = new Date(count.locked_until);
	return count.failed_sign_ins >= SIGN_IN_LIMITS.lockAfter
		? { status: 'locked', until }
		: { status: 'wait', until };
}

// How long a password check takes here, learnt from the checks made: refusals that need no check
// wait as long, so that a held account and an unknown address answer alike.
let checkMs = 0;

async function timedVerify(stored: string | undefined, password: string): Promise<boolean> {
	const started = performance.now();
	const ok = await verifyPassword(stored, password);
	const took = performance.now() - started;
	// Only real checks teach the time (an over-long password is refused without one).
	if (password.length <= MAX_PASSWORD_LENGTH) checkMs = checkMs ? checkMs * 0.8 + took * 0.2 : took;
	return ok;
}

async function padFrom(started: number): Promise<void> {
	const left = checkMs - (performance.now() - started);
	if (left > 0) await new Promise((r) => setTimeout(r, left));
}

const guardKey = (email: string) => `email:${hashGuessable(email.trim().toLowerCase())}`;

export async function checkPassword(
	db: DB,
	email: string,
	password: string,
	address: string,
	now = new Date()
): Promise<SignInResult> {
	const started = performance.now();
	const refuse = async (r: Refusal) => {
		await padFrom(started);
		return r;
	};
	const hits = await hitFromAddress(
		db,
		'sign-in-address',
		address,
		SIGN_IN_LIMITS.windowSeconds,
		now
	);
	if (hits > SIGN_IN_LIMITS.perAddress) return refuse({ status: 'tooMany' });
	const found = await userRepo.findByEmail(db, email);
	// A disabled account is handled as one that does not exist.
	const user = found && !found.disabled_at ? found : undefined;
	const key = guardKey(email);
	const reserved = user
		? await userRepo.reserveAttempt(db, user.id, now, SIGN_IN_LIMITS)
		: await guard.reserveAttempt(db, key, now, SIGN_IN_LIMITS);
	if (!reserved) {
		const count = user ? await userRepo.find(db, user.id) : await guard.find(db, key);
		return refuse(refusalFor(count, now));
	}
	const ok = await timedVerify(user?.password_hash, password);
	if (!user || !ok) return refusalFor(reserved, now);
	const needsSecondFactor = user.totp_secret !== null || SECOND_FACTOR_REQUIRED.includes(user.role);
	// The count is cleared only when sign-in is complete; a right password before an
	// authenticator code gives its attempt back.
	if (needsSecondFactor)
		await userRepo.releaseAttempt(
			db,
			user.id,
			reserved.locked_until ? new Date(reserved.locked_until) : null
		);
	else await userRepo.clearFailures(db, user.id);
	return { status: 'ok', user, needsSecondFactor };
}

/** Checks an authenticator code; a code is accepted once only. */
export async function checkSecondFactor(
	db: DB,
	userId: string,
	typed: string,
	address: string,
	now = new Date()
): Promise<{ status: 'ok' } | Refusal> {
	const hits = await hitFromAddress(db, 'totp-address', address, SIGN_IN_LIMITS.windowSeconds, now);
	if (hits > SIGN_IN_LIMITS.perAddress) return { status: 'tooMany' };
	const user = await userRepo.find(db, userId);
	if (!user?.totp_secret) return { status: 'wrong' };
	const reserved = await userRepo.reserveAttempt(db, user.id, now, SIGN_IN_LIMITS);
	if (!reserved) return refusalFor(await userRepo.find(db, user.id), now);
	const step = matchingStep(plainSecret(user.totp_secret), typed, now.getTime());
	if (step === null || !(await userRepo.useTotpStep(db, user.id, step)))
		return refusalFor(reserved, now);
	await userRepo.clearFailures(db, user.id);
	return { status: 'ok' };
}

/**
 * Gives an account that is to give an authenticator code, and has no authenticator yet, a new
 * key to set one up with: after a password or after the identity provider alike (a council that
 * requires its provider leaves its new commissioners no other way to the set-up page).
 */
export async function readySecondFactor(db: DB, user: AppUser): Promise<void> {
	if (!user.totp_secret && !user.totp_pending_secret)
		await userRepo.setPendingTotp(db, user.id, newStoredSecret());
}
