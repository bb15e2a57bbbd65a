import QRCode from 'qrcode';
import { Secret, TOTP } from 'otpauth';
import { seal, unseal } from '../keys';

// Authenticator-app codes, RFC 6238: 6 digits, 30-second steps, SHA-1 (what every app supports).
const PERIOD = 30;

function totp(secret: string, label = 'staff') {
	return new TOTP({
		issuer: 'Voices',
		label,
		algorithm: 'SHA1',
		digits: 6,
		period: PERIOD,
		secret: Secret.fromBase32(secret)
	});
}

export function newSecret(): string {
	return new Secret({ size: 20 }).base32;
}

/** A new secret in the form it is stored: encrypted with the application key. */
export function newStoredSecret(): string {
	return seal(newSecret());
}

/** The secret itself from its stored form (one stored before encryption is read as it is). */
export function plainSecret(stored: string): string {
	return unseal(stored);
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function setupUri(secret: string, email: string): string {
	return totp(secret, email).toString();
}

export function setupQrSvg(secret: string, email: string): Promise<string> {
	return QRCode.toString(setupUri(secret, email), {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M'
	});
}

/** The time step a typed code belongs to (one step either side allowed for clock drift), or null. */
export function matchingStep(secret: string, typed: string, now = Date.now()): number | null {
	const token = typed.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(token)) return null;
	const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
	if (delta === null) return null;
	return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code (for the demo command and tests). */
export function currentCode(secret: string, now = Date.now()): string {
	return totp(secret).generate({ timestamp: now });
}
