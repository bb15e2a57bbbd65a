import type { Cookies } from '@sveltejs/kit';
import * as oidc from 'openid-client';
import type { Config } from '../config';
import type { DB } from '../db/connect';
import type { AppUser } from '../db/schema';
import * as councilRepo from '../db/council';
import * as pendingRepo from '../db/oidc-sign-in';
import { isUniqueViolation } from '../db/errors';
import * as userRepo from '../db/user';
import { hitFromAddress } from '../rate-limit';
import { hashSecret, newToken } from '../secrets';
import { errorCode, reasonFor, type Refused } from './identity-provider-refusals';
import { SIGN_IN_LIMITS } from './sign-in';

export { noticeFor, type Refused } from './identity-provider-refusals';

/**
 * Sign-in with the council's identity provider: OpenID Connect's authorization code flow with
 * PKCE, state and nonce (openid-client). What the callback checks is kept in the database, not
 * in this process, since the provider may send the browser back to another app server. The
 * browser holds only a random id, in a short-lived cookie; the database holds its hash.
 */

export type IdentityProvider = NonNullable<Config['oidc']>;

/** The pending sign-in's cookie: sent back only to the callback, and only for ten minutes. */
export const PENDING_COOKIE = 'voices_oidc';
const PENDING_PATH = '/sign-in/oidc';
const PENDING_SECONDS = 600;
export const CALLBACK_PATH = '/sign-in/oidc/callback';

// The provider's published settings, fetched once per process (they are the provider's, not the
// app's state); a failed fetch is forgotten so the next sign-in tries again.
const discovered = new Map<string, Promise<oidc.Configuration>>();

const onThisMachine = (url: URL) => url.protocol === 'http:';

function configurationOf(idp: IdentityProvider): Promise<oidc.Configuration> {
	const key = `${idp.issuer} ${idp.clientId}`;
	let found = discovered.get(key);
	if (!found) {
		const issuer = new URL(idp.issuer);
		// The ID token's signature is checked against the provider's published keys (its JWKS)
		// too, though OpenID Connect Core 3.1.3.7 lets a client skip that for a token it got
		// straight from the token endpoint over TLS: a wrongly issued or relayed token is refused
		// rather than trusted on the strength of the connection alone. openid-client checks it
		// only when asked (enableNonRepudiationChecks); it fetches the keys once and again when a
		// token names a key it does not know.
		const execute = [oidc.enableNonRepudiationChecks];
		// config.ts allows http for an issuer on this machine only (a test provider).
		if (onThisMachine(issuer)) execute.push(oidc.allowInsecureRequests);
		found = oidc.discovery(
			issuer,
			idp.clientId,
			undefined,
			oidc.ClientSecretBasic(idp.clientSecret),
			{ execute, timeout: 10 }
		);
		found.catch(() => discovered.delete(key));
		discovered.set(key, found);
	}
	return found;
}

const callbackUrl = (origin: string) => new URL(CALLBACK_PATH, origin);

/** A staff page to go to after signing in; anything else gives the staff home page. */
export function staffPath(value: string | null | undefined): string {
	return value && /^\/staff(\/[\w\-/]*)?$/.test(value) ? value : '/staff';
}

/**
 * Starts a sign-in: stores what the callback will check and returns the provider's address to
 * send the browser to. The provider is always asked to check the person again (`prompt=login`,
 * `max_age=0`) rather than sign them straight back in from its own session: on a device handed
 * to a child, that would open the staff pages to the child, once the app's locked session has
 * lapsed or at the unlock page.
 */
export async function begin(
	db: DB,
	cookies: Cookies,
	idp: IdentityProvider,
	origin: string,
	start: { returnTo: string },
	address: string,
	now = new Date()
): Promise<{ status: 'ok'; to: URL } | { status: 'refused'; reason: Refused }> {
	const hits = await hitFromAddress(db, 'sso-address', address, SIGN_IN_LIMITS.windowSeconds, now);
	if (hits > SIGN_IN_LIMITS.perAddress) return { status: 'refused', reason: 'too_many' };
	let configuration: oidc.Configuration;
	try {
		configuration = await configurationOf(idp);
	} catch {
		return { status: 'refused', reason: 'unavailable' };
	}
	const codeVerifier = oidc.randomPKCECodeVerifier();
	const state = oidc.randomState();
	const nonce = oidc.randomNonce();
	const id = newToken();
	await pendingRepo.removeExpired(db, now);
	await pendingRepo.insert(db, {
		id_hash: hashSecret(id),
		state,
		nonce,
		code_verifier: codeVerifier,
		return_to: staffPath(start.returnTo),
		expires_at: new Date(now.getTime() + PENDING_SECONDS * 1000)
	});
	cookies.set(PENDING_COOKIE, id, {
		path: PENDING_PATH,
		httpOnly: true,
		sameSite: 'lax',
		secure: new URL(origin).protocol === 'https:',
		maxAge: PENDING_SECONDS
	});
	const to = oidc.buildAuthorizationUrl(configuration, {
		redirect_uri: callbackUrl(origin).href,
		scope: 'openid email',
		code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce,
		prompt: 'login',
		max_age: '0'
	});
	return { status: 'ok', to };
}

type Refusal = {
	status: 'refused';
	reason: Refused;
	userId: string | null;
	providerError?: string;
};
export type Finished =
	| {
			status: 'ok';
			user: AppUser;
			returnTo: string;
			/** Whether this sign-in linked the account to the provider's subject. */
			linked: boolean;
			/** The provider's ID token, kept with the session to end the provider's session too. */
			idToken: string;
	  }
	| Refusal;

