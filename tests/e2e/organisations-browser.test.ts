import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations, sidewaysScroll } from '../helpers/walk';

const shots = 'test-results/screenshots/organisations';
const admin = DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!;

// An administrator sets up a council, a provider, its service and a commission in a real
// browser, through each form's errors; every page is checked with axe, and again at 320 px.
describe.skipIf(!browserAvailable)('organisations in Chromium', () => {
	let server: RunningServer;
	let browser: BrowserContext;
	const visited: string[] = [];

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		server = await startServer({ DATA_DIR: tempDir('voices-data-') });
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	async function checkPage(page: Page, name: string) {
		expect(await axeViolations(page), name).toEqual([]);
		await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
		visited.push(new URL(page.url()).pathname);
	}

	async function submit(page: Page, button: string) {
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: button }).click()
		]);
	}

	async function signIn(page: Page, email: string, totp?: string) {
		await page.goto(`${server.url}/sign-in`);
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await submit(page, 'Sign in');
		if (totp) {
			await page.getByLabel('6-digit code').fill(currentCode(totp));
			await submit(page, 'Continue');
		}
		expect(new URL(page.url()).pathname).toBe('/staff');
	}

	it('adds a council, a provider, its service and a commission', async () => {
		const page = await browser.newPage();
		await signIn(page, admin.email, admin.totp);
		await page.getByRole('link', { name: 'Organisations', exact: true }).first().click();
		await checkPage(page, 'organisations');

		await page.getByRole('link', { name: 'Add a council' }).click();
		await page.getByLabel('Name').fill('City of York Council');
		await page.getByLabel('Code').fill('lancashire');
		await submit(page, 'Add council');
		expect(await page.title()).toMatch(/^Error: /);
		expect(await page.locator('.error-summary').textContent()).toContain(
			'A council with the code lancashire already exists'
		);
		await checkPage(page, 'council-error');
		await page.getByLabel('Code').fill('york');
		await submit(page, 'Add council');
		expect(await page.locator('[role=status]').textContent()).toContain('Council saved');

		await page.getByRole('link', { name: 'Add a provider' }).click();
		await page.getByLabel('Name', { exact: true }).fill('Minster Breaks');
		await submit(page, 'Add provider');
		expect(await page.locator('h1').textContent()).toBe('Minster Breaks');
		await checkPage(page, 'provider');

		await page.getByRole('link', { name: 'Add a service' }).click();
		await page.getByLabel('Name').fill('Minster club');
		await page.getByLabel('Council').selectOption({ label: 'City of York Council' });
		await page.getByLabel('Kind').selectOption('short_break');
		for (const box of await page.locator('input[name=hour_types]').all()) await box.uncheck();
		await submit(page, 'Add service');
		expect(await page.title()).toMatch(/^Error: /);
		expect(await page.locator('.error-summary').textContent()).toContain(
			'Choose at least one hour type'
		);
		await checkPage(page, 'service-error');
		await page.getByLabel('Break Time', { exact: true }).check();
		await submit(page, 'Add service');
		expect(await page.locator('table').textContent()).toContain('Minster club');
		await page.getByRole('link', { name: 'Change Minster club' }).click();
		await checkPage(page, 'service');

		await page.goto(`${server.url}/staff/organisations/commissions/new`);
		await page.getByLabel('Council').selectOption({ label: 'City of York Council' });
		await page.getByLabel('Provider').selectOption({ label: 'Minster Breaks' });
		await page.getByLabel('Framework').selectOption('lancashire');
		await page.getByLabel('Start date').fill('2026-04-01');
		await page.getByLabel('End date (optional)').fill('2026-03-01');
		await submit(page, 'Add commission');
		expect(await page.locator('.error-summary').textContent()).toContain(
			'End date must be the same as or after the start date'
		);
		await checkPage(page, 'commission-error');
		await page.getByLabel('End date (optional)').fill('');
		await submit(page, 'Add commission');
		expect(await page.locator('[role=status]').textContent()).toContain('Commission saved');
		await page
			.getByRole('link', { name: /City of York Council’s commission of Minster Breaks/ })
			.click();
		await checkPage(page, 'commission');
		await page.close();
	});

	it('lets a provider manager change their service', async () => {
		const context = await launch();
		const page = await context.newPage();
		await signIn(page, 'manager@example.org');
		await page.goto(`${server.url}/staff/services`);
		await page
			.getByRole('link', { name: 'Change name and hour types of Riverside Break Time' })
			.click();
		await checkPage(page, 'manager-service');
		await page.getByLabel('Overnight').uncheck();
		await submit(page, 'Save changes');
		expect(await page.locator('[role=status]').textContent()).toContain('Service saved');
		await context.close();
	});

	it('works at 320 px wide without sideways scrolling', async () => {
		const page = await browser.newPage();
		await page.setViewportSize({ width: 320, height: 640 });
		for (const path of visited.filter((p) => !p.startsWith('/staff/services/'))) {
			await page.goto(server.url + path);
			expect(await sidewaysScroll(page), path).toBe(0);
			expect(await axeViolations(page), path).toEqual([]);
		}
		await page.screenshot({ path: `${shots}/organisations-320.png`, fullPage: true });
	});
});
