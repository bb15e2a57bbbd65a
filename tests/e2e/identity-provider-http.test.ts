import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { calculatePKCECodeChallenge, randomPKCECodeVerifier } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PASSWORD } from '../../src/lib/server/auth/passwords';
import * as resets from '../../src/lib/server/auth/resets';
import * as childRepo from '../../src/lib/server/db/child';
import * as userRepo from '../../src/lib/server/db/user';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import {
	idTokenFor,
	ProviderBrowser,
	startIdentityProvider,
	type TestClient,
	type TestProvider
} from '../helpers/oidc';
import { prepare } from '../helpers/prepare';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

// Staff sign-in with the council's identity provider, over HTTP against a real OpenID provider
// on 127.0.0.1, through every redirect a browser would follow.

const BUTTON = 'Sign in with Lancashire County Council';
const ACCOUNTS = {
	// The app's account is commissioner@example.org: matched whatever the case.
	cath: { email: 'Commissioner@Example.ORG', email_verified: true },
	pat: { email: 'staff@pennine.example.org', email_verified: true },
	sam: { email: 'staff@example.org', email_verified: true },
	nobody: { email: 'nobody@example.org', email_verified: true },
	unchecked: { email: 'manager@example.org', email_verified: false },
	// A commissioner added by an administrator, with no password and no authenticator yet.
	nora: { email: 'new.commissioner@example.org', email_verified: true }
};