/**
 * Finishes a sign-in when the provider sends the browser back: the pending sign-in is used up
 * whatever happens, then openid-client checks the state, the issuer, the code (with the PKCE
 * verifier), and the ID token's signature (against the provider's keys), issuer, audience, nonce
 * and time of sign-in. The account is the one linked to the token's issuer and subject; an
 * account not linked yet is the one whose email matches the provider's verified email, whatever
 * its case, and is linked to that subject now. An account linked to another subject is refused
 * (OpenID Connect Core 5.7: an email address may later be given to someone else). Its role and
 * organisation are the app's own.
 */
export async function finish(
	db: DB,
	cookies: Cookies,
	idp: IdentityProvider,
	origin: string,
	current: URL,
	now = new Date()
): Promise<Finished> {
	const refuse = (reason: Refused, userId: string | null = null): Refusal => ({
		status: 'refused',
		reason,
		userId
	});
	const id = cookies.get(PENDING_COOKIE);
	cookies.delete(PENDING_COOKIE, { path: PENDING_PATH });
	if (!id) return refuse('no_pending_sign_in');
	const pending = await pendingRepo.take(db, hashSecret(id));
	if (!pending) return refuse('no_pending_sign_in');
	if (new Date(pending.expires_at) <= now) return refuse('expired');
	let claims: oidc.IDToken | undefined;
	let idToken = '';
	try {
		const configuration = await configurationOf(idp);
		// The address the provider was given, with what it sent back: ORIGIN, not this server's own.
		const answer = callbackUrl(origin);
		answer.search = current.search;
		const tokens = await oidc.authorizationCodeGrant(configuration, answer, {
			pkceCodeVerifier: pending.code_verifier,
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			idTokenExpected: true,
			// The provider must say it checked the person just now (auth_time), not earlier.
			maxAge: 0
		});
		claims = tokens.claims();
		idToken = tokens.id_token ?? '';
		// Some providers keep the email for the userinfo endpoint when an access token is issued
		// (OpenID Connect Core 5.4); the answer there must be about the ID token's subject.
		if (claims && (claims.email === undefined || claims.email_verified === undefined)) {
			const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
			// The email and whether it is verified come together, from one answer or the other.
			const { email, email_verified, ...rest } = claims;
			claims =
				email !== undefined && email_verified !== undefined
					? claims
					: { ...rest, email: info.email, email_verified: info.email_verified };
		}
	} catch (error) {
		// A discovery that failed at begin is tried again here, and fails the same way.
		const reason = reasonFor(error);
		return error instanceof oidc.AuthorizationResponseError
			? { ...refuse(reason), providerError: errorCode(current) }
			: refuse(reason);
	}
	if (!claims) return refuse('invalid_response');
	const ok = (user: AppUser, linked: boolean): Finished => ({
		status: 'ok',
		user,
		returnTo: pending.return_to,
		linked,
		idToken
	});
	// openid-client has checked that `iss` is the provider's own issuer.
	const identity = { issuer: claims.iss, subject: claims.sub };
	const known = await userRepo.findByIdentity(db, identity);
	if (known) return known.disabled_at ? refuse('disabled', known.id) : ok(known, false);
	const email = typeof claims.email === 'string' ? claims.email : '';
	// Entra ID says a verified email with xms_edov (the email's domain is the tenant's own), and
	// only when it does not say email_verified at all.
	const entra = new URL(idp.issuer).hostname === 'login.microsoftonline.com';
	const verified =
		claims.email_verified === true ||
		(entra && claims.email_verified === undefined && claims.xms_edov === true);
	// Plain ASCII only: a Unicode letter that lower-cases to an ASCII one (U+212A, the Kelvin
	// sign, to k) must not match another person's address.
	if (!email || !verified || !/^[\x21-\x7e]+$/.test(email)) return refuse('unverified_email');
	const user = await userRepo.findByEmail(db, email);
	if (!user) return refuse('unknown_account');
	if (user.disabled_at) return refuse('disabled', user.id);
	// Linked to another person at the provider (or another provider): an administrator unlinks it.
	if (user.oidc_subject !== null) return refuse('subject_mismatch', user.id);
	const linked = await userRepo.linkIdentity(db, user.id, identity).catch((e: unknown) => {
		if (isUniqueViolation(e)) return false;
		throw e;
	});
	// Linked by another sign-in meanwhile, to another subject.
	if (!linked) return refuse('subject_mismatch', user.id);
	return ok(user, true);
}

/**
 * Where to send the browser after the app's session has ended, to end the provider's session
 * too (OpenID Connect RP-Initiated Logout 1.0): its end-session endpoint, with the ID token as
 * the hint, the client's id, and the app's sign-in page to come back to. Null when the provider
 * offers no such endpoint (Google, for one) or cannot be reached: the app's sign-out stands.
 */
export async function endSessionUrl(
	idp: IdentityProvider,
	origin: string,
	idToken: string
): Promise<URL | null> {
	try {
		const configuration = await configurationOf(idp);
		if (!configuration.serverMetadata().end_session_endpoint) return null;
		return oidc.buildEndSessionUrl(configuration, {
			id_token_hint: idToken,
			post_logout_redirect_uri: new URL('/sign-in', origin).href
		});
	} catch {
		return null;
	}
}

/** The origin of the provider's pages, which the app's sign-out form may lead to. */
export const providerOrigin = (idp: IdentityProvider) => new URL(idp.issuer).origin;

/** Whether the account's council has its accounts sign in with the identity provider only. */
export function requiresIdentityProvider(db: DB, user: AppUser): Promise<boolean> {
	return councilRepo.requiresSso(db, user.council_id);
}
