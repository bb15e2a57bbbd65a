import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { browserAvailable, launch } from '../helpers/browser';
import { Client } from '../helpers/client';
import { formsOf } from '../helpers/forms';
import { startIdentityProvider, type TestProvider } from '../helpers/oidc';
import { scratchSchema } from '../helpers/postgres';
import { freePort, startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations, completeSurvey } from '../helpers/walk';

// A council's whole first quarter, from an empty PostgreSQL database, in Chromium: the first
// administrator from `npm run user:create`, then a council, a provider, its service and a
// commission; a provider manager and a commissioner, who sign in with the council's identity
// provider; six children with care packages and invitation cards; one child answering in the
// browser by keyboard and five over HTTP; and the figure on the commissioner's dashboard.
// No demo data, no SQL: every step is a page a person uses.

const shots = 'test-results/screenshots/whole-path';
const postgres = process.env.TEST_DATABASE_URL;
const BUTTON = 'Sign in with City of York Council';
const SAFE = 'feel safe during their short break';
const ADMIN = 'it.admin@york.example';
const MANAGER = 'manager@minster.example';
const COMMISSIONER = 'commissioner@york.example';
const PASSWORD = 'correct horse battery staple minster';

// "I feel safe at my short breaks": the first child answers in Chromium (the first choice,
// "Always", on every page), the other five over HTTP. Positive answers are "always" and
// "mostly" (surveys/short-breaks-child-standard.json), so 4 of the 6 took a positive position.
const HTTP_ANSWERS = ['mostly', 'never', 'always', 'sometimes', 'always'];
const CHILDREN = ['AB', 'CD', 'EF', 'GH', 'IJ', 'KL'];
const POSITIVE = 1 + HTTP_ANSWERS.filter((a) => a === 'always' || a === 'mostly').length;
const ANSWERED = CHILDREN.length;

/** The financial quarter (April first) holding today in the UK, as the dashboard keys it. */
function thisQuarter(): string {
	const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
		.format(new Date())
		.split('-')
		.map(Number) as [number, number];
	const fy = month >= 4 ? year : year - 1;
	return `${fy}-Q${Math.floor(((month + 8) % 12) / 3) + 1}`;
}

// PostgreSQL only: the installation this proves is a council's shared database server.
if (!postgres)
	console.warn('whole-path-browser.test.ts skipped: set TEST_DATABASE_URL (PostgreSQL)');

