import { createHash, randomBytes, randomInt } from 'node:crypto';
import { keyedHash } from './keys';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 8;

/** A short code a child can type: 8 characters from 25, about 1.5 × 10^11 possibilities. */
export function newCode(): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

/** What a person typed, as a code: upper case, without spaces or dashes. */
export function normaliseCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export function isWellFormedCode(code: string): boolean {
	return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** A random secret for a link or a cookie (256 bits, URL-safe). */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * The stored form of a random 256-bit token (links, cookies): SHA-256, which no copy of the
 * database can reverse at that length.
 */
export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

/**
 * The stored form of a short code or a network address. These have too few possibilities for a
 * plain hash (a code's was reversed in under a minute), so they are hashed with the application
 * key, which is kept outside the database (SECRET_KEY).
 */
export function hashGuessable(value: string): string {
	return keyedHash(value);
}
