import type { Refusal } from './sign-in';

const time = (d: Date) =>
	d.toLocaleTimeString('en-GB', {
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		timeZone: 'Europe/London'
	});

/**
 * What a refused sign-in tells the person: specific, without saying whether an account exists.
 * `step` is what they typed: their email address and password, or their authenticator's code,
 * so the message speaks of what is on the page in front of them.
 */
export function refusalMessage(r: Refusal, step: 'password' | 'code' = 'password'): string {
	switch (r.status) {
		case 'wrong':
			return step === 'code'
				? 'That code is not right or was used already. Enter the 6-digit code your authenticator app shows now'
				: 'Enter a correct email address and password';
		case 'wait':
			return `Too many failed attempts. Wait until ${time(r.until)} before trying again`;
		case 'locked':
			return `This account is locked after too many failed attempts. Try again after ${time(r.until)}, or ask an administrator for a reset link`;
		case 'tooMany':
			return 'Too many sign-in attempts from this network. Wait 10 minutes and try again';
	}
}

/**
 * What a sign-in with the identity provider that ended on the sign-in page tells the person
 * (`button`: the button's words, OIDC_NAME). An unknown, disabled or mismatched account all read
 * "failed", so the message never says whether an account exists.
 */
export const IDENTITY_PROVIDER_MESSAGES = {
	failed: (button: string) =>
		`“${button}” did not sign you in. Try again, or ask an administrator to check the email address on your account`,
	expired: (button: string) =>
		`Your sign-in took too long or was already used. Select “${button}” to try again`,
	cancelled: (button: string) =>
		`Your organisation’s sign-in service cancelled or refused the sign-in. Select “${button}” to try again`,
	unavailable: (button: string) =>
		`“${button}” is not available at the moment. Try again later, or sign in with your email address and password if you have one`,
	tooMany: () => 'Too many sign-in attempts from this network. Wait 10 minutes and try again',
	notSetUp: (button: string) =>
		`Your account’s authenticator app is not set up yet. Ask an administrator for a set-up link, open it, then select “${button}”`
} as const;

/** Why no set-password link works for an account whose council signs it in with its provider. */
export const passwordLinkRefused = (button: string | null, whose = 'This account') =>
	`${whose} signs in with ${button ? `“${button}”` : 'the organisation’s own account'} (the council requires it), so no password can be set for it here`;

/** The password sign-in's refusal for an account whose council signs it in with its provider. */
export const identityProviderRequired = (button: string | null) =>
	button
		? `Your organisation signs you in with its own account. Select “${button}” instead of entering a password`
		: 'Your organisation signs you in with its own account, which is not set up here yet. Ask an administrator';