describe.each(databaseKinds)(
	'sign-in with the identity provider on %s',
	{ timeout: 120_000 },
	(kind) => {
		let server: RunningServer;
		let idp: TestProvider;
		let other: TestProvider;
		let drop = async () => {};
		let env: Record<string, string> = {};
		let childId = '';
		let serviceId = '';
		const clients: TestClient[] = [];
		let app: TestClient;
		let stranger: TestClient;

		/** A browser at the app that has pressed the button: the provider's address it was sent to. */
		async function start(): Promise<{ browser: Client; to: URL }> {
			const browser = new Client(server.url);
			const page = await browser.get('/sign-in');
			expect(page.html).toContain(BUTTON);
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

		const notice = async (browser: Client, location: string | null) => {
			expect(location).toMatch(/^\/sign-in\?sso=/);
			const page = await browser.get(location!);
			expect(page.html).toContain('Error: ');
			return page.html;
		};

		let noraLink = '';
		let audits: () => Promise<{ action: string; details: unknown; subject_id: string | null }[]>;

		beforeAll(async () => {
			const port = await freePort();
			const origin = `http://127.0.0.1:${port}`;
			const callback = `${origin}/sign-in/oidc/callback`;
			app = {
				client_id: 'voices',
				client_secret: 'voices-test-secret',
				redirect_uris: [callback],
				post_logout_redirect_uris: [`${origin}/sign-in`]
			};
			stranger = {
				client_id: 'another-app',
				client_secret: 'another-test-secret',
				redirect_uris: [callback]
			};
			clients.push(app, stranger);
			idp = await startIdentityProvider(ACCOUNTS, clients);
			other = await startIdentityProvider(ACCOUNTS, clients);
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
				const riverside = await db
					.selectFrom('provider')
					.select('id')
					.where('name', '=', 'Riverside Short Breaks')
					.executeTakeFirstOrThrow();
				childId = (
					await childRepo.insert(db, {
						provider_id: riverside.id,
						reference: 'SSO-001',
						display_name: 'Tam',
						date_of_birth: '2017-02-02',
						send_needs: '[]'
					})
				).id;
				serviceId = (
					await db
						.selectFrom('service')
						.select('id')
						.where('provider_id', '=', riverside.id)
						.executeTakeFirstOrThrow()
				).id;
				const lancashire = await db
					.selectFrom('council')
					.select('id')
					.where('code', '=', 'lancashire')
					.executeTakeFirstOrThrow();
				const nora = await userRepo.insert(db, {
					email: 'new.commissioner@example.org',
					display_name: 'Nora New',
					role: 'commissioner',
					council_id: lancashire.id,
					provider_id: null,
					password_hash: NO_PASSWORD
				});
				// The link an administrator gives a new account (what it does is decided when used).
				noraLink = (await resets.issue(db, nora.id, null, 24))!;
				await db
					.updateTable('app_user')
					.set({ disabled_at: new Date() })
					.where('email', '=', 'staff@pennine.example.org')
					.execute();
			});
			// The council's own accounts sign in with its provider only (the administrator's command),
			// which refuses a wrong use and an installation without a provider.
			const command = (args: string[], settings: Record<string, string>) =>
				spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/council-sso.ts', ...args], {
					env: {
						...process.env,
						DATABASE_URL: '',
						DEMO_DATA: 'on',
						DEMO_RESPONSES: '0',
						...settings
					},
					encoding: 'utf8'
				});
			expect(command(['lancashire', 'maybe'], env).status).toBe(2);
			const unknown = command(['nowhere', 'on'], env);
			expect(unknown.stderr).toContain('No council has the code "nowhere".');
			expect(unknown.status).toBe(1);
			const unset = command(['lancashire', 'on'], {
				...env,
				OIDC_ISSUER: '',
				OIDC_CLIENT_ID: '',
				OIDC_CLIENT_SECRET: '',
				OIDC_NAME: ''
			});
			expect(unset.stderr).toContain('is not set up');
			expect(unset.status).toBe(1);
			const sso = command(['lancashire', 'on'], env);
			expect(sso.status, sso.stderr).toBe(0);
			expect(sso.stdout).toContain('sign in with the identity provider only');
			server = await startServer(env, port);
			// The audit log, read once the server has stopped (PGlite takes one process at a time).
			audits = async () => {
				await server.stop();
				return prepare(env, ({ connection }) =>
					connection.db
						.selectFrom('audit_event')
						.select(['action', 'details', 'subject_id'])
						.where('action', 'in', ['sign_in', 'sign_in.refused', 'council.require_sso'])
						.orderBy('id')
						.execute()
				);
			};
		});

		afterAll(async () => {
			await server?.stop();
			await idp?.stop();
			await other?.stop();
			await drop();
		});

		it('signs a commissioner in, matched by email, then asks the app’s own authenticator code', async () => {
			const { browser, to } = await start();
			expect(to.origin).toBe(idp.issuer);
			expect(to.searchParams.get('code_challenge_method')).toBe('S256');
			expect(to.searchParams.get('state')).toBeTruthy();
			expect(to.searchParams.get('nonce')).toBeTruthy();
			expect(to.searchParams.get('redirect_uri')).toBe(app.redirect_uris[0]);
			const pending = browser.cookies.get('voices_oidc');
			expect(pending).toBeTruthy();
			expect(to.searchParams.get('prompt')).toBe('login');
			expect(to.searchParams.get('max_age')).toBe('0');
			const callback = await new ProviderBrowser('cath').signIn(to);
			expect(callback.searchParams.get('code')).toBeTruthy();
			expect(await back(browser, callback)).toBe('/sign-in/two-factor');
			// The identity provider alone does not open a commissioner's pages.
			expect((await browser.get('/staff')).location).toBe('/sign-in/two-factor');
			const key = DEMO_ACCOUNTS.find((a) => a.email === 'commissioner@example.org')!.totp!;
			const second = await browser.post('/sign-in/two-factor', [['code', currentCode(key)]]);
			expect(second.location).toBe('/staff');
			const home = await browser.get('/staff');
			expect(home.status).toBe(200);
			expect(home.html).toContain('Providers you commission');
			// Signing out ends the app's session, then sends the browser to end the provider's.
			const out = await browser.post('/sign-out', []);
			expect(new URL(out.location!).origin).toBe(idp.issuer);
			expect((await browser.get('/staff')).location).toBe('/sign-in');
		});

		it('lets a new commissioner set up their authenticator from their link, not the provider alone', async () => {
			// Their council requires its provider, so they never sign in with a password. The
			// provider alone does not set up the app's own authenticator: its administrators could
			// make a person with the email of an account not yet signed in to.
			const first = await start();
			const alone = await new ProviderBrowser('nora').signIn(first.to);
			const refused = await notice(first.browser, await back(first.browser, alone));
			expect(refused).toContain(
				'authenticator app is not set up yet. Ask an administrator for a set-up link'
			);
			expect((await first.browser.get('/sign-in/two-factor')).location).toBe('/sign-in');
			// The administrator's link sets it up (and sets no password).
			const linkPage = await first.browser.get(noraLink);
			expect(linkPage.html).toContain('Set up your sign-in, Nora New');
			expect(linkPage.html).not.toContain('name="password"');
			const used = await first.browser.post(noraLink, []);
			expect(used.location).toBe('/sign-in?done=set-up');
			expect((await first.browser.get(noraLink)).html).toContain('This link cannot be used');
			const { browser, to } = await start();
			const callback = await new ProviderBrowser('nora').signIn(to);
			expect(await back(browser, callback)).toBe('/sign-in/two-factor');
			const setup = await browser.get('/sign-in/two-factor');
			expect(setup.status).toBe(200);
			expect(setup.html).toContain('Set up your authenticator app');
			const key = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(setup.html)?.[1] ?? '';
			expect(key).toMatch(/^[A-Z2-7]{32}$/);
			const second = await browser.post('/sign-in/two-factor', [['code', currentCode(key)]]);
			expect(second.location).toBe('/staff');
			expect((await browser.get('/staff')).status).toBe(200);
		});

		it('refuses a replayed state: the second callback finds no pending sign-in', async () => {
			const { browser, to } = await start();
			const callback = await new ProviderBrowser('cath').signIn(to);
			const cookie = browser.cookies.get('voices_oidc')!;
			expect(await back(browser, callback)).toBe('/sign-in/two-factor');
			// The same answer again, even with the pending sign-in's cookie put back.
			const replay = new Client(server.url);
			replay.cookies.set('voices_oidc', cookie);
			const html = await notice(replay, await back(replay, callback));
			expect(html).toContain('took too long or was already used');
		});

		it('refuses an answer without its state', async () => {
			const { browser, to } = await start();
			const callback = await new ProviderBrowser('cath').signIn(to);
			callback.searchParams.delete('state');
			const html = await notice(browser, await back(browser, callback));
			expect(html).toContain('took too long or was already used');
			expect((await browser.get('/staff')).location).toBe('/sign-in');
		});

		it('refuses a callback with no sign-in begun in this browser', async () => {
			const { to } = await start();
			const callback = await new ProviderBrowser('cath').signIn(to);
			const elsewhere = new Client(server.url);
			await notice(elsewhere, await back(elsewhere, callback));
			expect((await elsewhere.get('/staff')).location).toBe('/sign-in');
		});

		it('refuses an answer from another issuer than the one the app is set up with', async () => {
			const { browser, to } = await start();
			// The same request, sent to another provider (a mix-up): its answer names its own issuer.
			const elsewhere = new URL(to.pathname + to.search, other.issuer);
			const callback = await new ProviderBrowser('cath').signIn(elsewhere);
			expect(callback.searchParams.get('iss')).toBe(other.issuer);
			const html = await notice(browser, await back(browser, callback));
			expect(html).toContain(`“${BUTTON}” did not sign you in`);
			expect((await browser.get('/staff')).location).toBe('/sign-in');
		});

		it('refuses an ID token made for another client', async () => {
			const { browser, to } = await start();
			const provider = new ProviderBrowser('cath');
			// An ID token for another app, with this sign-in's nonce, as a dishonest provider might send.
			const verifier = randomPKCECodeVerifier();
			const theirs = new URL(to);
			theirs.searchParams.set('client_id', stranger.client_id);
			theirs.searchParams.set('code_challenge', await calculatePKCECodeChallenge(verifier));
			const token = await idTokenFor(idp.issuer, stranger, await provider.signIn(theirs), verifier);
			const callback = await provider.signIn(to);
			idp.replaceIdToken(token);
			try {
				const html = await notice(browser, await back(browser, callback));
				expect(html).toContain(`“${BUTTON}” did not sign you in`);
			} finally {
				idp.replaceIdToken(null);
			}
			expect((await browser.get('/staff')).location).toBe('/sign-in');
		});

		it('refuses an ID token with another sign-in’s nonce', async () => {
			const { browser, to } = await start();
			const provider = new ProviderBrowser('cath');
			const verifier = randomPKCECodeVerifier();
			const another = new URL(to);
			another.searchParams.set('nonce', 'another-nonce');
			another.searchParams.set('code_challenge', await calculatePKCECodeChallenge(verifier));
			const token = await idTokenFor(idp.issuer, app, await provider.signIn(another), verifier);
			const callback = await provider.signIn(to);
			idp.replaceIdToken(token);
			try {
				await notice(browser, await back(browser, callback));
			} finally {
				idp.replaceIdToken(null);
			}
			expect((await browser.get('/staff')).location).toBe('/sign-in');
		});

		it('tells an unknown, a disabled and an unverified email apart from nothing', async () => {
			const pages: string[] = [];
			for (const who of ['nobody', 'pat', 'unchecked']) {
				const { browser, to } = await start();
				const callback = await new ProviderBrowser(who).signIn(to);
				const html = await notice(browser, await back(browser, callback));
				expect(html).toContain(`“${BUTTON}” did not sign you in`);
				expect(html).not.toContain(ACCOUNTS[who as keyof typeof ACCOUNTS].email);
				expect((await browser.get('/staff')).location).toBe('/sign-in');
				pages.push(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)![0]);
			}
			expect(new Set(pages).size).toBe(1);
		});

		it('shows the provider’s refusal as a message', async () => {
			const { browser, to } = await start();
			// Not signed in at the provider and not allowed to ask: it answers with an error.
			to.searchParams.set('prompt', 'none');
			const callback = await new ProviderBrowser('cath').signIn(to);
			expect(callback.searchParams.get('error')).toBe('login_required');
			const html = await notice(browser, await back(browser, callback));
			expect(html).toContain('cancelled or refused');
		});

		it('asks the provider to check the person every time, and ends a hand-over', async () => {
			const { browser, to } = await start();
			const provider = new ProviderBrowser('sam');
			expect(await back(browser, await provider.signIn(to))).toBe('/staff');
			expect(provider.logins).toBe(1);
			const handed = await browser.post(`/staff/children/${childId}?/assist`, [
				['assist_survey', 'short-breaks-child-symbols'],
				['assist_service', serviceId],
				['assist_source', 'annual_review']
			]);
			expect(handed.location).toBe('/answer');
			expect(browser.cookies.get('voices_response')).toBeTruthy();
			expect((await browser.get('/staff')).location).toBe('/unlock');
			// The button on the locked device: the provider, though still signed in, asks again.
			const again = await browser.get('/sign-in/oidc');
			const url = new URL(again.location!);
			expect(url.searchParams.get('prompt')).toBe('login');
			expect(url.searchParams.get('max_age')).toBe('0');
			expect(await back(browser, await provider.signIn(url))).toBe('/staff');
			expect(provider.logins).toBe(2);
			expect((await browser.get('/staff')).status).toBe(200);
			// The child's place in the survey is gone from the device, as after unlocking.
			expect(browser.cookies.get('voices_response')).toBeFalsy();
		});

		it('refuses a password for an account of a council that requires its provider', async () => {
			const browser = new Client(server.url);
			const r = await browser.post('/sign-in', [
				['email', 'commissioner@example.org'],
				['password', DEMO_PASSWORD]
			]);
			expect(r.status).toBe(400);
			expect(r.html).toContain(`Select “${BUTTON}” instead of entering a password`);
			expect((await browser.get('/staff')).location).toBe('/sign-in');
			// Provider staff still sign in with their password.
			const staff = new Client(server.url);
			const ok = await staff.post('/sign-in', [
				['email', 'staff@example.org'],
				['password', DEMO_PASSWORD]
			]);
			expect(ok.location).toBe('/staff');
		});

		// Last: it stops the server.
		it('records each sign-in and refusal in the audit log, without the email', async () => {
			const rows = await audits();
			const text = JSON.stringify(rows);
			for (const account of Object.values(ACCOUNTS)) expect(text).not.toContain(account.email);
			const reasons = rows
				.filter((r) => r.action === 'sign_in.refused')
				.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details).reason);
			expect(reasons).toEqual(
				expect.arrayContaining([
					'no_pending_sign_in',
					'state',
					'wrong_issuer',
					'wrong_audience',
					'nonce',
					'unknown_account',
					'disabled',
					'unverified_email',
					'provider_error',
					'sso_required',
					'no_second_factor'
				])
			);
			const signIns = rows.filter((r) => r.action === 'sign_in');
			expect(
				signIns.filter((r) => JSON.stringify(r.details).includes('identity_provider'))
			).toHaveLength(5);
			expect(rows.some((r) => r.action === 'council.require_sso')).toBe(true);
		});
	}
);
