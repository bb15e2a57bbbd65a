import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { noticeFor, reasonFor } from './identity-provider-refusals';

// openid-client's errors as it throws them (tests/e2e has them from a real provider): which are the
// provider being down, and which a refusal.

/** openid-client's error with its code, as its own error handler makes it. */
const clientError = (message: string, code: string, cause?: unknown) =>
	Object.assign(new oidc.ClientError(message, { cause }), { code });

const answer = (error: string) =>
	new oidc.AuthorizationResponseError('authorization response error', {
		cause: new URLSearchParams({ error })
	});

describe('why a sign-in with the identity provider ended', () => {
	it('reads the provider’s own “I am down” answers at the callback as unavailable', () => {
		// RFC 6749 4.1.2.1: the authorization server's own words for an outage.
		for (const error of ['server_error', 'temporarily_unavailable']) {
			expect(reasonFor(answer(error))).toBe('unavailable');
			expect(noticeFor(reasonFor(answer(error)))).toBe('unavailable');
		}
		expect(reasonFor(answer('access_denied'))).toBe('provider_error');
		expect(noticeFor('provider_error')).toBe('cancelled');
	});

	it('reads a timeout, a refused connection and a 5xx as unavailable, a 4xx as refused', () => {
		expect(reasonFor(clientError('operation timed out', 'OAUTH_TIMEOUT'))).toBe('unavailable');
		expect(reasonFor(new TypeError('fetch failed'))).toBe('unavailable');
		const status = (n: number) =>
			clientError(
				'unexpected HTTP response status code',
				'OAUTH_RESPONSE_IS_NOT_CONFORM',
				new Response('', { status: n })
			);
		expect(reasonFor(status(502))).toBe('unavailable');
		expect(reasonFor(status(404))).toBe('invalid_response');
		// A programming mistake is not an outage.
		expect(reasonFor(new TypeError('x is not a function'))).toBe('invalid_response');
	});
});
