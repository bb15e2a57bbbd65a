import * as oidc from 'openid-client';

// Why a sign-in with the identity provider ended on the sign-in page (auth/identity-provider.ts),
// in the audit log's words, and what the person is told.

/** Why a sign-in with the identity provider ended on the sign-in page; recorded in the audit log. */
export type Refused =
	| 'too_many'
	| 'unavailable'
	| 'no_pending_sign_in'
	| 'expired'
	| 'state'
	| 'provider_error'
	| 'wrong_issuer'
	| 'wrong_audience'
	| 'nonce'
	| 'token_refused'
	| 'invalid_response'
	| 'signature'
	| 'unverified_email'
	| 'unknown_account'
	| 'subject_mismatch'
	| 'disabled'
	| 'no_second_factor';

/** What the person is told for each: the same for every account reason, so none is revealed. */
export type Notice = 'failed' | 'expired' | 'cancelled' | 'unavailable' | 'tooMany' | 'notSetUp';

const NOTICE: Record<Refused, Notice> = {
	too_many: 'tooMany',
	unavailable: 'unavailable',
	no_pending_sign_in: 'expired',
	expired: 'expired',
	state: 'expired',
	provider_error: 'cancelled',
	wrong_issuer: 'failed',
	wrong_audience: 'failed',
	nonce: 'failed',
	token_refused: 'failed',
	invalid_response: 'failed',
	signature: 'failed',
	unverified_email: 'failed',
	unknown_account: 'failed',
	subject_mismatch: 'failed',
	disabled: 'failed',
	// Told only after the provider has signed the person in as the account.
	no_second_factor: 'notSetUp'
};

export const noticeFor = (reason: Refused): Notice => NOTICE[reason];

/** The claim the failed check was about, from openid-client's error or the one it wraps. */
function claimOf(error: unknown): string | undefined {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const cause = (e as { cause?: unknown }).cause;
		if (cause && typeof cause === 'object' && 'claim' in cause) return String(cause.claim);
		e = cause;
	}
	return undefined;
}

/**
 * Whether the provider could not answer rather than refused: it could not be reached (refused
 * connection, reset, unknown name), took too long, or answered with a server error (5xx), at its
 * token, keys or userinfo endpoint or at discovery. (The codes are oauth4webapi's, which
 * openid-client passes on.)
 */
function isOutage(error: unknown): boolean {
	if (error instanceof TypeError && error.message === 'fetch failed') return true;
	if (error instanceof oidc.ResponseBodyError) return error.status >= 500;
	if (!(error instanceof oidc.ClientError)) return false;
	if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT') return true;
	return (
		error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' &&
		error.cause instanceof Response &&
		error.cause.status >= 500
	);
}

/** Why openid-client refused the provider's answer, in the audit log's words. */
export function reasonFor(error: unknown): Refused {
	if (isOutage(error)) return 'unavailable';
	if (error instanceof oidc.AuthorizationResponseError)
		// RFC 6749 4.1.2.1: the provider's own words for being down, rather than refusing.
		return ['server_error', 'temporarily_unavailable'].includes(error.error)
			? 'unavailable'
			: 'provider_error';
	if (error instanceof oidc.ResponseBodyError) return 'token_refused';
	if (error instanceof oidc.ClientError && error.code === 'OAUTH_KEY_SELECTION_FAILED')
		return 'signature';
	const message = error instanceof Error ? error.message : '';
	const inner = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
	const text = `${message} ${typeof inner === 'string' ? inner : ''}`;
	const claim = claimOf(error);
	if (claim === 'iss') return 'wrong_issuer';
	if (claim === 'aud' || claim === 'azp') return 'wrong_audience';
	if (claim === 'nonce') return 'nonce';
	if (text.includes('signature verification failed')) return 'signature';
	if (text.includes('"iss"')) return 'wrong_issuer';
	if (text.includes('"state"')) return 'state';
	return 'invalid_response';
}

/** A provider's error code, kept only when it looks like one (RFC 6749 §4.1.2.1). */
export const errorCode = (url: URL) => {
	const code = url.searchParams.get('error') ?? '';
	return /^[a-z_]{1,40}$/.test(code) ? code : 'other';
};
