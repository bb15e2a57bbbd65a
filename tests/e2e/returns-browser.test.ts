import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations, sidewaysScroll } from '../helpers/walk';

const shots = 'test-results/screenshots/returns';

// A quarter's return from start to end on the demo data: the provider fills it in and submits it,
// the commissioner returns it with a comment, the provider corrects and resubmits, the
// commissioner accepts it. The first revision stays readable, overdue returns are listed for the
// commissioner, and the return prints to PDF and downloads as Excel.
describe.skipIf(!browserAvailable)('provider returns in Chromium', () => {
	let server: RunningServer;
	let browser: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		server = await startServer({ DATA_DIR: tempDir('voices-data-'), DEMO_RESPONSES: '600' });
		browser = await launch();
		page = await browser.newPage();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	let lastCode = '';
	async function freshCode(key: string): Promise<string> {
		while (currentCode(key) === lastCode) await new Promise((r) => setTimeout(r, 500));
		lastCode = currentCode(key);
		return lastCode;
	}

	async function signInAs(role: 'provider_manager' | 'commissioner') {
		const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
		await browser.clearCookies();
		await page.goto(`${server.url}/sign-in`);
		await page.getByLabel('Email address').fill(account.email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Sign in' }).click()
		]);
		if (account.totp) {
			await page.getByLabel('6-digit code').fill(await freshCode(account.totp));
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Continue' }).click()
			]);
		}
	}

	async function checkPage(name: string) {
		expect(await axeViolations(page), name).toEqual([]);
		await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
	}

	async function press(name: string) {
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
	}

	const status = async (p: Page) => (await p.locator('.facts .tag').textContent())?.trim();

	const referrals = (p: Page) =>
		p
			.locator('[data-item="referrals"] tr', { hasText: 'Referrals received' })
			.locator('td')
			.textContent();

	it('goes from draft to returned, corrected and accepted, keeping every revision', async () => {
		await signInAs('provider_manager');
		await page.getByRole('link', { name: 'Returns' }).first().click();
		await page.waitForURL(/\/staff\/returns$/);
		await checkPage('provider-list');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('link', { name: 'Quarterly provider return' }).first().click()
		]);
		const url = page.url().split('?')[0]!;
		expect(url).toMatch(/\/quarterly\/\d{4}-Q[1-4]$/);
		await expect(page.locator('[data-item="children_hours"]')).toBeTruthy();
		// The demo's commissions began in April 2025: the first quarter needing attention is overdue.
		expect(await status(page)).toBe('Not started, overdue');
		await checkPage('provider-draft');

		// A check that fails: more accepted than received.
		await page.getByLabel('Referrals received').fill('4');
		await page.getByLabel('Referrals accepted').fill('6');
		await press('Submit to the council');
		expect(await page.title()).toMatch(/^Error: /);
		await expect
			.poll(() => page.locator('.error-summary').textContent())
			.toContain('Referrals accepted (6) cannot be more than referrals received (4)');
		await checkPage('provider-error');

		await page.getByLabel('Referrals accepted').fill('3');
		await page
			.getByLabel('Where a referral has not led to a service, why')
			.fill('One family moved out of the county');
		await page.getByLabel('Number of notifiable incidents').fill('0');
		await page.getByLabel('Regulator').selectOption('ofsted');
		await page.getByLabel('Latest annual rating').selectOption('good');
		await page.getByLabel('Date of the annual inspection').fill('2025-10-01');
		await press('Submit to the council');
		await expect
			.poll(() => page.locator('.notice[role=status]').textContent())
			.toContain('Revision 1 submitted');
		expect((await referrals(page))?.trim()).toBe('4');
		expect(await page.getByRole('button', { name: 'Submit to the council' }).count()).toBe(0);

		// The commissioner sees what is overdue per provider, and returns the submission.
		await signInAs('commissioner');
		await page.goto(`${server.url}/staff/returns`);
		const riverside = page.locator('tr', { hasText: 'Riverside Short Breaks' }).first();
		const [overdue, , awaiting] = (await riverside.locator('td').allTextContents()).map(Number);
		expect(overdue).toBeGreaterThan(0);
		expect(awaiting).toBe(1);
		expect(await page.locator('.tag-overdue').count()).toBeGreaterThan(0);
		await checkPage('commissioner-list');
		await page.goto(url);
		await checkPage('commissioner-decide');
		await page.getByLabel('Return for correction').check();
		await press('Record decision');
		await expect
			.poll(() => page.locator('.error-summary').textContent())
			.toContain('Say what the provider needs to correct');
		await page.getByLabel('Return for correction').check();
		await page
			.getByLabel('Comment for the provider')
			.fill('Please check the referrals: our records show five.');
		await press('Record decision');
		await expect
			.poll(() => page.locator('.notice[role=status]').textContent())
			.toContain('returned');

		// The provider reads the comment, corrects and resubmits: a new revision.
		await signInAs('provider_manager');
		await page.goto(url);
		await expect
			.poll(async () => (await page.locator('.notice-warning').allTextContents()).join(' '))
			.toContain('our records show five');
		// Returned after its due date, it stays overdue until it is submitted again, as in the list.
		expect(await status(page)).toBe('Returned for correction, overdue');
		await page.getByLabel('Referrals received').fill('5');
		await page.getByLabel('Referrals accepted').fill('4');
		await press('Submit to the council');
		await expect
			.poll(() => page.locator('.notice[role=status]').textContent())
			.toContain('Revision 2 submitted');

		// The commissioner accepts; the return is locked and both revisions are readable.
		await signInAs('commissioner');
		await page.goto(url);
		expect((await referrals(page))?.trim()).toBe('5');
		await page.getByLabel('Accept (the return is then locked)').check();
		await press('Record decision');
		await expect.poll(() => page.locator('.notice[role=status]').textContent()).toContain('locked');
		expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
		const history = await page.locator('#history-title + .table-scroll tbody tr').allTextContents();
		expect(history).toHaveLength(2);
		expect(history[0]).toContain('Accepted');
		expect(history[1]).toContain('Returned for correction');
		await page.getByRole('link', { name: 'Revision 1' }).click();
		await page.waitForURL(/revision=1/);
		expect((await referrals(page))?.trim()).toBe('4');
		await expect
			.poll(() => page.locator('.facts').first().textContent())
			.toContain('Revision 1, exactly as submitted');
		await checkPage('commissioner-revision-1');

		// Excel of the accepted revision holds the seed's headings and the corrected figure.
		await page.goto(url);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download as Excel' }).click()
		]);
		const sheets = await readXlsxFile(readFileSync(await download.path()));
		const flat = sheets[0]!.data.map((r) => r.map((c) => (c === null ? '' : String(c))));
		for (const heading of [
			'How much did we do?',
			'How well did we do it?',
			'Quality and outcomes',
			'What difference did we make?'
		])
			expect(flat.some((r) => r[0] === heading)).toBe(true);
		expect(flat.map((r) => r.slice(0, 2))).toContainEqual(['Referrals received', '5']);

		// It prints: an A4 PDF without the menus and forms, kept for looking at.
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		writeFileSync(`${shots}/accepted-return.pdf`, pdf);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(await page.locator('.staff-header').isVisible()).toBe(false);
		await page.emulateMedia({ media: 'screen' });

		// At 320 px wide nothing scrolls sideways but the wide tables inside their own box.
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
		await checkPage('narrow');
	}, 180_000);
});
