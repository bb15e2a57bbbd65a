import type { DB } from '../db/connect';
import * as rateLimit from '../db/rate-limit';
import * as userRepo from '../db/user';
import type { AppUser } from '../db/schema';
import { hashSecret } from '../secrets';
import { SECOND_FACTOR_REQUIRED } from './access';
import { verifyPassword } from './passwords';
import { matchingStep } from './totp';

/**
 * Failed attempts slow an account down, then lock it (OWASP authentication cheat sheet): from the
 * 3rd failure each further try must wait 30 s, doubling; the 6th locks the account for 15
 * minutes, or until an administrator's reset link is used. Tries made while waiting are refused
 * without being checked. Each network address also has 30 tries per 10 minutes.
 */
export const SIGN_IN_LIMITS = {
	waitAfter: 3,
	waitSeconds: 30,
	lockAfter: 6,
	lockMinutes: 15,
	perAddress: 30,
	windowSeconds: 600
};

export function lockedUntil(failures: number, now = new Date()): Date | null {
	const l = SIGN_IN_LIMITS;
	if (failures >= l.lockAfter) return new Date(now.getTime() + l.lockMinutes * 60_000);
	if (failures >= l.waitAfter)
		return new Date(now.getTime() + l.waitSeconds * 1000 * 2 ** (failures - l.waitAfter));
	return null;
}

export type Refusal =
	| { status: 'wrong' }
	| { status: 'wait'; until: Date }
	| { status: 'locked'; until: Date }
	| { status: 'tooMany' };

export type SignInResult = { status: 'ok'; user: AppUser; needsSecondFactor: boolean } | Refusal;

function held(user: AppUser, now: Date): Refusal | null {
	if (!user.locked_until || new Date(user.locked_until) <= now) return null;
	const until = new Date(user.locked_until);
	return user.failed_sign_ins >= SIGN_IN_LIMITS.lockAfter
		? { status: 'locked', until }
		: { status: 'wait', until };
}

async function fail(db: DB, user: AppUser, now: Date): Promise<Refusal> {
	const { lockedUntil: until, failures } = await userRepo.recordFailure(db, user.id, (n) =>
		lockedUntil(n, now)
	);
	if (!until) return { status: 'wrong' };
	return failures >= SIGN_IN_LIMITS.lockAfter
		? { status: 'locked', until }
		: { status: 'wait', until };
}

export async function checkPassword(
	db: DB,
	email: string,
	password: string,
	address: string,
	now = new Date()
): Promise<SignInResult> {
	const hits = await rateLimit.hit(
		db,
		`sign-in-address:${hashSecret(address)}`,
		SIGN_IN_LIMITS.windowSeconds,
		now
	);
	if (hits > SIGN_IN_LIMITS.perAddress) return { status: 'tooMany' };
	const user = await userRepo.findByEmail(db, email);
	if (user) {
		const refusal = held(user, now);
		if (refusal) return refusal;
	}
	const ok = await verifyPassword(user?.password_hash, password);
	if (!user || user.disabled_at) return { status: 'wrong' };
	if (!ok) return fail(db, user, now);
	const needsSecondFactor = user.totp_secret !== null || SECOND_FACTOR_REQUIRED.includes(user.role);
	if (!needsSecondFactor) await userRepo.clearFailures(db, user.id);
	return { status: 'ok', user, needsSecondFactor };
}

/** Checks an authenticator code; a code is accepted once only. */
export async function checkSecondFactor(
	db: DB,
	userId: string,
	typed: string,
	now = new Date()
): Promise<{ status: 'ok' } | Refusal> {
	const user = await userRepo.find(db, userId);
	if (!user?.totp_secret) return { status: 'wrong' };
	const refusal = held(user, now);
	if (refusal) return refusal;
	const step = matchingStep(user.totp_secret, typed, now.getTime());
	if (step === null || !(await userRepo.useTotpStep(db, user.id, step))) return fail(db, user, now);
	await userRepo.clearFailures(db, user.id);
	return { status: 'ok' };
}
