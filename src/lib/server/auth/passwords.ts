import argon2 from 'argon2';

// argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), above OWASP's minimum.
// https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html

import { MIN_PASSWORD_LENGTH } from '../../password-rules';

export { MIN_PASSWORD_LENGTH };
export const MAX_PASSWORD_LENGTH = 200;

/** A stored value no password matches: for accounts waiting for their first password. */
export const NO_PASSWORD = '!';

export function hashPassword(password: string): Promise<string> {
	return argon2.hash(password, { type: argon2.argon2id });
}

let dummy: Promise<string> | undefined;

/**
 * Makes the hash checked for addresses without an account, at start: made on first use it would
 * make that first refusal twice as slow, and say that the address has no account.
 */
export function prepareDummyHash(): Promise<string> {
	dummy ??= hashPassword('not a real password');
	return dummy;
}

/**
 * Checks a password against a stored hash. With no account (`stored` undefined) a dummy hash is
 * checked, so that the time taken does not tell whether an email address has an account.
 */
export async function verifyPassword(
	stored: string | undefined,
	password: string
): Promise<boolean> {
	if (password.length > MAX_PASSWORD_LENGTH) return false;
	const hash = stored && stored !== NO_PASSWORD ? stored : await prepareDummyHash();
	try {
		const ok = await argon2.verify(hash, password);
		return ok && stored !== undefined && stored !== NO_PASSWORD;
	} catch {
		return false;
	}
}

/** Why a new password cannot be used, or null. NCSC advice: length over complexity rules. */
export function passwordProblem(password: string, confirm: string): string | null {
	if (!password) return 'Enter a new password';
	if (password.length < MIN_PASSWORD_LENGTH)
		return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
	if (password.length > MAX_PASSWORD_LENGTH)
		return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
	if (password !== confirm) return 'The two passwords do not match';
	return null;
}
