import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS } from '../../src/lib/server/demo/accounts';
import { browserAvailable, launch } from '../helpers/browser';
import { startIdentityProvider, type TestProvider } from '../helpers/oidc';
import { freePort, startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations } from '../helpers/walk';

const BUTTON = 'Sign in with Lancashire County Council';

// The sign-in page's identity provider button in Chromium with JavaScript off: a plain link that
// takes the person to the provider and back (within the pages' Content-Security-Policy), and
// the page and its messages pass axe.
describe.skipIf(!browserAvailable)('sign-in with the identity provider in Chromium', () => {
	let server: RunningServer;
	let idp: TestProvider;
	let browser: BrowserContext;
	/** axe runs as a script, so its checks are made in a browser with JavaScript on. */
	let checker: BrowserContext;

	beforeAll(async () => {
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const client = {
			client_id: 'voices',
			client_secret: 'voices-test-secret',
			redirect_uris: [`${origin}/sign-in/oidc/callback`],
			post_logout_redirect_uris: [`${origin}/sign-in`]
		};
		idp = await startIdentityProvider(
			{ cath: { email: 'commissioner@example.org', email_verified: true } },
			[client]
		);
		server = await startServer(
			{
				DATA_DIR: tempDir('voices-data-'),
				ORIGIN: origin,
				OIDC_ISSUER: idp.issuer,
				OIDC_CLIENT_ID: client.client_id,
				OIDC_CLIENT_SECRET: client.client_secret,
				OIDC_NAME: BUTTON
			},
			port
		);
		browser = await launch({ javaScriptEnabled: false });
		checker = await launch();
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
		await checker?.close();
		await server?.stop();
		await idp?.stop();
	});

	it('signs in through the provider without JavaScript', { timeout: 60_000 }, async () => {
		const checked = await checker.newPage();
		await checked.goto(`${server.url}/sign-in`);
		expect(await axeViolations(checked)).toEqual([]);
		const page = await browser.newPage();
		await page.goto(`${server.url}/sign-in`);
		await page.getByRole('link', { name: BUTTON }).click();
		await page.waitForURL((url) => url.origin === idp.issuer);
		await page.locator('input[name="login"]').fill('cath');
		await page.locator('input[name="password"]').fill('any');
		await page.locator('button[type="submit"]').click();
		// A commissioner then gives the app's own authenticator code, as after a password.
		await page.waitForURL(`${server.url}/sign-in/two-factor`);
		const key = DEMO_ACCOUNTS.find((a) => a.email === 'commissioner@example.org')!.totp!;
		await page.locator('input[name="code"]').fill(currentCode(key));
		await page.locator('button[type="submit"]').click();
		await page.waitForURL(`${server.url}/staff`);
		expect(await page.content()).toContain('Providers you commission');
		// Signing out goes on to the provider (the pages' form-action allows it), and back.
		const ended = idp.endSessions();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL((url) => url.origin === idp.issuer);
		expect(idp.endSessions()).toBe(ended + 1);
		await page.getByRole('button', { name: 'Yes, sign me out' }).click();
		await page.waitForURL(`${server.url}/sign-in`);
		await page.goto(`${server.url}/staff`);
		await page.waitForURL(`${server.url}/sign-in`);
	});

	it('shows a refusal first, in an error summary, with "Error:" in the title', async () => {
		const page = await checker.newPage();
		await page.goto(`${server.url}/sign-in?sso=expired`);
		expect(await page.title()).toBe('Error: Staff sign in – Voices');
		expect(await page.locator('.error-summary').innerText()).toContain(
			`Select “${BUTTON}” to try again`
		);
		expect(await axeViolations(page)).toEqual([]);
	});
});
