import type { Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { begin, finish } from '../../src/lib/server/auth/identity-provider';
import { SIGN_IN_LIMITS } from '../../src/lib/server/auth/sign-in';
import * as councilRepo from '../../src/lib/server/db/council';
import * as pendingRepo from '../../src/lib/server/db/oidc-sign-in';
import { hashSecret } from '../../src/lib/server/secrets';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// The pending sign-in kept in the database, without a provider: what the callback refuses before
// it asks the provider anything, and the limit on starting sign-ins (tests/e2e has the flow).

/** A browser's cookies, as SvelteKit hands them to a route. */
function jar(values: Record<string, string> = {}): Cookies {
	const cookies = new Map(Object.entries(values));
	return {
		get: (name: string) => cookies.get(name),
		getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void cookies.set(name, value),
		delete: (name: string) => void cookies.delete(name),
		serialize: () => ''
	} as Cookies;
}

// Nothing listens at port 1: reaching the provider fails at once.
const NOWHERE = {
	issuer: 'http://127.0.0.1:1',
	clientId: 'voices',
	clientSecret: 'secret',
	name: 'Sign in'
};
const ORIGIN = 'https://voices.council.example';
const callback = new URL(`${ORIGIN}/sign-in/oidc/callback?code=c&state=s`);

describe.each(databaseKinds)('pending identity provider sign-ins on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await freshDatabase(kind);
	});
	afterAll(() => db?.drop());

	const pending = (id: string, expiresAt: Date) =>
		pendingRepo.insert(db.db, {
			id_hash: hashSecret(id),
			state: 's',
			nonce: 'n',
			code_verifier: 'v',
			return_to: '/staff',
			expires_at: expiresAt
		});

	it('refuses a callback without the pending sign-in’s cookie', async () => {
		const result = await finish(db.db, jar(), NOWHERE, ORIGIN, callback);
		expect(result).toMatchObject({ status: 'refused', reason: 'no_pending_sign_in' });
	});

	it('refuses an expired sign-in, and uses it up', async () => {
		await pending('old', new Date(Date.now() - 1000));
		const cookies = jar({ voices_oidc: 'old' });
		const result = await finish(db.db, cookies, NOWHERE, ORIGIN, callback);
		expect(result).toMatchObject({ status: 'refused', reason: 'expired' });
		expect(cookies.get('voices_oidc')).toBeUndefined();
		expect(await pendingRepo.take(db.db, hashSecret('old'))).toBeUndefined();
	});

	it('says the provider is unavailable when it cannot be reached at the callback', async () => {
		await pending('down', new Date(Date.now() + 60_000));
		const result = await finish(db.db, jar({ voices_oidc: 'down' }), NOWHERE, ORIGIN, callback);
		expect(result).toMatchObject({ status: 'refused', reason: 'unavailable' });
	});

	it('gives a pending sign-in once', async () => {
		await pending('once', new Date(Date.now() + 60_000));
		const [a, b] = await Promise.all([
			pendingRepo.take(db.db, hashSecret('once')),
			pendingRepo.take(db.db, hashSecret('once'))
		]);
		expect([a, b].filter(Boolean)).toHaveLength(1);
	});

	it('says when the provider cannot be reached, and limits starts from one address', async () => {
		const start = { returnTo: '/staff' };
		const results = [];
		for (let i = 0; i <= SIGN_IN_LIMITS.perAddress; i++)
			results.push((await begin(db.db, jar(), NOWHERE, ORIGIN, start, '10.0.0.9')).status);
		const last = await begin(db.db, jar(), NOWHERE, ORIGIN, start, '10.0.0.9');
		expect(results.slice(0, SIGN_IN_LIMITS.perAddress).every((s) => s === 'refused')).toBe(true);
		expect(last).toEqual({ status: 'refused', reason: 'too_many' });
		const other = await begin(db.db, jar(), NOWHERE, ORIGIN, start, '10.0.0.10');
		expect(other).toEqual({ status: 'refused', reason: 'unavailable' });
	});

	it('knows which councils require their provider', async () => {
		const council = await councilRepo.insert(db.db, { code: 'sso-test', name: 'SSO Test' });
		expect(await councilRepo.requiresSso(db.db, council.id)).toBe(false);
		await councilRepo.setRequireSso(db.db, council.id, true);
		expect(await councilRepo.requiresSso(db.db, council.id)).toBe(true);
		expect(await councilRepo.requiresSso(db.db, null)).toBe(false);
	});
});
