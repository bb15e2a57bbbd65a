import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations, completeSurvey, sidewaysScroll } from '../helpers/walk';

const shots = 'test-results/screenshots/staff';

// The whole journey the staff side exists for, in a real browser on the demo data: a member of
// staff records a child and a care package, prints an invitation card, the child answers with the
// code and says they do not feel safe, the safeguarding lead sees and acknowledges the alert, and
// an administrator reads every step in the audit log.
describe.skipIf(!browserAvailable)('staff journey in Chromium', () => {
	let server: RunningServer;
	let staff: BrowserContext;
	let child: BrowserContext;
	let code = '';

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		server = await startServer({ DATA_DIR: tempDir('voices-data-') });
		staff = await launch();
		child = await launch();
	});
	afterAll(async () => {
		await staff?.close();
		await child?.close();
		await server?.stop();
	});

	async function checkPage(page: Page, name: string) {
		expect(await axeViolations(page), name).toEqual([]);
		await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
	}

	async function signIn(page: Page, email: string, totp?: string) {
		await page.goto(`${server.url}/sign-in`);
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Sign in' }).click()
		]);
		if (totp) {
			expect(new URL(page.url()).pathname).toBe('/sign-in/two-factor');
			await checkPage(page, 'two-factor');
			await page.getByLabel('6-digit code').fill(currentCode(totp));
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Continue' }).click()
			]);
		}
		expect(new URL(page.url()).pathname).toBe('/staff');
	}

	it('runs from a new child to an acknowledged alert, with every step audited', async () => {
		const page = await staff.newPage();
		await page.goto(`${server.url}/sign-in`);
		await checkPage(page, 'sign-in');
		await signIn(page, 'staff@example.org');
		await checkPage(page, 'home');

		// A wrong date is refused with a GOV.UK error summary, and nothing is stored.
		await page.getByRole('link', { name: 'Children', exact: true }).first().click();
		await page.getByLabel('Your reference').fill('RB-0412');
		await page.getByLabel('First name or initials').fill('Mia');
		await page.getByLabel('Day').fill('31');
		await page.getByLabel('Month').fill('2');
		await page.getByLabel('Year').fill('2016');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Add child' }).click()
		]);
		expect(await page.title()).toMatch(/^Error: /);
		expect(await page.locator('.error-summary').textContent()).toContain('must be a real date');
		await checkPage(page, 'children-error');
		await page.getByLabel('Day').fill('3');
		await page.getByLabel('Month').fill('4');
		await page.getByLabel('Autism').check();
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Add child' }).click()
		]);
		expect(await page.locator('h1').textContent()).toContain('Mia');
		await checkPage(page, 'child');

		await page.getByLabel('Start date').fill('2026-04-01');
		await page.getByLabel('Overnight hours').fill('48');
		await page.getByLabel('Break Time hours', { exact: true }).fill('12.5');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Add care package' }).click()
		]);
		expect(await page.locator('[role=status]').textContent()).toContain('Care package added');
		expect(await page.locator('table').textContent()).toContain('48.00');

		await page.getByRole('link', { name: /Create an invitation/ }).click();
		expect(await page.getByLabel(/Mia/).isChecked()).toBe(true);
		await page.getByLabel('Survey').first().selectOption('short-breaks-child-symbols');
		await page.getByLabel('Service').first().selectOption({ label: 'Riverside overnight breaks' });
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Create invitations and cards' }).click()
		]);
		await checkPage(page, 'cards');
		expect(await page.locator('.invitation-card').count()).toBe(1);
		expect(await page.locator('.card-qr svg').count()).toBe(1);
		expect(await page.locator('.card-name').textContent()).toContain('Mia');
		code = (await page.locator('.card-code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z0-9]{8}$/);
		// Printed: only the cards, on A4.
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.staff-header').isVisible()).toBe(false);
		await page.screenshot({ path: `${shots}/cards-print.png`, fullPage: true });
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
		await page.emulateMedia({ media: 'screen' });

		// The child, on their own device, types the code and answers; "I feel safe: no" is worrying.
		const tablet = await child.newPage();
		await tablet.goto(`${server.url}/code`);
		await tablet.getByRole('textbox').fill(code);
		await Promise.all([tablet.waitForNavigation(), tablet.getByRole('button').last().click()]);
		let sawSupport = false;
		await completeSurvey(tablet, async (path) => {
			if (path !== '/answer/q/feel_safe') return;
			await tablet.locator('input[value="no"]').check();
			await Promise.all([
				tablet.waitForNavigation(),
				tablet
					.getByRole('button', { name: /Next|Continue/ })
					.last()
					.click()
			]);
			expect(new URL(tablet.url()).pathname).toBe('/answer/support');
			expect(await tablet.textContent('main')).toContain('0800 1111');
			sawSupport = true;
			await Promise.all([tablet.waitForNavigation(), tablet.locator('main a.button').click()]);
		});
		expect(sawSupport).toBe(true);

		// The safeguarding lead sees the alert, opens it and acknowledges it with a note.
		await page.goto(`${server.url}/staff/invitations`);
		expect(await page.locator('tbody tr').first().textContent()).toContain('Completed');
		await page.getByRole('link', { name: 'Safeguarding alerts' }).first().click();
		await checkPage(page, 'alerts');
		await page.getByRole('link', { name: 'Mia' }).click();
		expect(await page.locator('dl').textContent()).toContain('No');
		await checkPage(page, 'alert');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Acknowledge alert' }).click()
		]);
		expect(await page.locator('.error-summary').textContent()).toContain('Enter a note');
		await page
			.getByLabel('What was done')
			.fill('Spoke with Mia and her key worker; recorded on file.');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Acknowledge alert' }).click()
		]);
		expect(await page.locator('[role=status]').textContent()).toContain('acknowledged');
		await page.goto(`${server.url}/staff/alerts`);
		expect(await page.locator('main').textContent()).toContain('Acknowledged (1)');

		// The administrator reads the trail.
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL(/\/sign-in$/);
		const admin = DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!;
		await signIn(page, admin.email, admin.totp);
		await page.locator('.staff-nav').getByRole('link', { name: 'Audit log' }).click();
		await checkPage(page, 'audit');
		const log = (await page.locator('table').textContent())!;
		for (const action of [
			'sign_in',
			'child.created',
			'child.viewed',
			'care_package.created',
			'invitation.created',
			'alert.list_viewed',
			'alert.viewed',
			'alert.acknowledged',
			'sign_out'
		]) {
			expect(log, action).toContain(action);
		}
		expect(log).toContain('staff@example.org');
		// No child's name or answer is copied into the log.
		expect(log).not.toContain('Mia');
	});

	it('works at 320 px wide without sideways scrolling', async () => {
		const fresh = await launch();
		const page = await fresh.newPage();
		await page.setViewportSize({ width: 320, height: 640 });
		await signIn(page, 'manager@example.org');
		for (const path of [
			'/staff',
			'/staff/children',
			'/staff/invitations',
			'/staff/alerts',
			'/staff/users',
			'/staff/services'
		]) {
			await page.goto(server.url + path);
			const wide = await page.evaluate(() =>
				[...document.querySelectorAll('body *')]
					.filter((e) => e.getBoundingClientRect().right > 325)
					.slice(0, 5)
					.map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
			);
			expect(await sidewaysScroll(page), `${path} ${wide.join(', ')}`).toBe(0);
			expect(await axeViolations(page), path).toEqual([]);
		}
		await page.screenshot({ path: `${shots}/children-320.png`, fullPage: true });
		await fresh.close();
	});
});
