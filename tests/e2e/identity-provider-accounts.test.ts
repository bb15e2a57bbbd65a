import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as resets from '../../src/lib/server/auth/resets';
import { currentCode } from '../../src/lib/server/auth/totp';
import * as councilRepo from '../../src/lib/server/db/council';
import * as userRepo from '../../src/lib/server/db/user';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import {
	ProviderBrowser,
	startIdentityProvider,
	type TestClient,
	type TestProvider
} from '../helpers/oidc';
import { prepare } from '../helpers/prepare';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

// Which account a sign-in with the identity provider opens once it is linked to the provider's
// subject, what the app says when the provider is down, set-password links for accounts that sign
// in with the provider only, the ID token's signature, and signing out at the provider too.

const BUTTON = 'Sign in with Lancashire County Council';
const UNAVAILABLE = `“${BUTTON}” is not available at the moment`;
const FAILED = `“${BUTTON}” did not sign you in`;
const ACCOUNTS = {
	cath: { email: 'commissioner@example.org', email_verified: true },
	// Another person, later given the same address at the council.
	newcath: { email: 'commissioner@example.org', email_verified: true },
	sam: { email: 'staff@example.org', email_verified: true }
};
const totpOf = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!.totp!;

describe.each(databaseKinds)(
	'identity provider accounts, outages and sign-out on %s',
	{ timeout: 120_000 },
	(kind) => {
		let server: RunningServer;
		let idp: TestProvider;
		let drop = async () => {};
		let env: Record<string, string> = {};
		let origin = '';
		let oldLink = '';
		let commissionerId = '';
		let councilId = '';
		let app: TestClient;

		/** A browser at the app that has pressed the button: the provider's address it was sent to. */
		async function start(): Promise<{ browser: Client; to: URL }> {
			const browser = new Client(server.url);
			const r = await browser.get('/sign-in/oidc');
			expect(r.status).toBe(303);
			return { browser, to: new URL(r.location!) };
		}

		/** Back at the app's callback with what the provider gave; where the app sends the browser. */
		async function back(browser: Client, callback: URL) {
			const r = await browser.get(callback.pathname + callback.search);
			expect(r.status).toBe(303);
			return r.location;
		}

		async function signIn(who: string, provider = new ProviderBrowser(who)) {
			const { browser, to } = await start();
			return { browser, provider, location: await back(browser, await provider.signIn(to)) };
		}

		const notice = async (browser: Client, location: string | null) => {
			expect(location).toMatch(/^\/sign-in\?sso=/);
			const page = await browser.get(location!);
			expect(page.status).toBe(200);
			expect(page.html).toContain('Error: ');
			return page.html;
		};

		// Signed in once: an authenticator code is accepted once only.
		let admin: Client | null = null;
		async function administrator() {
			if (admin) return admin;
			const browser = new Client(server.url);
			await browser.post('/sign-in', [
				['email', 'admin@example.org'],
				['password', DEMO_PASSWORD]
			]);
			const r = await browser.post('/sign-in/two-factor', [
				['code', currentCode(totpOf('admin@example.org'))]
			]);
			expect(r.location).toBe('/staff');
			return (admin = browser);
		}

		/** Whether the provider still has a session for `provider`: it answers prompt=none with a code. */
		async function providerSignedIn(provider: ProviderBrowser) {
			const { to } = await start();
			to.searchParams.set('prompt', 'none');
			to.searchParams.delete('max_age');
			const callback = await provider.signIn(to);
			return callback.searchParams.has('code');
		}

		beforeAll(async () => {
			const port = await freePort();
			origin = `http://127.0.0.1:${port}`;
			app = {
				client_id: 'voices',
				client_secret: 'voices-test-secret',
				redirect_uris: [`${origin}/sign-in/oidc/callback`],
				post_logout_redirect_uris: [`${origin}/sign-in`]
			};
			idp = await startIdentityProvider(ACCOUNTS, [app]);
			const target = await serverTarget(kind);
			drop = target.drop;
			env = {
				...target.env,
				ORIGIN: origin,
				OIDC_ISSUER: idp.issuer,
				OIDC_CLIENT_ID: app.client_id,
				OIDC_CLIENT_SECRET: app.client_secret,
				OIDC_NAME: BUTTON
			};
			await prepare(env, async ({ connection: { db } }) => {
				const commissioner = await userRepo.findByEmail(db, 'commissioner@example.org');
				commissionerId = commissioner!.id;
				councilId = commissioner!.council_id!;
				// A set-password link given before the council required its provider.
				oldLink = (await resets.issue(db, commissionerId, null, 24))!;
				await councilRepo.setRequireSso(db, councilId, true);
			});
			server = await startServer(env, port);
		});

		afterAll(async () => {
			await server?.stop();
			await idp?.stop();
			await drop();
		});

		it('links the account at the first sign-in, then finds it by the provider’s subject', async () => {
			expect((await signIn('sam')).location).toBe('/staff');
			// The provider now gives Sam another address: the link, not the email, finds the account.
			ACCOUNTS.sam.email = 'sam.new@elsewhere.example.org';
			try {
				const { browser, location } = await signIn('sam');
				expect(location).toBe('/staff');
				expect((await browser.get('/staff')).status).toBe(200);
			} finally {
				ACCOUNTS.sam.email = 'staff@example.org';
			}
		});

		it('refuses an address handed on to another person once the account is linked', async () => {
			expect((await signIn('cath')).location).toBe('/sign-in/two-factor');
			const { browser, location } = await signIn('newcath');
			expect(await notice(browser, location)).toContain(FAILED);
			expect((await browser.get('/staff')).location).toBe('/sign-in');
		});

		it('refuses an ID token signed with a key that is not the provider’s', async () => {
			const { browser, to } = await start();
			const { privateKey } = await generateKeyPair('RS256');
			// Everything right but the signature: the linked subject, this sign-in's nonce.
			const forged = await new SignJWT({
				nonce: to.searchParams.get('nonce')!,
				email: 'commissioner@example.org',
				email_verified: true,
				auth_time: Math.floor(Date.now() / 1000)
			})
				.setProtectedHeader({ alg: 'RS256', kid: 'not-the-providers' })
				.setIssuer(idp.issuer)
				.setAudience(app.client_id)
				.setSubject('cath')
				.setIssuedAt()
				.setExpirationTime('5m')
				.sign(privateKey);
			const callback = await new ProviderBrowser('cath').signIn(to);
			idp.replaceIdToken(forged);
			try {
				expect(await notice(browser, await back(browser, callback))).toContain(FAILED);
			} finally {
				idp.replaceIdToken(null);
			}
			expect((await browser.get('/staff')).location).toBe('/sign-in');
		});

		it('shows administrators the link, and unlinking lets the address’s new holder in', async () => {
			const admin = await administrator();
			/** The users table's row for `email`. */
			const row = async (email: string) => {
				const page = (await admin.get('/staff/users')).html;
				const rows = page.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
				const found = rows.filter((r) => r.includes(`<td>${email}</td>`));
				expect(found).toHaveLength(1);
				return found[0]!;
			};
			const LINKED = 'Linked to the identity provider';
			expect(await row('commissioner@example.org')).toContain(LINKED);
			expect(await row('staff@example.org')).toContain(LINKED);
			expect(await row('manager@example.org')).not.toContain(LINKED);
			// Whoever held the address is signed out with the unlinking.
			const held = await signIn('cath');
			expect(held.location).toBe('/sign-in/two-factor');
			expect((await held.browser.get('/sign-in/two-factor')).status).toBe(200);
			const r = await admin.post('/staff/users?/unlink', [['id', commissionerId]]);
			expect(r.status).toBe(200);
			expect((await held.browser.get('/sign-in/two-factor')).location).toBe('/sign-in');
			expect(r.html).toContain('no longer linked');
			expect(await row('commissioner@example.org')).not.toContain(LINKED);
			expect(await row('staff@example.org')).toContain(LINKED);
			expect((await signIn('newcath')).location).toBe('/sign-in/two-factor');
		});

		it('gives no set-password link for an account that signs in with its provider only', async () => {
			const admin = await administrator();
			const refused = await admin.post('/staff/users?/reset', [['id', commissionerId]]);
			expect(refused.status).toBe(400);
			expect(refused.html).toContain(`signs in with “${BUTTON}”`);
			expect(refused.html).not.toContain('/reset/');
			// A new commissioner of that council gets a link that sets up their authenticator and
			// sets no password: the provider alone may not set it up.
			const made = await admin.post('/staff/users?/create', [
				['email', 'second.commissioner@example.org'],
				['name', 'Second Commissioner'],
				['role', 'commissioner'],
				['organisation', councilId]
			]);
			expect(made.status).toBe(200);
			const link = /\/reset\/[\w-]{43}/.exec(made.html)?.[0] ?? '';
			expect(link).not.toBe('');
			const page = await new Client(server.url).get(link);
			expect(page.html).toContain('Set up your sign-in, Second Commissioner');
			expect(page.html).not.toContain('name="password"');
			expect((await admin.get('/staff/users')).html).toContain('second.commissioner@example.org');
		});

		it('refuses a link given before the council required its provider', async () => {
			const browser = new Client(server.url);
			const page = await browser.get(oldLink);
			expect(page.html).toContain(`signs in with “${BUTTON}”`);
			expect(page.html).not.toContain('name="password"');
			const r = await browser.post(oldLink, [
				['password', 'a brand new long password'],
				['confirm', 'a brand new long password']
			]);
			expect(r.status).toBe(400);
			expect(r.html).toContain(`signs in with “${BUTTON}”`);
		});

		it('signs out at the provider too, after ending the app’s session', async () => {
			const { browser, provider, location } = await signIn('sam');
			expect(location).toBe('/staff');
			expect(await providerSignedIn(provider)).toBe(true);
			const out = await browser.post('/sign-out', []);
			expect(out.status).toBe(303);
			const to = new URL(out.location!);
			expect(to.origin).toBe(idp.issuer);
			expect(to.searchParams.get('id_token_hint')).toBeTruthy();
			expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/sign-in`);
			// The app's session ended before the browser goes to the provider.
			expect((await browser.get('/staff')).location).toBe('/sign-in');
			const ended = idp.endSessions();
			expect((await provider.signOut(to)).href).toBe(`${origin}/sign-in`);
			expect(idp.endSessions()).toBe(ended + 1);
			expect(await providerSignedIn(provider)).toBe(false);
			// A password sign-in signs out of the app only.
			const admin = await administrator();
			expect((await admin.post('/sign-out', [])).location).toBe('/sign-in');
		});

		it('says the provider is unavailable when its token endpoint fails', async () => {
			const { browser, to } = await start();
			const callback = await new ProviderBrowser('sam').signIn(to);
			idp.failTokens(503);
			try {
				const html = await notice(browser, await back(browser, callback));
				expect(html).toContain(UNAVAILABLE);
				expect(html).toContain('password if you have one');
				expect(html).not.toContain(FAILED);
			} finally {
				idp.failTokens(null);
			}
		});

		it('says the provider is unavailable when its token endpoint does not answer in time', async () => {
			const { browser, to } = await start();
			const callback = await new ProviderBrowser('sam').signIn(to);
			// Longer than the app waits for the provider (10 seconds).
			idp.delayTokens(40_000);
			try {
				const html = await notice(browser, await back(browser, callback));
				expect(html).toContain(UNAVAILABLE);
			} finally {
				idp.delayTokens(0);
			}
		});

		// Last: it stops the provider.
		it('says the provider is unavailable when it stops between the redirect and the callback', async () => {
			const signedIn = await signIn('sam');
			expect(signedIn.location).toBe('/staff');
			const { browser, to } = await start();
			const callback = await new ProviderBrowser('sam').signIn(to);
			await idp.stop();
			const html = await notice(browser, await back(browser, callback));
			expect(html).toContain(UNAVAILABLE);
			expect((await browser.get('/staff')).location).toBe('/sign-in');
			// Signing out still ends the app's session, whatever becomes of the provider's.
			const out = await signedIn.browser.post('/sign-out', []);
			expect(out.status).toBe(303);
			expect((await signedIn.browser.get('/staff')).location).toBe('/sign-in');
		});

		// After the provider stopped: it stops the server too.
		it('records links, unlinks and refusals in the audit log, without the email', async () => {
			await server.stop();
			const rows = await prepare(env, ({ connection }) =>
				connection.db
					.selectFrom('audit_event')
					.select(['action', 'actor_user_id', 'subject_id', 'details'])
					.where((eb) =>
						eb.or([eb('action', 'like', 'user.identity%'), eb('action', '=', 'sign_in.refused')])
					)
					.orderBy('id')
					.execute()
			);
			const text = JSON.stringify(rows);
			for (const account of Object.values(ACCOUNTS)) expect(text).not.toContain(account.email);
			const reasons = rows
				.filter((r) => r.action === 'sign_in.refused')
				.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).reason);
			expect(reasons).toEqual(
				expect.arrayContaining(['subject_mismatch', 'signature', 'unavailable'])
			);
			const linked = rows.filter((r) => r.action === 'user.identity_linked');
			// Sam, Cath, and the new holder of Cath's address once unlinked.
			expect(linked).toHaveLength(3);
			expect(linked.filter((r) => r.subject_id === commissionerId)).toHaveLength(2);
			const unlinked = rows.filter((r) => r.action === 'user.identity_unlinked');
			expect(unlinked.map((r) => r.subject_id)).toEqual([commissionerId]);
			expect(unlinked[0]!.actor_user_id).not.toBe(commissionerId);
		});
	}
);