describe.skipIf(!postgres || !browserAvailable)(
	'the whole path from an empty PostgreSQL database in Chromium (needs TEST_DATABASE_URL)',
	{ timeout: 300_000 },
	() => {
		let server: RunningServer;
		let idp: TestProvider;
		let drop = async () => {};
		let adminLink = '';
		let commissionerLink = '';
		let cliEnv: Record<string, string | undefined> = {};
		const contexts: BrowserContext[] = [];
		const codes: string[] = [];
		const checked = new Set<string>();

		beforeAll(async () => {
			mkdirSync(shots, { recursive: true });
			const port = await freePort();
			const origin = `http://127.0.0.1:${port}`;
			const client = {
				client_id: 'voices',
				client_secret: 'voices-test-secret',
				redirect_uris: [`${origin}/sign-in/oidc/callback`]
			};
			idp = await startIdentityProvider(
				{
					mo: { email: MANAGER, email_verified: true },
					cy: { email: COMMISSIONER, email_verified: true }
				},
				[client]
			);
			const scratch = await scratchSchema(postgres!);
			drop = scratch.drop;
			// A real installation: DEMO_DATA not set at all.
			const env: Record<string, string | undefined> = {
				...process.env,
				DATABASE_URL: scratch.url,
				DATA_DIR: tempDir('voices-path-'),
				SECRET_KEY: randomBytes(32).toString('base64'),
				ORIGIN: origin,
				DEMO_RESPONSES: '0',
				OIDC_ISSUER: idp.issuer,
				OIDC_CLIENT_ID: client.client_id,
				OIDC_CLIENT_SECRET: client.client_secret,
				OIDC_NAME: BUTTON
			};
			delete env.DEMO_DATA;
			cliEnv = env;
			const made = spawnSync(
				join('node_modules', '.bin', 'tsx'),
				['src/cli/user-create.ts', '--email', ADMIN, '--name', 'Ida Admin'],
				{ env, encoding: 'utf8' }
			);
			expect(made.status, made.stderr).toBe(0);
			adminLink = new RegExp(`${origin}/reset/[\\w-]{43}`).exec(made.stdout)?.[0] ?? '';
			expect(adminLink).not.toBe('');
			server = await startServer({ ...env, DEMO_DATA: undefined }, port);
		}, 120_000);

		afterAll(async () => {
			for (const c of contexts) await c.close();
			await server?.stop();
			await idp?.stop();
			await drop();
		});

		async function browser(): Promise<Page> {
			const context = await launch();
			contexts.push(context);
			return context.newPage();
		}

		/** axe once on each kind of page, and a screenshot of it. */
		async function checkPage(page: Page, name: string) {
			expect(await axeViolations(page), name).toEqual([]);
			await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
			checked.add(name);
		}

		async function submit(page: Page, button: string | RegExp) {
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: button }).click()
			]);
		}

		/** The authenticator set-up page: the key read from the page, as a person types it. */
		async function setUpAuthenticator(page: Page, name: string) {
			await page.waitForURL(`${server.url}/sign-in/two-factor`);
			expect(await page.locator('h1').textContent()).toBe('Set up your authenticator app');
			await checkPage(page, name);
			const key = (await page.locator('code.secret').textContent())!.replace(/\s+/g, '');
			expect(key).toMatch(/^[A-Z2-7]{32}$/);
			await page.getByLabel('6-digit code').fill(currentCode(key));
			await submit(page, 'Continue');
			expect(new URL(page.url()).pathname).toBe('/staff');
		}

		/** The sign-in page's identity provider button, and the account at the provider. */
		async function signInWithProvider(page: Page, account: string) {
			await page.goto(`${server.url}/sign-in`);
			await page.getByRole('link', { name: BUTTON }).click();
			await page.waitForURL((url) => url.origin === idp.issuer);
			await page.locator('input[name="login"]').fill(account);
			await page.locator('input[name="password"]').fill('any');
			await page.locator('button[type="submit"]').click();
			await page.waitForURL((url) => url.origin === server.url);
		}

		let admin: Page;

		it('sets the first administrator’s password and authenticator', async () => {
			admin = await browser();
			await admin.goto(adminLink);
			expect(await admin.locator('h1').textContent()).toBe('Set your password, Ida Admin');
			await checkPage(admin, 'set-password');
			await admin.getByLabel('New password').fill(PASSWORD);
			await admin.getByLabel('Type the password again').fill(PASSWORD);
			await submit(admin, 'Set password');
			expect(new URL(admin.url()).pathname).toBe('/sign-in');
			await checkPage(admin, 'sign-in');
			await admin.getByLabel('Email address').fill(ADMIN);
			await admin.getByLabel('Password').fill(PASSWORD);
			await submit(admin, 'Sign in');
			await setUpAuthenticator(admin, 'authenticator-setup');
			await checkPage(admin, 'administrator-home');
		});

		it('adds the council, the provider, its service and the commission', async () => {
			await admin.getByRole('link', { name: 'Organisations', exact: true }).first().click();
			await checkPage(admin, 'organisations-empty');
			await admin.getByRole('link', { name: 'Add a council' }).click();
			await checkPage(admin, 'council-new');
			await admin.getByLabel('Name').fill('City of York Council');
			await admin.getByLabel('Code').fill('york');
			await submit(admin, 'Add council');
			expect(await admin.locator('[role=status]').textContent()).toContain('Council saved');

			await admin.getByRole('link', { name: 'Add a provider' }).click();
			await admin.getByLabel('Name', { exact: true }).fill('Minster Breaks');
			await submit(admin, 'Add provider');
			expect(await admin.locator('h1').textContent()).toBe('Minster Breaks');
			await checkPage(admin, 'provider');

			await admin.getByRole('link', { name: 'Add a service' }).click();
			await admin.getByLabel('Name').fill('Minster club');
			await admin.getByLabel('Council').selectOption({ label: 'City of York Council' });
			await admin.getByLabel('Kind').selectOption('short_break');
			for (const box of await admin.locator('input[name=hour_types]').all()) await box.uncheck();
			await admin.getByLabel('Break Time', { exact: true }).check();
			await checkPage(admin, 'service-new');
			await submit(admin, 'Add service');
			expect(await admin.locator('table').textContent()).toContain('Minster club');

			await admin.getByRole('link', { name: 'Organisations', exact: true }).first().click();
			await admin.getByRole('link', { name: 'Add a commission' }).click();
			await admin.getByLabel('Council').selectOption({ label: 'City of York Council' });
			await admin.getByLabel('Provider').selectOption({ label: 'Minster Breaks' });
			await admin.getByLabel('Framework').selectOption('lancashire');
			await admin.getByLabel('Start date').fill('2026-04-01');
			await checkPage(admin, 'commission-new');
			await submit(admin, 'Add commission');
			expect(await admin.locator('[role=status]').textContent()).toContain('Commission saved');
			await checkPage(admin, 'organisations');
		});

		it('adds the provider manager and the commissioner', async () => {
			await admin.getByRole('link', { name: 'Users', exact: true }).first().click();
			await checkPage(admin, 'users');
			for (const [name, email, role, organisation] of [
				['Mo Manager', MANAGER, 'Provider manager', 'Minster Breaks'],
				['Cy Commissioner', COMMISSIONER, 'Commissioner', 'City of York Council']
			] as const) {
				await admin.getByLabel('Name').fill(name);
				await admin.getByLabel('Email address').fill(email);
				await admin.getByLabel('Role').selectOption({ label: role });
				await admin.getByLabel('Organisation').selectOption({ label: organisation });
				await submit(admin, 'Add user and make a set-password link');
				expect(await admin.locator('[role=status]').textContent()).toContain(
					`One-time link for ${name}`
				);
				if (role === 'Commissioner')
					commissionerLink = (await admin.locator('[role=status] code.secret').textContent())!;
			}
			await checkPage(admin, 'users-added');
			const table = await admin.locator('table').textContent();
			expect(table).toContain(MANAGER);
			expect(table).toContain(COMMISSIONER);
		});

		let manager: Page;

		it('signs the provider manager in through the identity provider', async () => {
			manager = await browser();
			await signInWithProvider(manager, 'mo');
			expect(new URL(manager.url()).pathname).toBe('/staff');
			await checkPage(manager, 'manager-home');
		});

		it('records six children with care packages', async () => {
			for (const [i, initials] of CHILDREN.entries()) {
				await manager.goto(`${server.url}/staff/children`);
				if (i === 0) await checkPage(manager, 'children-empty');
				await manager.getByLabel('Your reference').fill(`MB-${100 + i}`);
				await manager.getByLabel('First name or initials').fill(initials);
				// One age band for all, so that no breakdown splits six answers into small cells.
				await manager.getByLabel('Day').fill('27');
				await manager.getByLabel('Month').fill('3');
				await manager.getByLabel('Year').fill('2015');
				await manager.getByLabel('Survey version').selectOption('standard');
				await submit(manager, 'Add child');
				expect(await manager.locator('h1').textContent()).toContain(initials);
				await manager.getByLabel('Service', { exact: true }).last().selectOption({
					label: 'Minster club'
				});
				await manager.getByLabel('Start date').fill('2026-04-01');
				await manager.getByLabel('Break Time hours').fill('12');
				await submit(manager, 'Add care package');
				expect(await manager.locator('[role=status]').first().textContent()).toContain(
					'Care package added'
				);
				expect(
					await manager.getByRole('region', { name: 'Care packages' }).textContent()
				).toContain('Minster club');
				// The service's name and the link to change the package are two words apart.
				const first = manager.getByRole('region', { name: 'Care packages' }).locator('td').first();
				expect(await first.textContent()).toMatch(/^Minster club Change/);
				if (i === 0) await checkPage(manager, 'child');
			}
			await manager.goto(`${server.url}/staff/children`);
			await checkPage(manager, 'children');
		});

		it('makes an invitation card for each child', async () => {
			await manager.getByRole('link', { name: 'Invitations', exact: true }).first().click();
			await checkPage(manager, 'invitations-empty');
			for (const box of await manager.locator('input[name=children]').all()) await box.check();
			await manager.locator('#survey').selectOption('short-breaks-child-standard');
			await manager.locator('#service').selectOption({ label: 'Minster club' });
			await submit(manager, 'Create invitations and cards');
			await checkPage(manager, 'cards');
			const cards = manager.locator('.invitation-card');
			expect(await cards.count()).toBe(CHILDREN.length);
			for (const card of await cards.all())
				codes.push((await card.locator('.card-code').textContent())!.trim());
			expect(new Set(codes).size).toBe(CHILDREN.length);
		});

		it('lets one child answer in Chromium with the keyboard', async () => {
			const child = await browser();
			await child.goto(`${server.url}/code`);
			await checkPage(child, 'code');
			await child.locator('input[name="code"]').fill(codes[0]!);
			await Promise.all([child.waitForNavigation(), child.keyboard.press('Enter')]);
			const kinds = new Set<string>();
			await completeSurvey(child, async (path) => {
				const kind = path.startsWith('/answer/q/') ? 'question' : path.split('/')[2]!;
				if (kinds.has(kind)) return;
				kinds.add(kind);
				await checkPage(child, `answer-${kind}`);
			});
			expect(await child.locator('h1').textContent()).toContain('Thank you');
			expect([...kinds]).toEqual(expect.arrayContaining(['question', 'finish', 'thanks']));
		});

		it('takes five more children’s answers over HTTP', async () => {
			for (const [i, feelSafe] of HTTP_ANSWERS.entries()) {
				const child = new Client(server.url);
				const start = await child.post('/code', [['code', codes[i + 1]!]]);
				expect(start.status).toBe(303);
				let step = start.location ?? '';
				let safeAnswered = false;
				for (let n = 0; n < 80 && !step.startsWith('/answer/thanks'); n++) {
					const page = await child.get(step);
					if (page.status === 303) {
						step = page.location!;
						continue;
					}
					expect(page.status, step).toBe(200);
					const form = formsOf(step, page.html).find((f) => f.method === 'post');
					expect(form, step).toBeTruthy();
					const answer = (values: string[]) => {
						if (step !== '/answer/q/feel_safe') return values[0] ?? '';
						expect(values).toContain(feelSafe);
						safeAnswered = true;
						return feelSafe;
					};
					const sent = await child.post(
						form!.action,
						form!.fields.map((f) => [
							f.name,
							f.name === 'answer' ? answer(f.values) : (f.values[0] ?? '')
						])
					);
					expect(sent.status, step).toBe(303);
					step = sent.location!;
					// After a worrying answer the child is told who to talk to, then carries on.
					if (step === '/answer/support') step = (await child.get('/answer')).location!;
				}
				expect(step).toBe('/answer/thanks');
				expect(safeAnswered).toBe(true);
			}
			// Each "never" to feeling safe is an alert for the provider's staff.
			const worrying = HTTP_ANSWERS.filter((a) => a === 'never').length;
			await manager.goto(`${server.url}/staff`);
			const waiting =
				worrying === 1
					? '1 safeguarding alert is waiting to be acknowledged'
					: `${worrying} safeguarding alerts are waiting to be acknowledged`;
			expect(await manager.locator('.to-do').textContent()).toContain(waiting);
		});

		it('shows the council’s first quarter on the commissioner’s dashboard', async () => {
			// The council has its staff sign in with its own accounts only (the administrator's
			// command): the commissioner's link then sets up their authenticator, and no password.
			const sso = spawnSync(
				join('node_modules', '.bin', 'tsx'),
				['src/cli/council-sso.ts', 'york', 'on'],
				{ env: cliEnv, encoding: 'utf8' }
			);
			expect(sso.status, sso.stderr).toBe(0);
			const commissioner = await browser();
			await commissioner.goto(commissionerLink);
			expect(await commissioner.locator('h1').textContent()).toBe(
				'Set up your sign-in, Cy Commissioner'
			);
			await checkPage(commissioner, 'commissioner-set-up-link');
			await submit(commissioner, 'Continue');
			expect(
				(await commissioner.locator('[role=status]').textContent())!.replace(/\s+/g, ' ')
			).toContain('you will then set up your authenticator app');
			await signInWithProvider(commissioner, 'cy');
			await setUpAuthenticator(commissioner, 'commissioner-authenticator-setup');
			await commissioner.getByRole('link', { name: 'Dashboard' }).first().click();
			await commissioner.waitForURL(/\/staff\/dashboard/);
			await checkPage(commissioner, 'dashboard-default');
			await commissioner.goto(`${server.url}/staff/dashboard?period=${thisQuarter()}`);
			await checkPage(commissioner, 'dashboard-this-quarter');
			const row = commissioner.locator('table.figures tr', { hasText: SAFE }).first();
			const [percent, , ofAnswered, notCounted] = (await row.locator('td').allTextContents()).map(
				(t) => t.trim()
			);
			const expected = ((100 * POSITIVE) / ANSWERED).toFixed(1);
			expect(percent).toMatch(new RegExp(`^${expected.replace('.', '\\.')}%`));
			expect(ofAnswered).toBe(`${POSITIVE} of ${ANSWERED}`);
			expect(notCounted).toBe('0');
		});
	}
);
